//! What the views read and what they may change. [`AppState`] is the document (read-only to views: they
//! change it only through commands); [`ViewState`] is how the analyst is looking at it (selection, filters,
//! edit buffers, layout caches), which views change directly.

use std::sync::Arc;

use crate::model::{ActorKind, CardRef, History, Section, Workspace};

/// The document: the workspace, its undo history, and what the app is doing in the background.
#[derive(Default)]
pub struct AppState {
    pub workspace: Workspace,
    pub history: History,
    /// Bumped on every change to the workspace: views key their caches on it.
    pub generation: u64,
    /// The workspace changed since it was last saved (dossiers track this per dossier in
    /// `workspace.dirty`).
    pub unsaved: bool,
    /// Errors and messages for the analyst, newest last.
    pub notices: Vec<Notice>,
    /// Files being opened in the background: (finished, total).
    pub progress: Option<(usize, usize)>,
    /// A file dialog is open.
    pub dialog_open: bool,
    /// The id the next notice gets.
    pub next_notice: u64,
}

impl AppState {
    /// A fingerprint of what the card lists are computed from: the open articles (by address: an edit
    /// puts a new `Arc` in place of the article) and the analyst's entity decisions. A change to a dossier
    /// leaves it as it is, so the 10,000-row card list is not filtered again for it.
    pub fn articles_fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = rustc_hash::FxHasher::default();
        for article in &self.workspace.articles {
            (Arc::as_ptr(article) as usize).hash(&mut hasher);
        }
        self.workspace.entities.hash(&mut hasher);
        hasher.finish()
    }

    /// Whether anything would be lost by quitting now.
    pub fn has_unsaved_changes(&self) -> bool {
        self.unsaved || !self.workspace.dirty.is_empty()
    }

    /// An error for the analyst: stays on screen until dismissed.
    pub fn error(&mut self, text: impl Into<String>) {
        self.notice(NoticeKind::Error, text.into());
    }

    /// A message for the analyst: fades after a few seconds.
    pub fn info(&mut self, text: impl Into<String>) {
        self.notice(NoticeKind::Info, text.into());
    }

    /// Each error of `errors`, if any.
    pub fn errors_from(&mut self, errors: impl IntoIterator<Item = String>) {
        for error in errors {
            self.error(error);
        }
    }

    fn notice(&mut self, kind: NoticeKind, text: String) {
        self.next_notice += 1;
        self.notices.push(Notice { id: self.next_notice, kind, text });
    }
}

/// An error or message for the analyst.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Unique in this session.
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Error,
    Info,
}

/// The lists the keyboard moves through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ListFocus {
    Articles,
    #[default]
    Cards,
    Dossier,
}

/// Which cards the card panel lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CardTab {
    Actors,
    Statements,
}

impl CardTab {
    /// The tab that lists a card, from its id (`a3` is an actor, `s7` a statement).
    pub fn of(card: &CardRef) -> Self {
        if card.card.starts_with('a') { Self::Actors } else { Self::Statements }
    }
}

/// How the card panel orders cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CardSort {
    /// As the article has them.
    TextOrder,
    ConfidenceHighFirst,
    ConfidenceLowFirst,
}

impl CardSort {
    pub const ALL: [CardSort; 3] = [Self::TextOrder, Self::ConfidenceHighFirst, Self::ConfidenceLowFirst];

    pub fn label(self) -> &'static str {
        match self {
            Self::TextOrder => "Text order",
            Self::ConfidenceHighFirst => "Most confident first",
            Self::ConfidenceLowFirst => "Least confident first",
        }
    }
}

/// The card panel's filter.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CardFilter {
    pub tab: CardTab,
    /// Case-insensitive text the card must contain (name, role, speaker, cue, content).
    pub text: String,
    /// The actor's (or speaker's) country, or a country the statement is about.
    pub country: Option<String>,
    /// The actor's (or speaker's) kind.
    pub kind: Option<ActorKind>,
    pub sort: CardSort,
    /// Show rejected cards (greyed) instead of hiding them.
    pub show_rejected: bool,
    /// List the cards of every open article, not just the selected one.
    pub all_articles: bool,
}

impl Default for CardFilter {
    fn default() -> Self {
        Self {
            tab: CardTab::Statements,
            text: String::new(),
            country: None,
            kind: None,
            sort: CardSort::TextOrder,
            show_rejected: false,
            all_articles: false,
        }
    }
}

