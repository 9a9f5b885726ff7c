//! Entities across the open articles, for the card panel: under *All articles* the Actors list shows one
//! card per entity, and the selected actor's entity can be merged with another or split off. The entities
//! are resolved once per change of the workspace (with the analyst's alias table) and kept in the view.

use std::sync::Arc;

use egui::{ComboBox, RichText};

use super::command::UiCommand;
use super::state::{AppState, CardRow, ViewState, country_label};
use crate::entity::duplicates::Repeats;
use crate::entity::{Entity, Resolver};
use crate::model::{Actor, ActorRef, Article, CardRef, Command, EntityDecisions, Workspace};

/// The entities of the open articles and what they were resolved from: the generation, the articles
/// (by address: an edited article is a new `Arc`) and the analyst's decisions.
#[derive(Clone, Debug)]
pub struct Resolved {
    generation: u64,
    articles: Vec<usize>,
    decisions: EntityDecisions,
    resolver: Arc<Resolver>,
}

/// The addresses of the open articles, which tell a change to them from a change elsewhere.
fn article_addresses(workspace: &Workspace) -> Vec<usize> {
    workspace.articles.iter().map(|a| Arc::as_ptr(a) as usize).collect()
}

/// The entities of the workspace as it is now. They are resolved again only when the articles or the
/// analyst's decisions changed (not on a change to a dossier), and only for the new articles when
/// articles were opened: opening one more article costs in proportion to it, not to the workspace.
pub fn entities(state: &AppState, view: &mut ViewState) -> Arc<Resolver> {
    let workspace = &state.workspace;
    if let Some(cached) = &mut view.entities {
        if cached.generation == state.generation {
            return Arc::clone(&cached.resolver);
        }
        let articles = article_addresses(workspace);
        if cached.decisions == workspace.entities && articles.starts_with(&cached.articles) {
            let old = cached.articles.len();
            if articles.len() > old {
                let resolver = Arc::make_mut(&mut cached.resolver);
                for article in &workspace.articles[old..] {
                    resolver.resolve_article(article);
                }
            }
            cached.articles = articles;
            cached.generation = state.generation;
            return Arc::clone(&cached.resolver);
        }
    }
    let resolver = Arc::new(workspace.resolve_entities());
    view.entities = Some(Resolved {
        generation: state.generation,
        articles: article_addresses(workspace),
        decisions: workspace.entities.clone(),
        resolver: Arc::clone(&resolver),
    });
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
    let resolver = entities(state, view);
    // Found again only when the articles or the analyst's decisions changed (what the entities follow
    // from), not on a change to a dossier.
    let key = state.articles_fingerprint();
    if let Some((for_key, repeats)) = ui.data(|d| d.get_temp::<(u64, Arc<Repeats>)>(id)) {
        if for_key == key {
            return repeats;
        }
    }
    let list: Vec<&Article> = state.workspace.articles.iter().map(|a| &**a).collect();
    let repeats =
        Arc::new(Repeats::of(&list, |article, actor| resolver.entity_of(&article.hash, actor).map(|e| e.id.clone())));
    ui.data_mut(|d| d.insert_temp(id, (key, Arc::clone(&repeats))));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleMeta, DossierCard, content_hash};

    fn article(text: &str) -> Article {
        Article {
            source: format!("{}.txt", &content_hash(text)[..8]),
            title: None,
            meta: ArticleMeta::default(),
            hash: content_hash(text),
            analysis: crate::extract::extract(text),
            text: text.to_owned(),
            rejected: Vec::new(),
        }
    }

    /// Each actor of the open articles with its entity's id.
    fn entity_ids(resolver: &Resolver, workspace: &Workspace) -> Vec<(String, String, Option<String>)> {
        let mut ids = Vec::new();
        for a in &workspace.articles {
            for x in &a.analysis.actors {
                ids.push((a.hash.clone(), x.name.clone(), resolver.entity_of(&a.hash, &x.id).map(|e| e.id.clone())));
            }
        }
        ids
    }

    fn change(state: &mut AppState, command: Command) {
        assert!(state.workspace.apply(command).is_ok());
        state.generation += 1;
    }

    #[test]
    fn entities_are_kept_across_dossier_changes_and_extended_for_one_more_article() {
        let mut state = AppState::default();
        let mut view = ViewState::default();
        change(
            &mut state,
            Command::AddArticles(vec![
                article("Anna Berg, the finance minister, said on Monday that taxes would rise next year."),
                article("Tomas Lind, a trade union leader, said workers would strike in the spring."),
            ]),
        );
        let first = entities(&state, &mut view);
        let (hash, actor) = {
            let a = &state.workspace.articles[0];
            (a.hash.clone(), a.analysis.actors[0].clone())
        };
        let card = DossierCard::from_actor(&state.workspace.articles[0], &actor);
        change(&mut state, Command::AddCard { country: "SE".into(), name: "Sweden".into(), card });
        // A change to a dossier: the same resolution, not a new one.
        assert!(Arc::ptr_eq(&first, &entities(&state, &mut view)));
        let anna = first.entity_of(&hash, &actor.id).map(|e| e.id.clone());
        drop(first);

        change(&mut state, Command::AddArticles(vec![article("Anna Berg said on Tuesday that the budget was fair.")]));
        let extended = entities(&state, &mut view);
        assert_eq!(
            entity_ids(&extended, &state.workspace),
            entity_ids(&state.workspace.resolve_entities(), &state.workspace)
        );
        let third = &state.workspace.articles[2];
        let again = third.analysis.actors.iter().find(|x| x.name == "Anna Berg").map(|x| x.id.clone());
        assert_eq!(again.and_then(|id| extended.entity_of(&third.hash, &id).map(|e| e.id.clone())), anna);
    }
}
