//! Knowledge outside the text: the country of a party member, of an office holder and of a state's bodies,
//! from `assets/parties.tsv` and `assets/offices.tsv`. A pass after extraction: it fills only countries the
//! text left open (the text's own words win) and says in `country_evidence` where the country came from.
//!
//! The country an article is written from (its outlet, its dateline, or else the state whose bodies and
//! parties it names) is weak evidence, used only for offices every state has ("the Prime Minister").

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::{CountryForm, Entry, lexicon};
use crate::model::{Actor, ActorKind, Article};

const PARTIES: &str = include_str!("../../assets/parties.tsv");
const OFFICES: &str = include_str!("../../assets/offices.tsv");
const MEMBER_NOUNS: &str = include_str!("../../assets/member_nouns.txt");
const COUNTRIES: &str = include_str!("../../assets/countries.tsv");
const OUTLETS: &str = include_str!("../../assets/outlets.tsv");

/// A political party of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Party {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Its first name in the table ("Labour Party").
    pub name: String,
    /// Largest vote share, percent: decides between parties of one name when the article does not.
    pub share: f32,
}

/// An office, body or seat of a state.
#[derive(Clone, Debug, PartialEq)]
pub struct Office {
    /// As written in the table ("Home Secretary").
    pub form: String,
    /// `None` for an office every state has ("Prime Minister").
    pub country: Option<String>,
    /// The fuller form a short form stands for ("Commons" → "House of Commons").
    pub same_as: Option<String>,
    /// A body or seat (an institution or building), not a post held by a person.
    pub body: bool,
}

/// The tables, parsed once.
pub struct Knowledge {
    pub parties: Vec<Party>,
    /// Party names and short names (case-sensitive) → parties.
    party_names: HashMap<String, Vec<usize>>,
    /// Forms that name a member before a noun ("Labour", "Tory", "SNP") → parties.
    member_forms: HashMap<String, Vec<usize>>,
    /// The member forms of the table's `member` column only ("Tory", "Lib Dem"; not the names).
    member_only: HashMap<String, Vec<usize>>,
    /// Names of two words or more in their folded form (`fold_party_name`) → parties: "Jamiat Ulema-i-Islam
    /// Party" is "Jamiat Ulema-e-Islam".
    party_folded: HashMap<String, Vec<usize>>,
    member_nouns: Vec<String>,
    pub offices: Vec<Office>,
    /// Lower-case office forms → office.
    office_by_lower: HashMap<String, usize>,
    /// Office forms with a country, for finding them in a text (case-insensitive; capitalised hits only).
    office_finder: AhoCorasick,
    office_patterns: Vec<usize>,
    /// Bodies every state has, as the table writes them ("Government", "Federal Opposition"; case-sensitive).
    generic_body_finder: AhoCorasick,
    /// Country code → adjective ("GB" → "British").
    adjectives: HashMap<String, String>,
    /// Lower-case channel or station → the broadcaster it belongs to ("radio four" → "BBC").
    outlets: HashMap<String, String>,
}

/// The tables, built on first use.
pub fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(build)
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn split_list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn build() -> Knowledge {
    let mut parties = Vec::new();
    let mut party_names: HashMap<String, Vec<usize>> = HashMap::default();
    let mut member_forms: HashMap<String, Vec<usize>> = HashMap::default();
    let mut member_only: HashMap<String, Vec<usize>> = HashMap::default();
    let mut party_folded: HashMap<String, Vec<usize>> = HashMap::default();
    for line in data_lines(PARTIES) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [code, short, names, member, share] = cols[..] else { continue };
        let index = parties.len();
        let first = split_list(names).next().unwrap_or(short);
        parties.push(Party { country: code.to_owned(), name: first.to_owned(), share: share.parse().unwrap_or(0.0) });
        for form in split_list(short).chain(split_list(names)) {
            push_unique(party_names.entry(form.to_owned()).or_default(), index);
            push_unique(member_forms.entry(form.to_owned()).or_default(), index);
            if let Some(folded) = fold_party_name(form) {
                push_unique(party_folded.entry(folded).or_default(), index);
            }
        }
        for form in split_list(member) {
            push_unique(member_forms.entry(form.to_owned()).or_default(), index);
            push_unique(member_only.entry(form.to_owned()).or_default(), index);
        }
    }
    let member_nouns = data_lines(MEMBER_NOUNS).flat_map(str::split_whitespace).map(str::to_lowercase).collect();
    let mut offices = Vec::new();
    let mut office_by_lower = HashMap::default();
    let mut patterns = Vec::new();
    let mut office_patterns = Vec::new();
    let mut generic_bodies: Vec<String> = Vec::new();
    for line in data_lines(OFFICES) {
        let mut cols = line.split('\t');
        let (Some(form), Some(country)) = (cols.next(), cols.next()) else { continue };
        let form = form.trim();
        let country = Some(country.trim()).filter(|c| !c.is_empty()).map(str::to_owned);
        let body = cols.next().is_some_and(|kind| matches!(kind.trim(), "body" | "seat"));
        let same_as = cols.next().map(str::trim).filter(|f| !f.is_empty()).map(str::to_owned);
        let index = offices.len();
        if office_by_lower.insert(form.to_lowercase(), index).is_none() && country.is_some() {
            patterns.push(form.to_owned());
            office_patterns.push(index);
        }
        if body && country.is_none() {
            generic_bodies.push(form.to_owned());
        }
        offices.push(Office { form: form.to_owned(), country, same_as, body });
    }
    let generic_body_finder = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&generic_bodies)
        .unwrap_or_else(|_| AhoCorasick::new(Vec::<String>::new()).unwrap_or_else(|_| unreachable!()));
    let office_finder = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&patterns)
        .unwrap_or_else(|_| AhoCorasick::new(Vec::<String>::new()).unwrap_or_else(|_| unreachable!()));
    let adjectives = data_lines(COUNTRIES)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let adjective = split_list(cols.get(3)?).next()?;
            Some((cols[0].to_owned(), adjective.to_owned()))
        })
        .collect();
    let outlets = data_lines(OUTLETS)
        .filter_map(|line| {
            let (form, parent) = line.split_once('\t')?;
            Some((form.trim().to_lowercase(), parent.trim().to_owned()))
        })
        .collect();
    Knowledge {
        outlets,
        parties,
        party_names,
        member_forms,
        member_only,
        party_folded,
        member_nouns,
        offices,
        office_by_lower,
        office_finder,
        office_patterns,
        generic_body_finder,
        adjectives,
    }
}

