//! An article and what the extractor found in it: actor cards and statement cards, all pointing into the
//! article's text by byte spans.

use serde::{Deserialize, Serialize};

/// A `[start, end)` range of UTF-8 byte offsets into an article's text, on character boundaries.
/// Serialized as a two-element sequence (`[12, 30]` in JSON, `(12, 30)` in RON).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text of the span, or `""` when it does not lie on `text` (never panics).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

impl From<(usize, usize)> for Span {
    fn from((start, end): (usize, usize)) -> Self {
        Self { start, end }
    }
}

impl From<Span> for (usize, usize) {
    fn from(span: Span) -> Self {
        (span.start, span.end)
    }
}

/// What an actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    /// A state or government acting or speaking ("Pakistan has reported…").
    Country,
    /// An unnamed source that speaks ("officials", "diplomatic sources").
    Anonymous,
}

impl ActorKind {
    pub const ALL: [ActorKind; 4] = [Self::Person, Self::Organization, Self::Country, Self::Anonymous];

    pub fn label(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Country => "country",
            Self::Anonymous => "anonymous",
        }
    }
}

/// An actor card: one referent of an article, with every place the article mentions it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Unique within its article: `a1`, `a2`, …
    pub id: String,
    /// The fullest canonical name in the article; for anonymous sources the phrase as written.
    pub name: String,
    pub kind: ActorKind,
    /// The title or function the text gives ("Foreign Minister"), if any.
    pub role: Option<String>,
    /// ISO 3166-1 alpha-2 code of the country the actor belongs to or represents.
    pub country: Option<String>,
    /// Why the country was chosen: the words of the text that tie the actor to it.
    #[serde(default)]
    pub country_evidence: Option<String>,
    /// Every mention (name, surname, role-only, acronym, pronoun), in text order.
    pub mentions: Vec<Span>,
    /// How sure the extractor is, 0..=1.
    #[serde(default)]
    pub confidence: f32,
    /// The id shared by the actors of different articles that are the same real-world actor (set by
    /// entity resolution across a workspace or an `extract` run; `None` before it ran).
    #[serde(default)]
    pub entity: Option<String>,
    /// The rule or model decision that produced the card, and why ("org suffix", "tagger: person 0.93").
    #[serde(default)]
    pub rule: String,
}

/// A statement card: one attribution cue and what it attributes to whom.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Unique within its article: `s1`, `s2`, …
    pub id: String,
    /// Id of the resolved speaker actor, or `None` when none could be found.
    pub speaker: Option<String>,
    /// Where the speaker is referred to at this cue (the pronoun itself for "she said").
    pub speaker_span: Option<Span>,
    /// The attribution verb or phrase as written (`""` for a quote continued without a cue).
    pub cue: String,
    pub cue_span: Option<Span>,
    /// The reported content, as written (for a direct quote, the words inside the quotation marks).
    pub content: String,
    pub content_span: Span,
    /// Quoted verbatim.
    pub direct: bool,
    pub confidence: f32,
    /// ISO codes of the countries the content concerns.
    pub about: Vec<String>,
    /// The sentence (or sentences) the statement comes from.
    #[serde(default)]
    pub sentence_span: Span,
    /// The rule or model decision that produced the card and chose its speaker ("subject of 'said'
    /// (pattern X said Y)", "pronoun 'she' → Maria Zakharova").
    #[serde(default)]
    pub rule: String,
}

/// How a statement's content is worded, which decides how it is shown: a whole quote goes in quotation
/// marks; a partial quote (reported speech with some words quoted verbatim, "described them as “important
/// partners”") keeps its own marks and must not be wrapped again, or the whole paraphrase would read as
/// verbatim; reported speech has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wording {
    Quote,
    PartialQuote,
    Reported,
}

