//! The gazetteers and word lists of `assets/`, compiled into the binary and parsed once on first use.
//! Each file names its source and licence in `assets/SOURCES.md`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

const COUNTRIES: &str = include_str!("../../assets/countries.tsv");
const ORGANIZATIONS: &str = include_str!("../../assets/organizations.tsv");
const CUES: &str = include_str!("../../assets/cues.tsv");
const TITLES: &str = include_str!("../../assets/titles.txt");
const HONORIFICS: &str = include_str!("../../assets/honorifics.txt");
const SOURCES: &str = include_str!("../../assets/sources.txt");
const COMMON: &str = include_str!("../../assets/common_words.txt");

/// The days of the week, in lower case.
pub const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The months, in lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Is the lower-case word a day of the week or a month ("monday", "march")?
pub fn is_date_word(lower: &str) -> bool {
    WEEKDAYS.contains(&lower) || MONTHS.contains(&lower)
}

/// How a gazetteer entry names a country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountryForm {
    /// Its name or an alias ("Pakistan", "the U.S.").
    Name,
    /// A demonym or adjective ("Afghan", "Israelis").
    Adjective,
    /// A capital, city or seat-of-government metonym ("Kabul", "the Kremlin").
    Place,
}

/// An organization the gazetteer knows by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organization {
    pub name: String,
    pub country: Option<String>,
    pub kind: String,
}

/// What a gazetteer pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// Index into [`Lexicon::countries`], and the form.
    Country(usize, CountryForm),
    /// Index into [`Lexicon::organizations`].
    Organization(usize),
}

/// A country of the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    pub code: String,
    pub name: String,
}

/// How a cue takes its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// Takes a clause: "said (that) …".
    Speech,
    /// Takes an object: "called on X to …", "denied the allegation".
    Object,
    /// A phrase with no verb: "according to".
    Noun,
    /// A verb that attributes speech only beside a quotation: "“…?” she asked", "he continued: “…”".
    Quote,
}

/// What a cue verb allows beyond its kind: the optional third column of `assets/cues.tsv`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CueFeatures {
    /// `listener`: the noun phrase right after it is who is spoken to ("told reporters …"), so "…, told X"
    /// never names the speaker after it.
    pub listener: bool,
    /// `question`: reports speech with a question or request after it, not only beside a quotation ("asked
    /// whether …", "asked him to resign").
    pub question: bool,
    /// `other-sense`: before a number or "to" and an article it reports no speech ("added two goals", "added
    /// to the cost", "admitted to the hospital").
    pub other_sense: bool,
    /// `negation`: negated, it reports that nothing was said ("did not say").
    pub negation: bool,
    /// `passive`: in the passive with a "by" agent it attributes a stated position to the agent ("the plan was
    /// rejected by the council", "was told by police that …"); without it a passive reports no speech ("was
    /// recalled").
    pub passive: bool,
}

/// Title words: heads name a role, modifiers narrow it, bodies are government bodies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleWord {
    Head,
    Modifier,
    Body,
}

/// What the word lists say about one lower-case word, so a token needs a single lookup.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordClass {
    pub common: bool,
    /// An honorific written before a name ("mr", "sheikh"; a final "." is its own token).
    pub honorific: bool,
    pub source_noun: bool,
    /// Some cue form starts with this word.
    pub cue: bool,
    pub title: Option<TitleWord>,
}

/// All word lists, ready for matching.
pub struct Lexicon {
    /// Every word of the word lists below, with its classes.
    pub word_classes: HashMap<String, WordClass>,
    pub countries: Vec<Country>,
    pub organizations: Vec<Organization>,
    /// Case-sensitive matcher of every country and organization surface form.
    pub gazetteer: AhoCorasick,
    /// The entry of each gazetteer pattern.
    pub entries: Vec<Entry>,
    /// Cue forms by their first word (lower case): (all words, kind, features), longest first.
    pub cues: HashMap<String, Vec<(Vec<String>, CueKind, CueFeatures)>>,
    /// Every country form in lower case, for text written in capitals (datelines: "KABUL").
    pub country_by_lower: HashMap<String, usize>,
    by_code: HashMap<String, usize>,
}

impl Lexicon {
    /// The title class of a lower-case word, if it is a title word.
    pub fn title_of(&self, lower: &str) -> Option<TitleWord> {
        self.word_classes.get(lower).and_then(|c| c.title)
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.by_code.get(code).map(|&i| &self.countries[i])
    }
}

/// The lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(build)
}

/// The English short name of a country, by ISO code ("PK" → "Pakistan").
pub fn country_name(code: &str) -> Option<&'static str> {
    lexicon().country(code).map(|c| c.name.as_str())
}

/// A country's display name: its English short name, or the code itself when the lexicon does not know it.
pub fn country_label(code: &str) -> String {
    country_name(code).map_or_else(|| code.to_owned(), str::to_owned)
}

/// The ISO code of the country an analyst typed: a code ("pk"), a name or an alias ("Pakistan", "the
/// UK"), or a demonym ("Pakistani"); `None` when it is none of them.
pub fn find_country(input: &str) -> Option<&'static str> {
    let lex = lexicon();
    let typed = input.trim();
    let upper = typed.to_uppercase();
    if let Some(c) = lex.country(&upper) {
        return Some(c.code.as_str());
    }
    let lower = typed.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let &index = lex.country_by_lower.get(lower)?;
    lex.countries.get(index).map(|c| c.code.as_str())
}