/// A card being edited in place: the fields as typed so far.
#[derive(Clone, Debug, PartialEq)]
pub enum CardEdit {
    Actor { target: CardRef, name: String, role: String, country: String },
    Statement { target: CardRef, speaker: Option<String>, cue: String, content: String },
}

impl CardEdit {
    pub fn target(&self) -> &CardRef {
        match self {
            Self::Actor { target, .. } | Self::Statement { target, .. } => target,
        }
    }
}

/// How the analyst is looking at the document.
#[derive(Default)]
pub struct ViewState {
    /// The article shown in the reader (its hash).
    pub article: Option<String>,
    /// The selected card.
    pub card: Option<CardRef>,
    /// Scroll the reader to the selected card on the next frame.
    pub scroll_to_card: bool,
    /// Scroll the card list to the selected card on the next frame (it was chosen somewhere else).
    pub scroll_list_to_card: bool,
    /// The dossier shown in the dossier panel (its country code).
    pub dossier: Option<String>,
    pub filter: CardFilter,
    pub edit: Option<CardEdit>,
    /// The country code typed in the sidebar to create a dossier for.
    pub new_country: String,
    /// The filtered, sorted card rows, with what they were computed from.
    pub card_rows: Option<(RowsKey, Vec<CardRow>)>,
    /// A few card-row lists computed before, so that Backspace in the filter costs nothing and a
    /// longer filter text only re-checks the rows of the shorter one.
    pub recent_rows: Vec<(RowsKey, Vec<CardRow>)>,
    /// The laid-out reader text, with what it was laid out from.
    pub reader_galley: Option<(ReaderKey, Arc<egui::Galley>)>,
    /// The countries of the workspace, with what they were counted from.
    pub countries: Option<(CountriesKey, Arc<Countries>)>,
    /// The rows of the shown dossier's sections, with the generation and dossier they were built for.
    pub dossier_rows: Option<super::dossier_view::Rows>,
    /// The command palette, while open.
    pub palette: Option<super::palette::Palette>,
    /// The keyboard help sheet is open.
    pub help_open: bool,
    /// The dossier shown before the panel was hidden, to show again.
    pub last_dossier: Option<String>,
    /// Scroll the article list to the shown article on the next frame.
    pub scroll_list_to_article: bool,
    /// The article list's filter and order.
    pub article_filter: super::search::ArticleFilter,
    /// The article list's rows (indices into the articles), with what they were computed from.
    pub article_rows: Option<((u64, super::search::ArticleFilter), Vec<usize>)>,
    /// The search over the articles' text, while its window is open.
    pub text_search: Option<super::search::TextSearch>,
    /// The titles of the articles opened in this session, by path: *Open recent* lists titles.
    pub recent_titles: std::collections::HashMap<String, String>,
    /// A briefing was exported in this session (the first-run strip ticks its last step).
    pub exported: bool,
    /// The list the arrow keys move in: the one last clicked.
    pub list_focus: ListFocus,
    /// The card selected in the dossier panel (a dossier card id, `<article hash>/<card id>`).
    pub dossier_card: Option<String>,
    /// How many card rows fit in the card list as it is laid out now.
    pub card_rows_in_view: usize,
    /// The card keys of dossiers, by country, for the generation they were collected in.
    pub dossier_keys: (u64, std::collections::HashMap<String, std::collections::HashSet<String>>),
    /// The dossier panel shows only its title bar.
    pub dossier_collapsed: bool,
    /// The Preferences window is open.
    pub preferences_open: bool,
    /// When each notice on screen was first shown (egui time, seconds), by notice id.
    pub notice_times: std::collections::HashMap<u64, f64>,
    /// The entities of the open articles, with what they were resolved from.
    pub entities: Option<super::entities::Resolved>,
}

impl ViewState {
    /// Selects a card (and its article); `scroll` moves the reader to it.
    pub fn select_card(&mut self, card: CardRef, scroll: bool) {
        self.article = Some(card.article.clone());
        if self.edit.as_ref().is_some_and(|e| *e.target() != card) {
            self.edit = None;
        }
        // The list shows the card's kind, and scrolls to it.
        self.filter.tab = CardTab::of(&card);
        self.card = Some(card);
        self.scroll_to_card = scroll;
        self.scroll_list_to_card = true;
    }

    /// Shows an article in the reader, clearing a card selection from another article.
    pub fn select_article(&mut self, hash: &str) {
        if self.card.as_ref().is_some_and(|c| c.article != hash) {
            self.card = None;
            self.edit = None;
        }
        self.article = Some(hash.to_owned());
    }
}

