//! The bottom panel: the selected dossier, its three sections (key actors, statements by its actors,
//! statements about it by others) with the analyst's order, and the analyst's notes. Key actors show once
//! per entity, statements under their speaker's entity; the *Timeline* view shows every statement by the
//! date of its article instead (undated ones last).

use std::sync::{Arc, mpsc};

use egui::{Panel, RichText, ScrollArea, Sense, TextEdit};

use super::command::UiCommand;
use super::drag::{Dragged, Target, drop_commands};
use super::preferences::PanelSizes;
use super::state::{AppState, DossierRow as Row, ListFocus, ViewState};
use crate::export::{Speaker, human_date, reported_by, speakers, timeline};
use crate::lexicon::country_label;
use crate::model::{CardRef, Command, Dossier, DossierCard, Section, Wording};

/// The dossier panel for `view.dossier`.
pub fn dossier_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    view: &mut ViewState,
    sizes: &mut PanelSizes,
    commands: &mut Vec<UiCommand>,
) {
    let Some(dossier) = view.dossier.as_deref().and_then(|c| state.workspace.dossier(c)) else {
        ui.label(RichText::new("This dossier no longer exists.").weak());
        return;
    };
    ui.horizontal_wrapped(|ui| {
        let (toggle, tip) = if view.dossier_collapsed {
            ("Expand", "Show the dossier's sections and notes")
        } else {
            ("Collapse", "Show only this bar, leaving the room to the article")
        };
        if ui.button(toggle).on_hover_text(tip).clicked() {
            view.dossier_collapsed = !view.dossier_collapsed;
        }
        let dirty = if state.workspace.dirty.contains(&dossier.country) { " •" } else { "" };
        ui.heading(format!("{} ({}){dirty}", dossier.name, dossier.country));
        if ui.button("Export briefing…").clicked() {
            commands.push(UiCommand::ExportDialog);
        }
        if ui.button("HTML…").on_hover_text("Export the briefing as one HTML page (prints to PDF)").clicked() {
            commands.push(UiCommand::ExportHtmlDialog);
        }
        let to_folder = ui.button("Export to dossier folder");
        if to_folder
            .on_hover_text("Write <name>-briefing.md and .html beside the dossier files, without a dialog")
            .clicked()
        {
            commands.push(UiCommand::ExportToFolder);
        }
        if ui.button("Hide dossier").clicked() {
            view.last_dossier = view.dossier.take();
        }
    });
    if view.dossier_collapsed {
        return;
    }
    ui.separator();
    let width = ui.available_width();
    let notes = Panel::right("dossier_notes")
        .resizable(true)
        .default_size(sizes.dossier_notes.min(width * 0.35))
        .min_size(140.0)
        .show(ui, |ui| notes_ui(ui, dossier, commands));
    if super::preferences::resize_ended(ui.ctx()) {
        sizes.dossier_notes = notes.response.rect.width();
    }
    // The view's order: statements by speaker (false) or the timeline (true), per dossier.
    let order_id = egui::Id::unique(("dossier_timeline", &dossier.country));
    let mut timeline = ui.data(|d| d.get_temp::<bool>(order_id)).unwrap_or(false);
    ui.horizontal_wrapped(|ui| {
        ui.label("Statements:");
        let by_speaker = ui.selectable_value(&mut timeline, false, "By speaker");
        by_speaker.on_hover_text("Key actors once per entity; statements under their speaker, in your order");
        let dated = ui.selectable_value(&mut timeline, true, "Timeline");
        dated.on_hover_text("Every statement by the date of its article, oldest first; undated ones last");
    });
    ui.data_mut(|d| d.insert_temp(order_id, timeline));
    let Some(shared) = state.workspace.dossiers.iter().find(|d| d.country == dossier.country) else { return };
    sections_ui(ui, state, shared, timeline, view, commands);
}

/// Up to this many cards, a dossier's rows are built in the frame that needs them; a bigger dossier's
/// are built on a worker thread while the panel shows its rows as they were (a 10,000-card dossier takes
/// tens of milliseconds to group by entity, more than a frame).
const ROWS_IN_FRAME: usize = 1_500;