fn push_unique(list: &mut Vec<usize>, index: usize) {
    if !list.contains(&index) {
        list.push(index);
    }
}

/// Where an article is written from, and how that is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Home {
    pub country: String,
    /// "an article of a British outlet", "an article datelined in the United Kingdom", "an article on
    /// British affairs (Commons, Tory)".
    pub why: String,
    /// How many distinct national bodies, seats and party words of the country the text names (0 when the
    /// home comes from the outlet or dateline): an article on a state's own affairs names several.
    pub national_forms: usize,
}

impl Knowledge {
    /// "British" for "GB"; the country's name when the table has no adjective.
    pub fn adjective(&self, code: &str) -> String {
        self.adjectives.get(code).cloned().unwrap_or_else(|| crate::lexicon::country_label(code))
    }

    /// Whether `word` (any case) names a party member's function ("MP", "leader").
    pub fn is_member_noun(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.member_nouns.contains(&lower)
    }

    /// The parties a name or short name stands for ("Labour Party", "SNP").
    pub fn parties_named(&self, name: &str) -> &[usize] {
        let name = name.strip_prefix("the ").unwrap_or(name);
        match self.party_names.get(name) {
            Some(parties) => parties,
            None => self.parties_folded(name),
        }
    }

    /// The parties a form before a member noun stands for ("Tory", "Labour").
    pub fn parties_of_member_form(&self, form: &str) -> &[usize] {
        match self.member_forms.get(form) {
            Some(parties) => parties,
            None => self.parties_folded(form),
        }
    }

    /// The parties a capitalised name of two words or more stands for, written another way: another
    /// transliteration of a linking vowel ("Ulema-i-Islam", "Ulema-e-Islam") or with "Party" added.
    fn parties_folded(&self, name: &str) -> &[usize] {
        if !name.starts_with(|c: char| c.is_uppercase()) {
            return &[];
        }
        fold_party_name(name).and_then(|f| self.party_folded.get(&f)).map_or(&[], Vec::as_slice)
    }

    /// The office or body a role or name is or ends in ("Shadow Home Secretary" → Home Secretary).
    pub fn office_of(&self, role: &str) -> Option<&Office> {
        let lower = role.trim().to_lowercase();
        let lower = lower.strip_prefix("the ").unwrap_or(&lower);
        if let Some(&i) = self.office_by_lower.get(lower) {
            return self.offices.get(i);
        }
        // The longest ending of whole words ("former prime minister", "shadow home secretary").
        let mut rest = lower;
        while let Some((_, tail)) = rest.split_once(' ') {
            if let Some(&i) = self.office_by_lower.get(tail) {
                return self.offices.get(i);
            }
            rest = tail;
        }
        None
    }

    /// The body or seat of one state a whole name is ("the Commons", "House of Commons"), as one lower-case
    /// key for all its forms (the fuller form a short one stands for).
    pub fn body_key(&self, name: &str) -> Option<String> {
        let lower = name.trim().to_lowercase();
        let lower = lower.strip_prefix("the ").unwrap_or(&lower);
        let office = self.offices.get(*self.office_by_lower.get(lower)?)?;
        // A body every state has ("Parliament") is no one body.
        office.country.as_ref()?;
        Some(office.same_as.as_deref().unwrap_or(&office.form).to_lowercase())
    }

    /// The broadcaster a channel, station or programme belongs to ("Radio Four" → "BBC").
    pub fn broadcaster_of(&self, name: &str) -> Option<&str> {
        let lower = name.trim().to_lowercase();
        let lower = lower.strip_prefix("the ").unwrap_or(&lower);
        self.outlets.get(lower).map(String::as_str)
    }

    /// Whether a whole name is a body or seat of one state ("Lords", "Bundestag").
    pub fn is_state_body(&self, name: &str) -> bool {
        let lower = name.trim().to_lowercase();
        let lower = lower.strip_prefix("the ").unwrap_or(&lower);
        let office = self.office_by_lower.get(lower).and_then(|&i| self.offices.get(i));
        office.is_some_and(|o| o.body && o.country.is_some())
    }

    /// Chooses among the parties of one name: the one of the article's home, else of a country the article
    /// names (first named first), else the only one when the form is distinctive.
    pub fn choose_party(
        &self,
        candidates: &[usize],
        home: Option<&Home>,
        countries: &[String],
        form: &str,
    ) -> Option<usize> {
        if let Some(home) = home {
            if let Some(&p) = best_of(self, candidates, |p| p.country == home.country) {
                return Some(p);
            }
        }
        for code in countries {
            if let Some(&p) = best_of(self, candidates, |p| p.country == *code) {
                return Some(p);
            }
        }
        let distinctive = form.contains(' ') || form.chars().filter(char::is_ascii_uppercase).count() >= 2;
        let first_country = candidates.first().map(|&p| &self.parties[p].country);
        let one_country = candidates.iter().all(|&p| Some(&self.parties[p].country) == first_country);
        if distinctive && one_country {
            return best_of(self, candidates, |_| true).copied();
        }
        None
    }

