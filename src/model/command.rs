//! Every change to the workspace is a [`Command`] applied by [`Workspace::apply`]: the one place where
//! articles, cards and dossiers change, so undo, redo, the UI and the tests share one path.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{
    Actor, ActorKind, ActorRef, Article, ArticleMeta, Dossier, DossierCard, EntityAlias, EntityDecisions, Report,
    Section, Statement, Workspace,
};

/// A change to the workspace. Applying one returns its inverse, which undo applies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Command {
    /// Opens analysed articles (ones already open, by hash, are skipped).
    AddArticles(Vec<Article>),
    /// Closes the articles with these hashes.
    RemoveArticles(Vec<String>),
    /// Replaces an actor card of an article (matched by the actor's id).
    EditActor { article: String, actor: Actor },
    /// Replaces a statement card of an article (matched by the statement's id).
    EditStatement { article: String, statement: Statement },
    /// Corrects an article's title and metadata (date, authors, outlet, address); the sources of its
    /// cards already in dossiers follow, so that the briefing cites the corrected source.
    EditMeta { article: String, title: Option<String>, meta: ArticleMeta },
    /// Rejects (or restores) a card of an article.
    SetRejected { article: String, card: String, rejected: bool },
    /// Merges actor `merge` into `keep`: mentions join, statements follow, `merge` disappears.
    MergeActors { article: String, keep: String, merge: String },
    /// Creates an empty dossier for a country, if there is none.
    CreateDossier { country: String, name: String },
    /// Deletes a dossier.
    RemoveDossier { country: String },
    /// Adds a card to a country's dossier (creating the dossier if needed). Already there: no change.
    AddCard { country: String, name: String, card: DossierCard },
    /// Removes a card from a dossier.
    RemoveCard { country: String, card: String },
    /// Puts a card back at `index` of a dossier's list (the inverse of `RemoveCard`). Already there: no
    /// change.
    InsertCard { country: String, index: usize, card: DossierCard },
    /// Moves a card `offset` places up (negative) or down within its section.
    MoveCard { country: String, card: String, offset: i32 },
    /// Moves a card to `index` of the dossier's list (the inverse of `MoveCard`).
    PlaceCard { country: String, card: String, index: usize },
    /// Replaces a dossier's notes.
    SetNotes { country: String, notes: String },
    /// Puts back a whole article (the inverse of the card edits).
    RestoreArticle { index: usize, article: Article },
    /// Puts back a whole dossier, or removes it when `None` (the inverse of creating and deleting one).
    RestoreDossier { country: String, dossier: Option<Dossier> },
    /// Moves a statement card to another section of its dossier (an actor card stays under key actors,
    /// and a statement never goes there).
    SetSection { country: String, card: String, section: Section },
    /// Entities across articles: every actor of `kind` named one of `names` is the same real-world actor
    /// as the one named `into` (remembered in the workspace's alias table, so later articles follow).
    MergeEntities { kind: ActorKind, names: Vec<String>, into: String },
    /// Splits these actor cards off their entity: each stays an entity of its own, and aliases that
    /// joined their names to another are dropped.
    SplitEntity { actors: Vec<ActorRef>, kind: ActorKind, names: Vec<String> },
    /// Puts back the whole alias table (the inverse of merging and splitting).
    RestoreEntityDecisions(EntityDecisions),
    /// Puts closed articles back, each at its index in the list (the inverse of closing them).
    RestoreArticles(Vec<(usize, Article)>),
    /// Adds more sources to a dossier card (the same statement or actor in other articles), each at its
    /// index of the card's other sources, in order (the inverse of `RemoveSources`). Ones already there
    /// are left out.
    AddSources { country: String, card: String, reports: Vec<(usize, Report)> },
    /// Removes the other sources `ids` from a dossier card (the inverse of adding a duplicate).
    RemoveSources { country: String, card: String, ids: Vec<String> },
}

/// Why a command could not be applied. The workspace is unchanged when this is returned.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CommandError {
    #[error("no open article with hash {0}")]
    NoArticle(String),
    #[error("article has no card {0}")]
    NoCard(String),
    #[error("there is no dossier for {0}")]
    NoDossier(String),
    #[error("cannot merge an actor into itself")]
    SelfMerge,
    #[error("{0} cannot go in that section")]
    WrongSection(String),
}

