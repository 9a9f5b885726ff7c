//! Pass 5 (and the notes of pass 3): the countries of the article and of its actors. The text's own
//! words first (a demonym or "<country>-born" before a name, the one country named where a head of state
//! is introduced); then a body of the article the role names, or the country the article is about for an
//! office holder. Knowledge outside the text comes later (`entity::knowledge`).

use super::actors::{Phrase, Referent, Registry};
use super::entities::{FirstMention, Names};
use super::places;
use super::tokens::{Kind, Sentence};
use super::words::{Words, span_of};
use crate::lexicon::{CountryForm, Entry};
use crate::model::{ActorKind, Span};

/// "… Jon Roe has fled. … the Norwegian-born fugitive is in hiding": a definite description "the
/// <country>-born <noun>" refers back to the latest person named since the previous sentence who has no role
/// yet (a description re-introduces someone the text has not described; "spokesman Jane Roe says the
/// Norwegian-born fugitive …" is about someone else), and says where that person comes from. Returns whether
/// token `i` opened such a description.
pub(super) fn born_descriptor(w: &Words<'_>, reg: &mut Registry, phrases: &[Phrase], i: usize, since: usize) -> bool {
    let Some(origin) = w.word(i).strip_suffix("-born") else { return false };
    if i == 0 || w.lower(i - 1) != "the" || !w.is_word(i + 1) || w.is_cap(i + 1) {
        return false;
    }
    let Some(&c) = w.lex.country_by_lower.get(&origin.to_lowercase()) else { return false };
    let person = phrases.iter().rev().take_while(|p| p.start >= since).find_map(|p| match p.referent {
        Referent::Actor(a) if reg.drafts[a].kind == ActorKind::Person && reg.drafts[a].role.is_none() => Some(a),
        _ => None,
    });
    let Some(a) = person else { return false };
    let span = span_of(w, i - 1, i + 2);
    let d = &mut reg.drafts[a];
    if d.country.is_none() || d.implicit_country {
        d.country = Some(w.country_code(c).to_owned());
        d.evidence = Some(span.text(w.text).to_owned());
        d.implicit_country = false;
    }
    d.mentions.push(span);
    true
}

/// Words that end a descriptive premodifier read back from a name: function words, pronouns, auxiliaries
/// and verbs of saying ("told French number one …" stops before "told").
pub(super) const NOT_DESCRIPTIVE: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "but", "to", "in", "on", "at", "by", "for", "from", "with", "as", "than",
    "that", "which", "who", "is", "was", "are", "were", "be", "been", "has", "have", "had", "said", "says", "told",
    "against", "over", "after", "before", "his", "her", "its", "their", "our", "my", "your", "he", "she", "they", "we",
    "it", "not", "no", "also", "will", "would", "could", "should", "may", "might", "can", "did", "does", "do", "when",
    "while", "if", "where", "beat", "defeated", "defeat", "met", "meet",
];

/// "French number one Sebastien Grosjean", "Afghan warlord Ismail Khan": a demonym opening the descriptive
/// words right before a person's name (up to three lower-case words, none a function word or a verb of
/// saying) gives the person its country, when nothing gave one.
pub(super) fn premodifier_countries(w: &Words<'_>, reg: &mut Registry, phrases: &[Phrase]) {
    for p in phrases {
        let Referent::Actor(a) = p.referent else { continue };
        if reg.drafts[a].kind != ActorKind::Person || reg.drafts[a].country.is_some() {
            continue;
        }
        let mut k = p.start;
        let mut descriptors = 0;
        while descriptors < 3 && k > 0 {
            let j = k - 1;
            let lower = w.lower(j);
            let descriptive = w.is_word(j)
                && !w.is_cap(j)
                && !w.class(j).cue
                && lower.chars().all(|c| c.is_alphabetic() || c == '-')
                && !NOT_DESCRIPTIVE.contains(&lower);
            if !descriptive {
                break;
            }
            descriptors += 1;
            k = j;
        }
        if descriptors == 0 {
            continue;
        }
        // The demonym ends right before the descriptive words.
        let Some(start) = (k.saturating_sub(3)..k).find(|&j| w.country_at(j).is_some_and(|(_, _, end)| end == k))
        else {
            continue;
        };
        let Some((c, CountryForm::Adjective, _)) = w.country_at(start) else { continue };
        let d = &mut reg.drafts[a];
        d.country = Some(w.country_code(c).to_owned());
        d.evidence = Some(span_of(w, start, k + descriptors).text(w.text).to_owned());
    }
}

