//! The left panel: the open articles (virtualised, there may be thousands) and the dossiers, with the
//! countries the articles suggest and a "+" to start a dossier for one.

use egui::{Panel, RichText, ScrollArea, TextEdit, TextStyle};

use super::command::UiCommand;
use super::drag::{Dragged, Target, drop_commands};
use super::search::{article_filter_ui, article_rows};
use super::state::{AppState, ListFocus, ViewState, country_label};
use crate::model::Command;

/// The sidebar.
pub fn sidebar_ui(ui: &mut egui::Ui, state: &AppState, view: &mut ViewState, commands: &mut Vec<UiCommand>) {
    Panel::bottom("dossier_list").resizable(true).default_size(300.0).show(ui, |ui| {
        ScrollArea::vertical().id_salt("dossier_list_scroll").auto_shrink(false).show(ui, |ui| {
            dossier_list_ui(ui, state, view, commands);
        });
    });
    article_list_ui(ui, state, view, commands);
}

fn article_list_ui(ui: &mut egui::Ui, state: &AppState, view: &mut ViewState, commands: &mut Vec<UiCommand>) {
    ui.horizontal(|ui| {
        ui.heading("Articles");
        let selected = view.article.clone().filter(|hash| state.workspace.article(hash).is_some());
        if let Some(hash) = selected
            && ui.button("Close article").clicked()
        {
            commands.push(UiCommand::apply(Command::RemoveArticles(vec![hash])));
        }
    });
    let articles = &state.workspace.articles;
    if articles.is_empty() {
        ui.label(RichText::new("None open yet.").weak());
        return;
    }
    article_filter_ui(ui, &mut view.article_filter);
    let key = (state.generation, view.article_filter.clone());
    let rows = match view.article_rows.take() {
        Some((cached, rows)) if cached == key => rows,
        _ => article_rows(&state.workspace, &view.article_filter),
    };
    if rows.len() < articles.len() {
        ui.label(RichText::new(format!("{} of {} articles", rows.len(), articles.len())).weak().small());
    }
    let row_height = ui.text_style_height(&TextStyle::Body).max(ui.spacing().interact_size.y);
    let mut area = ScrollArea::vertical().id_salt("article_list").auto_shrink(false);
    // An article chosen with the keyboard: bring its row to the middle of the list.
    if std::mem::take(&mut view.scroll_list_to_article)
        && let Some(index) = view
            .article
            .as_deref()
            .and_then(|h| rows.iter().position(|&i| articles.get(i).is_some_and(|a| a.hash == h)))
    {
        let step = row_height + ui.spacing().item_spacing.y;
        area = area.vertical_scroll_offset((index as f32 * step - (ui.available_height() - row_height) / 2.0).max(0.0));
    }
    area.show_rows(ui, row_height, rows.len(), |ui, range| {
        for article in rows[range].iter().filter_map(|&i| articles.get(i)) {
            let selected = view.article.as_deref() == Some(article.hash.as_str());
            let cards = article.analysis.actors.len() + article.analysis.statements.len();
            let label = ui
                .selectable_label(selected, article.display_name())
                .on_hover_text(format!("{}\n{cards} cards", article.source));
            if label.clicked() {
                view.list_focus = ListFocus::Articles;
                view.select_article(&article.hash);
            }
        }
    });
    view.article_rows = Some((key, rows));
}

fn dossier_list_ui(ui: &mut egui::Ui, state: &AppState, view: &mut ViewState, commands: &mut Vec<UiCommand>) {
    let workspace = &state.workspace;
    ui.heading("Dossiers");
    if workspace.dossiers.is_empty() {
        ui.label(RichText::new("None yet: add a card to a country, or start one below.").weak());
    }
    for dossier in &workspace.dossiers {
        let dirty = if workspace.dirty.contains(&dossier.country) { " •" } else { "" };
        let text = format!("{} ({}){dirty}", dossier.name, dossier.cards.len());
        let selected = view.dossier.as_deref() == Some(dossier.country.as_str());
        let row = ui.selectable_label(selected, text);
        if row.dnd_hover_payload::<Dragged>().is_some() {
            ui.painter().rect_stroke(row.rect, 3.0, ui.visuals().selection.stroke, egui::StrokeKind::Inside);
        }
        if let Some(dragged) = row.dnd_release_payload::<Dragged>() {
            let entities = super::entities::entities(state, view);
            commands.extend(drop_commands(
                (workspace, &entities),
                &dragged,
                &dossier.country,
                Target { section: None, at_card: None },
            ));
            view.dossier = Some(dossier.country.clone());
        } else if row.clicked() {
            view.dossier = if selected { None } else { Some(dossier.country.clone()) };
        }
    }
    let countries = view.countries(state);
    if !countries.suggested.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Suggested by the articles").weak());
        let (first, rest) = countries.suggested.split_at(countries.suggested.len().min(SUGGESTIONS_SHOWN));
        ui.horizontal_wrapped(|ui| {
            for country in first {
                suggestion_ui(ui, country, view, commands);
            }
            // The rest in a menu, laid out only when opened: hundreds of articles can name a hundred
            // countries, and a hundred buttons would be laid out on every frame.
            if !rest.is_empty() {
                ui.menu_button(format!("{} more…", rest.len()), |ui| {
                    for country in rest {
                        suggestion_ui(ui, country, view, commands);
                    }
                });
            }
        });
    }
    ui.add_space(6.0);
    let label = ui.label("New dossier");
    let country = crate::lexicon::find_country(&view.new_country);
    ui.horizontal(|ui| {
        // Leave room for the button at any sidebar width.
        let width = (ui.available_width() - 64.0).max(60.0);
        let field = TextEdit::singleline(&mut view.new_country).hint_text("country or code").desired_width(width);
        let field = ui.add(field).labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let button = ui
            .add_enabled(country.is_some(), egui::Button::new("Create"))
            .on_disabled_hover_text("Type a country's name or its two-letter code");
        if let Some(country) = country.filter(|_| button.clicked() || entered) {
            view.dossier = Some(country.to_owned());
            view.new_country.clear();
            if workspace.dossier(country).is_none() {
                let name = country_label(country);
                commands.push(UiCommand::apply(Command::CreateDossier { country: country.to_owned(), name }));
            }
        }
    });
    if country.is_none() && !view.new_country.trim().is_empty() {
        ui.label(egui::RichText::new("No country by that name or code.").weak().small());
    }
}

/// How many suggested countries are shown as buttons; the others are in a menu.
const SUGGESTIONS_SHOWN: usize = 12;

/// "+ <Country>": starts a dossier on a country the articles suggest.
fn suggestion_ui(ui: &mut egui::Ui, country: &str, view: &mut ViewState, commands: &mut Vec<UiCommand>) {
    let name = country_label(country);
    if ui.button(format!("+ {name}")).on_hover_text(format!("Start a dossier on {name}")).clicked() {
        view.dossier = Some(country.to_owned());
        commands.push(UiCommand::apply(Command::CreateDossier { country: country.to_owned(), name }));
        ui.close_kind(egui::UiKind::Menu);
    }
}