/// The rows of the dossier panel and the dossier (as it was) they were built from; a newer version's
/// rows, while a worker builds them.
pub struct Rows {
    built_from: Arc<Dossier>,
    timeline: bool,
    rows: Arc<Vec<Row>>,
    pending: Option<(Arc<Dossier>, bool, mpsc::Receiver<Vec<Row>>)>,
}

impl Rows {
    fn built(dossier: &Arc<Dossier>, timeline: bool, rows: Vec<Row>) -> Self {
        Self { built_from: Arc::clone(dossier), timeline, rows: Arc::new(rows), pending: None }
    }

    fn is_for(&self, dossier: &Arc<Dossier>, timeline: bool) -> bool {
        Arc::ptr_eq(&self.built_from, dossier) && self.timeline == timeline
    }
}

/// The rows for `dossier` as it is now, or, while a worker builds those, the rows of the same dossier as
/// it was a moment ago with that version of it (rows point into their own version's cards).
fn current_rows(ctx: &egui::Context, cached: Option<Rows>, dossier: &Arc<Dossier>, timeline: bool) -> Rows {
    let mut cached = cached.filter(|c| c.built_from.country == dossier.country);
    if let Some(c) = cached.take_if(|c| c.is_for(dossier, timeline)) {
        return c;
    }
    if dossier.cards.len() <= ROWS_IN_FRAME {
        return Rows::built(dossier, timeline, rows(dossier, timeline));
    }
    if let Some(mut c) = cached {
        // One worker at a time: while it builds the rows of some version, the panel shows the rows it has;
        // rows of a version already superseded are still newer than those, and the next worker starts
        // from the dossier as it is then.
        match c.pending.take() {
            Some((wanted, order, done)) => match done.try_recv() {
                Ok(rows) if Arc::ptr_eq(&wanted, dossier) && order == timeline => {
                    return Rows::built(dossier, timeline, rows);
                }
                Ok(rows) => {
                    let mut newer = Rows::built(&wanted, order, rows);
                    newer.pending = Some((Arc::clone(dossier), timeline, build_rows_on_worker(ctx, dossier, timeline)));
                    return newer;
                }
                Err(mpsc::TryRecvError::Empty) => {
                    c.pending = Some((wanted, order, done));
                    return c;
                }
                // The worker is gone: build them here.
                Err(mpsc::TryRecvError::Disconnected) => {
                    return Rows::built(dossier, timeline, rows(dossier, timeline));
                }
            },
            None => {
                c.pending = Some((Arc::clone(dossier), timeline, build_rows_on_worker(ctx, dossier, timeline)));
                return c;
            }
        }
    }
    // Nothing to show meanwhile (the dossier was just opened): build them here, once.
    Rows::built(dossier, timeline, rows(dossier, timeline))
}

/// Builds `dossier`'s rows on a worker thread, waking the UI when they are ready.
fn build_rows_on_worker(ctx: &egui::Context, dossier: &Arc<Dossier>, timeline: bool) -> mpsc::Receiver<Vec<Row>> {
    let (tx, rx) = mpsc::channel();
    let (dossier, ctx) = (Arc::clone(dossier), ctx.clone());
    let spawned = std::thread::Builder::new().name("dossier-rows".to_owned()).spawn(move || {
        let _ = tx.send(rows(&dossier, timeline));
        ctx.request_repaint();
    });
    // No thread (the sender is dropped with the closure): the next frame builds them itself.
    drop(spawned);
    rx
}

fn notes_ui(ui: &mut egui::Ui, dossier: &Dossier, commands: &mut Vec<UiCommand>) {
    let label = ui.label("Analyst notes");
    let mut notes = dossier.notes.clone();
    ScrollArea::vertical().id_salt("notes_scroll").show(ui, |ui| {
        let edit = TextEdit::multiline(&mut notes)
            .id_salt(("notes", &dossier.country))
            .hint_text("Notes for the briefing (Markdown)")
            .desired_width(f32::INFINITY)
            .desired_rows(8);
        if ui.add(edit).labelled_by(label.id).changed() {
            commands.push(UiCommand::apply(Command::SetNotes { country: dossier.country.clone(), notes }));
        }
    });
}

