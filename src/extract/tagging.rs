//! The tagging pass: runs the name tagger ([`crate::tag`]) over the sentences of a text and makes its
//! names consistent across the document, so the actor pass can ask what a capitalised phrase is.

use crate::tag::{self, EntityType, Flags, TagId, View, features};

use super::tokens::Sentence;
use super::words::Words;

/// The name tagger's reading of a text, per token.
pub struct Tagged {
    pub tags: Vec<TagId>,
    pub probs: Vec<f32>,
    pub flags: Vec<Flags>,
    /// The token is in a sentence written in capitals (a headline or a dateline).
    pub headline: Vec<bool>,
}

/// What the tagger says about the tokens `start..end`: the type most of their probability mass gives,
/// and its mean probability over the tokens (outside tokens count as zero).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    pub kind: Option<EntityType>,
    pub prob: f32,
}

impl Tagged {
    /// Tags every sentence of the text (with the tokens before it, such as a dateline).
    pub fn new(w: &Words<'_>, sents: &[Sentence]) -> Self {
        let n = w.len();
        let words: Vec<&str> = (0..n).map(|i| w.word(i)).collect();
        let mut flags: Vec<Flags> = Vec::with_capacity(n);
        for (i, &word) in words.iter().enumerate() {
            let mut f = features::class_flags(w.class(i), w.is_cap(i));
            if w.is_cap(i) {
                f |= features::name_flags(word, w.lower(i));
            }
            if let Some(h) = w.hit_of(i) {
                f |= features::entry_flags(h.entry);
            }
            flags.push(f);
        }
        let mut tags = vec![TagId::O; n];
        let mut probs = vec![0f32; n];
        let mut headline = vec![false; n];
        if let Some(model) = tag::ner() {
            let view = View { words: &words, flags: &flags };
            let mut from = 0;
            for s in sents {
                let (first, end) = (from.min(s.first), s.end.min(n));
                if first < end {
                    model.tag(&view, first, end, true, &mut tags, &mut probs);
                    if features::is_headline(&words[first..end]) {
                        headline[first..end].fill(true);
                    }
                }
                from = end;
            }
            tag::harmonize(&words, &mut tags, &mut probs);
            people_by_apposition(&words, &flags, &mut tags, &mut probs);
        }
        Self { tags, probs, flags, headline }
    }

    /// The tagger's type of the tokens `start..end`.
    pub fn reading(&self, start: usize, end: usize) -> Reading {
        let mut mass = [0f32; 4];
        for i in start..end.min(self.tags.len()) {
            if let Some(k) = EntityType::of(self.tags[i]) {
                mass[EntityType::ALL.iter().position(|&t| t == k).unwrap_or(3)] += self.probs[i];
            }
        }
        let (best, &m) = mass.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).unwrap_or((0, &0.0));
        if m <= 0.0 || end <= start {
            return Reading { kind: None, prob: 0.0 };
        }
        Reading { kind: Some(EntityType::ALL[best]), prob: m / (end - start) as f32 }
    }

    /// The name the tagger starts at token `i`: its end and type, and its mean probability.
    pub fn name_at(&self, i: usize) -> Option<(usize, EntityType, f32)> {
        let &first = self.tags.get(i)?;
        let kind = EntityType::of(first).filter(|_| tag::is_begin(first))?;
        let mut e = i + 1;
        while e < self.tags.len() && self.tags[e] == kind.tag(false) {
            e += 1;
        }
        let prob = self.probs[i..e].iter().sum::<f32>() / (e - i) as f32;
        Some((e, kind, prob))
    }

    pub fn flags(&self, i: usize) -> Flags {
        self.flags.get(i).copied().unwrap_or(0)
    }

    pub fn is_headline(&self, i: usize) -> bool {
        self.headline.get(i).copied().unwrap_or(false)
    }
}

/// How sure a name is a person when an age or a country in parentheses follows it.
const APPOSITION_PERSON: f32 = 0.8;
/// Readings of another type at least this sure are kept.
const APPOSITION_DOUBT: f32 = 0.6;

/// "Lena Brandt, 34, said" and "Tomas Qvist (Sweden) beat …": a capitalised name followed by an age
/// between commas, or by a country in parentheses, names a person. Up to three capitalised words, which the
/// tagger left outside or read weakly as something else.
fn people_by_apposition(words: &[&str], flags: &[Flags], tags: &mut [TagId], probs: &mut [f32]) {
    let n = words.len();
    let cap = |k: usize| words[k].chars().next().is_some_and(char::is_uppercase);
    for e in 1..n.saturating_sub(2) {
        let age = words[e] == ","
            && words[e + 1].len() <= 3
            && words[e + 1].parse::<u32>().is_ok_and(|a| (14..=110).contains(&a))
            && words[e + 2] == ",";
        let country = words[e] == "("
            && flags[e + 1] & features::COUNTRY != 0
            && (e + 2..(e + 5).min(n)).any(|k| words[k] == ")")
            && (e + 1..(e + 5).min(n)).take_while(|&k| words[k] != ")").all(|k| flags[k] & features::COUNTRY != 0);
        if !(age || country) || !cap(e - 1) {
            continue;
        }
        let mut s = e - 1;
        while s > 0 && e - s < 3 && cap(s - 1) && words[s - 1] != "(" {
            s -= 1;
        }
        // A name the tagger read surely as something else stays ("Manchester United (England)").
        let sure_other = (s..e)
            .any(|k| EntityType::of(tags[k]).is_some_and(|t| t != EntityType::Person) && probs[k] >= APPOSITION_DOUBT);
        // Countries and known organizations are not people.
        let listed = (s..e).any(|k| flags[k] & (features::COUNTRY | features::ORGANIZATION | features::CITY) != 0);
        if sure_other || listed {
            continue;
        }
        for k in s..e {
            tags[k] = EntityType::Person.tag(k == s);
            probs[k] = probs[k].max(APPOSITION_PERSON);
        }
    }
}
