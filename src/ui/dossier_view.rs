//! The bottom panel: the selected dossier, its three sections (key actors, statements by its actors,
//! statements about it by others) with the analyst's order, and the analyst's notes.

use egui::{Panel, RichText, ScrollArea, TextEdit};

use super::command::UiCommand;
use super::state::{AppState, DossierRow as Row, ViewState};
use crate::model::{CardRef, Command, Dossier, DossierCard, Section, Wording};

/// The dossier panel for `view.dossier`.
pub fn dossier_ui(ui: &mut egui::Ui, state: &AppState, view: &mut ViewState, commands: &mut Vec<UiCommand>) {
    let Some(dossier) = view.dossier.as_deref().and_then(|c| state.workspace.dossier(c)) else {
        ui.label(RichText::new("This dossier no longer exists.").weak());
        return;
    };
    ui.horizontal(|ui| {
        let dirty = if state.workspace.dirty.contains(&dossier.country) { " •" } else { "" };
        ui.heading(format!("{} ({}){dirty}", dossier.name, dossier.country));
        if ui.button("Export briefing…").clicked() {
            commands.push(UiCommand::ExportDialog);
        }
        let to_folder = ui.button("Export to dossier folder");
        if to_folder.on_hover_text("Write <name>-briefing.md beside the dossier files, without a dialog").clicked() {
            commands.push(UiCommand::ExportToFolder);
        }
        if ui.button("Hide dossier").clicked() {
            view.dossier = None;
        }
    });
    ui.separator();
    Panel::right("dossier_notes").resizable(true).default_size(420.0).show(ui, |ui| notes_ui(ui, dossier, commands));
    sections_ui(ui, state.generation, dossier, view, commands);
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

fn rows(dossier: &Dossier) -> Vec<Row> {
    let mut rows = Vec::with_capacity(dossier.cards.len() + 2 * Section::ALL.len());
    for section in Section::ALL {
        let cards: Vec<usize> = (0..dossier.cards.len()).filter(|&i| dossier.cards[i].section == section).collect();
        rows.push(Row::Title(section, cards.len()));
        if cards.is_empty() {
            rows.push(Row::Empty);
        }
        rows.extend(cards.into_iter().map(Row::Card));
    }
    rows
}

/// The section list, virtualised: only the rows in view are laid out, and the rows are rebuilt only when
/// the workspace changed or another dossier is shown.
fn sections_ui(
    ui: &mut egui::Ui,
    generation: u64,
    dossier: &Dossier,
    view: &mut ViewState,
    commands: &mut Vec<UiCommand>,
) {
    let key = (generation, dossier.country.clone());
    let rows = match view.dossier_rows.take() {
        Some((cached, rows)) if cached == key => rows,
        _ => rows(dossier),
    };
    let row_height = ui.spacing().interact_size.y;
    ScrollArea::vertical().id_salt("dossier_sections").auto_shrink(false).show_rows(
        ui,
        row_height,
        rows.len(),
        |ui, range| {
            for row in &rows[range] {
                match *row {
                    Row::Title(section, count) => {
                        ui.label(RichText::new(format!("{} ({count})", section.title())).strong());
                    }
                    Row::Empty => {
                        ui.label(RichText::new("    nothing yet").weak());
                    }
                    Row::Card(index) => {
                        if let Some(card) = dossier.cards.get(index) {
                            card_row_ui(ui, dossier, card, view, commands);
                        }
                    }
                }
            }
        },
    );
    view.dossier_rows = Some((key, rows));
}

fn card_row_ui(
    ui: &mut egui::Ui,
    dossier: &Dossier,
    card: &DossierCard,
    view: &mut ViewState,
    commands: &mut Vec<UiCommand>,
) {
    let country = &dossier.country;
    ui.horizontal(|ui| {
        let mut moved = |offset| {
            commands.push(UiCommand::apply(Command::MoveCard {
                country: country.clone(),
                card: card.id.clone(),
                offset,
            }))
        };
        if ui.small_button("Up").on_hover_text("Move up within the section").clicked() {
            moved(-1);
        }
        if ui.small_button("Down").on_hover_text("Move down within the section").clicked() {
            moved(1);
        }
        if ui.small_button("Remove").on_hover_text("Remove from this dossier").clicked() {
            commands.push(UiCommand::apply(Command::RemoveCard { country: country.clone(), card: card.id.clone() }));
        }
        let source = card_ref(card);
        let selected = source.is_some() && view.card == source;
        let label = ui.add(egui::Button::selectable(selected, summary(card)).truncate());
        if label.on_hover_text(&card.source.sentence).clicked()
            && let Some(source) = source
        {
            view.select_card(source, true);
        }
    });
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