    /// Where an article is written from: its outlet, its dateline, or the state whose bodies, seats and
    /// parties it names (more distinct forms than any other state).
    pub fn home(&self, article: &Article) -> Option<Home> {
        let lex = lexicon();
        if let Some(outlet) = article.meta.outlet.as_deref() {
            for m in lex.gazetteer.find_iter(outlet) {
                if let Some(Entry::Organization(i)) = lex.entries.get(m.pattern().as_usize()) {
                    if let Some(code) = lex.organizations.get(*i).and_then(|o| o.country.clone()) {
                        let why = format!("an article of a {} outlet", self.adjective(&code));
                        return Some(Home { country: code, why, national_forms: 0 });
                    }
                }
            }
        }
        if let Some(code) = dateline_country(&article.text) {
            let why = format!("an article datelined in {}", crate::lexicon::country_label(&code));
            return Some(Home { country: code, why, national_forms: 0 });
        }
        let mut votes: Vec<(String, Vec<String>)> = Vec::new();
        let mut vote = |code: &str, form: &str| match votes.iter_mut().find(|(c, _)| c == code) {
            Some((_, forms)) => {
                if !forms.iter().any(|f| f == form) {
                    forms.push(form.to_owned());
                }
            }
            None => votes.push((code.to_owned(), vec![form.to_owned()])),
        };
        let text = &article.text;
        for m in self.office_finder.find_iter(text) {
            let hit = &text[m.start()..m.end()];
            if !hit.starts_with(|c: char| c.is_uppercase()) || !word_bounded(text, m.start(), m.end()) {
                continue;
            }
            // "the United States Congress", "Israel's Knesset": a body named with its state is named as a
            // foreign one; an outlet names its own state's bodies bare.
            if after_country_form(&text[..m.start()]) {
                continue;
            }
            let office = &self.offices[self.office_patterns[m.pattern().as_usize()]];
            if let Some(code) = &office.country {
                vote(code, &office.form);
            }
        }
        // Party words of one country: a member form before a member noun ("Tory MP"), or alone where the text
        // names that country, or an acronym of three capitals or more ("SNP"); never a one-word name, which
        // may be an ordinary word ("Society" is also a party's name).
        let words: Vec<&str> =
            text.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
        for (i, &word) in words.iter().enumerate().filter(|(_, w)| w.len() >= 3) {
            let acronym = word.chars().filter(char::is_ascii_uppercase).count() >= 3;
            let before_noun = words.get(i + 1).is_some_and(|next| self.is_member_noun(next));
            let (parties, bare) = match self.member_only.get(word) {
                Some(parties) => (parties.as_slice(), !before_noun),
                None if acronym => (self.parties_named(word), false),
                None => (&[][..], false),
            };
            let first = parties.first().map(|&p| self.parties[p].country.as_str());
            if let Some(code) = first {
                // A bare member form counts where the text names its country too ("Labor" beside "Australia");
                // one before a member noun also where the party is a major one ("Tory MP"), not a small party
                // whose name is an ordinary capitalised word ("Commonwealth ministers").
                let country_named = article.analysis.countries.iter().any(|c| c == code);
                let major = parties.iter().any(|&p| self.parties[p].share >= MAJOR_PARTY_SHARE);
                let named = country_named || (!bare && (major || acronym));
                if named && parties.iter().all(|&p| self.parties[p].country == code) && is_party_word(word) {
                    vote(code, word);
                }
            }
        }
        // Organizations the text names whose country the lists know ("BBC", "Labour Party"): bodies of the
        // country too.
        for actor in &article.analysis.actors {
            // Not one named with its state ("U.S. Congress"), as a foreign one is.
            let listed = actor.country_evidence.as_deref() == Some(actor.name.as_str())
                && !starts_with_country_form(actor.name.strip_prefix("the ").unwrap_or(&actor.name));
            if let (ActorKind::Organization, Some(code), true) = (actor.kind, &actor.country, listed) {
                vote(code, &actor.name);
            }
        }
        votes.sort_by_key(|v| std::cmp::Reverse(v.1.len()));
        let Some((code, forms)) = votes.first() else {
            // No national body named: an article that names one country only is written from there.
            let [code] = article.analysis.countries.as_slice() else { return None };
            let why = format!("an article that names no country but {}", crate::lexicon::country_label(code));
            return Some(Home { country: code.clone(), why, national_forms: 0 });
        };
        if votes.get(1).is_some_and(|second| second.1.len() == forms.len()) {
            return None;
        }
        let shown: Vec<&str> = forms.iter().take(3).map(String::as_str).collect();
        Some(Home {
            country: code.clone(),
            why: format!("an article on {} affairs ({})", self.adjective(code), shown.join(", ")),
            national_forms: forms.len(),
        })
    }
}

/// Whether `before` ends with a country's name or people, possessive or not ("United States", "Israel's",
/// "the U.S.").
fn after_country_form(before: &str) -> bool {
    let lex = lexicon();
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    (1..=words.len()).any(|n| {
        let form = words[..n].iter().rev().copied().collect::<Vec<_>>().join(" ");
        let form = unpossessed(&form);
        form.starts_with(|c: char| c.is_uppercase()) && lex.country_by_lower.contains_key(&form.to_lowercase())
    })
}

/// Whether a name opens with a country's name or people ("U.S. Congress", "Australia").
fn starts_with_country_form(name: &str) -> bool {
    let lex = lexicon();
    let words: Vec<&str> = name.split_whitespace().take(3).collect();
    (1..=words.len()).any(|n| {
        let form = words[..n].join(" ");
        let form = unpossessed(&form);
        form.starts_with(|c: char| c.is_uppercase()) && lex.country_by_lower.contains_key(&form.to_lowercase())
    })
}

