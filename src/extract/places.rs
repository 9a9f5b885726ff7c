//! Country references the gazetteer's whole-token matching leaves out: regions that stand for their
//! country ("Northern Territory", "Bavaria"; `assets/places.tsv`) and country forms that open or join a
//! hyphenated compound ("Saudi-born", "US-led", "Israeli-Palestinian").

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::{Entry, lexicon};

use super::words::Words;

const PLACES: &str = include_str!("../../assets/places.tsv");

/// Place forms by their first word: (all words, country code), longest first.
type Places = HashMap<String, Vec<(Vec<String>, String)>>;

fn places() -> &'static Places {
    static PLACES_BY_WORD: OnceLock<Places> = OnceLock::new();
    PLACES_BY_WORD.get_or_init(|| {
        let mut by_word: Places = HashMap::default();
        for line in PLACES.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let Some((form, code)) = line.split_once('\t') else { continue };
            let words: Vec<String> = form.split_whitespace().map(str::to_owned).collect();
            let Some(first) = words.first().cloned() else { continue };
            by_word.entry(first).or_default().push((words, code.trim().to_owned()));
        }
        for forms in by_word.values_mut() {
            forms.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        by_word
    })
}

/// The region of `assets/places.tsv` starting at token `i`: its country code and the token after it.
pub fn place_at(w: &Words<'_>, i: usize) -> Option<(&'static str, usize)> {
    if !w.is_cap(i) {
        return None;
    }
    let forms = places().get(w.word(i))?;
    forms.iter().find_map(|(words, code)| {
        let fits = words.iter().enumerate().all(|(k, word)| w.is_word(i + k) && w.word(i + k) == word);
        fits.then_some((code.as_str(), i + words.len()))
    })
}

/// The country of a region named by the whole of `form` ("Northern Territory" → AU).
pub fn place_country(form: &str) -> Option<&'static str> {
    let words: Vec<&str> = form.split_whitespace().collect();
    let forms = places().get(*words.first()?)?;
    forms.iter().find(|(w, _)| w.iter().map(String::as_str).eq(words.iter().copied())).map(|(_, c)| c.as_str())
}

/// The countries named by the parts of a hyphenated word ("Saudi-born" → SA, "Israeli-Palestinian" → IL,
/// PS), each part a whole country form or region as written (capitalised).
pub fn compound_countries(word: &str) -> impl Iterator<Item = &'static str> + '_ {
    let hyphenated = word.contains(['-', '‑']);
    word.split(['-', '‑']).filter(move |_| hyphenated).filter_map(|part| {
        if !part.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let lex = lexicon();
        let whole = lex.gazetteer.find(part).filter(|m| m.start() == 0 && m.end() == part.len());
        match whole.and_then(|m| lex.entries.get(m.pattern().as_usize())) {
            Some(Entry::Country(c, _)) => lex.countries.get(*c).map(|c| c.code.as_str()),
            _ => place_country(part),
        }
    })
}

/// Every country a token refers to beyond the gazetteer hit at it: a region starting there, or the parts
/// of a hyphenated compound.
pub fn countries_at<'w>(w: &'w Words<'_>, i: usize) -> impl Iterator<Item = &'static str> + 'w {
    let place = place_at(w, i).map(|(code, _)| code);
    let compound = if w.is_word(i) && w.hit_at(i).is_none() { Some(compound_countries(w.word(i))) } else { None };
    place.into_iter().chain(compound.into_iter().flatten())
}
