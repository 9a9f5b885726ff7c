//! Text → actors and statements. One pass over the tokens for names, one for cues; pure, linear in the
//! text, never fails and never panics (problems become warnings).
//!
//! Pipeline: [`tokens`] (tokens, quotations, sentences) → [`words`] (lexicon classes per token) →
//! [`actors`] (name phrases, merged into one actor per referent) → [`statements`] (cues, speakers,
//! contents) → speaker resolution (pronouns, role nouns) → the [`Analysis`].

mod actors;
mod entities;
pub(crate) mod places;
pub mod ranker;
mod statements;
mod tokens;
mod words;

use crate::lexicon::{CountryForm, Entry, lexicon};
use crate::model::{Actor, ActorKind, Analysis, Span, Statement};
use crate::tag::EntityType;

use actors::{Phrase, Referent, Registry};
use statements::{Found, Speaker};
use tokens::Kind;
use words::Words;

/// A statement's speaker after resolution: the actor, where the text refers to it at the cue, and the
/// resolution rule that decided (what the card's `rule` reports after the pattern's name).
#[derive(Clone, Debug, Default)]
struct Resolved {
    actor: Option<usize>,
    span: Option<Span>,
    rule: String,
    /// The ranker's probability for a ranked choice; the statement's confidence is scaled by it.
    score: Option<f32>,
}

impl Resolved {
    fn new(actor: Option<usize>, span: Option<Span>, rule: impl Into<String>) -> Self {
        Self { actor, span, rule: rule.into(), score: None }
    }
}

/// Analyses a text: its countries, actors and statements.
pub fn extract(text: &str) -> Analysis {
    analyse(text, &mut None)
}

/// The speaker ranker's training examples in a text, labelled by gender alone: each "he" or "she" speaker
/// whose candidates all have a gender known from their names, honorifics or titles, and exactly one of
/// them the pronoun's. The example hides the genders, so the ranker learns from the rest (distance, who
/// spoke last, who opened the sentence) what decides when gender cannot (`train`, speaker section).
pub fn pronoun_examples(text: &str) -> Vec<ranker::Example> {
    let mut rec = Some(Recorder::default());
    analyse(text, &mut rec);
    rec.map(|r| r.examples).unwrap_or_default()
}

/// Collects [`pronoun_examples`] during an analysis.
#[derive(Default)]
struct Recorder {
    examples: Vec<ranker::Example>,
    /// Each actor's gender before any pronoun was resolved to it (from its name, honorific or title).
    gender_before: Vec<Option<actors::Gender>>,
}

fn analyse(text: &str, rec: &mut Option<Recorder>) -> Analysis {
    let lex = lexicon();
    let toks = tokens::tokenize(text);
    let quotes = tokens::quotes(&toks);
    let w = Words::new(text, &toks, lex);
    let sents = tokens::sentences(
        text,
        &toks,
        &quotes,
        |i| w.country_at(i).is_some(),
        |i| statements::quotation_attribution_after(&w, i, toks.len()),
    );
    let mut in_quote = vec![false; toks.len()];
    for q in &quotes {
        for slot in &mut in_quote[q.open..q.end().min(toks.len())] {
            *slot = true;
        }
    }
    let mut sentence_of = vec![0usize; toks.len()];
    for (n, s) in sents.iter().enumerate() {
        for slot in &mut sentence_of[s.first..s.end] {
            *slot = n;
        }
    }

    // Names, roles and countries, sentence by sentence, with the name tagger's reading.
    let tagged = entities::Tagged::new(&w, &sents);
    let mut reg = Registry::default();
    let mut phrases: Vec<Phrase> = Vec::new();
    let mut countries: Vec<String> = Vec::new();
    // Each actor and the sentence that introduces it.
    let mut first_sentence: Vec<(usize, usize)> = Vec::new();
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
            for code in places::countries_at(&w, i) {
                note_country(&mut countries, code);
            }
            let prev_first = if n == 0 { s.first } else { sents[n - 1].first };
            if born_descriptor(&w, &mut reg, &phrases, i, prev_first) {
                i += 1;
                continue;
            }
            match actors::phrase_at(&w, &tagged, &mut reg, i, s.first, s.end) {
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
                        for code in places::countries_at(&w, k) {
                            note_country(&mut countries, code);
                        }
                    }
                    i = p.end.max(i + 1);
                    appositive(&w, &mut reg, phrases.last(), &p);
                    counterpart_role(&mut reg, &phrases, s.first, &p);
                    if let Referent::Actor(a) = p.referent {
                        if seen.insert(a) {
                            first_sentence.push((a, n));
                        }
                    }
                    descriptive_role(&w, &mut reg, &p, s.first, s.end);
                    actors::occupation_role(&w, &mut reg, &p, s.first, s.end);
                    actors::coordinated_role(&w, &mut reg, phrases.last(), &p, s.first);
                    phrases.push(p);
                }
                None => i += 1,
            }
        }
    }

    // Statements.
    let mut found: Vec<Found> = Vec::new();
    for (n, s) in sents.iter().enumerate() {
        statements::sentence_statements(&w, s, n, &quotes, &in_quote, &mut found);
    }
    add_continuations(&w, &sents, &quotes, &sentence_of, &mut found);
    let mut mentions_per_country: Vec<usize> = vec![0; countries.len()];
    for i in 0..w.len() {
        let codes = w.country_at(i).map(|(c, _, _)| w.country_code(c)).into_iter().chain(places::countries_at(&w, i));
        for code in codes {
            if let Some(n) = countries.iter().position(|x| x == code) {
                mentions_per_country[n] += 1;
            }
        }
    }
    premodifier_countries(&w, &mut reg, &phrases);
    sentence_country(&w, &mut reg, &sents, &first_sentence);
    infer_countries(&mut reg, &countries, &mentions_per_country);
    reg.index_roles();
    found.sort_by_key(|f| f.content.start);

    // Speakers.
    given_name_genders(&mut reg);
    if let Some(r) = rec.as_mut() {
        r.gender_before = reg.drafts.iter().map(|d| d.gender).collect();
    }
    let mut resolved: Vec<Resolved> = Vec::with_capacity(found.len());
    for n in 0..found.len() {
        let r = resolve(&w, &tagged, &mut reg, &phrases, &found, &resolved, n, &in_quote, &sents, &sentence_of, rec);
        resolved.push(r);
    }
    coordinated_speakers(&w, &mut reg, &phrases, &mut found, &mut resolved);
    build(text, &w, reg, found, resolved, countries, &sents)
}