/// The vote share (percent) from which a party is a major one of its country.
const MAJOR_PARTY_SHARE: f32 = 20.0;

/// Whether the gazetteer knows the whole name as an organization (its country, or none, is the gazetteer's).
fn is_known_organization(name: &str) -> bool {
    let lex = lexicon();
    let name = name.strip_prefix("the ").unwrap_or(name);
    lex.gazetteer.find(name).is_some_and(|m| {
        m.start() == 0
            && m.end() == name.len()
            && matches!(lex.entries.get(m.pattern().as_usize()), Some(Entry::Organization(_)))
    })
}

/// Party words that stand for the party on their own in running text: names that are not ordinary
/// capitalised words ("Tory", "SNP", "Likud"; not "Labour" or "Liberal", which have other senses too, nor
/// "Samoa", a country first).
fn is_party_word(word: &str) -> bool {
    let lex = lexicon();
    let lower = word.to_lowercase();
    // A country's name or people ("Samoa" of the Samoa Party) names the country first.
    !lex.word_classes.get(&lower).is_some_and(|c| c.common || c.title.is_some())
        && !lex.country_by_lower.contains_key(&lower)
}

fn best_of<'k>(k: &Knowledge, candidates: &'k [usize], keep: impl Fn(&Party) -> bool) -> Option<&'k usize> {
    candidates
        .iter()
        .filter(|&&p| keep(&k.parties[p]))
        .max_by(|&&a, &&b| k.parties[a].share.total_cmp(&k.parties[b].share).then(b.cmp(&a)))
}

fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
    let after = text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    before && after
}

/// The country an article is mostly about: the first it names, when it names it at least twice and no
/// other country as often.
fn main_country(article: &Article) -> Option<String> {
    let first = article.analysis.countries.first()?;
    let lex = lexicon();
    let text = &article.text;
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for m in lex.gazetteer.find_iter(text) {
        if let Some(Entry::Country(c, _)) = lex.entries.get(m.pattern().as_usize()) {
            if word_bounded(text, m.start(), m.end()) {
                if let Some(country) = lex.countries.get(*c) {
                    *counts.entry(country.code.as_str()).or_default() += 1;
                }
            }
        }
    }
    let top = *counts.get(first.as_str())?;
    let alone = counts.iter().all(|(code, &n)| *code == first.as_str() || n < top);
    (top >= 2 && alone).then(|| first.clone())
}

/// The country of a dateline opening the text ("LONDON (Reuters) -", "KABUL:").
fn dateline_country(text: &str) -> Option<String> {
    let head: &str = text.trim_start().lines().find(|l| !l.trim().is_empty())?;
    let cut = head.find([':', '(', '-', '—', '–', ','])?;
    let place = head[..cut].trim();
    if place.is_empty() || place.len() > 40 || place.chars().any(char::is_lowercase) {
        return None;
    }
    let lex = lexicon();
    let &index = lex.country_by_lower.get(&place.to_lowercase())?;
    lex.countries.get(index).map(|c| c.code.clone())
}

/// Fills the countries the text left open from knowledge: a party's, an office's or a state body's, and
/// for offices every state has, the country the article is written from. Returns the article's home.
pub fn apply(article: &mut Article) -> Option<Home> {
    let k = knowledge();
    let home = k.home(article);
    // An article that names no country but refers to its state's own bodies ("the Federal Government")
    // refers to the country it is written from.
    if let Some(home) = home.as_ref().filter(|_| article.analysis.countries.is_empty()) {
        if names_own_state_body(k, &article.text) {
            article.analysis.countries.push(home.country.clone());
        }
    }
    let countries = article.analysis.countries.clone();
    let main = main_country(article);
    let text = &article.text;
    for actor in &mut article.analysis.actors {
        // "a Conservative MP", "the Plaid MP": a party word and a member noun name nobody in particular.
        if matches!(actor.kind, ActorKind::Person | ActorKind::Organization) {
            if let Some((form, noun)) = actor.name.trim().rsplit_once(' ') {
                if k.is_member_noun(noun) && !k.parties_of_member_form(form).is_empty() {
                    actor.kind = ActorKind::Anonymous;
                    actor.rule = format!("{} (knowledge: a party member, unnamed)", actor.rule).trim().to_owned();
                    continue;
                }
            }
        }
        // A "person" named only by a party word ("Tory", "Lib Dem") is the party: a reader knows the word.
        if actor.kind == ActorKind::Person {
            let name = actor.name.trim();
            if !k.parties_of_member_form(name).is_empty() {
                actor.kind = ActorKind::Organization;
                actor.rule = format!("{} (knowledge: '{name}' names a party)", actor.rule).trim().to_owned();
                if actor.country.is_none() {
                    if let Some(p) = k.choose_party(k.parties_of_member_form(name), home.as_ref(), &countries, name) {
                        let party = &k.parties[p];
                        actor.country = Some(party.country.clone());
                        actor.country_evidence = Some(format!(
                            "party of {} ({})",
                            crate::lexicon::country_label(&party.country),
                            party.name
                        ));
                    }
                }
            }
        }
        // A "person" named only by a body of a state ("Lords", "Commons") is that body.
        if actor.kind == ActorKind::Person && k.is_state_body(&actor.name) {
            actor.kind = ActorKind::Organization;
            actor.rule = format!("{} (knowledge: '{}' is a body of a state)", actor.rule, actor.name).trim().to_owned();
        }
        if actor.country.is_some() || !matches!(actor.kind, ActorKind::Person | ActorKind::Organization) {
            continue;
        }
        let found = match actor.kind {
            ActorKind::Person => person_country(k, actor, text, home.as_ref(), &countries),
            _ => organization_country(k, actor, home.as_ref(), &countries),
        };
        // An article on its home's affairs (it names no other country, or it names several of its national
        // bodies and its home first): its people and bodies are of that country unless the text says
        // otherwise. Weak evidence, and said so. Known organizations keep the gazetteer's word (none is
        // international).
        let found = found.or_else(|| {
            let home = home.as_ref()?;
            let only_home = countries.iter().all(|c| *c == home.country);
            let mostly_home = home.national_forms >= 2 && countries.first().is_none_or(|c| *c == home.country);
            let domestic = (only_home || mostly_home) && !is_known_organization(&actor.name);
            domestic.then(|| (home.country.clone(), format!("named in {}", home.why)))
        });
        // Else the country the article is mostly about, when one is: weaker still, and said so.
        let found = found.or_else(|| {
            let code = main.as_ref().filter(|_| !is_known_organization(&actor.name))?;
            Some((code.clone(), format!("named in an article mostly about {}", crate::lexicon::country_label(code))))
        });
        if let Some((code, evidence)) = found {
            actor.country = Some(code);
            actor.country_evidence = Some(evidence);
        }
    }
    split_seats(k, article);
    add_party_mentions(k, article, home.as_ref());
    merge_parties(k, article, home.as_ref());
    home
}