impl Command {
    /// The dossier this command changes, if any.
    pub fn dossier(&self) -> Option<&str> {
        match self {
            Self::CreateDossier { country, .. }
            | Self::RemoveDossier { country }
            | Self::AddCard { country, .. }
            | Self::RemoveCard { country, .. }
            | Self::InsertCard { country, .. }
            | Self::MoveCard { country, .. }
            | Self::PlaceCard { country, .. }
            | Self::SetNotes { country, .. }
            | Self::RestoreDossier { country, .. }
            | Self::SetSection { country, .. }
            | Self::AddSources { country, .. }
            | Self::RemoveSources { country, .. } => Some(country),
            _ => None,
        }
    }
}

impl Workspace {
    /// Applies `command` and returns the command that undoes it.
    pub fn apply(&mut self, command: Command) -> Result<Command, CommandError> {
        match command {
            Command::AddArticles(articles) => {
                let mut added = Vec::new();
                for article in articles {
                    self.remember_recent(&article.source);
                    if self.article(&article.hash).is_none() {
                        added.push(article.hash.clone());
                        self.articles.push(Arc::new(article));
                    }
                }
                Ok(Command::RemoveArticles(added))
            }
            Command::RemoveArticles(hashes) => {
                // Each closed article goes back where it was: re-adding them at the end changed the
                // order of the list on undo (found by the property tests).
                let mut placed = Vec::new();
                let mut index = 0;
                self.articles.retain(|a| {
                    let close = hashes.contains(&a.hash);
                    if close {
                        placed.push((index, Article::clone(a)));
                    }
                    index += 1;
                    !close
                });
                Ok(Command::RestoreArticles(placed))
            }
            Command::EditActor { article, actor } => self.edit_article(&article, |a| {
                let slot = a.analysis.actors.iter_mut().find(|x| x.id == actor.id);
                let slot = slot.ok_or_else(|| CommandError::NoCard(actor.id.clone()))?;
                *slot = actor;
                Ok(())
            }),
            Command::EditStatement { article, statement } => self.edit_article(&article, |a| {
                let slot = a.analysis.statements.iter_mut().find(|x| x.id == statement.id);
                let slot = slot.ok_or_else(|| CommandError::NoCard(statement.id.clone()))?;
                *slot = statement;
                Ok(())
            }),
            Command::EditMeta { article, title, meta } => {
                let slot = self.articles.iter_mut().find(|a| a.hash == article);
                let slot = Arc::make_mut(slot.ok_or_else(|| CommandError::NoArticle(article.clone()))?);
                let old_title = std::mem::replace(&mut slot.title, title.clone());
                let old_meta = std::mem::replace(&mut slot.meta, meta.clone());
                // Only the dossiers citing the article change (and are copied if a snapshot shares them).
                let citing = |d: &&mut Arc<Dossier>| d.cards.iter().any(|c| c.source.hash == article);
                for dossier in self.dossiers.iter_mut().filter(citing).map(Arc::make_mut) {
                    for card in dossier.cards.iter_mut().filter(|c| c.source.hash == article) {
                        card.source.title = title.clone();
                        card.source.outlet = meta.outlet.clone();
                        card.source.published = meta.published.clone();
                        card.source.url = meta.url.clone();
                    }
                    self.dirty.insert(dossier.country.clone());
                }
                Ok(Command::EditMeta { article, title: old_title, meta: old_meta })
            }
            Command::SetRejected { article, card, rejected } => self.edit_article(&article, |a| {
                let exists = a.analysis.actor(&card).is_some() || a.analysis.statement(&card).is_some();
                if !exists {
                    return Err(CommandError::NoCard(card));
                }
                a.rejected.retain(|r| *r != card);
                if rejected {
                    a.rejected.push(card);
                }
                Ok(())
            }),
            Command::MergeActors { article, keep, merge } => {
                if keep == merge {
                    return Err(CommandError::SelfMerge);
                }
                self.edit_article(&article, |a| merge_actors(a, &keep, &merge))
            }
            // The dossier edits change the dossier in place and return small inverses: a dossier may
            // hold thousands of cards, and copying it on every click or keystroke (and keeping each
            // copy for undo) would make the app slower and bigger with every card.
            Command::CreateDossier { country, name } => {
                if let Some(existing) = self.dossier(&country) {
                    return Ok(Command::RestoreDossier { dossier: Some(existing.clone()), country });
                }
                self.put_dossier(Dossier::new(&country, &name));
                Ok(Command::RestoreDossier { country, dossier: None })
            }
            Command::RemoveDossier { country } => {
                let index = self.dossier_index(&country)?;
                let before = Arc::unwrap_or_clone(self.dossiers.remove(index));
                self.dirty.insert(country.clone());
                Ok(Command::RestoreDossier { country, dossier: Some(before) })
            }
            Command::AddCard { country, name, card } => {
                let Some(dossier) = self.dossier_mut(&country) else {
                    let mut dossier = Dossier::new(&country, &name);
                    dossier.cards.push(card);
                    self.put_dossier(dossier);
                    return Ok(Command::RestoreDossier { country, dossier: None });
                };
                if dossier.contains(&card.id) {
                    return Ok(Command::RestoreDossier { dossier: Some(dossier.clone()), country });
                }
                // The same statement (or key actor) from another article: one more source of that card.
                if let Some(index) = crate::entity::duplicates::joins(dossier, &card) {
                    let target = &mut dossier.cards[index];
                    let mut ids = Vec::new();
                    for report in std::iter::once(Report { id: card.id, source: card.source }).chain(card.also) {
                        if !target.stands_for(&report.id) {
                            ids.push(report.id.clone());
                            target.also.push(report);
                        }
                    }
                    let target = target.id.clone();
                    self.dirty.insert(country.clone());
                    return Ok(Command::RemoveSources { country, card: target, ids });
                }
                let id = card.id.clone();
                dossier.cards.push(card);
                self.dirty.insert(country.clone());
                Ok(Command::RemoveCard { country, card: id })
            }
            Command::AddSources { country, card, reports } => {
                let (dossier, at) = self.card_index(&country, &card)?;
                let slot = &mut dossier.cards[at];
                let mut ids = Vec::new();
                for (index, report) in reports {
                    if !slot.stands_for(&report.id) {
                        ids.push(report.id.clone());
                        slot.also.insert(index.min(slot.also.len()), report);
                    }
                }
                self.dirty.insert(country.clone());
                Ok(Command::RemoveSources { country, card, ids })
            }
            Command::RemoveSources { country, card, ids } => {
                let (dossier, at) = self.card_index(&country, &card)?;
                let slot = &mut dossier.cards[at];
                let mut reports = Vec::new();
                // Indexes in the list before the removal, ascending: inserting them in order restores it.
                for (n, report) in std::mem::take(&mut slot.also).into_iter().enumerate() {
                    if ids.contains(&report.id) {
                        reports.push((n, report));
                    } else {
                        slot.also.push(report);
                    }
                }
                self.dirty.insert(country.clone());
                Ok(Command::AddSources { country, card, reports })
            }
            Command::RemoveCard { country, card } => {
                let (dossier, index) = self.card_index(&country, &card)?;
                let removed = dossier.cards.remove(index);
                self.dirty.insert(country.clone());
                Ok(Command::InsertCard { country, index, card: removed })
            }
            Command::InsertCard { country, index, card } => {
                let index_of_dossier = self.dossier_index(&country)?;
                let dossier = Arc::make_mut(&mut self.dossiers[index_of_dossier]);
                if dossier.contains(&card.id) {
                    return Ok(Command::RestoreDossier { dossier: Some(dossier.clone()), country });
                }
                let id = card.id.clone();
                dossier.cards.insert(index.min(dossier.cards.len()), card);
                self.dirty.insert(country.clone());
                Ok(Command::RemoveCard { country, card: id })
            }
            Command::MoveCard { country, card, offset } => {
                let (dossier, from) = self.card_index(&country, &card)?;
                move_within_section(&mut dossier.cards, from, offset);
                self.dirty.insert(country.clone());
                Ok(Command::PlaceCard { country, card, index: from })
            }
            Command::PlaceCard { country, card, index } => {
                let (dossier, from) = self.card_index(&country, &card)?;
                let to = index.min(dossier.cards.len() - 1);
                move_card(&mut dossier.cards, from, to);
                self.dirty.insert(country.clone());
                Ok(Command::PlaceCard { country, card, index: from })
            }
            Command::SetNotes { country, notes } => {
                let index = self.dossier_index(&country)?;
                let before = std::mem::replace(&mut Arc::make_mut(&mut self.dossiers[index]).notes, notes);
                self.dirty.insert(country.clone());
                Ok(Command::SetNotes { country, notes: before })
            }
            Command::RestoreArticle { index, article } => {
                let hash = article.hash.clone();
                let before = match self.articles.iter().position(|a| a.hash == hash) {
                    Some(pos) => {
                        let old = std::mem::replace(&mut self.articles[pos], Arc::new(article));
                        return Ok(Command::RestoreArticle { index: pos, article: Arc::unwrap_or_clone(old) });
                    }
                    None => {
                        let index = index.min(self.articles.len());
                        self.articles.insert(index, Arc::new(article));
                        index
                    }
                };
                Ok(Command::RemoveArticles(vec![self.articles[before].hash.clone()]))
            }
            Command::MergeEntities { kind, names, into } => {
                let before = self.entities.clone();
                for name in names.into_iter().filter(|n| *n != into) {
                    self.entities.aliases.retain(|a| !(a.kind == kind && a.name == name));
                    self.entities.aliases.push(EntityAlias { kind, name, same_as: into.clone() });
                }
                Ok(Command::RestoreEntityDecisions(before))
            }
            Command::SplitEntity { actors, kind, names } => {
                let before = self.entities.clone();
                self.entities.aliases.retain(|a| !(a.kind == kind && names.contains(&a.name)));
                for actor in actors {
                    if !self.entities.apart.contains(&actor) {
                        self.entities.apart.push(actor);
                    }
                }
                Ok(Command::RestoreEntityDecisions(before))
            }
            Command::RestoreEntityDecisions(decisions) => {
                Ok(Command::RestoreEntityDecisions(std::mem::replace(&mut self.entities, decisions)))
            }
            Command::RestoreArticles(placed) => {
                let mut restored = Vec::new();
                // In ascending order of index, each index is the article's place in the list as it ends up.
                for (index, article) in placed {
                    if self.article(&article.hash).is_none() {
                        restored.push(article.hash.clone());
                        self.articles.insert(index.min(self.articles.len()), Arc::new(article));
                    }
                }
                Ok(Command::RemoveArticles(restored))
            }
            Command::RestoreDossier { country, dossier } => {
                let index = self.dossiers.iter().position(|d| d.country == country);
                let before = match (index, dossier) {
                    (Some(index), Some(dossier)) => {
                        Some(Arc::unwrap_or_clone(std::mem::replace(&mut self.dossiers[index], Arc::new(dossier))))
                    }
                    (Some(index), None) => Some(Arc::unwrap_or_clone(self.dossiers.remove(index))),
                    (None, Some(dossier)) => {
                        self.put_dossier(dossier);
                        None
                    }
                    (None, None) => None,
                };
                self.dirty.insert(country.clone());
                Ok(Command::RestoreDossier { country, dossier: before })
            }
            Command::SetSection { country, card, section } => {
                let (dossier, index) = self.card_index(&country, &card)?;
                let slot = &mut dossier.cards[index];
                let is_actor = slot.cue.is_none();
                if is_actor != (section == Section::KeyActors) {
                    return Err(CommandError::WrongSection(card));
                }
                let before = std::mem::replace(&mut slot.section, section);
                self.dirty.insert(country.clone());
                Ok(Command::SetSection { country, card, section: before })
            }
        }
    }