/// The countries of the workspace: counting them goes through every open article, so it is done once
/// per change rather than once per frame.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Countries {
    /// The countries the open articles mention, most mentioned first, then those of dossiers: the card
    /// filter's choices.
    pub all: Vec<String>,
    /// The countries the articles mention that have no dossier yet, most mentioned first.
    pub suggested: Vec<String>,
}

impl Countries {
    fn of(workspace: &Workspace) -> Self {
        let mentioned = workspace.suggested_countries();
        let suggested = mentioned.iter().filter(|c| workspace.dossier(c).is_none()).cloned().collect();
        let mut all = mentioned;
        for dossier in &workspace.dossiers {
            if !all.contains(&dossier.country) {
                all.push(dossier.country.clone());
            }
        }
        Self { all, suggested }
    }
}

impl ViewState {
    /// Whether `country`'s dossier holds the card `key`: looked up in a set of its card keys, built once
    /// per change to the workspace (a dossier may hold 10,000 cards, and the card list asks every frame).
    pub fn dossier_holds(&mut self, workspace: &Workspace, generation: u64, country: &str, key: &str) -> bool {
        if self.dossier_keys.0 != generation {
            self.dossier_keys = (generation, Default::default());
        }
        let keys = self.dossier_keys.1.entry(country.to_owned()).or_insert_with(|| {
            let ids = |c: &crate::model::DossierCard| {
                std::iter::once(c.id.clone()).chain(c.also.iter().map(|r| r.id.clone())).collect::<Vec<_>>()
            };
            workspace.dossier(country).map(|d| d.cards.iter().flat_map(ids).collect()).unwrap_or_default()
        });
        keys.contains(key)
    }

    /// The workspace's countries, counted again only when the articles or the set of dossiers changed
    /// (not when a card goes into a dossier).
    pub fn countries(&mut self, state: &AppState) -> Arc<Countries> {
        let key = CountriesKey {
            articles: state.articles_fingerprint(),
            dossiers: state.workspace.dossiers.iter().map(|d| d.country.clone()).collect(),
        };
        match &self.countries {
            Some((cached, countries)) if *cached == key => Arc::clone(countries),
            _ => {
                let countries = Arc::new(Countries::of(&state.workspace));
                self.countries = Some((key, Arc::clone(&countries)));
                countries
            }
        }
    }
}

/// What the workspace's countries are counted from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountriesKey {
    articles: u64,
    dossiers: Vec<String>,
}

/// One line of the dossier panel's section list: a section title with its card count, a placeholder for
/// an empty section, a speaker's heading, the timeline's title, or a card (by index into the dossier's
/// cards, with the line it shows).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DossierRow {
    Title(Section, usize),
    Empty(Section),
    Speaker(Section, String),
    Timeline(usize),
    Card(usize, String),
}

/// What a card-row list was computed from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RowsKey {
    /// [`AppState::articles_fingerprint`]: the rows follow the articles and entity decisions only.
    pub articles: u64,
    pub article: Option<String>,
    pub filter: CardFilter,
}

impl RowsKey {
    /// Whether every row of `self` is among the rows of `other`: the same cards and filter, except that
    /// this filter's text contains the other's (typing narrows the list).
    pub fn narrows(&self, other: &RowsKey) -> bool {
        let (mine, theirs) = (self.filter.text.trim().to_lowercase(), other.filter.text.trim().to_lowercase());
        self.articles == other.articles
            && self.article == other.article
            && CardFilter { text: String::new(), ..self.filter.clone() }
                == CardFilter { text: String::new(), ..other.filter.clone() }
            && mine.contains(&theirs)
    }
}

/// One row of the card list: a card of an open article, by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardRow {
    /// Index into `workspace.articles`.
    pub article: usize,
    /// Index into the article's actors (Actors tab) or statements (Statements tab).
    pub card: usize,
}

/// What a reader galley was laid out from.
#[derive(Clone, Debug, PartialEq)]
pub struct ReaderKey {
    pub generation: u64,
    pub article: String,
    pub card: Option<CardRef>,
    pub width: f32,
    pub dark_mode: bool,
}

/// The name a country's dossier has or would get: the existing dossier's name, the lexicon's name, or
/// the code itself.
pub fn dossier_name(workspace: &Workspace, country: &str) -> String {
    if let Some(dossier) = workspace.dossier(country) {
        return dossier.name.clone();
    }
    country_label(country)
}

pub use crate::lexicon::country_label;