/// "Anna Berg": a person named with a given name and a surname, and no honorific or title that says
/// otherwise, is referred to with the pronoun the given name mostly takes.
fn given_name_genders(reg: &mut Registry) {
    for d in reg.drafts.iter_mut().filter(|d| d.kind == ActorKind::Person && d.gender.is_none()) {
        let mut words = d.name.split_whitespace();
        let (Some(first), Some(_)) = (words.next(), words.next()) else { continue };
        d.gender = words::given_name_gender(&first.to_lowercase());
    }
}

/// "The Defence Minister, Robert Hill" and "Robert Hill, the Defence Minister": a role phrase and a person
/// side by side, split by a comma, are one actor.
fn appositive(w: &Words<'_>, reg: &mut Registry, prev: Option<&Phrase>, cur: &Phrase) {
    let Some(prev) = prev else { return };
    if !(prev.end + 1 == cur.start && w.word(prev.end) == ",") {
        return;
    }
    let (role, person) = match (&prev.referent, &cur.referent) {
        (Referent::Role { .. }, Referent::Actor(a)) => (prev, *a),
        (Referent::Actor(a), Referent::Role { .. }) => (cur, *a),
        _ => return,
    };
    let Referent::Role { country, body, .. } = &role.referent else { return };
    let d = &mut reg.drafts[person];
    if d.kind != ActorKind::Person || *body {
        return;
    }
    let text = span_of(w, role.start, role.end).text(w.text);
    let role_words: Vec<&str> = text
        .split_whitespace()
        .filter(|t| !matches!(t.to_lowercase().as_str(), "the" | "a" | "an" | "his" | "her" | "its" | "their"))
        .collect();
    let role_words: Vec<&str> = role_words
        .into_iter()
        .filter(|t| w.lex.title_of(&t.to_lowercase()).is_some() && !t.to_lowercase().starts_with("counterpart"))
        .collect();
    if d.role.is_none() && !role_words.is_empty() {
        d.role = Some(role_words.join(" "));
    }
    if let Some(code) = country {
        if d.country.is_none() {
            d.country = Some(code.clone());
            d.evidence = Some(text.to_owned());
        }
    }
    d.anchored = true;
    d.mentions.push(span_of(w, role.start, role.end));
}

/// "… Jon Roe has fled. … the Norwegian-born fugitive is in hiding": a definite description "the
/// <country>-born <noun>" refers back to the latest person named since the previous sentence who has no role
/// yet (a description re-introduces someone the text has not described; "spokesman Jane Roe says the
/// Norwegian-born fugitive …" is about someone else), and says where that person comes from. Returns whether
/// token `i` opened such a description.
fn born_descriptor(w: &Words<'_>, reg: &mut Registry, phrases: &[Phrase], i: usize, since: usize) -> bool {
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

/// "Pakistan's Foreign Minister Ishaq Dar and his Afghan counterpart, Amir Khan Mottaki": a counterpart
/// holds the same office as the nearest person before it in the sentence who has one.
fn counterpart_role(reg: &mut Registry, phrases: &[Phrase], first: usize, cur: &Phrase) {
    let Referent::Actor(a) = cur.referent else { return };
    let Some((Referent::Role { words, .. }, earlier)) = phrases.split_last().map(|(l, rest)| (&l.referent, rest))
    else {
        return;
    };
    if reg.drafts[a].kind != ActorKind::Person
        || reg.drafts[a].role.is_some()
        || !words.iter().any(|x| x.starts_with("counterpart"))
    {
        return;
    }
    let role = earlier.iter().rev().take_while(|q| q.start >= first).find_map(|q| match q.referent {
        Referent::Actor(b) if b != a && reg.drafts[b].kind == ActorKind::Person => reg.drafts[b].role.clone(),
        _ => None,
    });
    reg.drafts[a].role = role;
}

/// Nouns that name what kind of organization or person a descriptor is about.
const TYPE_NOUNS: &[&str] = &[
    "group",
    "agency",
    "organisation",
    "organization",
    "movement",
    "network",
    "party",
    "newspaper",
    "broadcaster",
    "company",
    "firm",
    "watchdog",
    "militia",
    "faction",
    "airline",
    "bank",
    "charity",
    "body",
];

/// Roles written as descriptions: "Human rights group Amnesty International", "the Islamic militant group
/// Hamas" (before an organization) and "X, head of the Y Party," (an appositive after a person).
fn descriptive_role(w: &Words<'_>, reg: &mut Registry, p: &Phrase, first: usize, end: usize) {
    let Referent::Actor(a) = p.referent else { return };
    if reg.drafts[a].role.is_some() {
        return;
    }
    match reg.drafts[a].kind {
        ActorKind::Organization => {
            let Some(head) = p.start.checked_sub(1).filter(|&h| h >= first && TYPE_NOUNS.contains(&w.lower(h))) else {
                return;
            };
            let mut s = head;
            while s > first
                && s + 5 > head
                && w.is_word(s - 1)
                && !matches!(
                    w.lower(s - 1),
                    "the" | "a" | "an" | "by" | "of" | "and" | "from" | "with" | "to" | "in" | "on"
                )
                && w.cue_at(s - 1).is_none()
            {
                s -= 1;
            }
            reg.drafts[a].role = Some(span_of(w, s, head + 1).text(w.text).to_owned());
        }
        ActorKind::Person => {
            // "X, head of …", "X, the leader of …", "X, who is under arrest, is head of …", "X is the leader of …".
            let mut k = p.end;
            if w.word(k) == "," && w.lower(k + 1) == "who" {
                k += 2;
                while k < end && k < p.end + 12 && w.word(k) != "," {
                    k += 1;
                }
                if w.word(k) != "," || !matches!(w.lower(k + 1), "is" | "was") {
                    return;
                }
                k += 2;
            } else if w.word(k) == "," || matches!(w.lower(k), "is" | "was") {
                k += 1;
            } else {
                return;
            }
            if matches!(w.lower(k), "the" | "a") {
                k += 1;
            }
            if w.title(k) != Some(crate::lexicon::TitleWord::Head) || w.is_cap(k) {
                return;
            }
            let start = k;
            let mut e = k;
            while e < end
                && e < start + 12
                && w.is_word(e)
                && w.cue_at(e).is_none()
                && !matches!(w.lower(e), "which" | "who" | "that" | "and")
            {
                e += 1;
            }
            if e > start && (matches!(w.word(e), "," | "." | ";") || matches!(w.lower(e), "which" | "who" | "that")) {
                reg.drafts[a].role = Some(span_of(w, start, e).text(w.text).to_owned());
            }
        }
        _ => {}
    }
}

/// Words that end a descriptive premodifier read back from a name: function words, pronouns, auxiliaries
/// and verbs of saying ("told French number one …" stops before "told").
const NOT_DESCRIPTIVE: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "but", "to", "in", "on", "at", "by", "for", "from", "with", "as", "than",
    "that", "which", "who", "is", "was", "are", "were", "be", "been", "has", "have", "had", "said", "says", "told",
    "against", "over", "after", "before", "his", "her", "its", "their", "our", "my", "your", "he", "she", "they", "we",
    "it", "not", "no", "also", "will", "would", "could", "should", "may", "might", "can", "did", "does", "do", "when",
    "while", "if", "where", "beat", "defeated", "defeat", "met", "meet",
];