    /// Runs `edit` on a copy of an article; on success stores it and returns the restoring command.
    fn edit_article(
        &mut self,
        hash: &str,
        edit: impl FnOnce(&mut Article) -> Result<(), CommandError>,
    ) -> Result<Command, CommandError> {
        let index = self
            .articles
            .iter()
            .position(|a| a.hash == hash)
            .ok_or_else(|| CommandError::NoArticle(hash.to_owned()))?;
        let mut article = Article::clone(&self.articles[index]);
        edit(&mut article)?;
        let before = std::mem::replace(&mut self.articles[index], Arc::new(article));
        Ok(Command::RestoreArticle { index, article: Arc::unwrap_or_clone(before) })
    }

    /// The index of `country`'s dossier in `dossiers`.
    fn dossier_index(&self, country: &str) -> Result<usize, CommandError> {
        self.dossiers
            .iter()
            .position(|d| d.country == country)
            .ok_or_else(|| CommandError::NoDossier(country.to_owned()))
    }

    /// `country`'s dossier and the index of its card `card`.
    fn card_index(&mut self, country: &str, card: &str) -> Result<(&mut Dossier, usize), CommandError> {
        let dossier = self.dossier_mut(country).ok_or_else(|| CommandError::NoDossier(country.to_owned()))?;
        let index =
            dossier.cards.iter().position(|c| c.id == card).ok_or_else(|| CommandError::NoCard(card.to_owned()))?;
        Ok((dossier, index))
    }

