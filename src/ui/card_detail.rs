//! The selected card, in full: every field of an actor or statement card, and what the analyst can do
//! with it: add it to a country's dossier, edit it in place, reject (or restore) it, merge actors.

use egui::{ComboBox, Grid, RichText, TextEdit};

use super::command::UiCommand;
use super::state::{AppState, CardEdit, ViewState, country_label, dossier_name};
use crate::entity::Resolver;
use crate::model::{Actor, ActorKind, Article, CardRef, Command, DossierCard, Report, Statement, Wording, Workspace};

/// The selected card's fields and actions.
pub fn card_detail_ui(ui: &mut egui::Ui, state: &AppState, view: &mut ViewState, commands: &mut Vec<UiCommand>) {
    let Some(card) = view.card.clone() else {
        if let Some(saved) = closed_dossier_card(state, view) {
            saved_card_ui(ui, saved, commands);
        } else {
            ui.label(RichText::new("Select a card in the list above or a highlight in the text.").weak());
        }
        return;
    };
    let Some(article) = state.workspace.article(&card.article) else {
        ui.label(RichText::new("The article of this card is no longer open.").weak());
        return;
    };
    // Kept up to date incrementally: a card added to a dossier carries its entity at no cost here.
    let entities = super::entities::entities(state, view);
    if let Some(actor) = article.analysis.actor(&card.card) {
        actor_ui(ui, (&state.workspace, &entities), article, actor, view, commands);
        if view.filter.all_articles {
            super::entities::entity_ui(ui, state, view, article, actor, commands);
        }
    } else if let Some(statement) = article.analysis.statement(&card.card) {
        // Across the articles (as the list under *All articles* shows them): the same statement elsewhere.
        let repeats =
            if view.filter.all_articles { super::entities::repeats_of(ui, state, view, &card) } else { Vec::new() };
        statement_ui(ui, (&state.workspace, &entities), article, statement, &repeats, view, commands);
    } else {
        ui.label(RichText::new("This card no longer exists (merged or undone).").weak());
    }
}

fn actor_ui(
    ui: &mut egui::Ui,
    (workspace, entities): (&Workspace, &Resolver),
    article: &Article,
    actor: &Actor,
    view: &mut ViewState,
    commands: &mut Vec<UiCommand>,
) {
    let card = CardRef { article: article.hash.clone(), card: actor.id.clone() };
    ui.heading(&actor.name);
    if matches!(&view.edit, Some(CardEdit::Actor { target, .. }) if *target == card) {
        actor_edit_ui(ui, actor, view, commands);
        return;
    }
    ui.horizontal_wrapped(|ui| {
        let countries = actor.country.iter().cloned().collect();
        add_buttons_ui(ui, (workspace, entities), &card, &[], countries, &mut view.dossier, commands);
        if ui.button("Edit card").clicked() {
            view.edit = Some(CardEdit::Actor {
                target: card.clone(),
                name: actor.name.clone(),
                role: actor.role.clone().unwrap_or_default(),
                country: actor.country.clone().unwrap_or_default(),
            });
        }
        reject_button_ui(ui, article, &card, commands);
        merge_ui(ui, article, actor, view, commands);
    });
    ui.add_space(4.0);
    // One grid per card: a grid remembers its row heights, and a new one lays itself out before it shows.
    Grid::new(("actor_fields", &card)).num_columns(2).striped(true).show(ui, |ui| {
        field(ui, "Kind", actor.kind.label());
        field(ui, "Role", actor.role.as_deref().unwrap_or("—"));
        let country =
            actor.country.as_deref().map_or_else(|| "—".to_owned(), |c| format!("{} ({c})", country_label(c)));
        field(ui, "Country", &country);
        if let Some(evidence) = &actor.country_evidence {
            field(ui, "Evidence", evidence);
        }
        field(ui, "Mentions", &actor.mentions.len().to_string());
        field(ui, "Confidence", &format!("{:.2}", actor.confidence));
        if !actor.rule.is_empty() {
            field(ui, "Why", &why(&actor.rule));
        }
        field(ui, "Source", &article.display_name());
    });
}

