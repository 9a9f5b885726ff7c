//! A per-country dossier: the cards an analyst collected about one country, self-contained so that a
//! saved dossier still makes sense without the articles it came from.

use serde::{Deserialize, Serialize};

use super::{Actor, ActorKind, Article, Span, Statement};

/// Where a card came from: enough to cite it in a briefing and to find it again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub title: Option<String>,
    /// The article's path as the analyst opened it.
    pub path: String,
    /// [`content_hash`](super::content_hash) of the article text.
    pub hash: String,
    /// The sentence the card points to, as written.
    pub sentence: String,
    /// Byte span of that sentence in the article text.
    #[serde(default)]
    pub sentence_span: Span,
    /// The publication's name, where the article gave it.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Publication date of the article, `YYYY-MM-DD`.
    #[serde(default)]
    pub published: Option<String>,
    /// Canonical address of the article.
    #[serde(default)]
    pub url: Option<String>,
}

impl SourceRef {
    /// A short label for the source: its title, or its file name.
    pub fn label(&self) -> String {
        super::article::title_or_file_name(self.title.as_deref(), &self.path)
    }
}

/// Which part of a dossier a card sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Section {
    KeyActors,
    /// Statements whose speaker belongs to the dossier's country.
    StatementsBy,
    /// Statements about the country by speakers from elsewhere.
    StatementsAbout,
}

impl Section {
    pub const ALL: [Section; 3] = [Self::KeyActors, Self::StatementsBy, Self::StatementsAbout];

    /// The section of a statement card in `dossier_country`'s dossier: by its actors when the speaker is of
    /// that country, about it otherwise.
    pub fn for_statement(speaker_country: Option<&str>, dossier_country: &str) -> Section {
        if speaker_country == Some(dossier_country) { Self::StatementsBy } else { Self::StatementsAbout }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::KeyActors => "Key actors",
            Self::StatementsBy => "Statements by its actors",
            Self::StatementsAbout => "Statements about it by others",
        }
    }
}

/// Identifies a card of an open article: the article's hash and the card's id in it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CardRef {
    pub article: String,
    pub card: String,
}

impl CardRef {
    /// The stable id a dossier card carries: `<article hash>/<card id>`.
    pub fn key(&self) -> String {
        format!("{}/{}", self.article, self.card)
    }
}

/// One card in a dossier, with a copy of everything a briefing needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DossierCard {
    /// Stable id: `<article hash>/<card id>` (see [`CardRef::key`]).
    pub id: String,
    pub section: Section,
    /// For an actor card its name; for a statement its speaker's name (or "unknown").
    pub name: String,
    pub kind: ActorKind,
    pub role: Option<String>,
    pub country: Option<String>,
    #[serde(default)]
    pub country_evidence: Option<String>,
    /// Statement cards only: the cue, content and whether it is a quote.
    #[serde(default)]
    pub cue: Option<String>,
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default)]
    pub direct: bool,
    #[serde(default)]
    pub about: Vec<String>,
    #[serde(default)]
    pub confidence: f32,
    pub source: SourceRef,
    /// The entity of the card's actor (a statement's speaker) across the articles open when the card was
    /// added, by its name ("Tony Blair" for a card of "Mr Blair"). `None` in files written before entities
    /// and for unnamed sources; the dossier is then grouped by the card's own name.
    #[serde(default)]
    pub entity: Option<String>,
    /// More articles reporting the same thing: for a statement the same quote or a near paraphrase (see
    /// [`crate::entity::duplicates`]), for a key actor the same entity. `source` is the first.
    #[serde(default)]
    pub also: Vec<Report>,
}

/// One more article behind a dossier card: the id its own card had (`<article hash>/<card id>`), and
/// where it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub id: String,
    pub source: SourceRef,
}

impl DossierCard {
    pub fn is_statement(&self) -> bool {
        self.section != Section::KeyActors
    }

    /// Every source of the card: its own, then the ones of the same statement or actor in other articles.
    pub fn sources(&self) -> impl Iterator<Item = &SourceRef> {
        std::iter::once(&self.source).chain(self.also.iter().map(|r| &r.source))
    }

    /// Whether the card stands for the article card `id` (its own, or one joined to it as another source).
    pub fn stands_for(&self, id: &str) -> bool {
        self.id == id || self.also.iter().any(|r| r.id == id)
    }

    /// The earliest publication date of its sources (`YYYY-MM-DD`), if any gives one.
    pub fn published(&self) -> Option<&str> {
        self.sources().filter_map(|s| s.published.as_deref()).filter(|d| !d.trim().is_empty()).min()
    }