    /// Builds the dossier card for an article's card, in the section it belongs to in `country`'s
    /// dossier. `None` when the article or card does not exist.
    /// The card carries the entity of its actor (a statement's speaker) across the open articles.
    pub fn card_for(&self, article: &str, card: &str, country: &str) -> Option<DossierCard> {
        self.card_with(article, card, country, &self.resolve_entities())
    }

    /// [`Workspace::card_for`] with the entities already resolved (the UI keeps them, resolved
    /// incrementally): no work in proportion to the workspace.
    pub fn card_with(
        &self,
        article: &str,
        card: &str,
        country: &str,
        entities: &crate::entity::Resolver,
    ) -> Option<DossierCard> {
        let article = self.article(article)?;
        let entity_name = |actor: &Actor| {
            (actor.kind != ActorKind::Anonymous)
                .then(|| entities.entity_of(&article.hash, &actor.id).map(|e| e.name.clone()))
                .flatten()
        };
        if let Some(actor) = article.analysis.actor(card) {
            let entity = entity_name(actor);
            return Some(DossierCard { entity, ..DossierCard::from_actor(article, actor) });
        }
        let statement = article.analysis.statement(card)?;
        let speaker = article.analysis.speaker(statement);
        let section = Section::for_statement(speaker.and_then(|a| a.country.as_deref()), country);
        let entity = speaker.and_then(entity_name);
        Some(DossierCard { entity, ..DossierCard::from_statement(article, statement, section) })
    }