/// Where the articles of a collection are mostly written from: the home of three articles at least, at
/// least twice as many as any other home and a third of the articles whose home is known (the feed or
/// folder an analyst opened, which carries foreign news too).
pub fn collection_home(articles: &[&mut Article]) -> Option<String> {
    if articles.len() < 3 {
        return None;
    }
    let k = knowledge();
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut known = 0;
    for article in articles {
        let Some(home) = k.home(article) else { continue };
        known += 1;
        match counts.iter_mut().find(|(c, _)| *c == home.country) {
            Some((_, n)) => *n += 1,
            None => counts.push((home.country, 1)),
        }
    }
    counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let second = counts.get(1).map_or(0, |(_, n)| *n);
    let (code, n) = counts.into_iter().next()?;
    (n >= 3 && n >= 2 * second && n * 3 >= known).then_some(code)
}

/// Articles of a collection mostly written from one country (`collection_home`) that name no country at
/// all and have no home of their own are written from there too: weak evidence, and said so. Such an article
/// that refers to its state's own bodies without naming the state ("the Federal Government", "the
/// Opposition") refers to that country; its people and organizations without a country are of that
/// country unless the gazetteer knows the organization. Returns how many articles took the home.
pub fn apply_collection(articles: &mut [&mut Article]) -> usize {
    let Some(code) = collection_home(articles) else { return 0 };
    let k = knowledge();
    let label = crate::lexicon::country_label(&code);
    let mut taken = 0;
    for article in articles.iter_mut() {
        if k.home(article).is_some() {
            continue;
        }
        // "Foreign Minister Jane Doe" with no country, in an article on another country: a minister of a
        // portfolio is named without the state only by an outlet of that state; the collection's home wins
        // over the guess from the country the article is about (heads of state and government are named
        // that way in foreign news too, and keep it).
        for actor in &mut article.analysis.actors {
            let guessed = actor.kind == ActorKind::Person && is_article_guess(actor.country_evidence.as_deref());
            let Some(office) = actor.role.as_deref().and_then(|r| k.office_of(r)).filter(|_| guessed) else { continue };
            if office.country.is_none() && is_portfolio_minister(&office.form) {
                actor.country = Some(code.clone());
                actor.country_evidence = Some(format!(
                    "national office ({}) in an article of a collection mostly from {label}",
                    office.form
                ));
            }
        }
        if !article.analysis.countries.is_empty() {
            continue;
        }
        taken += 1;
        if names_own_state_body(k, &article.text) {
            article.analysis.countries.push(code.clone());
        }
        for actor in &mut article.analysis.actors {
            let open = actor.country.is_none() && matches!(actor.kind, ActorKind::Person | ActorKind::Organization);
            if open && !is_known_organization(&actor.name) {
                actor.country = Some(code.clone());
                actor.country_evidence =
                    Some(format!("named in an article that names no country, in a collection mostly from {label}"));
            }
        }
    }
    taken
}

/// Whether a country rests on the country an article is about (the extractor's or knowledge's guess).
fn is_article_guess(evidence: Option<&str>) -> bool {
    evidence
        .is_some_and(|e| e == "the country the article is about" || e.starts_with("named in an article mostly about"))
}

/// A minister of a portfolio ("Foreign Minister", "Immigration Minister"), not a head of government.
fn is_portfolio_minister(form: &str) -> bool {
    let lower = form.to_lowercase();
    lower.ends_with(" minister") && !lower.ends_with("prime minister")
}

/// Whether a text refers to a body every state has as its own: "the Government", "the Opposition",
/// "Federal Parliament" (capitalised, after "the" or opening with "Federal").
fn names_own_state_body(k: &Knowledge, text: &str) -> bool {
    k.generic_body_finder.find_iter(text).any(|m| {
        let hit = &text[m.start()..m.end()];
        let after_the = text[..m.start()]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        word_bounded(text, m.start(), m.end()) && (after_the || hit.starts_with("Federal "))
    })
}

