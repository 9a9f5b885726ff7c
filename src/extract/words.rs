//! Per-token word classes from the lexicon: gazetteer hits aligned to tokens, title words, honorifics,
//! cues, capitalisation. Computed once per text so later passes only look them up.

use crate::lexicon::{CountryForm, CueKind, Entry, Lexicon, TitleWord};

use super::tokens::{Kind, Token};

/// A gazetteer hit covering tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: Entry,
}

/// A cue occurrence covering tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueHit {
    pub start: usize,
    pub end: usize,
    pub kind: CueKind,
}

/// Word classes of every token.
pub struct Words<'t> {
    pub text: &'t str,
    pub tokens: &'t [Token],
    /// Lower-cased token texts.
    pub lower: Vec<String>,
    /// For each token, the gazetteer hit starting at it.
    pub hit_at: Vec<Option<Hit>>,
    /// For each token, the hit covering it.
    pub hit_of: Vec<Option<Hit>>,
    pub lex: &'static Lexicon,
}

impl<'t> Words<'t> {
    pub fn new(text: &'t str, tokens: &'t [Token], lex: &'static Lexicon) -> Self {
        let lower = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
        let mut hit_at = vec![None; tokens.len()];
        let mut hit_of = vec![None; tokens.len()];
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
            hit_at[t] = Some(hit);
            for slot in &mut hit_of[t..=e] {
                *slot = Some(hit);
            }
        }
        Self { text, tokens, lower, hit_at, hit_of, lex }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn word(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    pub fn lower(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    /// A word starting with an upper-case letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_common(&self, i: usize) -> bool {
        self.lex.common.contains(self.lower(i))
    }

    pub fn title(&self, i: usize) -> Option<TitleWord> {
        if !self.is_word(i) {
            return None;
        }
        self.lex.titles.get(self.lower(i)).copied()
    }

    pub fn is_honorific(&self, i: usize) -> bool {
        self.is_cap(i) && self.lex.honorifics.contains(self.lower(i))
    }

    pub fn is_source_noun(&self, i: usize) -> bool {
        self.is_word(i) && self.lex.source_nouns.contains(self.lower(i))
    }

    /// The country of a country hit at `i` and its form.
    pub fn country_at(&self, i: usize) -> Option<(usize, CountryForm, usize)> {
        match self.hit_at.get(i).copied().flatten() {
            Some(Hit { entry: Entry::Country(c, form), end, .. }) => Some((c, form, end)),
            _ => None,
        }
    }

    pub fn country_code(&self, index: usize) -> &'static str {
        self.lex.countries.get(index).map_or("", |c| c.code.as_str())
    }

    /// The cue starting at token `i`, longest form first.
    pub fn cue_at(&self, i: usize) -> Option<CueHit> {
        // Verbs are written in lower case; a capitalised "States" or "Reports" is a name.
        if !self.is_word(i) || self.is_cap(i) && self.lower(i) != "according" {
            return None;
        }
        let forms = self.lex.cues.get(self.lower(i))?;
        forms.iter().find_map(|(words, kind)| {
            let fits = words.iter().enumerate().all(|(k, w)| self.is_word(i + k) && self.lower(i + k) == w);
            fits.then_some(CueHit { start: i, end: i + words.len(), kind: *kind })
        })
    }

    pub fn is_pronoun(&self, i: usize) -> bool {
        self.is_word(i) && matches!(self.lower(i), "he" | "she" | "it" | "they" | "we" | "i")
    }
}