/// "Farm occupations in Zimbabwe …, as President Robert Mugabe's government holds power": a head of state
/// or government with no other country in the text serves the one country named in the sentence that
/// introduces them (named as a place, not as a people or an adjective).
pub(super) fn sentence_country(w: &Words<'_>, reg: &mut Registry, sents: &[Sentence], first: &[FirstMention]) {
    for &FirstMention { actor: a, sentence: n } in first {
        let d = &reg.drafts[a];
        let Some(role) = d.role.as_deref().map(str::to_lowercase) else { continue };
        if d.kind != ActorKind::Person
            || d.country.is_some()
            || !role.split_whitespace().any(|r| matches!(r, "president" | "king" | "queen" | "premier"))
        {
            continue;
        }
        let s = sents[n];
        let mut found: Option<(&str, usize, usize)> = None;
        let mut several = false;
        for i in s.first..s.end {
            let Some((c, form, end)) = w.country_at(i) else { continue };
            let code = w.country_code(c);
            match found {
                Some((x, _, _)) if x != code => several = true,
                Some(_) => {}
                None => found = Some((code, i, end)),
            }
            several |= form != CountryForm::Name;
        }
        let Some((code, i, end)) = found.filter(|_| !several) else { continue };
        if !matches!(w.lower(i.wrapping_sub(1)), "in" | "of") {
            continue;
        }
        let evidence = span_of(w, i - 1, end).text(w.text).to_owned();
        let d = &mut reg.drafts[a];
        d.country = Some(code.to_owned());
        d.evidence = Some(evidence);
    }
}

/// Role words of public office: a person holding one without a stated country most likely serves the
/// country the article is about.
pub(super) const OFFICE_WORDS: &[&str] = &[
    "president",
    "minister",
    "premier",
    "chancellor",
    "senator",
    "governor",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "king",
    "queen",
    "treasurer",
    "secretary",
    "mp",
    "envoy",
];

/// Countries for actors the text does not tie to one directly: a person whose role names a body of the
/// article ("Defence Ministry spokesman" beside "Afghanistan's Defence Ministry") takes the body's country;
/// an office holder otherwise takes the country the article mentions most, when one clearly dominates (the
/// first named of those mentioned most).
pub(super) fn infer_countries(reg: &mut Registry, countries: &[String], counts: &[usize]) {
    let bodies: Vec<(String, String, String)> = reg
        .drafts
        .iter()
        .filter(|d| d.kind == ActorKind::Organization && !d.implicit_country)
        .filter_map(|d| Some((d.name.to_lowercase(), d.country.clone()?, d.name.clone())))
        .collect();
    let total: usize = counts.iter().sum();
    // On a tie, the country named first: the story the article leads with.
    let dominant = counts
        .iter()
        .enumerate()
        .rev()
        .max_by_key(|(_, n)| **n)
        .filter(|(_, n)| total > 0 && **n * 5 >= total * 2)
        .map(|(i, _)| countries[i].clone());
    for d in reg.drafts.iter_mut().filter(|d| d.kind == ActorKind::Person && d.country.is_none()) {
        let Some(role) = d.role.as_deref().map(str::to_lowercase) else { continue };
        let words: Vec<&str> = role.split_whitespace().collect();
        let body = bodies.iter().find(|(name, _, _)| {
            let body_words: Vec<&str> = name.split_whitespace().skip(1).collect();
            body_words.len() >= 2 && body_words.iter().all(|b| words.contains(b))
        });
        if let Some((_, code, name)) = body {
            d.country = Some(code.clone());
            d.evidence = Some(name.clone());
        } else if let Some(code) = dominant.as_ref().filter(|_| words.iter().any(|w| OFFICE_WORDS.contains(w))) {
            d.country = Some(code.clone());
            d.evidence = Some("the country the article is about".to_owned());
            d.implicit_country = true;
        }
    }
}

/// Adds a country code to the article's list, once, in order of first mention.
pub(super) fn note_country(countries: &mut Vec<String>, code: &str) {
    if !countries.iter().any(|x| x == code) {
        countries.push(code.to_owned());
    }
}

/// The countries a span of text refers to.
pub(super) fn countries_in(w: &Words<'_>, span: Span) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let first = w.tokens.partition_point(|t| t.start < span.start);
    for (i, t) in w.tokens.iter().enumerate().skip(first) {
        if t.kind != Kind::Word {
            continue;
        }
        if t.end > span.end {
            break;
        }
        // A country, or an organization of a country ("Tehreek-e-Taliban Pakistan", "Hamas").
        let code = match w.hit_at(i).map(|h| h.entry) {
            Some(Entry::Country(c, _)) => Some(w.country_code(c)),
            Some(Entry::Organization(o)) => w.lex.organizations.get(o).and_then(|org| org.country.as_deref()),
            None => None,
        };
        if let Some(code) = code {
            note_country(&mut out, code);
        }
        for code in places::countries_at(w, i) {
            note_country(&mut out, code);
        }
    }
    out
}

/// Pass 5: countries for the actors the text has not tied to one yet.
pub fn of_actors(w: &Words<'_>, names: &mut Names, sents: &[Sentence]) {
    let countries = &names.countries;
    let mut mentions_per_country: Vec<usize> = vec![0; countries.len()];
    for i in 0..w.len() {
        let codes = w.country_at(i).map(|(c, _, _)| w.country_code(c)).into_iter().chain(places::countries_at(w, i));
        for code in codes {
            if let Some(n) = countries.iter().position(|x| x == code) {
                mentions_per_country[n] += 1;
            }
        }
    }
    premodifier_countries(w, &mut names.reg, &names.phrases);
    sentence_country(w, &mut names.reg, sents, &names.first);
    infer_countries(&mut names.reg, &names.countries, &mentions_per_country);
}