    /// The entities of the open articles, resolved in order with the analyst's merges and splits: linear
    /// in the open articles' actors.
    pub fn resolve_entities(&self) -> crate::entity::Resolver {
        let mut resolver = crate::entity::Resolver::new(crate::entity::Overrides::from(&self.entities));
        for open in &self.articles {
            resolver.resolve_article(open);
        }
        resolver
    }
}

fn merge_actors(article: &mut Article, keep: &str, merge: &str) -> Result<(), CommandError> {
    let analysis = &mut article.analysis;
    let gone =
        analysis.actors.iter().position(|a| a.id == merge).ok_or_else(|| CommandError::NoCard(merge.to_owned()))?;
    if analysis.actor(keep).is_none() {
        return Err(CommandError::NoCard(keep.to_owned()));
    }
    let gone = analysis.actors.remove(gone);
    if let Some(kept) = analysis.actors.iter_mut().find(|a| a.id == keep) {
        kept.mentions.extend(gone.mentions);
        kept.mentions.sort();
        kept.mentions.dedup();
        if kept.role.is_none() {
            kept.role = gone.role;
        }
        if kept.country.is_none() {
            kept.country = gone.country;
            kept.country_evidence = gone.country_evidence;
        }
    }
    for statement in &mut analysis.statements {
        if statement.speaker.as_deref() == Some(merge) {
            statement.speaker = Some(keep.to_owned());
        }
    }
    article.rejected.retain(|r| r != merge);
    Ok(())
}