/// The rows of the section list: key actors once per entity; statements under their speaker's heading, or
/// (`timeline`) all of them by date.
fn rows(dossier: &Dossier, timeline_order: bool) -> Vec<Row> {
    let mut rows = Vec::with_capacity(dossier.cards.len() + 2 * Section::ALL.len());
    // A card's place in the dossier's list, from its address in it: constant time, so the rows of a
    // 10,000-card dossier are built in linear time.
    let base = dossier.cards.as_ptr() as usize;
    let size = std::mem::size_of::<DossierCard>().max(1);
    let index = |card: &DossierCard| {
        let at = (card as *const DossierCard as usize).wrapping_sub(base) / size;
        if dossier.cards.get(at).is_some_and(|c| std::ptr::eq(c, card)) { at } else { 0 }
    };
    let actors = speakers(dossier, Section::KeyActors);
    rows.push(Row::Title(Section::KeyActors, actors.len()));
    if actors.is_empty() {
        rows.push(Row::Empty(Section::KeyActors));
    }
    for actor in &actors {
        if let Some(first) = actor.cards.first() {
            rows.push(Row::Card(index(first), actor_line(actor)));
        }
    }
    if timeline_order {
        let cards = timeline(dossier);
        rows.push(Row::Timeline(cards.len()));
        rows.extend(cards.into_iter().map(|card| {
            let date = card.published().map_or_else(|| "undated".to_owned(), human_date);
            Row::Card(index(card), format!("{date} · {}", summary(card)))
        }));
        return rows;
    }
    for section in [Section::StatementsBy, Section::StatementsAbout] {
        let groups = speakers(dossier, section);
        rows.push(Row::Title(section, groups.iter().map(|g| g.cards.len()).sum()));
        if groups.is_empty() {
            rows.push(Row::Empty(section));
        }
        for group in groups {
            rows.push(Row::Speaker(section, speaker_heading(&group)));
            let mut cards = group.cards;
            // The analyst's order within a speaker (the briefing gives them by date).
            cards.sort_by_key(|c| index(c));
            rows.extend(cards.into_iter().map(|card| Row::Card(index(card), statement_line(card))));
        }
    }
    rows
}

/// A key actor once per entity: "Tony Blair, Prime Minister (person, GB) — 3 articles".
fn actor_line(actor: &Speaker<'_>) -> String {
    let mut line = actor.name.to_owned();
    if let Some(role) = actor.role {
        line.push_str(&format!(", {role}"));
    }
    let country = actor.country.map(|c| format!(", {}", country_label(c))).unwrap_or_default();
    line.push_str(&format!(" ({}{country})", actor.kind.label()));
    let articles = actor.sources().len();
    if articles > 1 {
        line.push_str(&format!(" — {articles} articles"));
    }
    line
}

/// "Tony Blair (Prime Minister, United Kingdom)".
fn speaker_heading(speaker: &Speaker<'_>) -> String {
    let name = if speaker.name.trim().is_empty() { "Unknown speaker" } else { speaker.name };
    let details: Vec<String> =
        speaker.role.map(str::to_owned).into_iter().chain(speaker.country.map(country_label)).collect();
    if details.is_empty() { name.to_owned() } else { format!("{name} ({})", details.join(", ")) }
}

/// A statement under its speaker: cue and content, and how many articles report it.
fn statement_line(card: &DossierCard) -> String {
    let line = match (&card.cue, &card.content) {
        (Some(cue), Some(content)) => format!("{cue}: {}", Wording::of(card.direct, content).show(content)),
        _ => summary(card),
    };
    match card.also.len() {
        0 => line,
        n => format!("{line} [{} sources]", n + 1),
    }
}