/// A statement card; `repeats`: the same statement in other open articles (added with it, as more
/// sources of one dossier card).
fn statement_ui(
    ui: &mut egui::Ui,
    (workspace, entities): (&Workspace, &Resolver),
    article: &Article,
    statement: &Statement,
    repeats: &[CardRef],
    view: &mut ViewState,
    commands: &mut Vec<UiCommand>,
) {
    let card = CardRef { article: article.hash.clone(), card: statement.id.clone() };
    let speaker = article.analysis.speaker(statement);
    ui.heading("Statement");
    if matches!(&view.edit, Some(CardEdit::Statement { target, .. }) if *target == card) {
        statement_edit_ui(ui, article, statement, view, commands);
        return;
    }
    let mut countries: Vec<String> = speaker.and_then(|s| s.country.clone()).into_iter().collect();
    for country in &statement.about {
        if !countries.contains(country) {
            countries.push(country.clone());
        }
    }
    if !repeats.is_empty() {
        let titles: Vec<String> = std::iter::once(&card)
            .chain(repeats)
            .filter_map(|c| workspace.article(&c.article))
            .map(|a| a.display_name())
            .collect();
        let text = format!("The same statement in {} articles: {}", titles.len(), titles.join("; "));
        ui.label(RichText::new(text).weak());
    }
    ui.horizontal_wrapped(|ui| {
        add_buttons_ui(ui, (workspace, entities), &card, repeats, countries, &mut view.dossier, commands);
        if ui.button("Edit card").clicked() {
            view.edit = Some(CardEdit::Statement {
                target: card.clone(),
                speaker: statement.speaker.clone(),
                cue: statement.cue.clone(),
                content: statement.content.clone(),
            });
        }
        reject_button_ui(ui, article, &card, commands);
    });
    ui.add_space(4.0);
    Grid::new(("statement_fields", &card)).num_columns(2).striped(true).show(ui, |ui| {
        let who = speaker.map_or_else(
            || "unknown".to_owned(),
            |s| {
                let mut who = s.name.clone();
                if let Some(role) = &s.role {
                    who.push_str(&format!(", {role}"));
                }
                // "Pakistan (Pakistan)" says nothing: a country actor's country is itself.
                if let Some(country) = s.country.as_ref().filter(|_| s.kind != ActorKind::Country) {
                    who.push_str(&format!(" ({})", country_label(country)));
                }
                who
            },
        );
        field(ui, "Speaker", &who);
        field(ui, "Cue", if statement.cue.is_empty() { "—" } else { &statement.cue });
        field(ui, "Content", &statement.content);
        field(ui, "Form", Wording::of(statement.direct, &statement.content).label());
        if !statement.about.is_empty() {
            let about: Vec<String> = statement.about.iter().map(|c| country_label(c)).collect();
            field(ui, "About", &about.join(", "));
        }
        field(ui, "Source", &article.display_name());
        field(ui, "Confidence", &format!("{:.2}", statement.confidence));
        // The rule or model decision behind the card: the cue's pattern, then how the speaker was found.
        if !statement.rule.is_empty() {
            field(ui, "Why", &why(&statement.rule));
        }
    });
    let sentence = article.sentence_of(statement);
    if !sentence.is_empty() {
        ui.label(RichText::new(sentence).italics().weak());
    }
}

/// A card's rule as the card detail shows it: the arrow of "pronoun 'she' → …" is not in the app's
/// font, so it reads "->".
fn why(rule: &str) -> String {
    rule.replace('→', "->")
}

fn field(ui: &mut egui::Ui, name: &str, value: &str) {
    ui.label(RichText::new(name).weak());
    ui.add(egui::Label::new(value).wrap());
    ui.end_row();
}