/// "Downing Street said", "Number 10 denied it": a seat of government speaking is the government's office,
/// an organization of its country, not the country itself. Mentions of a country actor that name one of its
/// seats or bodies become an organization actor of their own, with the statements spoken through them.
fn split_seats(k: &Knowledge, article: &mut Article) {
    let text = &article.text;
    let analysis = &mut article.analysis;
    let mut next_id = analysis
        .actors
        .iter()
        .filter_map(|a| a.id.strip_prefix('a').and_then(|n| n.parse::<usize>().ok()))
        .max()
        .unwrap_or(0);
    let mut added: Vec<Actor> = Vec::new();
    for actor in analysis.actors.iter_mut().filter(|a| a.kind == ActorKind::Country) {
        let Some(code) = actor.country.clone() else { continue };
        let seat_of = |m: &crate::model::Span| {
            let lower = m.text(text).trim().to_lowercase();
            let lower = lower.strip_prefix("the ").unwrap_or(&lower);
            let office = k.office_by_lower.get(lower).and_then(|&i| k.offices.get(i))?;
            (office.body && office.country.as_deref() == Some(code.as_str()))
                .then(|| office.same_as.clone().unwrap_or_else(|| office.form.clone()))
        };
        let mut by_seat: Vec<(String, Vec<crate::model::Span>)> = Vec::new();
        actor.mentions.retain(|m| match seat_of(m) {
            Some(seat) => {
                match by_seat.iter_mut().find(|(s, _)| *s == seat) {
                    Some((_, spans)) => spans.push(*m),
                    None => by_seat.push((seat, vec![*m])),
                }
                false
            }
            None => true,
        });
        for (seat, mentions) in by_seat {
            next_id += 1;
            added.push(Actor {
                id: format!("a{next_id}"),
                name: seat.clone(),
                kind: ActorKind::Organization,
                role: None,
                country: Some(code.clone()),
                country_evidence: Some(format!("{seat} is a seat of {}", crate::lexicon::country_label(&code))),
                mentions,
                confidence: actor.confidence,
                entity: None,
                rule: format!("knowledge: '{seat}' is a seat of government"),
            });
        }
    }
    for new in &added {
        for st in &mut analysis.statements {
            let through =
                st.speaker_span.is_some_and(|s| new.mentions.iter().any(|m| m.start <= s.start && s.end <= m.end));
            if through {
                st.speaker = Some(new.id.clone());
            }
        }
    }
    // A country actor left with no mention was only ever its seat.
    let speakers: Vec<String> = analysis.statements.iter().filter_map(|s| s.speaker.clone()).collect();
    analysis.actors.retain(|a| a.kind != ActorKind::Country || !a.mentions.is_empty() || speakers.contains(&a.id));
    analysis.actors.extend(added);
}

/// Words of a text with their byte offsets: runs of letters, digits, inner apostrophes and hyphens.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let inner = matches!(c, '\'' | '’' | '-') && start.is_some();
        match (c.is_alphanumeric() || inner, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// "Lib Dem leader Charles Kennedy", "a Tory MP": a party named before a member noun is a mention of the
/// party. Added to the party's actor, or made one when the text has none (the party is an actor of the
/// article even where it does not speak).
fn add_party_mentions(k: &Knowledge, article: &mut Article, home: Option<&Home>) {
    let text = &article.text;
    let spans = word_spans(text);
    let word = |i: usize| spans.get(i).map_or("", |&(s, e)| &text[s..e]);
    let mut found: Vec<(usize, crate::model::Span)> = Vec::new();
    let mut i = 0;
    while i < spans.len() {
        let mut hit = None;
        for len in (1..=3).rev() {
            let Some(last) = (i + len).checked_sub(1).filter(|&l| l + 1 < spans.len()) else { continue };
            // The form's words are joined by single spaces, and a member noun follows it.
            let joined = (i..last).all(|j| &text[spans[j].1..spans[j + 1].0] == " ");
            if !joined || !word(i).starts_with(char::is_uppercase) || &text[spans[last].1..spans[last + 1].0] != " " {
                continue;
            }
            if !k.is_member_noun(word(last + 1)) {
                continue;
            }
            let form = &text[spans[i].0..spans[last].1];
            let candidates = k.parties_of_member_form(form);
            if candidates.is_empty() {
                continue;
            }
            // One plain word ("Islamic", "Labour") names a party only when it is a large one (a tenth of the
            // vote or more); several words or an acronym are distinctive enough.
            let distinctive = len > 1 || form.chars().filter(char::is_ascii_uppercase).count() >= 2;
            if let Some(p) = k.choose_party(candidates, home, &article.analysis.countries, form) {
                if distinctive || k.parties[p].share >= 10.0 {
                    hit = Some((len, p, crate::model::Span::new(spans[i].0, spans[last].1)));
                }
                break;
            }
        }
        match hit {
            Some((len, p, span)) => {
                found.push((p, span));
                i += len;
            }
            None => i += 1,
        }
    }
    if found.is_empty() {
        return;
    }
    let countries = article.analysis.countries.clone();
    let mut next_id = article
        .analysis
        .actors
        .iter()
        .filter_map(|a| a.id.strip_prefix('a').and_then(|n| n.parse::<usize>().ok()))
        .max()
        .unwrap_or(0);
    for (p, span) in found {
        let actors = &mut article.analysis.actors;
        // A mention some actor has already (a "person" named "Tory" made a party above) stays its own.
        if actors.iter().any(|a| a.mentions.iter().any(|m| m.start < span.end && span.start < m.end)) {
            continue;
        }
        let existing = actors
            .iter()
            .position(|a| a.kind == ActorKind::Organization && party_of_actor(k, a, home, &countries) == Some(p));
        match existing {
            Some(i) => {
                let mentions = &mut actors[i].mentions;
                let at = mentions.partition_point(|m| m.start < span.start);
                mentions.insert(at, span);
            }
            None => {
                next_id += 1;
                let party = &k.parties[p];
                actors.push(Actor {
                    id: format!("a{next_id}"),
                    name: party.name.clone(),
                    kind: ActorKind::Organization,
                    role: None,
                    country: Some(party.country.clone()),
                    country_evidence: Some(format!(
                        "party of {} ({})",
                        crate::lexicon::country_label(&party.country),
                        party.name
                    )),
                    mentions: vec![span],
                    confidence: 0.8,
                    entity: None,
                    rule: format!("knowledge: '{}' before a member noun names a party", span.text(text)),
                });
            }
        }
    }
}

/// The party an organization actor stands for: by its name ("Labour Party", "SNP") or by a member form
/// ("Tory", "Tories"), of the actor's country when it has one.
fn party_of_actor(k: &Knowledge, actor: &Actor, home: Option<&Home>, countries: &[String]) -> Option<usize> {
    let name = actor.name.trim();
    let name = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name);
    let named = k.parties_named(name);
    let candidates = if named.is_empty() { k.parties_of_member_form(name) } else { named };
    let own: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&p| actor.country.as_deref().is_none_or(|c| k.parties[p].country == c))
        .collect();
    k.choose_party(&own, home, countries, name)
}