/// The section list, virtualised: only the rows in view are laid out, and the rows are rebuilt only when
/// the workspace changed or another dossier is shown. Every row takes drops: a card dropped on a
/// section's title, placeholder or cards goes into that section (at the card it was dropped on).
fn sections_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    shared: &Arc<Dossier>,
    timeline_order: bool,
    view: &mut ViewState,
    commands: &mut Vec<UiCommand>,
) {
    // Grouping runs entity resolution over the cards: once per change of this dossier or the order.
    let cache = current_rows(ui.ctx(), view.dossier_rows.take(), shared, timeline_order);
    let (rows, dossier) = (Arc::clone(&cache.rows), Arc::clone(&cache.built_from));
    view.dossier_rows = Some(cache);
    let row_height = ui.spacing().interact_size.y;
    let dragging = egui::DragAndDrop::has_payload_of_type::<Dragged>(ui.ctx());
    ScrollArea::vertical().id_salt("dossier_sections").auto_shrink(false).show_rows(
        ui,
        row_height,
        rows.len(),
        |ui, range| {
            for (offset, row) in rows[range.clone()].iter().enumerate() {
                let (rect, target) = match *row {
                    Row::Title(section, count) => {
                        let title = ui.label(RichText::new(format!("{} ({count})", section.title())).strong());
                        (title.rect, Target { section: Some(section), at_card: None })
                    }
                    Row::Empty(section) => {
                        let text = if dragging { "    drop here" } else { "    nothing yet" };
                        let empty = ui.label(RichText::new(text).weak());
                        (empty.rect, Target { section: Some(section), at_card: None })
                    }
                    Row::Speaker(section, ref heading) => {
                        let label = ui.label(RichText::new(format!("  {heading}")).italics());
                        (label.rect, Target { section: Some(section), at_card: None })
                    }
                    Row::Timeline(count) => {
                        let title = ui.label(RichText::new(format!("Timeline ({count})")).strong());
                        (title.rect, Target { section: None, at_card: None })
                    }
                    Row::Card(index, ref line) => {
                        let Some(card) = dossier.cards.get(index) else {
                            continue;
                        };
                        let rect = card_row_ui(ui, state, &dossier, card, line, view, commands);
                        (rect, Target { section: Some(card.section), at_card: Some(index) })
                    }
                };
                let rect = egui::Rect::from_min_max(rect.min, egui::pos2(ui.max_rect().right(), rect.max.y));
                let zone =
                    ui.interact(rect, ui.scope_id().with(("dossier_drop", range.start + offset)), Sense::hover());
                if zone.dnd_hover_payload::<Dragged>().is_some() {
                    let y = rect.bottom() + ui.spacing().item_spacing.y / 2.0;
                    ui.painter().hline(rect.x_range(), y, ui.visuals().selection.stroke);
                }
                if let Some(dragged) = zone.dnd_release_payload::<Dragged>() {
                    let entities = super::entities::entities(state, view);
                    commands.extend(drop_commands((&state.workspace, &entities), &dragged, &dossier.country, target));
                }
            }
        },
    );
}

/// One dossier card: Up, Down, Remove, Move to… (statements), and its summary, which selects it (and
/// can be dragged to another place). Returns the row's rectangle.
fn card_row_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    dossier: &Dossier,
    card: &DossierCard,
    line: &str,
    view: &mut ViewState,
    commands: &mut Vec<UiCommand>,
) -> egui::Rect {
    let country = &dossier.country;
    // The summary first and as wide as the row allows, the buttons at the row's right end; where the
    // panel is too narrow for both on one line, the buttons go on a line of their own under the summary,
    // so they never squeeze the summary to a few letters.
    let height = ui.spacing().interact_size.y;
    let one_line = ui.available_width() >= ROW_WITH_BUTTONS;
    let right_to_left = egui::Layout::right_to_left(egui::Align::Center);
    ui.vertical(|ui| {
        if one_line {
            ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), height), right_to_left, |ui| {
                row_buttons_ui(ui, country, card, commands);
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    row_summary_ui(ui, state, country, card, line, view);
                });
            });
        } else {
            row_summary_ui(ui, state, country, card, line, view);
            ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), height), right_to_left, |ui| {
                row_buttons_ui(ui, country, card, commands);
            });
        }
    })
    .response
    .rect
}

