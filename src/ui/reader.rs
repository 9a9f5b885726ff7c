//! The central panel: the selected article's text with its actors and statements highlighted. Clicking a
//! highlight selects its card; selecting a card elsewhere scrolls the reader to its sentence. A highlight,
//! or a statement's sentence, drags its card onto a dossier as a row of the card list does.

use std::sync::Arc;

use egui::text::CCursor;
use egui::{Align, Color32, RichText, ScrollArea, Sense, TextStyle, WidgetInfo};

use super::command::UiCommand;
use super::drag::Dragged;
use super::highlight::{self, Palette};
use super::state::{AppState, ReaderKey, ViewState};
use crate::model::{ActorKind, Article, ArticleMeta, CardRef, Command};

/// The reader panel.
pub fn reader_ui(ui: &mut egui::Ui, state: &AppState, view: &mut ViewState, commands: &mut Vec<UiCommand>) {
    let article = view.article.as_deref().and_then(|hash| state.workspace.article(hash));
    let Some(article) = article else {
        empty_ui(ui, state, commands);
        return;
    };
    ui.heading(article.display_name());
    source_ui(ui, article, commands);
    ui.label(RichText::new(&article.source).weak());
    legend_ui(ui);
    for warning in &article.analysis.warnings {
        ui.label(RichText::new(warning).color(ui.visuals().warn_fg_color));
    }
    ui.separator();
    ScrollArea::vertical().id_salt("reader").auto_shrink(false).show(ui, |ui| text_ui(ui, state, view, article));
}

fn empty_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<UiCommand>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        if state.workspace.articles.is_empty() {
            ui.heading("No articles open");
            ui.label(
                "Open news articles (.txt, .md, .html, saved pages .mhtml, emails .eml, .pdf, .docx), or drop them \
                 on this window.",
            );
            if ui.button("Open articles…").clicked() {
                commands.push(UiCommand::OpenDialog);
            }
        } else {
            ui.label("Select an article on the left.");
        }
    });
}

/// The analyst's corrections of an article's source while they are being typed, kept in egui's memory.
#[derive(Clone, Debug, Default)]
struct SourceDraft {
    title: String,
    outlet: String,
    published: String,
    authors: String,
    url: String,
}

impl SourceDraft {
    fn of(article: &Article) -> Self {
        Self {
            title: article.title.clone().unwrap_or_default(),
            outlet: article.meta.outlet.clone().unwrap_or_default(),
            published: article.meta.published.clone().unwrap_or_default(),
            authors: article.meta.authors.join(", "),
            url: article.meta.url.clone().unwrap_or_default(),
        }
    }

    /// The command that stores the draft (empty fields become unknown).
    fn command(&self, article: &Article) -> Command {
        let field = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        Command::EditMeta {
            article: article.hash.clone(),
            title: field(&self.title),
            meta: ArticleMeta {
                published: field(&self.published),
                authors: self.authors.split([',', ';']).filter_map(field).collect(),
                outlet: field(&self.outlet),
                url: field(&self.url),
            },
        }
    }
}

/// Outlet, date, authors and address under the title, and a form to correct them.
fn source_ui(ui: &mut egui::Ui, article: &Article, commands: &mut Vec<UiCommand>) {
    let id = egui::Id::unique(("source draft", &article.hash));
    let draft: Option<SourceDraft> = ui.data(|d| d.get_temp(id));
    let Some(mut draft) = draft else {
        ui.horizontal_wrapped(|ui| {
            let meta = &article.meta;
            let mut shown = false;
            for (label, value) in [
                ("Outlet", meta.outlet.clone()),
                ("Published", meta.published.clone()),
                ("By", (!meta.authors.is_empty()).then(|| meta.authors.join(", "))),
            ] {
                if let Some(value) = value {
                    ui.label(RichText::new(format!("{label}: {value}")).strong());
                    shown = true;
                }
            }
            if let Some(url) = &meta.url {
                ui.hyperlink_to(url, url);
                shown = true;
            }
            if !shown {
                ui.label(RichText::new("No outlet, date or address known").weak());
            }
            if ui
                .small_button("Edit source…")
                .on_hover_text("Correct the title, outlet, date, authors and address")
                .clicked()
            {
                ui.data_mut(|d| d.insert_temp(id, SourceDraft::of(article)));
            }
        });
        return;
    };
    let mut done = None;
    egui::Grid::new(id.with("grid")).num_columns(2).show(ui, |ui| {
        for (label, value) in [
            ("Title", &mut draft.title),
            ("Outlet", &mut draft.outlet),
            ("Published (YYYY-MM-DD)", &mut draft.published),
            ("Authors (comma-separated)", &mut draft.authors),
            ("Address (URL)", &mut draft.url),
        ] {
            let label = ui.label(label);
            ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY)).labelled_by(label.id);
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        if ui.button("Apply").clicked() {
            done = Some(true);
        }
        if ui.button("Cancel").clicked() {
            done = Some(false);
        }
    });
    match done {
        Some(apply) => {
            if apply {
                commands.push(UiCommand::Apply(Box::new(draft.command(article))));
            }
            ui.data_mut(|d| d.remove::<SourceDraft>(id));
        }
        None => {
            ui.data_mut(|d| d.insert_temp(id, draft));
        }
    }
}