/// A party named in one article both by its name and by a member word ("the Conservative Party" and "the
/// Tories", "Labour" and "the Labour Party") is one actor: the one named most fully keeps the others'
/// mentions and statements.
fn merge_parties(k: &Knowledge, article: &mut Article, home: Option<&Home>) {
    let analysis = &mut article.analysis;
    let parties: Vec<Option<usize>> = analysis
        .actors
        .iter()
        .map(|a| (a.kind == ActorKind::Organization).then(|| party_of_actor(k, a, home, &analysis.countries)).flatten())
        .collect();
    let mut drop: Vec<bool> = vec![false; analysis.actors.len()];
    for (i, party) in parties.iter().enumerate() {
        let Some(party) = party else { continue };
        if drop[i] {
            continue;
        }
        let same: Vec<usize> = (i..parties.len()).filter(|&j| parties[j] == Some(*party)).collect();
        if same.len() < 2 {
            continue;
        }
        // The keeper: a name of the party's table entry, with the most words; the first on a tie.
        let words = |j: usize| {
            let a = &analysis.actors[j];
            let named = !k.parties_named(a.name.trim_start_matches("the ")).is_empty();
            (named, a.name.split_whitespace().count())
        };
        let keep = same.iter().copied().max_by(|&a, &b| words(a).cmp(&words(b)).then(b.cmp(&a))).unwrap_or(i);
        let keep_id = analysis.actors[keep].id.clone();
        for &j in same.iter().filter(|&&j| j != keep) {
            drop[j] = true;
            let gone = std::mem::take(&mut analysis.actors[j].mentions);
            let gone_id = analysis.actors[j].id.clone();
            let gone_country = analysis.actors[j].country.clone().zip(analysis.actors[j].country_evidence.clone());
            let kept = &mut analysis.actors[keep];
            if kept.country.is_none() {
                (kept.country, kept.country_evidence) = gone_country.unzip();
            }
            kept.mentions.extend(gone);
            kept.mentions.sort_by_key(|m| (m.start, m.end));
            kept.mentions.dedup();
            for st in analysis.statements.iter_mut().filter(|st| st.speaker.as_deref() == Some(&gone_id)) {
                st.speaker = Some(keep_id.clone());
            }
        }
        let kept = &mut analysis.actors[keep];
        if !kept.rule.contains("one party") {
            kept.rule = format!("{} (knowledge: one party under several names)", kept.rule).trim().to_owned();
        }
    }
    let mut n = 0;
    analysis.actors.retain(|_| {
        n += 1;
        !drop[n - 1]
    });
}

fn party_evidence(k: &Knowledge, p: usize) -> (String, String) {
    let party = &k.parties[p];
    (party.country.clone(), format!("member of the {} ({})", party.name.trim_start_matches("the "), party.country))
}

fn office_country(office: &Office, home: Option<&Home>) -> Option<(String, String)> {
    match (&office.country, home) {
        (Some(code), _) => {
            Some((code.clone(), format!("{} is an office of {}", office.form, crate::lexicon::country_label(code))))
        }
        (None, Some(home)) => {
            Some((home.country.clone(), format!("national office ({}) in {}", office.form, home.why)))
        }
        (None, None) => None,
    }
}

fn person_country(
    k: &Knowledge,
    actor: &Actor,
    text: &str,
    home: Option<&Home>,
    countries: &[String],
) -> Option<(String, String)> {
    // The party in the role ("Tory leader") or around a mention ("Labour MP Jane Smith", "Jane Smith (Lab)",
    // "Jane Smith, the Conservative leader").
    if let Some(role) = actor.role.as_deref() {
        if let Some(p) = party_in_words(k, &words_of(role), true, home, countries) {
            return Some(party_evidence(k, p));
        }
    }
    for span in &actor.mentions {
        let before = window_before(text, span.start);
        if let Some(p) = party_in_words(k, &words_of(before), false, home, countries) {
            return Some(party_evidence(k, p));
        }
        let after = window_after(text, span.end);
        if let Some(inner) = after.strip_prefix(" (").and_then(|r| r.split([')', ',']).next()) {
            if let Some(p) = k.choose_party(k.parties_named(inner.trim()), home, countries, inner.trim()) {
                return Some(party_evidence(k, p));
            }
        }
        if let Some(rest) = after.strip_prefix(", ") {
            let words = words_of(rest.split([',', '.', ';']).next().unwrap_or(""));
            if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
                if let Some(p) = party_in_words(k, &words[1..], true, home, countries) {
                    return Some(party_evidence(k, p));
                }
            }
        }
    }
    let office = actor.role.as_deref().and_then(|r| k.office_of(r))?;
    office_country(office, home)
}