impl Wording {
    /// The wording of a statement marked `direct` (or not) with this content. The content of a whole quote
    /// is the words inside its marks, so it holds no double quotation marks itself.
    pub fn of(direct: bool, content: &str) -> Self {
        match (direct, content.contains(['“', '”', '„', '«', '»', '"'])) {
            (true, false) => Self::Quote,
            (true, true) => Self::PartialQuote,
            (false, _) => Self::Reported,
        }
    }

    /// "quoted", "partly quoted" or "reported".
    pub fn label(self) -> &'static str {
        match self {
            Self::Quote => "quoted",
            Self::PartialQuote => "partly quoted",
            Self::Reported => "reported",
        }
    }

    /// The content as a reader should see it: in quotation marks only when it is a whole quote.
    pub fn show(self, content: &str) -> String {
        match self {
            Self::Quote => format!("“{content}”"),
            Self::PartialQuote | Self::Reported => content.to_owned(),
        }
    }
}

/// Everything the extractor finds in one text. Extraction never fails: problems are `warnings`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// ISO codes of every country the text refers to, in order of first mention.
    pub countries: Vec<String>,
    pub actors: Vec<Actor>,
    pub statements: Vec<Statement>,
    #[serde(default)]
    pub warnings: Vec<String>,
}

impl Analysis {
    /// The actor with this id. Ids are numbered in order (`a1` at index 0), so the numbered place is tried
    /// first: views look a speaker up for every statement card on every filter change.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        let numbered = id.strip_prefix('a').and_then(|n| n.parse::<usize>().ok());
        match numbered.and_then(|n| self.actors.get(n.wrapping_sub(1))) {
            Some(actor) if actor.id == id => Some(actor),
            _ => self.actors.iter().find(|a| a.id == id),
        }
    }

    /// The actor a statement's speaker resolved to, if any.
    pub fn speaker(&self, statement: &Statement) -> Option<&Actor> {
        statement.speaker.as_deref().and_then(|id| self.actor(id))
    }

    pub fn statement(&self, id: &str) -> Option<&Statement> {
        self.statements.iter().find(|s| s.id == id)
    }
}

/// What a file says about the article besides its text: where and when it was published, and by whom.
/// Every field is optional: a plain text file may give none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    /// The publication's name ("BBC News").
    #[serde(default)]
    pub outlet: Option<String>,
    /// Canonical address of the article.
    #[serde(default)]
    pub url: Option<String>,
}

impl ArticleMeta {
    pub fn is_empty(&self) -> bool {
        self.published.is_none() && self.authors.is_empty() && self.outlet.is_none() && self.url.is_none()
    }
}

/// An article as read from a file, with its analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The path as given by the user.
    pub source: String,
    pub title: Option<String>,
    /// Date, authors, outlet and address, where the file gives them.
    #[serde(default)]
    pub meta: ArticleMeta,
    /// The readable text every span points into.
    pub text: String,
    /// Hex FNV-1a 64 hash of `text`: identifies the article in saved dossiers.
    pub hash: String,
    pub analysis: Analysis,
    /// Cards the analyst rejected (actor and statement ids).
    #[serde(default)]
    pub rejected: Vec<String>,
}

impl Article {
    /// The text of the sentence a statement comes from, trimmed.
    pub fn sentence_of(&self, statement: &Statement) -> &str {
        statement.sentence_span.text(&self.text).trim()
    }

    /// A short display name: the title, or the file name.
    pub fn display_name(&self) -> String {
        title_or_file_name(self.title.as_deref(), &self.source)
    }

    pub fn is_rejected(&self, card_id: &str) -> bool {
        self.rejected.iter().any(|r| r == card_id)
    }
}

/// A short name for an article: its title, or else the file name of its path.
pub(crate) fn title_or_file_name(title: Option<&str>, path: &str) -> String {
    if let Some(title) = title.filter(|t| !t.trim().is_empty()) {
        return title.trim().to_owned();
    }
    std::path::Path::new(path).file_name().map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}

/// Hex FNV-1a 64 hash of a text: cheap, stable across platforms and versions.
pub fn content_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}