/// Every country of the gazetteer as (code, name), sorted by name.
pub fn all_countries() -> Vec<(&'static str, &'static str)> {
    let mut all: Vec<_> = lexicon().countries.iter().map(|c| (c.code.as_str(), c.name.as_str())).collect();
    all.sort_by(|a, b| a.1.cmp(b.1));
    all
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim_end).filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn split_list(field: Option<&str>) -> impl Iterator<Item = &str> {
    field.unwrap_or("").split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn build() -> Lexicon {
    let mut patterns: Vec<String> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut seen: HashSet<String> = HashSet::default();
    let mut add = |form: &str, entry: Entry, patterns: &mut Vec<String>, entries: &mut Vec<Entry>| {
        let form = form.strip_prefix("the ").unwrap_or(form);
        if form.len() >= 2 && seen.insert(form.to_owned()) {
            patterns.push(form.to_owned());
            entries.push(entry);
        }
    };
    let mut countries = Vec::new();
    let mut by_code = HashMap::default();
    for line in data_lines(COUNTRIES) {
        let mut cols = line.split('\t');
        let (Some(code), Some(name)) = (cols.next(), cols.next()) else { continue };
        let index = countries.len();
        by_code.insert(code.to_owned(), index);
        countries.push(Country { code: code.to_owned(), name: name.to_owned() });
        let (aliases, adjectives, places) = (cols.next(), cols.next(), cols.next());
        for form in std::iter::once(name).chain(split_list(aliases)) {
            add(form, Entry::Country(index, CountryForm::Name), &mut patterns, &mut entries);
        }
        for form in split_list(adjectives) {
            add(form, Entry::Country(index, CountryForm::Adjective), &mut patterns, &mut entries);
        }
        for form in split_list(places) {
            add(form, Entry::Country(index, CountryForm::Place), &mut patterns, &mut entries);
        }
    }
    let mut organizations = Vec::new();
    for line in data_lines(ORGANIZATIONS) {
        let mut cols = line.split('\t');
        let Some(name) = cols.next() else { continue };
        let aliases = cols.next();
        let country = cols.next().map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned);
        let kind = cols.next().unwrap_or("").trim().to_owned();
        let index = organizations.len();
        organizations.push(Organization { name: name.to_owned(), country, kind });
        for form in std::iter::once(name).chain(split_list(aliases)) {
            add(form, Entry::Organization(index), &mut patterns, &mut entries);
        }
    }
    let country_by_lower = patterns
        .iter()
        .zip(&entries)
        .filter_map(|(p, e)| match e {
            Entry::Country(c, _) => Some((p.to_lowercase(), *c)),
            Entry::Organization(_) => None,
        })
        .collect();
    let gazetteer = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .unwrap_or_else(|_| AhoCorasick::new(Vec::<String>::new()).unwrap_or_else(|_| unreachable!()));
    let cues = cues();
    let mut word_classes: HashMap<String, WordClass> = HashMap::default();
    for w in data_lines(COMMON).flat_map(str::split_whitespace) {
        word_classes.entry(w.to_lowercase()).or_default().common = true;
    }
    for w in data_lines(HONORIFICS) {
        word_classes.entry(w.trim().to_lowercase()).or_default().honorific = true;
    }
    for w in data_lines(SOURCES) {
        word_classes.entry(w.trim().to_lowercase()).or_default().source_noun = true;
    }
    for w in cues.keys() {
        word_classes.entry(w.clone()).or_default().cue = true;
    }
    for (w, t) in titles() {
        word_classes.entry(w).or_default().title = Some(t);
    }
    Lexicon { word_classes, countries, organizations, gazetteer, entries, cues, country_by_lower, by_code }
}

type CueForms = HashMap<String, Vec<(Vec<String>, CueKind, CueFeatures)>>;

fn cues() -> CueForms {
    let mut cues: CueForms = HashMap::default();
    for line in data_lines(CUES) {
        let mut columns = line.split('\t');
        let (Some(kind), Some(forms)) = (columns.next(), columns.next()) else { continue };
        let mut features = CueFeatures::default();
        for flag in columns.next().unwrap_or("").split(',').map(str::trim) {
            match flag {
                "listener" => features.listener = true,
                "question" => features.question = true,
                "other-sense" => features.other_sense = true,
                "negation" => features.negation = true,
                "passive" => features.passive = true,
                _ => {}
            }
        }
        let kind = match kind.trim() {
            "object" => CueKind::Object,
            "noun" => CueKind::Noun,
            "quote" => CueKind::Quote,
            _ => CueKind::Speech,
        };
        for form in split_list(Some(forms)) {
            let words: Vec<String> = form.split_whitespace().map(str::to_owned).collect();
            if let Some(first) = words.first() {
                cues.entry(first.clone()).or_default().push((words, kind, features));
            }
        }
    }
    for list in cues.values_mut() {
        list.sort_by_key(|form| std::cmp::Reverse(form.0.len()));
    }
    cues
}

fn titles() -> HashMap<String, TitleWord> {
    data_lines(TITLES)
        .filter_map(|l| {
            let (word, kind) = l.split_once('\t')?;
            let kind = match kind.trim() {
                "head" => TitleWord::Head,
                "body" => TitleWord::Body,
                _ => TitleWord::Modifier,
            };
            Some((word.trim().to_lowercase(), kind))
        })
        .collect()
}
