//! Every change to the workspace is a [`Command`] applied by [`Workspace::apply`]: the one place where
//! articles, cards and dossiers change, so undo, redo, the UI and the tests share one path.

use serde::{Deserialize, Serialize};

use super::{Actor, Article, Dossier, DossierCard, Section, Statement, Workspace};

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
    /// Moves a card `offset` places up (negative) or down within its section.
    MoveCard { country: String, card: String, offset: i32 },
    /// Replaces a dossier's notes.
    SetNotes { country: String, notes: String },
    /// Puts back a whole article (the inverse of the card edits).
    RestoreArticle { index: usize, article: Article },
    /// Puts back a whole dossier, or removes it when `None` (the inverse of the dossier edits).
    RestoreDossier { country: String, dossier: Option<Dossier> },
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
}

impl Command {
    /// The dossier this command changes, if any.
    pub fn dossier(&self) -> Option<&str> {
        match self {
            Self::CreateDossier { country, .. }
            | Self::RemoveDossier { country }
            | Self::AddCard { country, .. }
            | Self::RemoveCard { country, .. }
            | Self::MoveCard { country, .. }
            | Self::SetNotes { country, .. }
            | Self::RestoreDossier { country, .. } => Some(country),
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
                        self.articles.push(article);
                    }
                }
                Ok(Command::RemoveArticles(added))
            }
            Command::RemoveArticles(hashes) => {
                let (removed, kept) =
                    std::mem::take(&mut self.articles).into_iter().partition(|a| hashes.contains(&a.hash));
                self.articles = kept;
                Ok(Command::AddArticles(removed))
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
            Command::CreateDossier { country, name } => {
                let before = self.dossier(&country).cloned();
                if before.is_none() {
                    self.put_dossier(Dossier::new(&country, &name));
                }
                Ok(Command::RestoreDossier { country, dossier: before })
            }
            Command::RemoveDossier { country } => {
                let before = self.dossier(&country).cloned().ok_or_else(|| CommandError::NoDossier(country.clone()))?;
                self.dossiers.retain(|d| d.country != country);
                self.dirty.insert(country.clone());
                Ok(Command::RestoreDossier { country, dossier: Some(before) })
            }
            Command::AddCard { country, name, card } => {
                let before = self.dossier(&country).cloned();
                let mut dossier = before.clone().unwrap_or_else(|| Dossier::new(&country, &name));
                if !dossier.contains(&card.id) {
                    dossier.cards.push(card);
                    self.put_dossier(dossier);
                }
                Ok(Command::RestoreDossier { country, dossier: before })
            }
            Command::RemoveCard { country, card } => self.edit_dossier(&country, |d| {
                let before = d.cards.len();
                d.cards.retain(|c| c.id != card);
                if d.cards.len() == before { Err(CommandError::NoCard(card)) } else { Ok(()) }
            }),
            Command::MoveCard { country, card, offset } => self.edit_dossier(&country, |d| {
                move_within_section(&mut d.cards, &card, offset).ok_or(CommandError::NoCard(card))
            }),
            Command::SetNotes { country, notes } => self.edit_dossier(&country, |d| {
                d.notes = notes;
                Ok(())
            }),
            Command::RestoreArticle { index, article } => {
                let hash = article.hash.clone();
                let before = match self.articles.iter().position(|a| a.hash == hash) {
                    Some(pos) => {
                        let old = std::mem::replace(&mut self.articles[pos], article);
                        return Ok(Command::RestoreArticle { index: pos, article: old });
                    }
                    None => {
                        let index = index.min(self.articles.len());
                        self.articles.insert(index, article);
                        index
                    }
                };
                Ok(Command::RemoveArticles(vec![self.articles[before].hash.clone()]))
            }
            Command::RestoreDossier { country, dossier } => {
                let before = self.dossier(&country).cloned();
                match dossier {
                    Some(d) => self.put_dossier(d),
                    None => {
                        self.dossiers.retain(|d| d.country != country);
                        self.dirty.insert(country.clone());
                    }
                }
                Ok(Command::RestoreDossier { country, dossier: before })
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
        let mut article = self.articles[index].clone();
        edit(&mut article)?;
        let before = std::mem::replace(&mut self.articles[index], article);
        Ok(Command::RestoreArticle { index, article: before })
    }

    /// Runs `edit` on a copy of a dossier; on success stores it and returns the restoring command.
    fn edit_dossier(
        &mut self,
        country: &str,
        edit: impl FnOnce(&mut Dossier) -> Result<(), CommandError>,
    ) -> Result<Command, CommandError> {
        let before = self.dossier(country).cloned().ok_or_else(|| CommandError::NoDossier(country.to_owned()))?;
        let mut dossier = before.clone();
        edit(&mut dossier)?;
        self.put_dossier(dossier);
        Ok(Command::RestoreDossier { country: country.to_owned(), dossier: Some(before) })
    }

    /// Builds the dossier card for an article's card, in the section it belongs to in `country`'s
    /// dossier. `None` when the article or card does not exist.
    pub fn card_for(&self, article: &str, card: &str, country: &str) -> Option<DossierCard> {
        let article = self.article(article)?;
        if let Some(actor) = article.analysis.actor(card) {
            return Some(DossierCard::from_actor(article, actor));
        }
        let statement = article.analysis.statement(card)?;
        let speaker_country =
            statement.speaker.as_deref().and_then(|id| article.analysis.actor(id)).and_then(|a| a.country.as_deref());
        let section = Section::for_statement(speaker_country, country);
        Some(DossierCard::from_statement(article, statement, section))
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

/// Moves the card with id `card` by `offset` places among the cards of its own section.
fn move_within_section(cards: &mut [DossierCard], card: &str, offset: i32) -> Option<()> {
    let from = cards.iter().position(|c| c.id == card)?;
    let section = cards[from].section;
    let same: Vec<usize> = (0..cards.len()).filter(|&i| cards[i].section == section).collect();
    let rank = same.iter().position(|&i| i == from)?;
    let target = (rank as i64 + i64::from(offset)).clamp(0, same.len() as i64 - 1) as usize;
    let to = same[target];
    if from < to {
        cards[from..=to].rotate_left(1);
    } else {
        cards[to..=from].rotate_right(1);
    }
    Some(())
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
