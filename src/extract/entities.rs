//! Pass 3: name phrases, sentence by sentence, with the name tagger's reading: each becomes an actor in
//! the registry (one per referent), takes the roles written beside it ([`super::roles`]), and the countries
//! the text names are noted as they come (the article's countries).

use super::actors::{self, Phrase, Referent, Registry};
use super::countries::{born_descriptor, note_country};
use super::places;
use super::roles::{appositive, counterpart_role, descriptive_role};
use super::tagging::Tagged;
use super::tokens::Sentence;
use super::words::Words;
use crate::model::ActorKind;

/// An actor and the sentence that introduces it.
#[derive(Clone, Copy, Debug)]
pub struct FirstMention {
    pub actor: usize,
    pub sentence: usize,
}

/// What the name pass found: the actors, the phrases that name them (in text order), the article's
/// countries in order of first mention, and where each actor is introduced.
pub struct Names {
    pub reg: Registry,
    pub phrases: Vec<Phrase>,
    pub countries: Vec<String>,
    pub first: Vec<FirstMention>,
}

/// Reads the names of `sents`.
pub fn scan(w: &Words<'_>, tagged: &Tagged, sents: &[Sentence]) -> Names {
    let lex = w.lex;
    let toks = w.tokens;
    let mut reg = Registry::default();
    let mut phrases: Vec<Phrase> = Vec::new();
    let mut countries: Vec<String> = Vec::new();
    let mut first: Vec<FirstMention> = Vec::new();
    let mut seen: rustc_hash::FxHashSet<usize> = rustc_hash::FxHashSet::default();
    for (n, s) in sents.iter().enumerate() {
        // A dateline before the sentence ("KABUL (Reuters) -") names a place.
        let dateline_from = if n == 0 { 0 } else { sents[n - 1].end };
        for k in dateline_from..s.first {
            if let Some(&c) = lex.country_by_lower.get(w.lower(k)) {
                note_country(&mut countries, w.country_code(c));
            }
        }
        let mut i = s.first;
        while i < s.end {
            if let Some((c, _, _)) = w.country_at(i) {
                note_country(&mut countries, w.country_code(c));
            }
            for code in places::countries_at(w, i) {
                note_country(&mut countries, code);
            }
            let prev_first = if n == 0 { s.first } else { sents[n - 1].first };
            if born_descriptor(w, &mut reg, &phrases, i, prev_first) {
                i += 1;
                continue;
            }
            match actors::phrase_at(w, tagged, &mut reg, i, s.first, s.end) {
                Some(p) => {
                    // An acronym defined in parentheses: "Tehreek-e-Taliban Pakistan (TTP)".
                    if let Referent::Actor(a) = p.referent {
                        // Not a country ("Jon Drummond (U.S.)") nor letters that are not the name's initial.
                        if w.word(p.end) == "("
                            && w.word(p.end + 2) == ")"
                            && actors::is_acronym(w.word(p.end + 1))
                            && w.country_at(p.end + 1).is_none()
                            && actors::initial_matches(w.word(p.start), w.word(p.end + 1))
                        {
                            let alias = w.word(p.end + 1).to_owned();
                            reg.drafts[a].kind = ActorKind::Organization;
                            reg.alias(a, &alias, toks[p.end + 1].span());
                        }
                    }
                    // Countries inside the phrase are counted too.
                    for k in p.start..p.end {
                        if let Some((c, _, _)) = w.country_at(k) {
                            note_country(&mut countries, w.country_code(c));
                        }
                        for code in places::countries_at(w, k) {
                            note_country(&mut countries, code);
                        }
                    }
                    i = p.end.max(i + 1);
                    appositive(w, &mut reg, phrases.last(), &p);
                    counterpart_role(&mut reg, &phrases, s.first, &p);
                    if let Referent::Actor(a) = p.referent {
                        if seen.insert(a) {
                            first.push(FirstMention { actor: a, sentence: n });
                        }
                    }
                    descriptive_role(w, &mut reg, &p, s.first, s.end);
                    actors::occupation_role(w, &mut reg, &p, s.first, s.end);
                    actors::coordinated_role(w, &mut reg, phrases.last(), &p, s.first);
                    phrases.push(p);
                }
                None => i += 1,
            }
        }
    }

    Names { reg, phrases, countries, first }
}