fn legend_ui(ui: &mut egui::Ui) {
    let palette = palette(ui);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        for kind in ActorKind::ALL {
            ui.label(RichText::new(kind.label()).underline().color(palette.kind(kind)));
        }
        ui.label(RichText::new("cue").color(palette.cue));
        ui.label(RichText::new("quoted").background_color(palette.quote_background));
        ui.label(RichText::new("reported").background_color(palette.reported_background));
    });
}

fn palette(ui: &egui::Ui) -> Palette {
    Palette::new(ui.visuals().dark_mode, ui.visuals().text_color())
}

fn text_ui(ui: &mut egui::Ui, state: &AppState, view: &mut ViewState, article: &Article) {
    let selected = view.card.as_ref().filter(|c| c.article == article.hash).map(|c| c.card.clone());
    let width = ui.available_width().max(100.0);
    let key = ReaderKey {
        generation: state.generation,
        article: article.hash.clone(),
        card: selected.clone().map(|card| CardRef { article: article.hash.clone(), card }),
        width,
        dark_mode: ui.visuals().dark_mode,
    };
    let galley = match &view.reader_galley {
        Some((cached, galley)) if *cached == key => Arc::clone(galley),
        _ => {
            let font = TextStyle::Body.resolve(ui.style());
            let job = highlight::reader_job(article, selected.as_deref(), &palette(ui), font, width);
            let galley = ui.painter().layout_job(job);
            view.reader_galley = Some((key, Arc::clone(&galley)));
            galley
        }
    };

    let (id, rect) = ui.allocate_space(galley.size());
    let byte_at = |pos: egui::Pos2| byte_of_char(&article.text, galley.cursor_from_pos(pos - rect.min).index.0);
    // A card's words (or a statement's sentence) can be dragged onto a dossier: the text senses a drag
    // only where the pointer was pressed (or rests) on one, so elsewhere the text scrolls as before.
    let origin = ui.input(|i| if i.pointer.any_down() { i.pointer.press_origin() } else { i.pointer.hover_pos() });
    let dragged = origin.filter(|pos| rect.contains(*pos)).and_then(|pos| Dragged::from_text(article, byte_at(pos)));
    let sense = if dragged.is_some() { Sense::click_and_drag() } else { Sense::click() };
    let response = ui.interact(rect, id, sense);
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, galley.text()));
    ui.painter().galley(rect.min, Arc::clone(&galley), Color32::PLACEHOLDER);
    if let Some(dragged) = dragged {
        response.dnd_set_drag_payload(dragged);
    }

    if response.clicked()
        && let Some(pointer) = response.interact_pointer_pos()
        && let Some(card) = highlight::card_at(article, byte_at(pointer))
    {
        view.select_card(CardRef { article: article.hash.clone(), card }, false);
    }

    if view.scroll_to_card {
        view.scroll_to_card = false;
        if let Some(span) = selected.and_then(|card| highlight::focus_span(article, &card)) {
            let from = galley.pos_from_cursor(CCursor::new(char_of_byte(&article.text, span.start)));
            let to = galley.pos_from_cursor(CCursor::new(char_of_byte(&article.text, span.end)));
            let target = from.union(to).translate(rect.min.to_vec2());
            ui.scroll_to_rect(target, Some(Align::Center));
        }
    }
}

/// The byte offset of the `index`th character (the end of the text past the last one).
fn byte_of_char(text: &str, index: usize) -> usize {
    text.char_indices().nth(index).map_or(text.len(), |(byte, _)| byte)
}

/// The character index of a byte offset (on a character boundary).
fn char_of_byte(text: &str, byte: usize) -> usize {
    text.get(..byte.min(text.len())).map_or(0, |head| head.chars().count())
}