/// Width of a dossier row below which its buttons go on a line of their own.
const ROW_WITH_BUTTONS: f32 = 460.0;

/// A dossier card's buttons, right to left: Move (statements), Remove, Down, Up.
fn row_buttons_ui(ui: &mut egui::Ui, country: &str, card: &DossierCard, commands: &mut Vec<UiCommand>) {
    if card.section != Section::KeyActors {
        let other =
            if card.section == Section::StatementsBy { Section::StatementsAbout } else { Section::StatementsBy };
        let text = format!("Move to “{}”", other.title());
        if ui.small_button("Move").on_hover_text(&text).clicked() {
            let set = Command::SetSection { country: country.to_owned(), card: card.id.clone(), section: other };
            commands.push(UiCommand::apply(set));
        }
    }
    if ui.small_button("Remove").on_hover_text("Remove from this dossier").clicked() {
        commands.push(UiCommand::apply(Command::RemoveCard { country: country.to_owned(), card: card.id.clone() }));
    }
    let mut moved = |offset| {
        commands.push(UiCommand::apply(Command::MoveCard {
            country: country.to_owned(),
            card: card.id.clone(),
            offset,
        }))
    };
    if ui.small_button("Down").on_hover_text("Move down within the section").clicked() {
        moved(1);
    }
    if ui.small_button("Up").on_hover_text("Move up within the section").clicked() {
        moved(-1);
    }
}

/// A dossier card's summary: selects it, drags it, and shows its sentence (and its sources) on hover.
fn row_summary_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    country: &str,
    card: &DossierCard,
    line: &str,
    view: &mut ViewState,
) {
    let selected = view.dossier_card.as_deref() == Some(card.id.as_str());
    let label = ui.add(egui::Button::selectable(selected, line).truncate()).interact(Sense::drag());
    let hover = match reported_by(card) {
        Some(_) if !card.is_statement() => {
            let articles: Vec<String> = card.sources().map(|s| format!("- {}", s.label())).collect();
            format!("{}\n\nIn {} articles:\n{}", card.source.sentence, articles.len(), articles.join("\n"))
        }
        Some(reported) => format!("{}\n\n{reported}", card.source.sentence),
        None => card.source.sentence.clone(),
    };
    let label = label.on_hover_text(hover);
    label.dnd_set_drag_payload(Dragged::DossierCard {
        country: country.to_owned(),
        id: card.id.clone(),
        label: summary(card),
    });
    if label.clicked() {
        select_dossier_card(state, view, card);
    }
}

/// Selects a dossier card; its source card too while its article is open (otherwise the card panel
/// shows the card as saved, with its sentence and the way back to its file).
fn select_dossier_card(state: &AppState, view: &mut ViewState, card: &DossierCard) {
    view.list_focus = ListFocus::Dossier;
    view.dossier_card = Some(card.id.clone());
    match card_ref(card).filter(|c| state.workspace.article(&c.article).is_some()) {
        Some(source) => view.select_card(source, true),
        None => {
            view.card = None;
            view.edit = None;
        }
    }
}

/// One line for a dossier card: who, and for a statement what they said.
fn summary(card: &DossierCard) -> String {
    let mut who = card.name.clone();
    if let Some(role) = &card.role {
        who.push_str(&format!(", {role}"));
    }
    match (&card.cue, &card.content) {
        (Some(cue), Some(content)) => format!("{who} {cue}: {}", Wording::of(card.direct, content).show(content)),
        _ => format!("{who} ({})", card.kind.label()),
    }
}

/// The open-article card a dossier card was made from (its id is `<article hash>/<card id>`).
fn card_ref(card: &DossierCard) -> Option<CardRef> {
    let (article, id) = card.id.split_once('/')?;
    Some(CardRef { article: article.to_owned(), card: id.to_owned() })
}
