//! Entities across the open articles, for the card panel: under *All articles* the Actors list shows one
//! card per entity, and the selected actor's entity can be merged with another or split off. The entities
//! are resolved once per change of the workspace (with the analyst's alias table) and kept in the view.

use std::sync::Arc;

use egui::{ComboBox, RichText};

use super::command::UiCommand;
use super::state::{AppState, CardRow, ViewState, country_label};
use crate::entity::duplicates::Repeats;
use crate::entity::{Entity, Overrides, Resolver};
use crate::model::{Actor, ActorRef, Article, CardRef, Command, Workspace};

/// The entities of the workspace as it is now.
pub fn entities(state: &AppState, view: &mut ViewState) -> Arc<Resolver> {
    if let Some((generation, resolver)) = &view.entities {
        if *generation == state.generation {
            return Arc::clone(resolver);
        }
    }
    let resolver = Arc::new(resolve(&state.workspace));
    view.entities = Some((state.generation, Arc::clone(&resolver)));
    resolver
}

/// Resolves every open article, in order, with the analyst's decisions.
pub fn resolve(workspace: &Workspace) -> Resolver {
    let mut resolver = Resolver::new(Overrides::from(&workspace.entities));
    for article in &workspace.articles {
        resolver.resolve_article(article);
    }
    resolver
}

/// Keeps the first row of each entity (rows of actors with no entity stay).
pub fn one_row_per_entity(rows: Vec<CardRow>, workspace: &Workspace, resolver: &Resolver) -> Vec<CardRow> {
    let mut seen = rustc_hash::FxHashSet::default();
    rows.into_iter()
        .filter(|row| {
            let Some(article) = workspace.articles.get(row.article) else { return false };
            let Some(actor) = article.analysis.actors.get(row.card) else { return false };
            resolver.entity_of(&article.hash, &actor.id).is_none_or(|e| seen.insert(e.id.clone()))
        })
        .collect()
}

/// The statements of the open articles that repeat one another (by entity), for the workspace as it is
/// now: kept in egui's memory until the workspace changes.
pub fn repeats(ui: &egui::Ui, state: &AppState, view: &mut ViewState) -> Arc<Repeats> {
    let id = egui::Id::unique("statement_repeats");
    if let Some((generation, repeats)) = ui.data(|d| d.get_temp::<(u64, Arc<Repeats>)>(id)) {
        if generation == state.generation {
            return repeats;
        }
    }
    let resolver = entities(state, view);
    let articles: Vec<&Article> = state.workspace.articles.iter().map(|a| &**a).collect();
    let repeats = Arc::new(Repeats::of(&articles, |article, actor| {
        resolver.entity_of(&article.hash, actor).map(|e| e.id.clone())
    }));
    ui.data_mut(|d| d.insert_temp(id, (state.generation, Arc::clone(&repeats))));
    repeats
}

/// The other statements of the open articles that are the same statement as `card` (whichever of them
/// `card` is).
pub fn repeats_of(ui: &egui::Ui, state: &AppState, view: &mut ViewState, card: &CardRef) -> Vec<CardRef> {
    let repeats = repeats(ui, state, view);
    let articles = &state.workspace.articles;
    let Some(a) = articles.iter().position(|x| x.hash == card.article) else { return Vec::new() };
    let Some(s) = articles[a].analysis.statements.iter().position(|x| x.id == card.card) else { return Vec::new() };
    let first = repeats.first_of.get(&(a, s)).copied().unwrap_or((a, s));
    let mut group: Vec<(usize, usize)> =
        repeats.first_of.iter().filter(|(_, f)| **f == first).map(|(k, _)| *k).collect();
    group.push(first);
    group.sort_unstable();
    group
        .into_iter()
        .filter(|&k| k != (a, s))
        .filter_map(|(a, s)| {
            let article = articles.get(a)?;
            Some(CardRef { article: article.hash.clone(), card: article.analysis.statements.get(s)?.id.clone() })
        })
        .collect()
}

/// Keeps the first row of each repeated statement: the rows of its repeats in other articles go, unless
/// the filter left the first one out.
pub fn one_row_per_statement(rows: Vec<CardRow>, repeats: &Repeats) -> Vec<CardRow> {
    let shown: rustc_hash::FxHashSet<(usize, usize)> = rows.iter().map(|r| (r.article, r.card)).collect();
    rows.into_iter()
        .filter(|row| repeats.first_of.get(&(row.article, row.card)).is_none_or(|first| !shown.contains(first)))
        .collect()
}

/// The second line of an entity's row: kind, role, country, and how many articles and statements.
pub fn entity_detail(entity: &Entity) -> String {
    let mut detail = vec![entity.kind.label().to_owned()];
    detail.extend(entity.role.clone());
    detail.extend(entity.country().map(country_label));
    detail.push(format!("{} article{}", entity.articles, if entity.articles == 1 { "" } else { "s" }));
    detail.push(format!("{} statement{}", entity.statements, if entity.statements == 1 { "" } else { "s" }));
    detail.join(" · ")
}

/// The selected actor's entity: where else it appears, "Same as…" another entity, "Split off".
pub fn entity_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    view: &mut ViewState,
    article: &Article,
    actor: &Actor,
    commands: &mut Vec<UiCommand>,
) {
    let resolver = entities(state, view);
    let Some(entity) = resolver.entity_of(&article.hash, &actor.id) else { return };
    ui.add_space(6.0);
    ui.label(RichText::new(format!("Entity: {} — {}", entity.name, entity_detail(entity))).weak());
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Same as");
        let mut chosen: Option<&Entity> = None;
        let mut others: Vec<&Entity> =
            resolver.entities.iter().filter(|e| e.kind == entity.kind && e.id != entity.id).collect();
        others.sort_by(|a, b| a.name.cmp(&b.name));
        let combo = ComboBox::from_id_salt("entity_same_as").selected_text("choose an entity…").show_ui(ui, |ui| {
            for other in others {
                if ui.selectable_label(false, format!("{} ({})", other.name, entity_detail(other))).clicked() {
                    chosen = Some(other);
                }
            }
        });
        combo.response.labelled_by(label.id);
        if let Some(into) = chosen {
            let names = actor_names(&state.workspace, entity);
            commands.push(UiCommand::apply(Command::MergeEntities {
                kind: entity.kind,
                names,
                into: into.name.clone(),
            }));
        }
        if entity.actors.len() > 1 && ui.button("Split off this card").clicked() {
            let actors = vec![ActorRef { article: article.hash.clone(), actor: actor.id.clone() }];
            commands.push(UiCommand::apply(Command::SplitEntity {
                actors,
                kind: entity.kind,
                names: vec![actor.name.clone()],
            }));
        }
    });
}

/// The distinct names of an entity's actors.
fn actor_names(workspace: &Workspace, entity: &Entity) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (hash, id) in &entity.actors {
        if let Some(actor) = workspace.article(hash).and_then(|a| a.analysis.actor(id)) {
            if !names.contains(&actor.name) {
                names.push(actor.name.clone());
            }
        }
    }
    names
}