    /// The name the card is grouped under: its entity's, else its own.
    pub fn entity_name(&self) -> &str {
        self.entity.as_deref().filter(|e| !e.trim().is_empty()).unwrap_or(&self.name)
    }

    /// A card for an actor of `article`.
    pub fn from_actor(article: &Article, actor: &Actor) -> Self {
        let first = actor.mentions.first().copied().unwrap_or_default();
        let sentence_span = sentence_around(&article.text, first);
        Self {
            id: CardRef { article: article.hash.clone(), card: actor.id.clone() }.key(),
            section: Section::KeyActors,
            name: actor.name.clone(),
            kind: actor.kind,
            role: actor.role.clone(),
            country: actor.country.clone(),
            country_evidence: actor.country_evidence.clone(),
            cue: None,
            content: None,
            direct: false,
            about: Vec::new(),
            confidence: actor.confidence,
            source: source_ref(article, sentence_span),
            entity: None,
            also: Vec::new(),
        }
    }

    /// A card for a statement of `article`, placed in `section`.
    pub fn from_statement(article: &Article, statement: &Statement, section: Section) -> Self {
        let speaker = article.analysis.speaker(statement);
        Self {
            id: CardRef { article: article.hash.clone(), card: statement.id.clone() }.key(),
            section,
            name: speaker.map_or_else(|| "unknown".to_owned(), |a| a.name.clone()),
            kind: speaker.map_or(ActorKind::Anonymous, |a| a.kind),
            role: speaker.and_then(|a| a.role.clone()),
            country: speaker.and_then(|a| a.country.clone()),
            country_evidence: speaker.and_then(|a| a.country_evidence.clone()),
            cue: Some(statement.cue.clone()),
            content: Some(statement.content.clone()),
            direct: statement.direct,
            about: statement.about.clone(),
            confidence: statement.confidence,
            source: source_ref(article, statement.sentence_span),
            entity: None,
            also: Vec::new(),
        }
    }
}

fn source_ref(article: &Article, sentence_span: Span) -> SourceRef {
    SourceRef {
        title: article.title.clone(),
        path: article.source.clone(),
        hash: article.hash.clone(),
        sentence: sentence_span.text(&article.text).trim().to_owned(),
        sentence_span,
        outlet: article.meta.outlet.clone(),
        published: article.meta.published.clone(),
        url: article.meta.url.clone(),
    }
}

/// The line (paragraph) around a span: a cheap stand-in for the sentence of an actor's first mention.
fn sentence_around(text: &str, span: Span) -> Span {
    let bytes = text.as_bytes();
    let mut start = span.start.min(bytes.len());
    while start > 0 && !matches!(bytes[start - 1], b'\n' | b'.' | b'!' | b'?') {
        start -= 1;
    }
    let mut end = span.end.min(bytes.len());
    while end < bytes.len() && !matches!(bytes[end], b'\n' | b'.' | b'!' | b'?') {
        end += 1;
    }
    if end < bytes.len() && bytes[end] != b'\n' {
        end += 1;
    }
    Span::new(start, end)
}

/// A per-country dossier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dossier {
    /// ISO 3166-1 alpha-2 code of the country.
    pub country: String,
    /// Display name ("Pakistan").
    pub name: String,
    /// The analyst's notes, Markdown.
    #[serde(default)]
    pub notes: String,
    /// Cards in the analyst's order; each card's section says where it is shown.
    #[serde(default)]
    pub cards: Vec<DossierCard>,
}

impl Dossier {
    pub fn new(country: &str, name: &str) -> Self {
        Self { country: country.to_owned(), name: name.to_owned(), notes: String::new(), cards: Vec::new() }
    }

    /// Whether a card of the dossier stands for the article card `card_id` (as its own or another source).
    pub fn contains(&self, card_id: &str) -> bool {
        self.cards.iter().any(|c| c.stands_for(card_id))
    }

    /// The cards of one section, in order.
    pub fn section(&self, section: Section) -> impl Iterator<Item = &DossierCard> {
        self.cards.iter().filter(move |c| c.section == section)
    }

    /// The file name the dossier is saved under by default: `pakistan.ron`.
    pub fn file_name(&self) -> String {
        let slug: String =
            self.name.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
        let slug = slug.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
        if slug.is_empty() { format!("{}.ron", self.country.to_lowercase()) } else { format!("{slug}.ron") }
    }
}