/// "Add to <Country>" for each country the card concerns (`countries`), then for the analyst's other
/// dossiers; "In <Country>" where it already is. The cards of `repeats` (the same statement in other
/// articles) come as more sources of the one card added.
fn add_buttons_ui(
    ui: &mut egui::Ui,
    (workspace, entities): (&Workspace, &Resolver),
    card: &CardRef,
    repeats: &[CardRef],
    mut countries: Vec<String>,
    shown_dossier: &mut Option<String>,
    commands: &mut Vec<UiCommand>,
) {
    if countries.is_empty() {
        ui.label(RichText::new("No country of its own.").weak());
    }
    for dossier in &workspace.dossiers {
        if !countries.contains(&dossier.country) {
            countries.push(dossier.country.clone());
        }
    }
    for country in countries {
        let name = dossier_name(workspace, &country);
        if workspace.dossier(&country).is_some_and(|d| d.contains(&card.key())) {
            ui.label(RichText::new(format!("In {name}")).weak());
            continue;
        }
        if ui.button(format!("Add to {name}")).clicked()
            && let Some(mut dossier_card) = workspace.card_with(&card.article, &card.card, &country, entities)
        {
            let more = repeats.iter().filter_map(|r| workspace.card_with(&r.article, &r.card, &country, entities));
            dossier_card.also.extend(more.map(|c| Report { id: c.id, source: c.source }));
            *shown_dossier = Some(country.clone());
            commands.push(UiCommand::apply(Command::AddCard { country, name, card: dossier_card }));
        }
    }
}

fn reject_button_ui(ui: &mut egui::Ui, article: &Article, card: &CardRef, commands: &mut Vec<UiCommand>) {
    let rejected = article.is_rejected(&card.card);
    let label = if rejected { "Restore" } else { "Reject" };
    if ui.button(label).clicked() {
        commands.push(UiCommand::apply(Command::SetRejected {
            article: card.article.clone(),
            card: card.card.clone(),
            rejected: !rejected,
        }));
    }
}

fn merge_ui(ui: &mut egui::Ui, article: &Article, actor: &Actor, view: &mut ViewState, commands: &mut Vec<UiCommand>) {
    if article.analysis.actors.len() < 2 {
        return;
    }
    ui.horizontal(|ui| {
        let label = ui.label("Merge into…");
        let combo = ComboBox::from_id_salt("merge_into").selected_text("choose an actor").show_ui(ui, |ui| {
            for other in article.analysis.actors.iter().filter(|a| a.id != actor.id) {
                if ui.selectable_label(false, &other.name).clicked() {
                    commands.push(UiCommand::apply(Command::MergeActors {
                        article: article.hash.clone(),
                        keep: other.id.clone(),
                        merge: actor.id.clone(),
                    }));
                    view.select_card(CardRef { article: article.hash.clone(), card: other.id.clone() }, true);
                }
            }
        });
        combo.response.labelled_by(label.id);
    });
}

/// A text field with a visible label that is also its accessible name.
fn labelled_text(ui: &mut egui::Ui, name: &str, text: &mut String, multiline: bool) {
    let label = ui.label(name);
    let edit = if multiline { TextEdit::multiline(text).desired_rows(3) } else { TextEdit::singleline(text) };
    ui.add(edit.desired_width(f32::INFINITY)).labelled_by(label.id);
    ui.end_row();
}

fn actor_edit_ui(ui: &mut egui::Ui, actor: &Actor, view: &mut ViewState, commands: &mut Vec<UiCommand>) {
    let Some(CardEdit::Actor { target, name, role, country }) = &mut view.edit else {
        return;
    };
    Grid::new("actor_edit").num_columns(2).show(ui, |ui| {
        labelled_text(ui, "Name", name, false);
        labelled_text(ui, "Role", role, false);
        labelled_text(ui, "Country", country, false);
    });
    // The one lookup New dossier uses: a name, an alias or a code; nothing else is taken.
    let typed = country.trim();
    let resolved = crate::lexicon::find_country(typed);
    if !typed.is_empty() {
        let text = match resolved {
            Some(code) => format!("{} ({code})", country_label(code)),
            None => format!(
                "No country by that name or code: “{typed}”. Type a country's name or its two-letter code, or leave it empty."
            ),
        };
        let text = RichText::new(text).small();
        ui.label(if resolved.is_some() { text.weak() } else { text.color(ui.visuals().error_fg_color) });
    }
    let valid = typed.is_empty() || resolved.is_some();
    let mut done = false;
    ui.horizontal(|ui| {
        let apply =
            ui.add_enabled(valid, egui::Button::new("Apply")).on_disabled_hover_text("The country is not known");
        if apply.clicked() {
            let mut edited = actor.clone();
            if !name.trim().is_empty() {
                edited.name = name.trim().to_owned();
            }
            edited.role = Some(role.trim().to_owned()).filter(|r| !r.is_empty());
            let code = resolved.map(str::to_owned);
            if code != actor.country {
                edited.country_evidence = code.as_ref().map(|_| "set by the analyst".to_owned());
                edited.country = code;
            }
            commands.push(UiCommand::apply(Command::EditActor { article: target.article.clone(), actor: edited }));
            done = true;
        }
        done |= ui.button("Cancel").clicked();
    });
    if done {
        view.edit = None;
    }
}

