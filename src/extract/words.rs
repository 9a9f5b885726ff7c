//! Per-token word classes from the lexicon: gazetteer hits aligned to tokens, title words, honorifics,
//! cues, capitalisation. Computed once per text so later passes only look them up.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::{CountryForm, CueFeatures, CueKind, Entry, Lexicon, TitleWord, WordClass};

use super::actors::Gender;

use super::tokens::{Kind, Token};
use crate::model::Span;

/// A gazetteer hit covering tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: Entry,
}

/// No gazetteer hit at a token.
const NO_HIT: u32 = u32::MAX;

/// A cue occurrence covering tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueHit {
    pub start: usize,
    pub end: usize,
    pub kind: CueKind,
    pub features: CueFeatures,
}

/// Word classes of every token.
pub struct Words<'t> {
    pub text: &'t str,
    pub tokens: &'t [Token],
    /// Lower-cased token texts, one after another; `lower_end[i]` is where token `i`'s ends.
    lower: String,
    lower_end: Vec<u32>,
    class: Vec<WordClass>,
    cap: Vec<bool>,
    /// The gazetteer hits, in text order.
    hits: Vec<Hit>,
    /// For each token, the index in `hits` of the hit starting at it, or `NO_HIT`.
    hit_at: Vec<u32>,
    /// For each token, the index in `hits` of the hit covering it, or `NO_HIT`.
    hit_of: Vec<u32>,
    pub lex: &'static Lexicon,
}

impl<'t> Words<'t> {
    pub fn new(text: &'t str, tokens: &'t [Token], lex: &'static Lexicon) -> Self {
        let mut lower = String::with_capacity(text.len());
        let mut lower_end = Vec::with_capacity(tokens.len());
        let mut class = Vec::with_capacity(tokens.len());
        let mut caps = Vec::with_capacity(tokens.len());
        for t in tokens {
            let word = t.text(text);
            let from = lower.len();
            if word.is_ascii() {
                lower.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                lower.extend(word.chars().flat_map(char::to_lowercase));
            }
            lower_end.push(u32::try_from(lower.len()).unwrap_or(u32::MAX));
            let l = &lower[from..];
            let is_word = t.kind == Kind::Word;
            let cap = is_word && word.chars().next().is_some_and(char::is_uppercase);
            let c = if is_word { lex.word_classes.get(l).copied().unwrap_or_default() } else { WordClass::default() };
            class.push(WordClass { honorific: cap && c.honorific, ..c });
            caps.push(cap);
        }
        let mut hits = Vec::new();
        let mut hit_at = vec![NO_HIT; tokens.len()];
        let mut hit_of = vec![NO_HIT; tokens.len()];
        // Byte offset → token index, for aligning matches to tokens.
        let mut t = 0;
        for m in lex.gazetteer.find_iter(text) {
            while t < tokens.len() && tokens[t].start < m.start() {
                t += 1;
            }
            if t >= tokens.len() || tokens[t].start != m.start() {
                continue;
            }
            let mut e = t;
            while e < tokens.len() && tokens[e].end < m.end() {
                e += 1;
            }
            if e >= tokens.len() || tokens[e].end != m.end() {
                continue;
            }
            // A match must not cut a word: "Indiana" is not "India".
            let hit = Hit { start: t, end: e + 1, entry: lex.entries[m.pattern().as_usize()] };
            let Ok(n) = u32::try_from(hits.len()) else { break };
            hits.push(hit);
            hit_at[t] = n;
            for slot in &mut hit_of[t..=e] {
                *slot = n;
            }
        }
        Self { text, tokens, lower, lower_end, class, cap: caps, hits, hit_at, hit_of, lex }
    }

    /// The gazetteer hit starting at token `i`.
    pub fn hit_at(&self, i: usize) -> Option<Hit> {
        self.hit_at.get(i).and_then(|&n| self.hits.get(n as usize)).copied()
    }

    /// The gazetteer hit covering token `i`.
    pub fn hit_of(&self, i: usize) -> Option<Hit> {
        self.hit_of.get(i).and_then(|&n| self.hits.get(n as usize)).copied()
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn word(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    pub fn lower(&self, i: usize) -> &str {
        let Some(&end) = self.lower_end.get(i) else { return "" };
        let start = if i == 0 { 0 } else { self.lower_end[i - 1] };
        self.lower.get(start as usize..end as usize).unwrap_or("")
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    /// A word starting with an upper-case letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.cap.get(i).copied().unwrap_or(false)
    }

    /// The lexicon classes of token `i` (an honorific only when capitalised).
    pub fn class(&self, i: usize) -> WordClass {
        self.class.get(i).copied().unwrap_or_default()
    }

    pub fn is_common(&self, i: usize) -> bool {
        self.class.get(i).is_some_and(|c| c.common)
    }

    pub fn title(&self, i: usize) -> Option<TitleWord> {
        self.class.get(i).and_then(|c| c.title)
    }

    pub fn is_honorific(&self, i: usize) -> bool {
        self.class.get(i).is_some_and(|c| c.honorific)
    }

    pub fn is_source_noun(&self, i: usize) -> bool {
        self.class.get(i).is_some_and(|c| c.source_noun)
    }

    /// The country of a country hit at `i` and its form.
    pub fn country_at(&self, i: usize) -> Option<(usize, CountryForm, usize)> {
        match self.hit_at(i) {
            Some(Hit { entry: Entry::Country(c, form), end, .. }) => Some((c, form, end)),
            _ => None,
        }
    }

    pub fn country_code(&self, index: usize) -> &'static str {
        self.lex.countries.get(index).map_or("", |c| c.code.as_str())
    }

    /// The cue starting at token `i`, longest form first.
    pub fn cue_at(&self, i: usize) -> Option<CueHit> {
        // Verbs are written in lower case; a capitalised "States" or "Reports" is a name, except in a
        // headline in title case ("Minister Says Talks Will Resume"), between two capitalised words.
        let headline = self.is_cap(i.wrapping_sub(1)) && self.is_cap(i + 1);
        if !self.class.get(i).is_some_and(|c| c.cue) || self.is_cap(i) && self.lower(i) != "according" && !headline {
            return None;
        }
        let forms = self.lex.cues.get(self.lower(i))?;
        forms.iter().find_map(|(words, kind, features)| {
            let fits = words.iter().enumerate().all(|(k, w)| self.is_word(i + k) && self.lower(i + k) == w);
            fits.then_some(CueHit { start: i, end: i + words.len(), kind: *kind, features: *features })
        })
    }

    pub fn is_pronoun(&self, i: usize) -> bool {
        self.is_word(i) && matches!(self.lower(i), "he" | "she" | "it" | "they" | "we" | "i")
    }
}

const GIVEN_NAMES: &str = include_str!("../../assets/given_names.tsv");

/// The gender a given name mostly marks ("anna" → female), from `assets/given_names.tsv`; lower case.
pub fn given_name_gender(lower: &str) -> Option<Gender> {
    static NAMES: OnceLock<HashMap<String, Gender>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        GIVEN_NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .filter_map(|(name, g)| match g.trim() {
                "m" => Some((name.to_owned(), Gender::Male)),
                "f" => Some((name.to_owned(), Gender::Female)),
                _ => None,
            })
            .collect()
    });
    names.get(lower).copied()
}

pub(super) fn span_of(w: &Words<'_>, a: usize, b: usize) -> Span {
    Span::new(w.tokens[a].start, w.tokens[b - 1].end)
}
