//! The shapes older format versions were written in, frozen here as private structs, and their
//! conversion to the current model. The model may change freely; these must not, or old files stop
//! loading. `tests/fixtures/dossier-v1.ron` is a real version-1 file.
//!
//! Version 1 kept a dossier's cards in three separate lists and its cards had no `section` (the list
//! said it) and no `country_evidence`; its source references had no `sentence_span`. Builds made while
//! version 1 was current also wrote it with the current `cards` list; both are read. Unknown fields are
//! errors here, so that no version-1 data is silently dropped by the migration.

use serde::Deserialize;

use crate::model::{ActorKind, Article, Dossier, DossierCard, Section, SourceRef, Span, Workspace};

/// A version-1 dossier.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DossierV1 {
    country: String,
    name: String,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    key_actors: Vec<CardV1>,
    #[serde(default)]
    statements_by: Vec<CardV1>,
    #[serde(default)]
    statements_about: Vec<CardV1>,
    /// Cards in the current shape, as late version-1 builds wrote them.
    #[serde(default)]
    cards: Vec<DossierCard>,
}

/// A version-1 dossier card: a [`DossierCard`] without `section` and `country_evidence`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CardV1 {
    id: String,
    name: String,
    kind: ActorKind,
    role: Option<String>,
    country: Option<String>,
    #[serde(default)]
    cue: Option<String>,
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    direct: bool,
    #[serde(default)]
    about: Vec<String>,
    #[serde(default)]
    confidence: f32,
    source: SourceV1,
}

/// A version-1 source reference: no sentence span.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceV1 {
    title: Option<String>,
    path: String,
    hash: String,
    sentence: String,
}

/// A version-1 workspace: its dossiers are version-1 dossiers.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WorkspaceV1 {
    articles: Vec<Article>,
    #[serde(default)]
    dossiers: Vec<DossierV1>,
    #[serde(default)]
    recent: Vec<String>,
}

impl From<DossierV1> for Dossier {
    fn from(old: DossierV1) -> Self {
        let sections = [
            (Section::KeyActors, old.key_actors),
            (Section::StatementsBy, old.statements_by),
            (Section::StatementsAbout, old.statements_about),
        ];
        let mut cards: Vec<DossierCard> = sections
            .into_iter()
            .flat_map(|(section, cards)| cards.into_iter().map(move |card| card.into_card(section)))
            .collect();
        cards.extend(old.cards);
        let mut dossier = Dossier::new(&old.country, &old.name);
        dossier.notes = old.notes;
        dossier.cards = cards;
        dossier
    }
}

impl CardV1 {
    fn into_card(self, section: Section) -> DossierCard {
        DossierCard {
            id: self.id,
            section,
            name: self.name,
            kind: self.kind,
            role: self.role,
            country: self.country,
            country_evidence: None,
            cue: self.cue,
            content: self.content,
            direct: self.direct,
            about: self.about,
            confidence: self.confidence,
            source: SourceRef {
                title: self.source.title,
                path: self.source.path,
                hash: self.source.hash,
                sentence: self.source.sentence,
                // Unknown in version 1; an empty span points nowhere.
                sentence_span: Span::default(),
                ..SourceRef::default()
            },
            entity: None,
            also: Vec::new(),
        }
    }
}

impl From<WorkspaceV1> for Workspace {
    fn from(old: WorkspaceV1) -> Self {
        let mut dossiers: Vec<Dossier> = old.dossiers.into_iter().map(Dossier::from).collect();
        dossiers.sort_by(|a, b| a.name.cmp(&b.name));
        Workspace {
            articles: old.articles.into_iter().map(std::sync::Arc::new).collect(),
            dossiers: dossiers.into_iter().map(std::sync::Arc::new).collect(),
            recent: old.recent,
            ..Workspace::default()
        }
    }
}