/// Moves the card at `from` by `offset` places among the cards of its own section.
fn move_within_section(cards: &mut [DossierCard], from: usize, offset: i32) {
    let section = cards[from].section;
    let same: Vec<usize> = (0..cards.len()).filter(|&i| cards[i].section == section).collect();
    let rank = same.iter().position(|&i| i == from).unwrap_or(0);
    let target = (rank as i64 + i64::from(offset)).clamp(0, same.len() as i64 - 1) as usize;
    move_card(cards, from, same[target]);
}

/// Moves the card at `from` to `to`, shifting the cards between by one place.
fn move_card(cards: &mut [DossierCard], from: usize, to: usize) {
    if from < to {
        cards[from..=to].rotate_left(1);
    } else {
        cards[to..=from].rotate_right(1);
    }
}

/// Undo and redo stacks over [`Workspace::apply`].
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Command>,
    redo: Vec<Command>,
    /// The dossier whose notes the last applied command set: typing in notes is one undo step.
    notes_streak: Option<String>,
}

impl History {
    /// Applies a new command, remembering how to undo it. Clears the redo stack.
    pub fn apply(&mut self, workspace: &mut Workspace, command: Command) -> Result<(), CommandError> {
        let streak = match &command {
            Command::SetNotes { country, .. } => Some(country.clone()),
            _ => None,
        };
        let inverse = workspace.apply(command)?;
        if streak.is_none() || streak != self.notes_streak {
            self.undo.push(inverse);
        }
        self.notes_streak = streak;
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last command. Returns false when there is nothing to undo.
    pub fn undo(&mut self, workspace: &mut Workspace) -> bool {
        self.notes_streak = None;
        Self::swap(workspace, &mut self.undo, &mut self.redo)
    }

    /// Redoes the last undone command. Returns false when there is nothing to redo.
    pub fn redo(&mut self, workspace: &mut Workspace) -> bool {
        self.notes_streak = None;
        Self::swap(workspace, &mut self.redo, &mut self.undo)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn swap(workspace: &mut Workspace, from: &mut Vec<Command>, to: &mut Vec<Command>) -> bool {
        let Some(command) = from.pop() else {
            return false;
        };
        match workspace.apply(command) {
            Ok(inverse) => {
                to.push(inverse);
                true
            }
            Err(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, SourceRef};

    fn card(id: &str, section: Section) -> DossierCard {
        DossierCard {
            id: id.to_owned(),
            section,
            name: format!("Speaker {id}"),
            kind: ActorKind::Person,
            role: None,
            country: Some("PK".to_owned()),
            country_evidence: None,
            cue: None,
            content: None,
            direct: false,
            about: Vec::new(),
            confidence: 0.5,
            source: SourceRef::default(),
            entity: None,
            also: Vec::new(),
        }
    }

    fn add(id: &str, section: Section) -> Command {
        Command::AddCard { country: "PK".into(), name: "Pakistan".into(), card: card(id, section) }
    }

    fn ids(workspace: &Workspace) -> Vec<&str> {
        workspace.dossier("PK").map_or_else(Vec::new, |d| d.cards.iter().map(|c| c.id.as_str()).collect())
    }

    /// Every dossier edit, undone step by step, gives back each earlier workspace, and redone gives back
    /// each later one.
    #[test]
    fn dossier_edits_undo_and_redo_exactly() {
        let commands = vec![
            add("h/a1", Section::KeyActors),
            add("h/s1", Section::StatementsBy),
            add("h/a2", Section::KeyActors),
            add("h/s2", Section::StatementsAbout),
            add("h/a3", Section::KeyActors),
            add("h/a1", Section::KeyActors), // Already there.
            Command::MoveCard { country: "PK".into(), card: "h/a3".into(), offset: -2 },
            Command::MoveCard { country: "PK".into(), card: "h/a3".into(), offset: -5 }, // Already first.
            Command::MoveCard { country: "PK".into(), card: "h/a1".into(), offset: 1 },
            Command::RemoveCard { country: "PK".into(), card: "h/s1".into() },
            Command::SetNotes { country: "PK".into(), notes: "first".into() },
            Command::SetNotes { country: "PK".into(), notes: "second".into() },
            Command::CreateDossier { country: "AF".into(), name: "Afghanistan".into() },
            Command::CreateDossier { country: "PK".into(), name: "Pakistan".into() }, // Already there.
            Command::RemoveDossier { country: "AF".into() },
        ];
        let mut workspace = Workspace::default();
        let mut history = History::default();
        let mut states = vec![workspace.clone()];
        for command in commands {
            history.apply(&mut workspace, command).unwrap_or_else(|e| panic!("{e}"));
            states.push(workspace.clone());
        }
        assert_eq!(ids(&workspace), ["h/a3", "h/a2", "h/a1", "h/s2"]);
        assert_eq!(workspace.dossier("PK").map(|d| d.notes.as_str()), Some("second"));
        // The two notes edits are one undo step.
        states.remove(states.len() - 5);
        for expected in states.iter().rev().skip(1) {
            assert!(history.undo(&mut workspace));
            assert_eq!(workspace.dossiers, expected.dossiers);
        }
        assert!(!history.undo(&mut workspace));
        for expected in states.iter().skip(1) {
            assert!(history.redo(&mut workspace));
            assert_eq!(workspace.dossiers, expected.dossiers);
        }
    }

    /// Adding a card to a big dossier keeps a small inverse, not a copy of the dossier.
    #[test]
    fn adding_a_card_keeps_no_copy_of_the_dossier() {
        let mut workspace = Workspace::default();
        for n in 0..100 {
            workspace.apply(add(&format!("h/a{n}"), Section::KeyActors)).unwrap_or_else(|e| panic!("{e}"));
        }
        let inverse = workspace.apply(add("h/new", Section::KeyActors));
        assert_eq!(inverse, Ok(Command::RemoveCard { country: "PK".into(), card: "h/new".into() }));
        let inverse = workspace.apply(Command::RemoveCard { country: "PK".into(), card: "h/a5".into() });
        assert!(matches!(inverse, Ok(Command::InsertCard { index: 5, .. })));
        assert!(workspace.dirty.contains("PK"));
    }

    #[test]
    fn dossier_edits_name_what_is_missing() {
        let mut workspace = Workspace::default();
        let missing = Command::RemoveCard { country: "PK".into(), card: "x".into() };
        assert_eq!(workspace.apply(missing.clone()), Err(CommandError::NoDossier("PK".into())));
        workspace.apply(add("h/a1", Section::KeyActors)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(workspace.apply(missing), Err(CommandError::NoCard("x".into())));
        let place = Command::PlaceCard { country: "PK".into(), card: "x".into(), index: 0 };
        assert_eq!(workspace.apply(place), Err(CommandError::NoCard("x".into())));
        assert_eq!(ids(&workspace), ["h/a1"]);
    }

    /// The same quote from a second article becomes one more source of the card already there, and undo
    /// takes it off again; redo puts it back.
    #[test]
    fn a_duplicate_statement_adds_a_source_undoably() {
        let quote = |id: &str, hash: &str| DossierCard {
            cue: Some("said".into()),
            content: Some("the border will stay closed until the election".into()),
            direct: true,
            source: SourceRef { hash: hash.into(), outlet: Some(hash.to_uppercase()), ..SourceRef::default() },
            ..card(id, Section::StatementsBy)
        };
        let add = |card| Command::AddCard { country: "PK".into(), name: "Pakistan".into(), card };
        let mut workspace = Workspace::default();
        let mut history = History::default();
        let mut first = quote("h1/s1", "h1");
        first.name = "Speaker".into();
        let mut second = quote("h2/s4", "h2");
        second.name = "Speaker".into();
        history.apply(&mut workspace, add(first)).unwrap_or_else(|e| panic!("{e}"));
        let before = workspace.dossiers.clone();
        history.apply(&mut workspace, add(second)).unwrap_or_else(|e| panic!("{e}"));
        let dossier = workspace.dossier("PK").unwrap_or_else(|| panic!("no dossier"));
        assert_eq!(ids(&workspace), ["h1/s1"]);
        assert_eq!(dossier.cards[0].sources().filter_map(|s| s.outlet.as_deref()).collect::<Vec<_>>(), ["H1", "H2"]);
        assert!(dossier.contains("h2/s4"));
        // A card that brings its own repeats adds them all, in one undo step.
        let mut third = quote("h3/s2", "h3");
        third.name = "Speaker".into();
        third.also.push(Report { id: "h4/s1".into(), source: quote("h4/s1", "h4").source });
        third.also.push(Report { id: "h1/s1".into(), source: quote("h1/s1", "h1").source });
        let two = workspace.dossiers.clone();
        history.apply(&mut workspace, add(third)).unwrap_or_else(|e| panic!("{e}"));
        let dossier = workspace.dossier("PK").unwrap_or_else(|| panic!("no dossier"));
        let outlets: Vec<&str> = dossier.cards[0].sources().filter_map(|s| s.outlet.as_deref()).collect();
        assert_eq!(outlets, ["H1", "H2", "H3", "H4"]);
        let after = workspace.dossiers.clone();
        assert!(history.undo(&mut workspace));
        assert_eq!(workspace.dossiers, two);
        assert!(history.undo(&mut workspace));
        assert_eq!(workspace.dossiers, before);
        assert!(history.redo(&mut workspace));
        assert!(history.redo(&mut workspace));
        assert_eq!(workspace.dossiers, after);
    }

    #[test]
    fn a_statement_moves_between_sections_and_back() {
        let mut workspace = Workspace::default();
        let statement = DossierCard { cue: Some("said".into()), ..card("h/s1", Section::StatementsAbout) };
        let add = Command::AddCard { country: "PK".into(), name: "Pakistan".into(), card: statement };
        workspace.apply(add).unwrap_or_else(|e| panic!("{e}"));
        workspace.apply(super::tests::add("h/a1", Section::KeyActors)).unwrap_or_else(|e| panic!("{e}"));
        let section = |w: &Workspace, id: &str| {
            w.dossier("PK").and_then(|d| d.cards.iter().find(|c| c.id == id)).map(|c| c.section)
        };
        let set = |card: &str, section| Command::SetSection { country: "PK".into(), card: card.into(), section };
        let inverse = workspace.apply(set("h/s1", Section::StatementsBy)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(section(&workspace, "h/s1"), Some(Section::StatementsBy));
        workspace.apply(inverse).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(section(&workspace, "h/s1"), Some(Section::StatementsAbout));
        assert_eq!(workspace.apply(set("h/s1", Section::KeyActors)), Err(CommandError::WrongSection("h/s1".into())));
        assert_eq!(workspace.apply(set("h/a1", Section::StatementsBy)), Err(CommandError::WrongSection("h/a1".into())));
        assert_eq!(ids(&workspace), ["h/s1", "h/a1"]);
    }

    /// A save takes a snapshot of the workspace while the analyst goes on: the snapshot copies pointers,
    /// and a change afterwards copies only the dossier it changes, never the snapshot's other dossiers.
    #[test]
    fn a_snapshot_shares_the_dossiers_a_change_does_not_touch() -> Result<(), CommandError> {
        let mut workspace = Workspace::default();
        workspace.apply(add("a", Section::KeyActors))?;
        workspace.apply(Command::CreateDossier { country: "IN".into(), name: "India".into() })?;
        let snapshot = workspace.clone();
        let shared = |w: &Workspace, s: &Workspace, country: &str| {
            let find = |w: &Workspace| w.dossiers.iter().find(|d| d.country == country).cloned();
            matches!((find(w), find(s)), (Some(a), Some(b)) if Arc::ptr_eq(&a, &b))
        };
        assert!(shared(&workspace, &snapshot, "PK") && shared(&workspace, &snapshot, "IN"));
        workspace.apply(add("b", Section::KeyActors))?;
        assert!(!shared(&workspace, &snapshot, "PK"), "the changed dossier is the workspace's own copy");
        assert!(shared(&workspace, &snapshot, "IN"), "the untouched dossier is still shared");
        assert_eq!(ids(&snapshot), ["a"], "the snapshot keeps what it was given");
        assert_eq!(ids(&workspace), ["a", "b"]);
        Ok(())
    }
}