fn statement_edit_ui(
    ui: &mut egui::Ui,
    article: &Article,
    statement: &Statement,
    view: &mut ViewState,
    commands: &mut Vec<UiCommand>,
) {
    let Some(CardEdit::Statement { target, speaker, cue, content }) = &mut view.edit else {
        return;
    };
    let current = speaker.as_deref().and_then(|id| article.analysis.actor(id)).map_or("unknown", |a| &a.name);
    ComboBox::from_label("Speaker").selected_text(current).show_ui(ui, |ui| {
        ui.selectable_value(speaker, None, "unknown");
        for actor in &article.analysis.actors {
            ui.selectable_value(speaker, Some(actor.id.clone()), &actor.name);
        }
    });
    Grid::new("statement_edit").num_columns(2).show(ui, |ui| {
        labelled_text(ui, "Cue", cue, false);
        labelled_text(ui, "Content", content, true);
    });
    let mut done = false;
    ui.horizontal(|ui| {
        if ui.button("Apply").clicked() {
            let mut edited = statement.clone();
            edited.speaker = speaker.clone();
            edited.cue = cue.trim().to_owned();
            edited.content = content.trim().to_owned();
            commands
                .push(UiCommand::apply(Command::EditStatement { article: target.article.clone(), statement: edited }));
            done = true;
        }
        done |= ui.button("Cancel").clicked();
    });
    if done {
        view.edit = None;
    }
}

/// The dossier card selected in the dossier panel, when its article is not open.
fn closed_dossier_card<'a>(state: &'a AppState, view: &ViewState) -> Option<&'a DossierCard> {
    let id = view.dossier_card.as_deref()?;
    let dossier = state.workspace.dossier(view.dossier.as_deref()?)?;
    let card = dossier.cards.iter().find(|c| c.id == id)?;
    let (article, _) = id.split_once('/')?;
    state.workspace.article(article).is_none().then_some(card)
}

/// A dossier card as it was saved: its article is closed, so the saved sentence stands in for the text,
/// with a way to open the file again (or word that it is gone).
fn saved_card_ui(ui: &mut egui::Ui, card: &DossierCard, commands: &mut Vec<UiCommand>) {
    ui.heading(&card.name);
    Grid::new(("saved_card", &card.id)).num_columns(2).striped(true).show(ui, |ui| {
        field(ui, "Kind", card.kind.label());
        if let Some(role) = &card.role {
            field(ui, "Role", role);
        }
        if let (Some(cue), Some(content)) = (&card.cue, &card.content) {
            field(ui, "Cue", cue);
            field(ui, "Content", content);
        }
        field(ui, "Source", card.source.title.as_deref().unwrap_or(&card.source.path));
        if let Some(reported) = crate::export::reported_by(card) {
            field(ui, "Sources", &reported);
        }
    });
    ui.label(RichText::new(&card.source.sentence).italics());
    ui.add_space(6.0);
    let path = std::path::Path::new(&card.source.path);
    if path.is_file() {
        ui.label(RichText::new("Its article is not open.").weak());
        if ui.button("Reopen the article").on_hover_text(&card.source.path).clicked() {
            commands.push(UiCommand::OpenPaths(vec![path.to_owned()]));
        }
    } else {
        let gone =
            format!("Its article is not open, and {} is gone: the saved sentence is all there is.", card.source.path);
        ui.label(RichText::new(gone).weak());
    }
}