fn organization_country(
    k: &Knowledge,
    actor: &Actor,
    home: Option<&Home>,
    countries: &[String],
) -> Option<(String, String)> {
    let name = actor.name.strip_prefix("the ").unwrap_or(&actor.name);
    let parties = k.parties_named(name);
    if let Some(p) = k.choose_party(parties, home, countries, name) {
        let party = &k.parties[p];
        return Some((
            party.country.clone(),
            format!("party of {} ({})", crate::lexicon::country_label(&party.country), party.name),
        ));
    }
    if let Some(found) = place_in_name(name) {
        return Some(found);
    }
    let office = k.office_of(name)?;
    // Only the whole name: "Foreign Office" is a body of Britain, "Iran's Foreign Office minister" is not.
    if !office.form.eq_ignore_ascii_case(name) {
        return None;
    }
    office_country(office, home)
}

/// "Northern Territory Aids Council", "Sydney Swans": an organization whose name opens with a region or
/// city of one country (not a country or people: "American Medical Association" is the text's to say) belongs
/// to that country, unless the gazetteer knows the organization (whose word wins: none is then given).
fn place_in_name(name: &str) -> Option<(String, String)> {
    if is_known_organization(name) {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    // The longest opening run of words that is a place, leaving a word of the name after it.
    for len in (1..words.len()).rev() {
        let form = words[..len].join(" ");
        let code = crate::extract::places::place_country(&form).map(str::to_owned).or_else(|| {
            let lex = lexicon();
            let &c = lex.country_by_lower.get(&form.to_lowercase())?;
            let whole = lex.gazetteer.find(&form).filter(|m| m.start() == 0 && m.end() == form.len())?;
            match lex.entries.get(whole.pattern().as_usize()) {
                Some(Entry::Country(i, CountryForm::Place)) if *i == c => lex.countries.get(c).map(|c| c.code.clone()),
                _ => None,
            }
        });
        if let Some(code) = code {
            let why = format!("named after {form} ({})", crate::lexicon::country_label(&code));
            return Some((code, why));
        }
    }
    None
}

/// Up to 60 bytes before `at`, cut at the start of its line or sentence.
fn window_before(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(60);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let window = text.get(start..at).unwrap_or("");
    // The cut may be at a curly quotation mark: skip the whole character, not one byte of it.
    match window.rfind(['\n', '.', ';', '"', '“', '”']) {
        Some(cut) => window[cut..].char_indices().nth(1).map_or("", |(next, _)| &window[cut + next..]),
        None => window,
    }
}

/// Up to 60 bytes after `at`.
fn window_after(text: &str, at: usize) -> &str {
    let mut end = (at + 60).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(at..end).unwrap_or("")
}

/// A party name folded for matching variant spellings: lower case, hyphens as spaces, without the Persian
/// and Urdu linking vowel written as a word of its own ("e", "i", "-e-", "-i-"), a leading "the" or a
/// closing "party"; `None` when fewer than two words remain (one word is too easily an ordinary one).
fn fold_party_name(name: &str) -> Option<String> {
    let lower = name.to_lowercase().replace(['-', '‑'], " ");
    let mut words: Vec<&str> = lower.split_whitespace().filter(|w| !matches!(*w, "e" | "i")).collect();
    if words.first() == Some(&"the") {
        words.remove(0);
    }
    if words.last() == Some(&"party") {
        words.pop();
    }
    (words.len() >= 2).then(|| words.join(" "))
}

/// The words of a role or window as written ("People's" keeps its "'s": it may belong to a party's name).
fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')')).filter(|w| !w.is_empty()).collect()
}

/// A word without a possessive ending ("Labour's" → "Labour").
fn unpossessed(word: &str) -> &str {
    word.trim_end_matches("'s").trim_end_matches("’s")
}

/// A party form followed by a member noun ("Tory leader", "Lib Dem MP", "Labour Party chairman"); `whole`:
/// the words are a role or apposition, so the noun may come anywhere after the form, or before it with
/// "of" ("leader of the People's Party"); otherwise they are the words right before a name, and the noun
/// must end them.
fn party_in_words(
    k: &Knowledge,
    raw: &[&str],
    whole: bool,
    home: Option<&Home>,
    countries: &[String],
) -> Option<usize> {
    let words: Vec<&str> = raw.iter().map(|w| unpossessed(w)).collect();
    for start in 0..words.len() {
        for len in (1..=3).rev() {
            let (Some(slice), Some(raw_slice)) = (words.get(start..start + len), raw.get(start..start + len)) else {
                continue;
            };
            // As written first ("People's Alliance"), then without a possessive ("Labour's").
            let mut form = raw_slice.join(" ");
            let mut candidates = k.parties_of_member_form(&form);
            if candidates.is_empty() {
                form = slice.join(" ");
                candidates = k.parties_of_member_form(&form);
            }
            if candidates.is_empty() {
                continue;
            }
            let rest = &words[start + len..];
            let noun_at = rest.iter().position(|w| k.is_member_noun(w));
            // "leader of the Jamiat Ulema-i-Islam Party", "a member of Labour".
            let before = &words[..start];
            let before = before.strip_suffix(&["the"]).unwrap_or(before);
            let noun_before = whole
                && before.len() >= 2
                && before[before.len() - 1] == "of"
                && k.is_member_noun(before[before.len() - 2])
                && len >= 2;
            let ok = match noun_at {
                _ if noun_before => true,
                Some(i) if whole => i <= 2,
                // Right before the name: "Tory leader Michael Howard", "Labour MP Ann Keen".
                Some(i) => i <= 1 && i + 1 == rest.len(),
                None => false,
            };
            if ok {
                if let Some(p) = k.choose_party(candidates, home, countries, &form) {
                    return Some(p);
                }
            }
        }
    }
    None
}