/// "French number one Sebastien Grosjean", "Afghan warlord Ismail Khan": a demonym opening the descriptive
/// words right before a person's name (up to three lower-case words, none a function word or a verb of
/// saying) gives the person its country, when nothing gave one.
fn premodifier_countries(w: &Words<'_>, reg: &mut Registry, phrases: &[Phrase]) {
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
fn sentence_country(w: &Words<'_>, reg: &mut Registry, sents: &[tokens::Sentence], first: &[(usize, usize)]) {
    for &(a, n) in first {
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
const OFFICE_WORDS: &[&str] = &[
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
fn infer_countries(reg: &mut Registry, countries: &[String], counts: &[usize]) {
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

/// "The United States, the European Union and the G8 called on …", "Sharon and Arafat … urged him …": a
/// statement whose subject joins several actors is a statement of each of them, in the order written.
fn coordinated_speakers(
    w: &Words<'_>,
    reg: &mut Registry,
    phrases: &[Phrase],
    found: &mut Vec<Found>,
    resolved: &mut Vec<Resolved>,
) {
    let agent = |p: &Phrase| match &p.referent {
        Referent::Actor(_) => true,
        Referent::Country { form, .. } => *form != CountryForm::Adjective,
        _ => false,
    };
    // Only "," "and" "the" between two conjuncts, and at least one "and" in the chain.
    let joined = |a: &Phrase, b: &Phrase| {
        a.end <= b.start && b.start - a.end <= 3 && (a.end..b.start).all(|t| matches!(w.lower(t), "," | "and" | "the"))
    };
    let mut pairs: Vec<(Found, Resolved)> = Vec::new();
    for (f, r) in found.iter().zip(resolved.iter()) {
        let (Speaker::Phrase { start, end }, Some(speaker)) = (&f.speaker, r.actor) else { continue };
        let from = phrases.partition_point(|p| p.start < *start);
        let Some(mut first) = phrases[from..].iter().take_while(|p| p.end <= *end).position(agent).map(|k| k + from)
        else {
            continue;
        };
        while first > 0 && agent(&phrases[first - 1]) && joined(&phrases[first - 1], &phrases[first]) {
            first -= 1;
        }
        let mut last = first;
        while last + 1 < phrases.len() && agent(&phrases[last + 1]) && joined(&phrases[last], &phrases[last + 1]) {
            last += 1;
        }
        // "The secretary of the Manufacturing and Workers Union": names inside a modifier are one name.
        let mut b = phrases[first].start;
        while b > *start && matches!(w.lower(b - 1), "the" | "a" | "an") {
            b -= 1;
        }
        if b > *start && matches!(w.lower(b - 1), "of" | "for" | "from" | "at" | "with" | "in") {
            continue;
        }
        let chain = &phrases[first..=last];
        let has_and = chain.windows(2).any(|p| (p[0].end..p[1].start).any(|t| w.lower(t) == "and"));
        if chain.len() < 2 || !has_and {
            continue;
        }
        for p in chain {
            let span = span_of(w, p.start, p.end);
            let actor = match &p.referent {
                Referent::Actor(a) => *a,
                Referent::Country { code, .. } => reg.country(code, span),
                _ => continue,
            };
            if actor != speaker && !pairs.iter().any(|(g, r)| g.content == f.content && r.actor == Some(actor)) {
                pairs.push((f.clone(), Resolved::new(Some(actor), Some(span), "one of the joined subjects")));
            }
        }
    }
    if pairs.is_empty() {
        return;
    }
    let mut all: Vec<(Found, Resolved)> = found.drain(..).zip(resolved.drain(..)).chain(pairs).collect();
    // Text order of content, then of the speaker's mention.
    all.sort_by_key(|(f, r)| (f.content.start, r.span.map_or(0, |s| s.start)));
    for (f, r) in all {
        found.push(f);
        resolved.push(r);
    }
}

/// Whether a statement's content refers back to two parties without naming them.
fn refers_to_a_pair(content: &str) -> bool {
    let lower = content.to_lowercase();
    [
        "between them",
        "both nations",
        "both countries",
        "two countries",
        "two nations",
        "both sides",
        "two sides",
        "each other",
        "both neighbours",
        "both neighbors",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// Adds a country code to the article's list, once, in order of first mention.
fn note_country(countries: &mut Vec<String>, code: &str) {
    if !countries.iter().any(|x| x == code) {
        countries.push(code.to_owned());
    }
}

/// Quotations that stand alone in a sentence with no cue: the previous speaker goes on talking.
fn add_continuations(
    w: &Words<'_>,
    sents: &[tokens::Sentence],
    quotes: &[tokens::Quote],
    sentence_of: &[usize],
    found: &mut Vec<Found>,
) {
    // Tokens some statement's content covers already (one pass, so the check per quotation is local).
    let token_range = |span: Span| {
        w.tokens.partition_point(|t| t.start < span.start)..w.tokens.partition_point(|t| t.start < span.end)
    };
    let mut covered = vec![false; w.len()];
    for f in found.iter() {
        for slot in &mut covered[token_range(f.content)] {
            *slot = true;
        }
    }
    let mut extra = Vec::new();
    for q in quotes {
        let inner = q.inner(w.tokens);
        if inner.is_empty() || covered[token_range(inner)].iter().any(|&c| c) {
            continue;
        }
        let n = sentence_of[q.open];
        let s = sents[n];
        // The quotation must open its sentence (a dateline or dash may come first).
        if q.open > s.first + 1 {
            continue;
        }
        // The speaker of the nearest earlier statement within three sentences.
        // `found` is in sentence order here.
        let before = found.partition_point(|f| f.sentence < n);
        let Some(prev) =
            found[..before].iter().rev().take_while(|f| f.sentence + 3 >= n).max_by_key(|f| f.content.start)
        else {
            continue;
        };
        extra.push(Found {
            speaker: Speaker::SameAs(prev.content.start),
            cue: None,
            content: inner,
            direct: true,
            sentence: n,
            confidence: statements::CONTINUED.confidence,
            rule: statements::CONTINUED.name,
            relative: None,
        });
    }
    found.extend(extra);
}

/// Resolves the speaker of statement `n` to an actor, and the span of the speaker at the cue.
#[allow(clippy::too_many_arguments)]
fn resolve(
    w: &Words<'_>,
    tagged: &entities::Tagged,
    reg: &mut Registry,
    phrases: &[Phrase],
    found: &[Found],
    resolved: &[Resolved],
    n: usize,
    in_quote: &[bool],
    sents: &[tokens::Sentence],
    sentence_of: &[usize],
    rec: &mut Option<Recorder>,
) -> Resolved {
    let f = &found[n];
    match f.speaker {
        Speaker::None => Resolved::default(),
        Speaker::SameAs(start) => {
            // `found` is sorted by content start here.
            let p = found.partition_point(|x| x.content.start < start);
            let prev = found.get(p).filter(|x| x.content.start == start).map(|_| p);
            let mut r = prev.and_then(|p| resolved.get(p).cloned()).unwrap_or_default();
            if let Some(a) = r.actor {
                r.rule = format!("the speaker of the statement before → {}", reg.drafts[a].name);
            }
            r
        }
        Speaker::Phrase { start, end } => {
            let span = Span::new(w.tokens[start].start, w.tokens[end - 1].end);
            // A named phrase inside the speaker words: the last one wins ("… Spokesperson Maria Zakharova").
            // Phrases are in text order and do not overlap, so their ends are sorted too.
            let from = phrases.partition_point(|p| p.end <= start);
            let inner: Vec<&Phrase> =
                phrases[from..].iter().take_while(|p| p.end <= end).filter(|p| p.end > p.start).collect();
            // "Maria Lopez of the Budget Committee": a name inside a prepositional modifier is not the head.
            let modifier = |p: &Phrase| {
                let mut b = p.start;
                while b > start && matches!(w.lower(b - 1), "the" | "a" | "an") {
                    b -= 1;
                }
                b > start && matches!(w.lower(b - 1), "of" | "for" | "from" | "at" | "with" | "in" | "to" | "on")
            };
            let named = inner
                .iter()
                .rev()
                .find(|p| matches!(p.referent, Referent::Actor(_)) && !modifier(p))
                .or_else(|| inner.iter().rev().find(|p| matches!(p.referent, Referent::Actor(_))));
            let last_word = w.lower(end - 1).to_owned();
            let country_at_end = inner.iter().any(|p| p.end == end && matches!(p.referent, Referent::Country { .. }));
            // "The Bureau released its report … The report said": a document speaks for whoever issued it.
            if inner.is_empty() && end == start + 2 && matches!(w.lower(start), "the" | "its" | "this") {
                if let Some(a) = document_author(w, phrases, start, &last_word) {
                    let rule = format!("document '{}' → its author {}", span.text(w.text), reg.drafts[a].name);
                    return Resolved::new(Some(a), Some(span), rule);
                }
            }
            if w.is_source_noun(end - 1) && !country_at_end && !matches!(named.map(|p| p.end), Some(e) if e == end) {
                return anonymous(w, reg, start, end, span);
            }
            // "The Democratic presidential nominee", "The regional commission": a name or role word that only
            // modifies a lower-case head noun is not the speaker; the whole phrase is.
            let described = statements::described_noun_phrase(w, start, end)
                && !w.is_cap(end - 1)
                && w.title(end - 1).is_none()
                && !w.is_pronoun(end - 1)
                && !inner.iter().any(|p| p.end == end);
            if described && !inner.is_empty() {
                return anonymous(w, reg, start, end, span);
            }
            if let Some(p) = named {
                if let Referent::Actor(a) = p.referent {
                    return Resolved::new(Some(a), Some(span_of(w, p.start, p.end)), "the name in the speaker phrase");
                }
            }
            if let Some(p) = inner.iter().rev().find(|p| matches!(p.referent, Referent::Role { .. })) {
                if let Referent::Role { words, country, body } = &p.referent {
                    let before = w.tokens[p.start].start;
                    if let Some(a) = reg.by_role(words, country.as_deref(), before) {
                        reg.drafts[a].mentions.push(span_of(w, p.start, p.end));
                        let rule =
                            format!("role '{}' → {}", span_of(w, p.start, p.end).text(w.text), reg.drafts[a].name);
                        return Resolved::new(Some(a), Some(span_of(w, p.start, p.end)), rule);
                    }
                    if *body {
                        if let Some(a) =
                            last_speaker_of(reg, found, resolved, n, &[ActorKind::Organization, ActorKind::Country])
                        {
                            let rule = format!("body '{}' → the last organization speaking", span.text(w.text));
                            return Resolved::new(Some(a), Some(span), rule);
                        }
                    }
                    let phrase = span_of(w, p.start, p.end).text(w.text).to_owned();
                    let a = reg.anonymous(&phrase, country.clone().map(|c| (c, phrase.clone())), span);
                    return Resolved::new(Some(a), Some(span), "an unnamed holder of the role");
                }
            }
            if let Some(p) = inner.iter().rev().find(|p| matches!(p.referent, Referent::Country { .. })) {
                if let Referent::Country { code, form } = &p.referent {
                    if *form != CountryForm::Adjective {
                        let s = span_of(w, p.start, p.end);
                        let a = reg.country(code, s);
                        return Resolved::new(Some(a), Some(s), "the country in the speaker phrase");
                    }
                }
            }
            if matches!(last_word.as_str(), "he" | "she" | "it" | "they" | "we" | "i") && end - start <= 2 {
                let at = w.tokens[end - 1].start;
                let pick =
                    pronoun(w, reg, phrases, found, resolved, n, &last_word, at, in_quote, sents, sentence_of, rec);
                let a = pick.map(|(a, _)| a);
                let score = pick.and_then(|(_, s)| s);
                if let Some(a) = a {
                    let d = &mut reg.drafts[a];
                    d.mentions.push(span_of(w, end - 1, end));
                    if d.kind == ActorKind::Person && d.gender.is_none() {
                        d.gender = actors::Gender::of_word(&last_word);
                    }
                }
                let rule = match (a, score) {
                    (Some(a), Some(s)) => format!("pronoun '{last_word}' → {}, score {s:.2}", reg.drafts[a].name),
                    (Some(a), None) => format!("pronoun '{last_word}' → {} (nearest mention)", reg.drafts[a].name),
                    (None, _) => format!("pronoun '{last_word}' with no antecedent"),
                };
                let mut r = Resolved::new(a, Some(span_of(w, end - 1, end)), rule);
                r.score = score;
                return r;
            }
            if matches!(
                last_word.as_str(),
                "organisation"
                    | "organization"
                    | "group"
                    | "ministry"
                    | "movement"
                    | "party"
                    | "government"
                    | "company"
                    | "firm"
                    | "agency"
                    | "authority"
                    | "bureau"
            ) {
                if let Some(a) = last_speaker_of(reg, found, resolved, n, &[ActorKind::Organization]) {
                    reg.drafts[a].mentions.push(span);
                    let rule = format!("'{}' → {}", span.text(w.text), reg.drafts[a].name);
                    return Resolved::new(Some(a), Some(span), rule);
                }
            }
            // "The bank said": an unnamed speaker described by the text.
            if statements::described_noun_phrase(w, start, end) {
                return anonymous(w, reg, start, end, span);
            }
            if let Some((a, at)) = unread_name(w, tagged, reg, start, end) {
                let rule = format!("'{}' speaks: a name with no other reading", reg.drafts[a].name);
                return Resolved::new(Some(a), Some(at), rule);
            }
            Resolved::new(None, Some(span), "speaker phrase not resolved")
        }
    }
}

fn span_of(w: &Words<'_>, a: usize, b: usize) -> Span {
    Span::new(w.tokens[a].start, w.tokens[b - 1].end)
}

/// "Amira Solano Vance told …", "According to Examplesoft.com, …": capitalised words the name scanner had
/// no evidence for (no title, census name or tagger reading), which speak: the subject of a speech cue is
/// an actor. A web address is an organization; two to four name words are a person.
fn unread_name(
    w: &Words<'_>,
    tagged: &entities::Tagged,
    reg: &mut Registry,
    start: usize,
    end: usize,
) -> Option<(usize, Span)> {
    let name_like = |k: usize| {
        w.is_cap(k)
            && w.is_word(k)
            && !w.is_pronoun(k)
            && w.title(k).is_none()
            && w.hit_of(k).is_none()
            && w.country_at(k).is_none()
            && !w.is_common(k)
    };
    // "said broker Anwar Qadri": lower-case descriptor words may come before the name.
    let mut first = end;
    while first > start && first + 4 > end && name_like(first - 1) {
        first -= 1;
    }
    let descriptor = (start..first).all(|k| w.is_word(k) && !w.is_cap(k) && w.cue_at(k).is_none());
    if first == end || !descriptor || first > start && end - first < 2 {
        return None;
    }
    let words: Vec<&str> = (first..end).map(|k| w.word(k)).collect();
    // The tagger's sure reading of a place or a work stands ("Pacific Solution", "Easter Sunday").
    let web = words.len() == 1 && [".com", ".org", ".net"].iter().any(|d| words[0].to_lowercase().ends_with(d));
    let reading = tagged.reading(first, end);
    if !web && matches!(reading.kind, Some(EntityType::Place | EntityType::Other)) && reading.prob >= UNREAD_DOUBT {
        return None;
    }
    let span = span_of(w, first, end);
    let a = if web || reading.kind == Some(EntityType::Organization) {
        reg.organization(&words.join(" "), None, false, span)
    } else if words.len() >= 2 {
        reg.person(&words, None, None, span, true)
    } else {
        return None;
    };
    reg.decide(a, UNREAD_CONFIDENCE, "speaks: a name with no other reading".to_owned());
    Some((a, span))
}

/// A tagger reading of place or other at least this sure keeps an unread name from becoming a speaker.
const UNREAD_DOUBT: f32 = 0.5;
/// How sure an actor made only because it speaks is.
const UNREAD_CONFIDENCE: f32 = 0.6;

/// Nouns for documents that speak for their authors.
const DOCUMENT_NOUNS: &[&str] =
    &["report", "study", "review", "survey", "audit", "statement", "findings", "assessment", "analysis", "paper"];
/// Verbs by which an author puts out a document.
const ISSUE_VERBS: &[&str] =
    &["released", "published", "issued", "tabled", "delivered", "produced", "compiled", "presented", "unveiled"];
/// How many tokens back the author of a document may be named (a few sentences).
const AUTHOR_REACH: usize = 120;

/// The actor that issued the document `noun` named at token `at`: the nearest earlier actor that
/// "released its report" or whose report it is ("the Bureau's report").
fn document_author(w: &Words<'_>, phrases: &[Phrase], at: usize, noun: &str) -> Option<usize> {
    if !DOCUMENT_NOUNS.contains(&noun) {
        return None;
    }
    let before = phrases.partition_point(|p| p.start < at);
    phrases[..before].iter().rev().take_while(|p| p.end + AUTHOR_REACH > at).find_map(|p| {
        let Referent::Actor(a) = p.referent else { return None };
        let possessive = w.kind(p.end) == Some(Kind::Possessive) && (p.end + 1..p.end + 4).any(|t| w.lower(t) == noun);
        let mut issued = false;
        for t in p.end..(p.end + 8).min(at) {
            if matches!(w.word(t), "." | ";") {
                break;
            }
            if ISSUE_VERBS.contains(&w.lower(t)) && (t + 1..(t + 5).min(at)).any(|k| w.lower(k) == noun) {
                issued = true;
                break;
            }
        }
        (possessive || issued).then_some(a)
    })
}

/// An unnamed source: the noun phrase as written, with the country of a demonym in it.
fn anonymous(w: &Words<'_>, reg: &mut Registry, start: usize, end: usize, span: Span) -> Resolved {
    let phrase = span.text(w.text).to_owned();
    let country = (start..end)
        .find_map(|k| w.country_at(k))
        .map(|(c, _, e)| (w.country_code(c).to_owned(), span_of(w, start, e).text(w.text).to_owned()));
    let a = reg.anonymous(&phrase, country, span);
    Resolved::new(Some(a), Some(span), "an unnamed source described by the text")
}

fn last_speaker_of(
    reg: &Registry,
    found: &[Found],
    resolved: &[Resolved],
    n: usize,
    kinds: &[ActorKind],
) -> Option<usize> {
    (0..n.min(resolved.len()))
        .rev()
        // Sentence numbers are not quite monotonic in text order ("“…” Mr X said." takes the quote before
        // its sentence), so skip rather than stop, over a bounded number of statements.
        .take(64)
        .filter(|&p| found[p].sentence + 4 >= found[n].sentence)
        .find_map(|p| resolved[p].actor.filter(|&a| kinds.contains(&reg.drafts[a].kind)))
}

/// Resolves a pronoun speaker. The rules propose the candidates — the actors that spoke within the last
/// three sentences and those mentioned outside quotations within the last [`PRONOUN_WINDOW`] sentences —
/// and keep those the pronoun can refer to by kind, gender and number; the ranker (see [`ranker`]) picks
/// one and gives its probability. With no candidate there, the nearest fitting mention further back (no
/// score).
#[allow(clippy::too_many_arguments)]
fn pronoun(
    w: &Words<'_>,
    reg: &Registry,
    phrases: &[Phrase],
    found: &[Found],
    resolved: &[Resolved],
    n: usize,
    word: &str,
    at: usize,
    in_quote: &[bool],
    sents: &[tokens::Sentence],
    sentence_of: &[usize],
    rec: &mut Option<Recorder>,
) -> Option<(usize, Option<f32>)> {
    let p = ranker::Pronoun::of_word(word)?;
    let sentence = found[n].sentence;
    let at_token = w.tokens.partition_point(|t| t.start < at);
    // Candidate actors, each with where it last spoke (a statement index).
    let mut actors: Vec<(usize, Option<usize>)> = Vec::new();
    // Each candidate's latest mention before the pronoun (a byte offset): its latest phrase in the window
    // or where it last spoke. Bounded by the window, so a long text costs no more per pronoun.
    let mut latest: Vec<(usize, usize)> = Vec::new();
    let mut note = |a: usize, at: usize| match latest.iter_mut().find(|x| x.0 == a) {
        Some(x) => x.1 = x.1.max(at),
        None => latest.push((a, at)),
    };
    for q in (0..n.min(resolved.len())).rev().take_while(|&q| found[q].sentence + 3 >= sentence) {
        if let Some(a) = resolved[q].actor {
            if let Some(span) = resolved[q].span.filter(|s| s.start < at) {
                note(a, span.start);
            }
            if !actors.iter().any(|x| x.0 == a) {
                actors.push((a, Some(q)));
            }
        }
    }
    let before = phrases.partition_point(|ph| ph.start < at_token);
    for ph in phrases[..before]
        .iter()
        .rev()
        .take(PRONOUN_REACH)
        .take_while(|ph| sentence_of[ph.start] + PRONOUN_WINDOW >= sentence)
    {
        if let Referent::Actor(a) = ph.referent {
            note(a, w.tokens[ph.start].start);
            if !in_quote[ph.start] && !actors.iter().any(|x| x.0 == a) {
                actors.push((a, None));
            }
        }
    }
    let mut candidates: Vec<ranker::Candidate> = Vec::with_capacity(actors.len());
    let mut ids: Vec<usize> = Vec::with_capacity(actors.len());
    for &(a, spoke) in &actors {
        let d = &reg.drafts[a];
        let last = latest.iter().find(|x| x.0 == a).map(|x| x.1);
        let token = last.map(|b| w.tokens.partition_point(|t| t.start < b).min(w.len().saturating_sub(1)));
        let s = token.map_or(sentence, |t| sentence_of[t]);
        let subject = token.is_some_and(|t| {
            let first = sents[s].first;
            t == first || t == first + 1 && matches!(w.lower(first), "the" | "a" | "an")
        });
        let gender = match (p, d.gender) {
            (ranker::Pronoun::He | ranker::Pronoun::She, Some(g)) => {
                let she = g == actors::Gender::Female;
                if she == (p == ranker::Pronoun::She) { ranker::Agreement::Agrees } else { ranker::Agreement::Clashes }
            }
            _ => ranker::Agreement::Unknown,
        };
        let (kind, plural) = match d.kind {
            ActorKind::Person => (ranker::CandidateKind::Person, Some(false)),
            ActorKind::Anonymous => (ranker::CandidateKind::Described, Some(d.name.ends_with('s'))),
            ActorKind::Organization => (ranker::CandidateKind::Organization, None),
            ActorKind::Country => (ranker::CandidateKind::Place, None),
        };
        candidates.push(ranker::Candidate {
            sentences_back: sentence.saturating_sub(s),
            recency: 0,
            speaker_recency: None,
            subject,
            gender,
            plural,
            kind,
            // Counted up to the top bucket; mentions are kept in text order, so this stops early.
            mentions: d.mentions.iter().filter(|m| m.start < at).take(6).count(),
            in_quote: token.is_some_and(|t| in_quote[t]),
            rule: false,
            last_mention: last.unwrap_or(0),
            last_spoke: spoke,
        });
        ids.push(a);
    }
    if let Some(r) = rec.as_mut() {
        record(r, p, &candidates, &ids);
    }
    // The hard constraints: kind, gender and number.
    let (mut candidates, fit_ids): (Vec<ranker::Candidate>, Vec<usize>) =
        candidates.into_iter().zip(ids).filter(|(c, _)| ranker::fits(p, c)).unzip();
    ranker::finish(&mut candidates);
    if !candidates.is_empty() {
        // While collecting training examples the rules decide, so the examples do not depend on the
        // model being trained.
        let model = if rec.is_some() { None } else { ranker::shipped() };
        let pick = match model {
            Some(model) => model.choose(p, &candidates, ranker::OVERRULE).map(|(i, score)| (i, Some(score))),
            None => candidates.iter().position(|c| c.rule).map(|i| (i, None)),
        };
        return pick.map(|(i, score)| (fit_ids[i], score));
    }
    // The nearest fitting mention before the pronoun, among the last few hundred phrases.
    let fits = |a: usize| {
        let d = &reg.drafts[a];
        let gender = actors::Gender::of_word(word);
        let kinds: &[ActorKind] = match p {
            ranker::Pronoun::He | ranker::Pronoun::She | ranker::Pronoun::First => {
                &[ActorKind::Person, ActorKind::Anonymous]
            }
            ranker::Pronoun::It => &[ActorKind::Organization, ActorKind::Country],
            ranker::Pronoun::They => &[ActorKind::Anonymous, ActorKind::Organization, ActorKind::Country],
        };
        kinds.contains(&d.kind)
            && (gender.is_none() || d.gender.is_none() || d.gender == gender)
            && match (p, d.kind) {
                (ranker::Pronoun::He | ranker::Pronoun::She, ActorKind::Anonymous) => !d.name.ends_with('s'),
                (ranker::Pronoun::They, ActorKind::Anonymous) => d.name.ends_with('s'),
                _ => true,
            }
    };
    phrases[..before].iter().rev().take(PRONOUN_REACH).filter(|ph| !in_quote[ph.start]).find_map(|ph| {
        match ph.referent {
            Referent::Actor(a) if fits(a) => Some((a, None)),
            _ => None,
        }
    })
}

/// Records a training example when the actors' genders from their names alone decide the pronoun (see
/// [`pronoun_examples`]).
fn record(r: &mut Recorder, p: ranker::Pronoun, candidates: &[ranker::Candidate], ids: &[usize]) {
    if !matches!(p, ranker::Pronoun::He | ranker::Pronoun::She) {
        return;
    }
    let she = p == ranker::Pronoun::She;
    let mut example = Vec::new();
    let mut gold = None;
    for (c, &a) in candidates.iter().zip(ids) {
        let mut c = c.clone();
        c.gender = ranker::Agreement::Unknown;
        if !ranker::fits(p, &c) {
            continue;
        }
        let Some(g) = r.gender_before.get(a).copied().flatten() else { return };
        if (g == actors::Gender::Female) == she {
            if gold.is_some() {
                return;
            }
            gold = Some(example.len());
        }
        example.push(c);
    }
    let Some(gold) = gold.filter(|_| example.len() >= 2) else { return };
    ranker::finish(&mut example);
    r.examples.push(ranker::Example { pronoun: p, candidates: example, gold });
}

/// How many sentences back a pronoun's candidates are looked for (the sentence of the pronoun and four
/// before it).
const PRONOUN_WINDOW: usize = 4;

/// How many phrases back a pronoun's antecedent is looked for (a few paragraphs), so a pronoun with none
/// costs the same in a long text as in a short one.
const PRONOUN_REACH: usize = 300;

/// Turns the drafts and found statements into the analysis: ids, mentions, countries, confidence.
fn build(
    text: &str,
    w: &Words<'_>,
    reg: Registry,
    found: Vec<Found>,
    resolved: Vec<Resolved>,
    countries: Vec<String>,
    sents: &[tokens::Sentence],
) -> Analysis {
    // Keep real actors: anchored ones, speakers, and names met more than once.
    let mut speakers = vec![false; reg.drafts.len()];
    for a in resolved.iter().filter_map(|r| r.actor) {
        speakers[a] = true;
    }
    let mut ids: Vec<Option<String>> = vec![None; reg.drafts.len()];
    let mut actors = Vec::new();
    let headline = headline_end(text);
    for (i, d) in reg.drafts.iter().enumerate() {
        if d.key.starts_with("alias:") || d.mentions.is_empty() {
            continue;
        }
        // A name the headline alone gives is no actor of the story: the body introduces its actors, and
        // headlines capitalise words that are no names ("So Many Ways to Play").
        if !speakers[i] && d.mentions.iter().all(|m| m.end <= headline) {
            continue;
        }
        let keep = match d.kind {
            ActorKind::Person => d.anchored || speakers[i] || d.mentions.len() > 1 && d.confidence >= 0.5,
            ActorKind::Country | ActorKind::Anonymous => speakers[i],
            ActorKind::Organization => true,
        };
        if !keep {
            continue;
        }
        let id = format!("a{}", actors.len() + 1);
        ids[i] = Some(id.clone());
        let mut mentions = d.mentions.clone();
        mentions.sort();
        mentions.dedup();
        let confidence = if d.rule.is_empty() { if d.anchored { 0.9 } else { 0.6 } } else { d.confidence };
        // A listed organization is named as the text names it; the list's name as the country's evidence
        // becomes that name too.
        let name = d.written.clone().unwrap_or_else(|| d.name.clone());
        let evidence =
            if d.evidence.as_deref() == Some(d.name.as_str()) { Some(name.clone()) } else { d.evidence.clone() };
        actors.push(Actor {
            id,
            name,
            kind: d.kind,
            role: d.role.clone(),
            country: d.country.clone(),
            country_evidence: evidence,
            mentions,
            confidence,
            entity: None,
            rule: d.rule.clone(),
        });
    }
    let mut statements = Vec::new();
    // The countries of the latest statement naming two or more, and its sentence.
    let mut pair: Option<(Vec<String>, usize)> = None;
    for (f, Resolved { actor, span: speaker_span, rule, score }) in found.into_iter().zip(resolved) {
        let content = trim_span(text, f.content);
        if content.is_empty() {
            continue;
        }
        let speaker = actor.and_then(|a| ids[a].clone());
        // "Farmers, who say …": the text refers to the speaker at the cue by the relative pronoun.
        let speaker_span = f.relative.map(|r| span_of(w, r, r + 1)).or(speaker_span);
        let mut about = countries_in(w, content);
        if about.len() >= 2 {
            pair = Some((about.clone(), f.sentence));
        } else if about.is_empty() && refers_to_a_pair(content.text(text)) {
            // "the border tensions between them", "both nations": the countries just named.
            if let Some((countries, _)) = pair.as_ref().filter(|(_, n)| n + 3 >= f.sentence) {
                about = countries.clone();
            }
        }
        let sentence_span = sents.get(f.sentence).map_or(content, |s| s.span);
        let confidence = if speaker.is_some() { f.confidence * score.unwrap_or(1.0) } else { f.confidence * 0.5 };
        statements.push(Statement {
            id: format!("s{}", statements.len() + 1),
            speaker,
            speaker_span,
            cue: f.cue.map_or_else(String::new, |c| span_of(w, c.start, c.end).text(text).to_owned()),
            cue_span: f.cue.map(|c| span_of(w, c.start, c.end)),
            content: content.text(text).to_owned(),
            content_span: content,
            direct: f.direct,
            confidence,
            about,
            sentence_span,
            rule: if rule.is_empty() { f.rule.to_owned() } else { format!("{}; {rule}", f.rule) },
        });
    }
    Analysis { countries, actors, statements, warnings: Vec::new() }
}

/// Where the headline ends, or 0 when the text does not start with one: a first line of at most 20
/// words, on its own line, with the article after it.
fn headline_end(text: &str) -> usize {
    let Some(end) = text.find('\n') else { return 0 };
    let line = &text[..end];
    let rest = text[end..].trim_start();
    if rest.is_empty() || line.trim().is_empty() || line.split_whitespace().count() > 20 {
        return 0;
    }
    end
}

/// A span without surrounding white space.
fn trim_span(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

/// The countries a span of text refers to.
fn countries_in(w: &Words<'_>, span: Span) -> Vec<String> {
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
