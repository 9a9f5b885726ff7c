//! Actor mentions and the registry that merges them into one actor per referent: full names, surnames,
//! role-only mentions ("the Iranian Foreign Minister"), acronyms and pronouns.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::lexicon::{self, CountryForm, Entry, TitleWord};
use crate::model::{ActorKind, Span};

use super::tagging::Tagged;
use super::tokens::Kind;
use super::words::Words;
use crate::tag::{EntityType, features};

/// Words that end an organization's name.
const ORG_HEADS: &[&str] = &[
    "ministry",
    "department",
    "office",
    "council",
    "party",
    "army",
    "navy",
    "force",
    "forces",
    "police",
    "group",
    "front",
    "movement",
    "committee",
    "commission",
    "agency",
    "authority",
    "organisation",
    "organization",
    "union",
    "bank",
    "court",
    "assembly",
    "parliament",
    "congress",
    "senate",
    "corporation",
    "company",
    "association",
    "institute",
    "university",
    "service",
    "services",
    "league",
    "federation",
    "alliance",
    "network",
    "brigade",
    "brigades",
    "government",
    "administration",
    "cabinet",
    "church",
    "foundation",
    "fund",
    "board",
    "bureau",
    "tribunal",
    "coalition",
    "airlines",
    "airways",
    "times",
    "post",
    "news",
    "herald",
    "journal",
    "television",
    "radio",
    "club",
    "inc",
    "ltd",
    "corp",
    "centre",
    "center",
    "secretariat",
    "mission",
    "command",
    "guard",
    "guards",
    "watch",
    "international",
    "industries",
    "exchange",
    "group's",
    "school",
    "college",
    "hospital",
    "society",
    "trust",
];

/// Letters written after a person's name: honours, professional ranks and seats.
const POST_NOMINALS: &[&str] =
    &["QC", "KC", "SC", "MP", "MSP", "MEP", "AM", "MLA", "TD", "OBE", "MBE", "CBE", "KBE", "DBE", "VC", "PhD"];

/// Organization words that name no organization when they stand alone, capitalised ("Radio", "Group").
/// Institutions of a state ("Parliament", "Senate", "Cabinet") do, and are not here.
const GENERIC_HEADS: &[&str] = &[
    "radio",
    "television",
    "news",
    "times",
    "post",
    "herald",
    "journal",
    "club",
    "group",
    "company",
    "corporation",
    "centre",
    "center",
    "service",
    "services",
    "network",
    "school",
    "college",
    "hospital",
    "society",
    "trust",
    "international",
    "industries",
    "association",
    "foundation",
    "fund",
    "institute",
];

/// Particles that may sit inside a name: "Osama bin Laden", "Tehreek-e-Taliban", "Bank of England".
const PARTICLES: &[&str] = &["bin", "al", "el", "de", "da", "van", "von", "der", "du", "la", "le", "ibn", "abu"];

/// How sure a name with an organization word ("… Commission", "Centre for …") is an organization.
const ORG_WORD_CONFIDENCE: f32 = 0.85;

/// How sure a name after a noun of a kind of organization ("retailer Acme Stores") is an organization.
const KIND_NOUN_ORGANIZATION: f32 = 0.7;

/// How sure a name with a person's particle inside is a person, when the tagger does not say otherwise.
const PARTICLE_PERSON: f32 = 0.75;

/// Particles that, between the words of a name, mark it as a person's ("Osama bin Laden", "Ludwig van
/// Beethoven"): organizations and places seldom have them.
const PERSON_PARTICLES: &[&str] = &["bin", "ibn", "bint", "van", "von"];

/// A surname written with its particle attached and a capital after it: "duPlessis", "deVilliers",
/// "al-Amin", "van't".
fn is_attached_particle_name(word: &str) -> bool {
    PARTICLES.iter().any(|p| {
        word.strip_prefix(p)
            .map(|rest| rest.strip_prefix(['-', '\'', '’']).unwrap_or(rest))
            .is_some_and(|rest| rest.chars().count() >= 2 && rest.starts_with(char::is_uppercase))
    })
}

/// Modifiers of a title that say a rank, not a field ("Senior", "Deputy"): no part of an organization's name
/// ("Senior Acme Union officials").
const RANK_MODIFIERS: &[&str] = &[
    "prime",
    "deputy",
    "vice",
    "acting",
    "interim",
    "former",
    "senior",
    "top",
    "assistant",
    "associate",
    "executive",
    "managing",
    "shadow",
];

/// Words that join an organization word to the rest of its name: "Bank of England".
const ORG_JOINS: &[&str] = &["of", "for", "into", "on"];

/// Words that end the name of a place, not of an actor.
const PLACE_HEADS: &[&str] = &[
    "city",
    "strip",
    "island",
    "islands",
    "river",
    "mountains",
    "mountain",
    "valley",
    "sea",
    "ocean",
    "province",
    "state",
    "street",
    "square",
    "bay",
    "gulf",
    "region",
    "coast",
    "desert",
    "lake",
    "airport",
    "hotel",
    "stadium",
    "bridge",
    "road",
    "avenue",
    "camp",
    "prison",
    "peninsula",
    "plateau",
    "county",
    "district",
    "territory",
    "territories",
    "canal",
    "place",
    "lane",
    "drive",
    "boulevard",
    "crescent",
    "terrace",
    "highway",
    "plaza",
    "quay",
    "wharf",
    "arena",
    "park",
];

/// Nouns of places, settlements and things that a name before them only modifies ("the Kolonnade shopping
/// centre", "the Hermansburg community", "the Solomons economy", "a Victorian boat"): such a name is no actor.
const PLACE_NOUNS_AFTER: &[&str] = &[
    "community",
    "communities",
    "economy",
    "shopping",
    "centre",
    "center",
    "mall",
    "school",
    "boat",
    "yacht",
    "ship",
    "vessel",
    "street",
    "streets",
    "road",
    "roads",
    "highway",
    "township",
    "town",
    "village",
    "suburb",
    "suburbs",
    "station",
    "airport",
    "beach",
    "park",
    "farm",
    "coast",
    "river",
    "valley",
    "region",
    "area",
    "border",
    "bridge",
    "hotel",
    "building",
    "complex",
    "camp",
    "dam",
    "mine",
    "island",
    "islands",
    "peninsula",
    "district",
];

/// Does a name ending before token `e` only modify a place or thing named by a lower-case noun after it,
/// directly or after a second name joined by "and" ("the intersection of Russell and Collins streets")?
fn modifies_a_place(w: &Words<'_>, e: usize) -> bool {
    let after = |k: usize| w.is_word(k) && !w.is_cap(k) && PLACE_NOUNS_AFTER.contains(&w.lower(k));
    after(e) || w.word(e) == "and" && w.is_cap(e + 1) && after(e + 2)
}

/// An actor being built.
#[derive(Clone, Debug)]
pub struct Draft {
    pub name: String,
    /// `name` in lower case, for matching mentions against it.
    lower: String,
    pub kind: ActorKind,
    pub role: Option<String>,
    pub country: Option<String>,
    pub evidence: Option<String>,
    pub mentions: Vec<Span>,
    /// Lower-case surname (persons), acronym or name key.
    pub key: String,
    /// Named by a title, honorific, gazetteer or several mentions: a real actor, not a guess.
    pub anchored: bool,
    /// Country from world knowledge (gazetteer) rather than the text.
    pub implicit_country: bool,
    /// From an honorific or title ("Mrs", "spokeswoman") or a pronoun already resolved to the person.
    pub gender: Option<Gender>,
    /// How sure the evidence that made this an actor of its kind is (0 to 1).
    pub confidence: f32,
    /// What decided it: "title + name", "tagger: person 0.93", "organization list".
    pub rule: String,
    /// A listed organization's fullest form as the text writes it ("AFP", "the United States Congress"): the
    /// name its card shows, while `name` (the list's name) keeps its mentions together.
    pub written: Option<String>,
}

/// The grammatical gender a person is referred to with, for resolving "he" and "she".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    /// The gender an honorific, title or pronoun marks, if any.
    pub fn of_word(lower: &str) -> Option<Self> {
        match lower {
            "mrs" | "ms" | "miss" | "madam" | "dame" | "lady" | "queen" | "princess" | "duchess" | "spokeswoman"
            | "chairwoman" | "congresswoman" | "businesswoman" | "she" | "her" | "sister" | "mother" | "baroness" => {
                Some(Self::Female)
            }
            "mr" | "sir" | "lord" | "king" | "prince" | "duke" | "spokesman" | "chairman" | "congressman"
            | "businessman" | "he" | "him" | "his" | "brother" | "father" | "baron" => Some(Self::Male),
            _ => None,
        }
    }
}

impl Draft {
    /// A new actor with one (or no) mention; `country` is (code, the words that say so).
    fn new(kind: ActorKind, name: &str, key: String, country: Option<(String, String)>, mention: Option<Span>) -> Self {
        let (country, evidence) = country.unzip();
        Self {
            name: name.to_owned(),
            lower: name.to_lowercase(),
            kind,
            role: None,
            country,
            evidence,
            mentions: mention.into_iter().collect(),
            key,
            anchored: true,
            implicit_country: false,
            gender: None,
            confidence: 0.9,
            rule: String::new(),
            written: None,
        }
    }
}

/// All actors of a text, with indexes so that finding an earlier actor costs the same in a 50 MB text
/// as in a short one.
#[derive(Default)]
pub struct Registry {
    pub drafts: Vec<Draft>,
    /// Drafts by every key they had (a renamed person keeps its old entry; lookups check the key).
    by_key: HashMap<String, Vec<usize>>,
    /// Drafts by their lower-case name.
    by_name: HashMap<String, Vec<usize>>,
    /// Drafts by each lower-case word of every name they had.
    by_word: HashMap<String, Vec<usize>>,
    /// Persons and organizations by each word of their name and role, built by [`Registry::index_roles`].
    by_role_word: HashMap<String, Vec<usize>>,
    /// Acronyms defined in parentheses (lower case) → the actor.
    aliases: HashMap<String, usize>,
    /// Organizations by the initials of their name's capitalised words (lower case, "cfmeu"): the first one.
    by_initials: HashMap<String, usize>,
}

/// How sure a name written with an initial before a surname is a person's.
const INITIAL_PERSON: f32 = 0.75;

/// How sure a name is a person's when an occupation before it or "who" after it describes it.
const DESCRIBED_PERSON: f32 = 0.8;

/// The word that describes the name `ns..ne` as a person's, if one does: an occupation or relation in lower
/// case right before it ("coach Fabio Rossi", "said broker Amir Khan") or "who" right after its comma
/// ("Lena Brandt, who ...").
fn described_person(w: &Words<'_>, ns: usize, ne: usize, sentence_first: usize) -> Option<usize> {
    let occupation = |k: usize| k >= sentence_first && !w.is_cap(k) && is_role_noun(w, k);
    let before = ns.checked_sub(1).filter(|&k| occupation(k));
    // "his colleague, Chen Long", "a local farmer, Jo Bright".
    let before_comma = ns.checked_sub(2).filter(|&k| w.word(k + 1) == "," && occupation(k));
    // Not a place inside an of-phrase ("Lord Roe of Worcester, who"), nor one word that only its place at
    // the start of the sentence capitalises ("Honestly, who cares?").
    let inside_of =
        ns.checked_sub(1).is_some_and(|k| k >= sentence_first && matches!(w.lower(k), "of" | "in" | "from"));
    let opener = ns == sentence_first && ne == ns + 1;
    let who = (w.word(ne) == "," && w.lower(ne + 1) == "who" && !inside_of && !opener).then_some(ne + 1);
    before.or(before_comma).or(who).or_else(|| apposed_occupation(w, ne))
}

/// "Lena Brandt, a lawyer,", "Ravi Nair, the Delhi-born actor who …": the occupation of an apposition that
/// opens with an article right after the name `…ne`, ended by a comma, a full stop, "who" or a preposition.
fn apposed_occupation(w: &Words<'_>, ne: usize) -> Option<usize> {
    if w.word(ne) != "," || !matches!(w.lower(ne + 1), "a" | "an" | "the") {
        return None;
    }
    let head = (ne + 2..ne + 7).find(|&k| !w.is_word(k) || is_role_noun(w, k) && !w.is_cap(k))?;
    let closes = !w.is_word(head + 1) || matches!(w.lower(head + 1), "who" | "of" | "for" | "at" | "with" | "from");
    (w.is_word(head) && closes).then_some(head)
}

/// Is token `i` a person's initial inside a name: one capital letter, its full stop written against it, and
/// a capitalised word after it ("W. Athey", "George W. Bush")?
fn is_initial(w: &Words<'_>, i: usize) -> bool {
    let mut letters = w.word(i).chars();
    letters.next().is_some_and(char::is_uppercase)
        && letters.next().is_none()
        && w.word(i + 1) == "."
        && w.tokens.get(i + 1).is_some_and(|dot| dot.start == w.tokens[i].end)
        && w.is_cap(i + 2)
        && w.is_word(i + 2)
}

/// The initials of a name's capitalised words, in lower case ("Construction Forestry Mining and Energy
/// Union" → "cfmeu"), or `None` for fewer than two.
fn initials(name: &str) -> Option<String> {
    let letters: String = name
        .split_whitespace()
        .filter_map(|word| word.chars().next().filter(|c| c.is_uppercase()))
        .flat_map(char::to_lowercase)
        .collect();
    (letters.chars().count() >= 2).then_some(letters)
}

/// Appends `i` to the list of `key` (lists stay in ascending order, without repeats).
fn index(map: &mut HashMap<String, Vec<usize>>, key: &str, i: usize) {
    let list = map.entry(key.to_owned()).or_default();
    if list.last() != Some(&i) {
        list.push(i);
    }
}

/// What a phrase of the text refers to.
#[derive(Clone, Debug, PartialEq)]
pub enum Referent {
    Actor(usize),
    /// A role with no name ("the President"): its head word, words and country.
    Role {
        words: Vec<String>,
        country: Option<String>,
        body: bool,
    },
    /// A name that is not an actor: a place that is not a country ("Gaza City"), an event, or a capitalised
    /// phrase with no evidence of being a person ("Two residents").
    Place,
    /// A country mentioned as a place or name (not yet an actor).
    Country {
        code: String,
        form: CountryForm,
    },
}

/// A phrase found by the scanner: tokens `start..end` and what it refers to.
#[derive(Clone, Debug)]
pub struct Phrase {
    pub start: usize,
    pub end: usize,
    pub referent: Referent,
}

impl Registry {
    /// A person: merged with an earlier person of the same surname.
    pub fn person(
        &mut self,
        name: &[&str],
        role: Option<String>,
        country: Option<(String, String)>,
        span: Span,
        anchored: bool,
    ) -> usize {
        let surname = name.last().map(|s| s.to_lowercase()).unwrap_or_default();
        let first = name.first().map(|s| s.to_lowercase()).unwrap_or_default();
        let full = name.join(" ");
        let joined = full.to_lowercase();
        // "Mr Jamal Sadiq" ends with " sadiq" and "sadiq" ends "jamal sadiq": one ends the other at a space.
        let ends_at_space = |long: &str, short: &str| {
            long.len() > short.len()
                && long.ends_with(short)
                && long.as_bytes().get(long.len() - short.len() - 1) == Some(&b' ')
        };
        // Every way of matching below needs the surname among the draft's name words.
        let candidates = self.by_word.get(&surname).map_or(&[][..], Vec::as_slice);
        let found = candidates.iter().rev().copied().find(|&i| {
            let d = &self.drafts[i];
            d.kind == ActorKind::Person && {
                let d_lower = d.lower.as_str();
                let d_first = d_lower.split_whitespace().next().unwrap_or("");
                d.key == surname && (name.len() == 1 || d_lower.split_whitespace().count() == 1 || d_first == first)
                    || ends_at_space(d_lower, &joined)
                    || ends_at_space(&joined, d_lower)
                    || name.len() == 1 && d_lower.split_whitespace().any(|w| w == surname)
            }
        });
        match found {
            Some(i) => {
                if full.len() > self.drafts[i].name.len() && name.len() > 1 {
                    self.index_names(i, &joined, &surname);
                    let d = &mut self.drafts[i];
                    d.name = full;
                    d.lower = joined;
                    d.key = surname;
                }
                let d = &mut self.drafts[i];
                fill(d, role, country);
                d.mentions.push(span);
                d.anchored |= anchored || d.mentions.len() > 1 && d.confidence >= 0.5;
                i
            }
            None => {
                self.add(Draft { role, anchored, ..Draft::new(ActorKind::Person, &full, surname, country, Some(span)) })
            }
        }
    }

    /// An organization, merged by name, acronym or first word ("Amnesty" → "Amnesty International").
    pub fn organization(&mut self, name: &str, country: Option<(String, String)>, implicit: bool, span: Span) -> usize {
        let key = org_key(name);
        let by_key = self.by_key.get(&key).into_iter().flatten();
        let by_name = self.by_name.get(&name.to_lowercase()).into_iter().flatten();
        let found = by_key.chain(by_name).copied().filter(|&i| {
            let d = &self.drafts[i];
            d.kind == ActorKind::Organization && (d.key == key || d.name.eq_ignore_ascii_case(name))
        });
        let found = found.min();
        match found {
            Some(i) => {
                let d = &mut self.drafts[i];
                fill(d, None, country);
                d.mentions.push(span);
                i
            }
            None => {
                // "the Transport Safety Bureau" after "the Australian Transport Safety Bureau": the end of an
                // earlier organization's name, two words or more, is that organization.
                if let Some(i) = self.organization_ending(&key) {
                    let d = &mut self.drafts[i];
                    fill(d, None, country);
                    d.mentions.push(span);
                    return i;
                }
                // "the Australian Transport Safety Bureau" after "the Transport Safety Bureau": the fuller name
                // of an earlier organization, which takes it.
                if let Some(i) = self.organization_ended_by(&key) {
                    self.index_names(i, &key, &key);
                    let d = &mut self.drafts[i];
                    d.name = name.to_owned();
                    d.lower.clone_from(&key);
                    d.key.clone_from(&key);
                    fill(d, None, country);
                    d.mentions.push(span);
                    return i;
                }
                let i = self.add(Draft {
                    implicit_country: implicit,
                    ..Draft::new(ActorKind::Organization, name, key, country, Some(span))
                });
                if let Some(letters) = initials(name) {
                    self.by_initials.entry(letters).or_insert(i);
                }
                i
            }
        }
    }

    /// The organization an acronym not defined in the text stands for, by the initials of its name: "CFMEU"
    /// after "Construction Forestry Mining and Energy Union".
    pub fn organization_by_initials(&self, acronym: &str) -> Option<usize> {
        let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
        self.by_initials.get(&letters).copied()
    }

    /// The first organization whose name ends with `lower`, a name of two words or more, at a word boundary.
    fn organization_ending(&self, lower: &str) -> Option<usize> {
        let last = lower.split_whitespace().next_back()?;
        if !lower.contains(' ') {
            return None;
        }
        let list = self.by_word.get(last)?;
        list.iter().copied().find(|&i| {
            let d = &self.drafts[i];
            d.kind == ActorKind::Organization
                && d.lower.len() > lower.len()
                && d.lower.ends_with(lower)
                && d.lower.as_bytes().get(d.lower.len() - lower.len() - 1) == Some(&b' ')
        })
    }

    /// The first organization whose name, two words or more, ends `lower` at a word boundary.
    fn organization_ended_by(&self, lower: &str) -> Option<usize> {
        let last = lower.split_whitespace().next_back()?;
        let list = self.by_word.get(last)?;
        list.iter().copied().find(|&i| {
            let d = &self.drafts[i];
            d.kind == ActorKind::Organization
                && d.lower.contains(' ')
                && lower.len() > d.lower.len()
                && lower.ends_with(d.lower.as_str())
                && lower.as_bytes().get(lower.len() - d.lower.len() - 1) == Some(&b' ')
        })
    }

    /// The organization named `lower` (its whole name, in lower case), if one is.
    pub fn organization_named(&self, lower: &str) -> Option<usize> {
        let list = self.by_name.get(lower)?;
        list.iter().copied().find(|&i| self.drafts[i].kind == ActorKind::Organization && self.drafts[i].lower == lower)
    }

    /// The latest organization of two words or more whose name ends with the word `lower`: "the Alliance"
    /// after "the Northern Alliance".
    pub fn organization_by_last_word(&self, lower: &str) -> Option<usize> {
        let list = self.by_word.get(lower)?;
        list.iter().rev().copied().find(|&i| {
            let d = &self.drafts[i];
            let mut words = d.lower.split_whitespace();
            d.kind == ActorKind::Organization && words.next_back() == Some(lower) && words.next().is_some()
        })
    }

    /// Records what made draft `a` an actor, when it is surer than what did before.
    pub fn decide(&mut self, a: usize, confidence: f32, rule: String) {
        if let Some(d) = self.drafts.get_mut(a) {
            if d.rule.is_empty() || confidence > d.confidence {
                d.confidence = confidence;
                d.rule = rule;
            }
        }
    }

    /// Adds an alias key (an acronym defined in parentheses) to an actor.
    pub fn alias(&mut self, actor: usize, alias: &str, span: Span) {
        if let Some(d) = self.drafts.get_mut(actor) {
            d.mentions.push(span);
        }
        let key = format!("alias:{}:{actor}", alias.to_lowercase());
        self.aliases.entry(alias.to_lowercase()).or_insert(actor);
        self.add(Draft { anchored: false, ..Draft::new(ActorKind::Organization, alias, key, None, None) });
    }

    /// The actor an acronym was defined for.
    pub fn aliased(&self, alias: &str) -> Option<usize> {
        self.aliases.get(&alias.to_lowercase()).copied()
    }

    /// A country acting or speaking, named as the lexicon names it.
    pub fn country(&mut self, code: &str, span: Span) -> usize {
        let key = format!("country:{code}");
        let name = crate::lexicon::country_label(code);
        let country = Some((code.to_owned(), name.clone()));
        self.mention_or_add(span, Draft::new(ActorKind::Country, &name, key, country, Some(span)))
    }

    /// An unnamed source, merged with the same phrase ("Officials" and "officials").
    pub fn anonymous(&mut self, phrase: &str, country: Option<(String, String)>, span: Span) -> usize {
        let key = format!(
            "anon:{}",
            phrase.to_lowercase().trim_start_matches("the ").trim_start_matches("a ").trim_start_matches("an ")
        );
        self.mention_or_add(span, Draft::new(ActorKind::Anonymous, phrase, key, country, Some(span)))
    }

    fn add(&mut self, draft: Draft) -> usize {
        let i = self.drafts.len();
        let (lower, key) = (draft.lower.clone(), draft.key.clone());
        self.drafts.push(draft);
        self.index_names(i, &lower, &key);
        i
    }

    /// Indexes draft `i` under a (new) lower-case name and key.
    fn index_names(&mut self, i: usize, lower: &str, key: &str) {
        index(&mut self.by_key, key, i);
        index(&mut self.by_name, lower, i);
        for word in lower.split_whitespace() {
            index(&mut self.by_word, word, i);
        }
    }

    /// The latest person whose key (lower-case surname) is `key`.
    pub fn person_by_key(&self, key: &str) -> Option<usize> {
        let list = self.by_key.get(key)?;
        list.iter().rev().copied().find(|&i| self.drafts[i].kind == ActorKind::Person && self.drafts[i].key == key)
    }

    /// The one person named in full whose given name is the word `lower` ("Jansher" for "Jansher Khan"), if
    /// no other actor has that word in its name.
    pub fn person_by_given_name(&self, lower: &str) -> Option<usize> {
        let list = self.by_word.get(lower)?;
        let mut found = None;
        for &i in list {
            let d = &self.drafts[i];
            let mut words = d.lower.split_whitespace();
            let given = d.kind == ActorKind::Person && words.next() == Some(lower) && words.next().is_some();
            match found {
                None if given => found = Some(i),
                Some(f) if f == i => {}
                _ => return None,
            }
        }
        found
    }

    /// The first organization whose name starts with the word `lower` ("Amnesty").
    pub fn organization_by_first_word(&self, lower: &str) -> Option<usize> {
        let list = self.by_word.get(lower)?;
        list.iter().copied().find(|&i| {
            let d = &self.drafts[i];
            d.kind == ActorKind::Organization
                && d.name.split_whitespace().next().is_some_and(|f| f.eq_ignore_ascii_case(lower))
        })
    }

    /// Indexes persons and organizations by the words of their names and roles, once the roles are known
    /// (after the name pass), for [`Registry::by_role`].
    pub fn index_roles(&mut self) {
        self.by_role_word.clear();
        for (i, d) in self.drafts.iter().enumerate() {
            if !matches!(d.kind, ActorKind::Person | ActorKind::Organization) {
                continue;
            }
            let hay = format!("{} {}", d.role.as_deref().unwrap_or(""), d.name).to_lowercase();
            for word in hay.split_whitespace() {
                index(&mut self.by_role_word, word, i);
            }
        }
    }

    /// Adds `span` to the actor with the draft's key, or adds the draft when there is none.
    fn mention_or_add(&mut self, span: Span, draft: Draft) -> usize {
        let existing = self.by_key.get(&draft.key).into_iter().flatten().copied();
        match existing.filter(|&i| self.drafts[i].key == draft.key).min() {
            Some(i) => {
                self.drafts[i].mentions.push(span);
                i
            }
            None => self.add(draft),
        }
    }

    /// The most recent person or organization whose role or name has all of `words` and, when given, the
    /// country: "the Iranian Foreign Minister", "the ministry".
    pub fn by_role(&self, words: &[String], country: Option<&str>, before: usize) -> Option<usize> {
        let head = words.last()?;
        let candidates = self.by_role_word.get(head.as_str())?;
        candidates
            .iter()
            .map(|&i| (i, &self.drafts[i]))
            .filter(|(_, d)| d.mentions.first().is_some_and(|m| m.start < before))
            .filter(|(_, d)| matches!(d.kind, ActorKind::Person | ActorKind::Organization))
            .filter(|(_, d)| country.is_none() || d.country.as_deref() == country)
            .filter(|(_, d)| {
                let hay = format!("{} {}", d.role.as_deref().unwrap_or(""), d.name).to_lowercase();
                let hay: Vec<&str> = hay.split_whitespace().collect();
                hay.contains(&head.as_str())
                    && words.iter().filter(|w| hay.contains(&w.as_str())).count() * 2 >= words.len()
            })
            .max_by_key(|(_, d)| d.mentions.iter().filter(|m| m.start < before).map(|m| m.start).max())
            .map(|(i, _)| i)
    }
}

fn fill(d: &mut Draft, role: Option<String>, country: Option<(String, String)>) {
    if d.role.is_none() {
        d.role = role;
    }
    if let Some((c, e)) = country {
        if d.country.is_none() || d.implicit_country {
            d.country = Some(c);
            d.evidence = Some(e);
            d.implicit_country = false;
        }
    }
}

fn org_key(name: &str) -> String {
    name.to_lowercase().trim_start_matches("the ").to_owned()
}

/// A country written at the start of a phrase ("Afghanistan's", "Indian"): which country, in what form, and
/// its tokens `start..end`.
#[derive(Clone, Copy, Debug)]
struct CountryWords {
    country: usize,
    form: CountryForm,
    start: usize,
    end: usize,
}

/// A listed organization written in a phrase: its entry in the lexicon and its tokens `start..end`.
#[derive(Clone, Copy, Debug)]
struct OrgWords {
    org: usize,
    start: usize,
    end: usize,
}

/// Scans tokens `first..end` for a name phrase starting at `i`. Returns the phrase, or `None` when no
/// actor, role or country phrase starts there.
pub fn phrase_at(
    w: &Words<'_>,
    t: &Tagged,
    reg: &mut Registry,
    i: usize,
    sentence_first: usize,
    end: usize,
) -> Option<Phrase> {
    if let Some(p) = tagged_organization(w, t, reg, i, end) {
        return Some(p);
    }
    // Units of the phrase.
    let mut j = i;
    let mut country: Option<CountryWords> = None;
    let mut org: Option<OrgWords> = None;
    let mut title_tokens: Vec<usize> = Vec::new();
    let mut honorific = false;
    let mut gender: Option<Gender> = None;
    let mut name_start: Option<usize> = None;
    while j < end {
        if name_start.is_none() {
            if let Some((c, form, e)) = w.country_at(j) {
                if country.is_none() || title_tokens.is_empty() {
                    country = Some(CountryWords { country: c, form, start: j, end: e });
                    j = e;
                    if w.kind(j) == Some(Kind::Possessive) {
                        j += 1;
                    }
                    continue;
                }
            }
            if let Some(super::words::Hit { entry: Entry::Organization(o), end: e, .. }) = w.hit_at(j) {
                org = Some(OrgWords { org: o, start: j, end: e });
                j = e;
                if w.kind(j) == Some(Kind::Possessive) {
                    j += 1;
                    continue;
                }
                break;
            }
            if w.is_honorific(j) {
                honorific = true;
                gender = gender.or(Gender::of_word(w.lower(j)));
                if w.title(j).is_some() {
                    title_tokens.push(j);
                }
                j += 1;
                if w.word(j) == "." {
                    j += 1;
                }
                continue;
            }
            // "general" in lower case is an adjective ("the general election"), not a rank.
            if w.title(j).is_some() && (w.is_cap(j) || w.lower(j) != "general") {
                title_tokens.push(j);
                j += 1;
                continue;
            }
        }
        let mid_common = j != sentence_first
            && w.is_common(j)
            && w.word(j).len() > 3
            && !matches!(
                w.lower(j),
                "this"
                    | "that"
                    | "these"
                    | "those"
                    | "their"
                    | "with"
                    | "from"
                    | "when"
                    | "while"
                    | "what"
                    | "which"
                    | "where"
                    | "after"
                    | "before"
            )
            && w.is_cap(j + 1)
            && !w.is_common(j + 1);
        // "the Federal Court", "the Transport Safety Bureau": capitalised common words up to an organization
        // word, inside a sentence, are an organization's name.
        let common_org = name_start.is_none()
            && j != sentence_first
            && w.is_cap(j)
            && w.is_common(j)
            && w.title(j).is_none()
            && (j..(j + 4).min(end)).take_while(|&k| w.is_cap(k) && w.title(k).is_none() && w.hit_of(k).is_none()).any(
                |k| {
                    // One word alone only after capitalised modifiers of an office ("the Federal Court").
                    (k > j || title_tokens.last().is_some_and(|&l| l + 1 == j))
                        && ORG_HEADS.contains(&w.lower(k))
                        && !GENERIC_HEADS.contains(&w.lower(k))
                },
            );
        let cap_name_word = w.is_cap(j)
            && (!w.is_common(j) || mid_common || common_org)
            && w.hit_of(j).is_none()
            && !(w.is_source_noun(j)
                && name_start.is_none()
                && !w.is_cap(j + 1)
                && !common_org
                && !title_tokens.last().is_some_and(|&l| l + 1 == j && w.title(l) == Some(TitleWord::Modifier)));
        let initial = is_initial(w, j);
        // "I. Austin": an initial before a name, even one that is also a common word ("I", "A").
        let initial_before_name = initial && !w.is_common(j + 2);
        if cap_name_word || initial_before_name || (name_start.is_some() && w.is_cap(j) && w.title(j).is_none()) {
            name_start.get_or_insert(j);
            // "George W. Bush", "W. Athey": an initial's full stop stays inside the name.
            j += if initial { 2 } else { 1 };
            continue;
        }
        // A country or organization word inside a name: "Tehreek-e-Taliban Pakistan".
        if name_start.is_some() && w.is_cap(j) && w.hit_at(j).is_some() {
            j = w.hit_at(j).map_or(j + 1, |h| h.end);
            continue;
        }
        // "Marius duPlessis": a surname with its particle attached.
        if name_start.is_some() && w.is_word(j) && !w.is_cap(j) && is_attached_particle_name(w.word(j)) {
            j += 1;
            continue;
        }
        if name_start.is_some()
            && PARTICLES.contains(&w.lower(j))
            && w.is_word(j)
            && !w.is_cap(j)
            && (w.is_cap(j + 1) && w.title(j + 1).is_none())
        {
            j += 1;
            continue;
        }
        // "Association for Regional Cooperation", "Ministry of Defence", "Commission into the Building
        // Industry".
        if name_start.is_some() && ORG_JOINS.contains(&w.word(j)) && ORG_HEADS.contains(&w.lower(j - 1)) {
            // "the Bureau on Monday", "the Commission in March": a date is no part of the name.
            if w.is_cap(j + 1) && !lexicon::is_date_word(w.lower(j + 1)) {
                j += 1;
                continue;
            }
            if w.word(j + 1) == "the" && w.is_cap(j + 2) && w.title(j + 2).is_none() {
                j += 2;
                continue;
            }
        }
        // "Securities and Investment Commission": capitalised words joined by "and" up to an organization word.
        if name_start.is_some() && w.word(j) == "and" && w.is_cap(j + 1) {
            let head =
                (j + 1..(j + 5).min(end)).take_while(|&k| w.is_cap(k)).find(|&k| ORG_HEADS.contains(&w.lower(k)));
            if head.is_some() {
                j += 1;
                continue;
            }
        }
        break;
    }
    if j == i {
        return None;
    }
    let text = w.text;
    let span_of = |a: usize, b: usize| Span::new(w.tokens[a].start, w.tokens[b - 1].end);
    let country_of =
        |c: &CountryWords| (w.country_code(c.country).to_owned(), span_of(c.start, c.end).text(text).to_owned());
    // A name: a person, or an organization when an organization word ends it.
    if let Some(ns) = name_start {
        let mut ne = j;
        while ne > ns && !w.is_word(ne - 1) {
            ne -= 1;
        }
        // "Jane Roe QC", "John Roe MP": letters after a name are no part of it.
        let words_in = |a: usize, b: usize| (a..b).filter(|&k| w.is_word(k)).count();
        while words_in(ns, ne) > 2 && POST_NOMINALS.contains(&w.word(ne - 1)) {
            ne -= 1;
            while ne > ns && !w.is_word(ne - 1) {
                ne -= 1;
            }
        }
        // "Radio", "Group": an organization word alone names no organization.
        if ne == ns + 1 && !honorific && title_tokens.is_empty() && GENERIC_HEADS.contains(&w.lower(ns)) {
            return Some(Phrase { start: i, end: j, referent: Referent::Place });
        }
        // "Culture Secretary Jane Roe", "MSP Jane Roe": an office written in capitals before the name is
        // its role, not part of it.
        let lead = leading_role(w, ns, ne);
        let role_from = title_tokens.first().copied().unwrap_or(ns).min(ns);
        let ns = lead.map_or(ns, |(_, name)| name);
        // An initial keeps its full stop: "George W. Bush".
        let words: Vec<&str> = (ns..ne)
            .filter(|&k| w.is_word(k))
            .map(|k| if is_initial(w, k) { span_of(k, k + 2).text(w.text) } else { w.word(k) })
            .collect();
        let last_lower = w.lower(ne - 1).to_owned();
        let span = span_of(ns, ne);
        let role = match lead {
            Some((head, _)) => Some(span_of(role_from, head + 1).text(text).to_owned()),
            None => role_text(w, &title_tokens),
        };
        let cty = country.as_ref().map(country_of);
        if matches!(last_lower.as_str(), "government" | "administration") && ne == ns + 1 {
            if let Some(c) = country {
                return Some(Phrase {
                    start: i,
                    end: j,
                    referent: Referent::Country { code: w.country_code(c.country).to_owned(), form: CountryForm::Name },
                });
            }
        }
        let reading = t.reading(ns, ne);
        // "PARIS" in a dateline or "TALKS" in a headline is no acronym; neither is a name the tagger types
        // as a person, place or other.
        let acronym = is_acronym(w.word(ns))
            && ne == ns + 1
            && match reading.kind {
                Some(EntityType::Organization) => true,
                Some(_) => false,
                None => !t.is_headline(ns),
            };
        // "GMT", "TV", "DNA": capitals that name no organization.
        if ne == ns + 1 && common_acronyms().contains(w.word(ns)) && reg.aliased(w.word(ns)).is_none() {
            return Some(Phrase { start: i, end: j, referent: Referent::Place });
        }
        // An organization word that ends the name, or that a joining word follows ("Bank of England",
        // "Commission into the Building Industry": the scanner joins those words only after one).
        let joined_head = (ns..ne.saturating_sub(1))
            .find(|&k| ORG_HEADS.contains(&w.lower(k)) && ORG_JOINS.contains(&w.word(k + 1)))
            .map(|k| w.lower(k).to_owned());
        let org_word = ORG_HEADS.contains(&last_lower.as_str()) || joined_head.is_some();
        if org_word || acronym {
            // An acronym defined in parentheses or made of an earlier name's initials, or an organization
            // word alone that ends an earlier name ("the Alliance"), refers back to that organization.
            let bare = !honorific && title_tokens.is_empty() && country.is_none();
            let earlier =
                reg.aliased(w.word(ns)).filter(|_| ne == ns + 1).or_else(|| match (ne == ns + 1 && bare, acronym) {
                    (false, _) => None,
                    (true, true) => reg.organization_by_initials(w.word(ns)),
                    (true, false) => reg.organization_by_last_word(&last_lower),
                });
            if let Some(a) = earlier {
                reg.drafts[a].mentions.push(span);
                return Some(Phrase { start: i, end: j, referent: Referent::Actor(a) });
            }
            // "the Transport Safety Bureau", "the Federal Court": capitalised modifiers of an office right
            // before an organization word are part of its name.
            let modifiers = org_word
                && lead.is_none()
                && !honorific
                && title_tokens.last().is_some_and(|&l| l + 1 == ns)
                && title_tokens.windows(2).all(|p| p[0] + 1 == p[1])
                && title_tokens.iter().all(|&k| {
                    w.is_cap(k) && w.title(k) == Some(TitleWord::Modifier) && !RANK_MODIFIERS.contains(&w.lower(k))
                });
            let ns = if modifiers { title_tokens[0] } else { ns };
            let span = span_of(ns, ne);
            let name = span.text(text).to_owned();
            let start = if country.is_some_and(|c| c.end == ns || c.end + 1 == ns) { i } else { ns };
            let name = match country.filter(|_| start == i) {
                // "the Indian Parliament" as written; "Afghanistan's Defence Ministry" → "Afghanistan Defence Ministry".
                Some(c) if c.form == CountryForm::Adjective => format!("{} {name}", span_of(c.start, c.end).text(text)),
                Some(c) => format!("{} {name}", w.lex.countries[c.country].name),
                None => name,
            };
            let a = reg.organization(&name, cty, false, span);
            if org_word {
                let head = joined_head.as_deref().filter(|_| !ORG_HEADS.contains(&last_lower.as_str()));
                reg.decide(a, ORG_WORD_CONFIDENCE, format!("organization word '{}'", head.unwrap_or(&last_lower)));
            } else {
                reg.decide(a, 0.7, "acronym".to_owned());
            }
            return Some(Phrase { start: i, end: j, referent: Referent::Actor(a) });
        }
        // A single unknown capitalised word: a surname already met, or an organization's first word.
        if words.len() == 1 && !honorific && title_tokens.is_empty() {
            let lower = words[0].to_lowercase();
            if let Some(a) = reg.person_by_key(&lower) {
                reg.drafts[a].mentions.push(span);
                return Some(Phrase { start: i, end: j, referent: Referent::Actor(a) });
            }
            if let Some(a) = reg.organization_by_first_word(&lower) {
                reg.drafts[a].mentions.push(span);
                return Some(Phrase { start: i, end: j, referent: Referent::Actor(a) });
            }
            // "Jansher Khan … Jansher said": a given name alone, rare in the census lists (not "John"), that
            // begins the name of exactly one person met before.
            if t.flags(ns) & features::FIRST_COMMON == 0 && !t.is_headline(ns) {
                if let Some(a) = reg.person_by_given_name(&lower) {
                    reg.drafts[a].mentions.push(span);
                    return Some(Phrase { start: i, end: j, referent: Referent::Actor(a) });
                }
            }
        }
        if PLACE_HEADS.contains(&last_lower.as_str()) && !honorific {
            return Some(Phrase { start: i, end: j, referent: Referent::Place });
        }
        // A person needs evidence: a title or honorific, the tagger, or a known first name.
        let first_flags = t.flags(ns);
        let first_name = words.len() > 1 && first_flags & (features::FIRST | features::WORLD_FIRST) != 0;
        // A common census first name that is no common word ("Sunday" is both), before another name.
        let known_first = words.len() >= 2
            && first_flags & (features::FIRST_COMMON | features::WORLD_FIRST) != 0
            && first_flags & features::COMMON == 0
            && w.is_cap(ns + 1);
        // "Osama bin Laden", "Marius duPlessis": a particle inside the name marks a person's name.
        let particle = (ns + 1..ne).find(|&k| {
            w.is_word(k)
                && !w.is_cap(k)
                && (PERSON_PARTICLES.contains(&w.lower(k)) && k + 1 < ne || is_attached_particle_name(w.word(k)))
        });
        // Only a name the tagger alone supports can be a place's modifier: "Sydney Airport" named by its
        // own words or a titled person are not.
        if lead.is_none() && !honorific && title_tokens.is_empty() && modifies_a_place(w, ne) {
            return Some(Phrase { start: i, end: j, referent: Referent::Place });
        }
        // An organization's name met again ("retailer Acme Stores … an officer of Acme Stores").
        if lead.is_none() && !honorific && title_tokens.is_empty() {
            if let Some(a) = reg.organization_named(&span.text(text).to_lowercase()) {
                reg.drafts[a].mentions.push(span);
                return Some(Phrase { start: i, end: j, referent: Referent::Actor(a) });
            }
        }
        // "AMWU Tasmanian secretary Jo Bright": a name before a role noun in lower case and another name
        // modifies the role and is no person. An acronym of an earlier organization that opens it is that
        // organization.
        let bare = lead.is_none() && !honorific && title_tokens.is_empty();
        if bare && words.len() > 1 && is_role_noun(w, ne) && !w.is_cap(ne) && w.is_cap(ne + 1) {
            let first = w.word(ns);
            let org =
                reg.aliased(first).or_else(|| is_acronym(first).then(|| reg.organization_by_initials(first)).flatten());
            if let Some(a) = org {
                reg.drafts[a].mentions.push(span_of(ns, ns + 1));
                return Some(Phrase { start: i, end: j, referent: Referent::Actor(a) });
            }
            if reading.kind != Some(EntityType::Organization) {
                return Some(Phrase { start: i, end: j, referent: Referent::Place });
            }
        }
        // "retailer Acme Stores", "carrier Skyline": a noun that names a kind of organization (and no
        // occupation) before a name the rules would take for a person's makes it an organization.
        let kind_noun = ns.checked_sub(1).filter(|&k| k >= sentence_first && is_org_noun(w, k) && !is_role_noun(w, k));
        if let Some(k) = kind_noun.filter(|_| lead.is_none() && !honorific && title_tokens.is_empty() && i == ns) {
            if reading.kind.is_none_or(|kind| kind == EntityType::Person || reading.prob < 0.6) {
                let a = reg.organization(span.text(text), cty, false, span);
                reg.decide(a, KIND_NOUN_ORGANIZATION, format!("kind noun '{}' + name", w.word(k)));
                return Some(Phrase { start: i, end: j, referent: Referent::Actor(a) });
            }
        }
        // Evidence around a name outweighs the tagger unless it surely reads another type; in a headline only
        // the tagger decides.
        let open_to_person =
            !t.is_headline(ns) && (matches!(reading.kind, Some(EntityType::Person) | None) || reading.prob < 0.6);
        let (confidence, rule) = if lead.is_some() {
            (0.9, "role + name".to_owned())
        } else if honorific {
            (0.9, "honorific + name".to_owned())
        } else if !title_tokens.is_empty() {
            (0.9, "title + name".to_owned())
        } else if is_initial(w, ns) && words.len() > 1 && open_to_person {
            // "W. Athey", "J. R. Smith": initials before a surname write a person's name.
            (INITIAL_PERSON.max(reading.prob), "initial + name".to_owned())
        } else if let Some(k) = described_person(w, ns, ne, sentence_first).filter(|_| open_to_person) {
            (DESCRIBED_PERSON.max(reading.prob), format!("name described as a person ('{}')", w.word(k)))
        } else {
            match reading.kind {
                // In a headline only a sure reading makes a person.
                Some(EntityType::Person) if t.is_headline(ns) && reading.prob < 0.8 => {
                    return Some(Phrase { start: i, end: j, referent: Referent::Place });
                }
                // A particle outweighs a weak reading of another type ("Pieter vanRensburg" read as other).
                _ if particle.is_some() && open_to_person => {
                    let p = reading.prob.max(PARTICLE_PERSON);
                    (p, format!("name with the particle '{}'", w.word(particle.unwrap_or(ns))))
                }
                // A weak reading alone (below 0.6) is not enough to make a person: "Kashmiris", "Human".
                Some(EntityType::Person) => {
                    let p = if first_name {
                        (reading.prob + 1.0) / 2.0
                    } else if reading.prob < 0.6 {
                        reading.prob * 0.8
                    } else {
                        reading.prob
                    };
                    (p, format!("tagger: person {:.2}", reading.prob))
                }
                // A census first name before another name outweighs a weak other reading: "Ross Perot".
                Some(_) if known_first && reading.prob < 0.6 && !t.is_headline(ns) => {
                    (0.6, "known first name".to_owned())
                }
                Some(EntityType::Organization) => {
                    // The tagger's organization may start at a place or country word: "Manchester United".
                    let from = match country {
                        Some(c) if c.end == ns && t.reading(c.start, c.end).kind == Some(EntityType::Organization) => {
                            c.start
                        }
                        _ => ns,
                    };
                    let whole = span_of(from, ne);
                    let a = reg.organization(whole.text(text), cty, false, whole);
                    reg.decide(a, reading.prob, format!("tagger: organization {:.2}", reading.prob));
                    return Some(Phrase { start: i, end: j, referent: Referent::Actor(a) });
                }
                Some(EntityType::Place | EntityType::Other) => {
                    return Some(Phrase { start: i, end: j, referent: Referent::Place });
                }
                None if first_name => (0.6, "known first name".to_owned()),
                // A census surname the tagger did not read as a name: a person only if it speaks.
                None if (ns..ne).any(|k| t.flags(k) & features::LAST != 0) => {
                    (0.4, "census surname, no tagger support".to_owned())
                }
                // A capitalised phrase with no evidence at all ("Two residents", "Pacific Solution", a
                // headline) is not an actor.
                None => return Some(Phrase { start: i, end: j, referent: Referent::Place }),
            }
        };
        let anchored = confidence >= 0.5;
        let gender = gender.or_else(|| title_tokens.iter().find_map(|&t| Gender::of_word(w.lower(t)))).or(
            match first_flags & (features::MALE | features::FEMALE) {
                features::MALE if words.len() > 1 => Some(Gender::Male),
                features::FEMALE if words.len() > 1 => Some(Gender::Female),
                _ => None,
            },
        );
        let a = reg.person(&words, role, cty, span, anchored);
        reg.decide(a, confidence, rule);
        if reg.drafts[a].gender.is_none() {
            reg.drafts[a].gender = gender;
        }
        return Some(Phrase { start: i, end: j, referent: Referent::Actor(a) });
    }
    if let Some(OrgWords { org: o, start: s, end: e }) = org {
        let entry = &w.lex.organizations[o];
        let implicit = entry.country.clone().map(|c| (c.clone(), entry.name.clone()));
        let explicit = country.as_ref().map(country_of);
        let a = reg.organization(&entry.name, explicit.clone().or(implicit), explicit.is_none(), span_of(s, e));
        reg.decide(a, 0.95, "organization list".to_owned());
        // The card is named as the text names it at its fullest ("AFP" in a text that says only "AFP").
        let written = span_of(s, e).text(text);
        let d = &mut reg.drafts[a];
        if written.starts_with(char::is_uppercase) && d.written.as_ref().is_none_or(|x| x.len() < written.len()) {
            d.written = Some(written.to_owned());
        }
        return Some(Phrase { start: i, end: j, referent: Referent::Actor(a) });
    }
    if let Some(&last) = title_tokens.last() {
        if last + 1 == j || w.kind(j - 1) != Some(Kind::Word) {
            let words: Vec<String> = title_tokens.iter().map(|&k| w.lower(k).to_owned()).collect();
            let body = w.title(last) == Some(TitleWord::Body) || ORG_HEADS.contains(&w.lower(last));
            let cty = country.as_ref().map(country_of);
            // "the Russian Foreign Ministry", "the Indian parliament", "Pakistan's military intelligence": a body
            // tied to a country is an organization.
            let first = title_tokens[0];
            let next_to_country = country.is_some_and(|c| c.end == first || c.end + 1 == first);
            if body && (w.is_cap(last) || next_to_country) {
                // "the Israeli Government" is the country acting.
                if title_tokens.len() == 1 && matches!(w.lower(last), "government" | "administration") {
                    if let Some(c) = country {
                        let code = w.country_code(c.country).to_owned();
                        return Some(Phrase {
                            start: i,
                            end: j,
                            referent: Referent::Country { code, form: CountryForm::Name },
                        });
                    }
                }
                if let Some((code, evidence)) = cty.clone() {
                    let cname = w.lex.country(&code).map_or(code.clone(), |c| c.name.clone());
                    let body_words = title_case(span_of(first, last + 1).text(text));
                    let name = format!("{cname} {body_words}");
                    let adjective = match country {
                        Some(c) => format!("{} {body_words}", span_of(c.start, c.end).text(text)),
                        None => body_words.clone(),
                    };
                    let existing = reg
                        .drafts
                        .iter()
                        .position(|d| d.kind == ActorKind::Organization && (d.name == name || d.name == adjective));
                    let span = span_of(i, last + 1);
                    let a = match existing {
                        Some(a) => {
                            reg.drafts[a].mentions.push(span);
                            a
                        }
                        None => reg.organization(
                            if country.is_some_and(|c| c.form == CountryForm::Adjective) { &adjective } else { &name },
                            Some((code, evidence)),
                            false,
                            span,
                        ),
                    };
                    reg.decide(a, 0.9, "country + government body".to_owned());
                    return Some(Phrase { start: i, end: j, referent: Referent::Actor(a) });
                }
            }
            return Some(Phrase {
                start: i,
                end: j,
                referent: Referent::Role { words, country: cty.map(|c| c.0), body },
            });
        }
    }
    if let Some(c) = country {
        if c.form != CountryForm::Adjective || c.end == j {
            return Some(Phrase {
                start: c.start,
                end: c.end,
                referent: Referent::Country { code: w.country_code(c.country).to_owned(), form: c.form },
            });
        }
    }
    None
}

/// An organization the tagger reads across words the name scanner stops at: "Community and Public Sector
/// Union", "Royal Commission into the Building Industry", "News of the World". Only names with a lower-case
/// word or a comma inside, which the scanner would split; the rest go through the rules.
fn tagged_organization(w: &Words<'_>, t: &Tagged, reg: &mut Registry, i: usize, end: usize) -> Option<Phrase> {
    let (e, kind, prob) = t.name_at(i)?;
    if kind != EntityType::Organization || e > end || e < i + 3 || prob < 0.5 || !w.is_cap(e - 1) {
        return None;
    }
    if !(i + 1..e - 1).any(|k| !w.is_cap(k)) || w.hit_at(i).is_some_and(|h| h.end >= e) {
        return None;
    }
    // "Islamic Front and Hamas": two organizations joined by "and", the second a listed one, are two.
    let listed_after_and = |k: usize| {
        w.lower(k - 1) == "and" && matches!(w.hit_at(k), Some(super::words::Hit { entry: Entry::Organization(_), .. }))
    };
    if (i + 1..e).any(listed_after_and) {
        return None;
    }
    let span = Span::new(w.tokens[i].start, w.tokens[e - 1].end);
    let country = (i..e).find_map(|k| w.country_at(k).map(|(c, _, ce)| (k, c, ce))).map(|(k, c, ce)| {
        let words = Span::new(w.tokens[k].start, w.tokens[ce - 1].end).text(w.text).to_owned();
        (w.country_code(c).to_owned(), words)
    });
    let a = reg.organization(span.text(w.text), country, false, span);
    // "Royal Commission into …", "Centre for …": an organization word with its joining word inside the name
    // is the rules' own evidence, as sure as an organization word that ends a name.
    let head = (i..e.saturating_sub(2))
        .find(|&k| w.is_cap(k) && ORG_HEADS.contains(&w.lower(k)) && ORG_JOINS.contains(&w.lower(k + 1)));
    match head {
        Some(k) if prob < ORG_WORD_CONFIDENCE => {
            reg.decide(a, ORG_WORD_CONFIDENCE, format!("organization word '{}' + '{}'", w.lower(k), w.lower(k + 1)));
        }
        _ => reg.decide(a, prob, format!("tagger: organization {prob:.2}")),
    }
    Some(Phrase { start: i, end: e, referent: Referent::Actor(a) })
}

/// "military intelligence" → "Military Intelligence": lower-case words of a body's name capitalised.
fn title_case(words: &str) -> String {
    words
        .split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The role words of a phrase, as written, from the first title word to the last.
fn role_text(w: &Words<'_>, titles: &[usize]) -> Option<String> {
    let (&first, &last) = (titles.first()?, titles.last()?);
    let span = Span::new(w.tokens[first].start, w.tokens[last].end);
    let mut role = span.text(w.text).to_owned();
    // Drop a country word in the middle ("chief Palestinian negotiator" keeps it: it is the text's own).
    if role.is_empty() {
        return None;
    }
    if let Some(stripped) = role.strip_prefix("the ") {
        role = stripped.to_owned();
    }
    Some(role)
}

/// Does an acronym start with the first letter of the phrase it stands for ("Tehreek-e-Taliban" → "TTP")?
pub fn initial_matches(first_word: &str, acronym: &str) -> bool {
    let initial = |s: &str| s.chars().find(|c| c.is_alphabetic()).map(|c| c.to_lowercase().collect::<String>());
    initial(first_word).is_some() && initial(first_word) == initial(acronym)
}

pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && word.chars().all(|c| c.is_uppercase() || c == '.' || c == '-' || c.is_ascii_digit())
}

/// Nouns that name what a person is or does (`assets/role_nouns.txt`), with the head words of
/// `titles.txt`.
fn role_nouns() -> &'static HashSet<String> {
    static NOUNS: OnceLock<HashSet<String>> = OnceLock::new();
    NOUNS.get_or_init(|| word_list(include_str!("../../assets/role_nouns.txt"), str::to_lowercase))
}

/// The words of a word list in `assets/` (lines starting with `#` are comments), each as `form` gives it.
fn word_list(text: &str, form: fn(&str) -> String) -> HashSet<String> {
    text.lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace).map(form).collect()
}

/// Whether token `i` is a noun that names a role: an occupation or function ("economist", "coach") or the
/// head of a title ("minister").
pub fn is_role_noun(w: &Words<'_>, i: usize) -> bool {
    w.is_word(i) && (w.title(i) == Some(TitleWord::Head) || role_nouns().contains(w.lower(i)))
}

/// In a capitalised run `ns..ne` that starts with an office ("Constitutional Affairs Minister David Roe",
/// "Auditor General Sir John Roe", "MSP Karen Roe"): the last role head of the office and the first token of
/// the name. Two name words must follow (honorifics apart), so a surname that is also a title ("John Major")
/// stays a name.
fn leading_role(w: &Words<'_>, ns: usize, ne: usize) -> Option<(usize, usize)> {
    let head = (ns..ne).rev().find(|&k| is_role_noun(w, k))?;
    let mut name = head + 1;
    while name < ne && (w.is_honorific(name) || w.word(name) == ".") {
        name += 1;
    }
    let rest: Vec<usize> = (name..ne).filter(|&k| w.is_word(k)).collect();
    let names_only = rest.iter().all(|&k| w.is_cap(k) && !is_role_noun(w, k));
    let office = (ns..=head).all(|k| !w.is_word(k) || w.is_cap(k) || is_acronym(w.word(k)));
    // After an honorific ("Minister Lord Roe") one name word is enough.
    let enough = rest.len() >= 2 || name > head + 1 && rest.len() == 1;
    (enough && names_only && office).then_some((head, name))
}

/// Words that end a role phrase before a name when walking back from its head.
const ROLE_WALK_STOPS: &[&str] = &[
    "the",
    "a",
    "an",
    "by",
    "of",
    "and",
    "or",
    "from",
    "with",
    "to",
    "in",
    "on",
    "at",
    "for",
    "as",
    "that",
    "this",
    "but",
    "says",
    "said",
    "told",
    "after",
    "when",
    "while",
    "who",
    "is",
    "was",
    "has",
    "had",
    "have",
    "are",
    "were",
    "be",
    "been",
    "will",
    "would",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "than",
    "if",
    "because",
    "meanwhile",
    "however",
    "also",
    "into",
    "about",
    "over",
    "under",
    "against",
    "between",
    "through",
    "during",
    "without",
    "like",
    "not",
    "which",
    "where",
    "whose",
    "whom",
    "then",
    "so",
    "yet",
    "nor",
];

/// Participles that stand before a role as adjectives ("managing director", "acting president").
const ROLE_PARTICIPLES: &[&str] = &[
    "leading",
    "managing",
    "acting",
    "visiting",
    "outgoing",
    "incoming",
    "ruling",
    "governing",
    "founding",
    "presiding",
    "reigning",
    "sitting",
    "serving",
    "consulting",
    "supervising",
    "commanding",
    "striking",
    "rising",
    "opposing",
    "caretaking",
];

fn ends_role_walk(lower: &str) -> bool {
    ROLE_WALK_STOPS.contains(&lower)
}

/// Determiners after which an "-ing" word modifies a noun ("the boxing coach", "its marketing director").
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that"];

/// Is token `k`, met walking back from a role noun, a verb in "-ing" that ends the role ("police are still
/// questioning suspected smuggler Jane Roe")? Not after a determiner or a possessive ("the boxing coach",
/// "the firm's marketing director"), nor an adjectival participle ("managing director").
fn is_verb_before_role(w: &Words<'_>, k: usize) -> bool {
    let lower = w.lower(k);
    if lower.len() <= 5 || !lower.ends_with("ing") || !lower.chars().all(char::is_alphabetic) {
        return false;
    }
    if ROLE_PARTICIPLES.contains(&lower) || k == 0 {
        return false;
    }
    let prev = w.lower(k - 1);
    w.is_word(k - 1)
        && !DETERMINERS.contains(&prev)
        && (ends_role_walk(prev)
            || prev.ends_with("ly")
            || matches!(
                prev,
                "still"
                    | "now"
                    | "already"
                    | "just"
                    | "currently"
                    | "begun"
                    | "began"
                    | "started"
                    | "continue"
                    | "continued"
                    | "continues"
            ))
}

/// Roles written around a person's name with the nouns of occupations and functions: before it ("pace
/// bowler Jane Roe", "South African vice-captain John Roe", "the company's chief economist Jane Roe") or as
/// an apposition after it ("Jane Roe, a dietitian,", "John Roe, chief economist at the bank,"). A country
/// word inside the role is the person's country, in the text's own words.
pub fn occupation_role(w: &Words<'_>, reg: &mut Registry, p: &Phrase, first: usize, end: usize) {
    let Referent::Actor(a) = p.referent else { return };
    if let Some(role) = reg.drafts[a].role.as_deref() {
        // "The institute's survey director, professor Jane Roe,": a bare title in lower case before the name
        // gives way to the fuller role set off by a comma before it.
        let bare_title = !w.is_cap(p.start) && role == w.word(p.start) && reg.drafts[a].kind == ActorKind::Person;
        if let Some((s, e)) = role_before_comma(w, p.start, p.end, first).filter(|_| bare_title) {
            reg.drafts[a].role = Some(Span::new(w.tokens[s].start, w.tokens[e - 1].end).text(w.text).to_owned());
        }
        return;
    }
    if reg.drafts[a].kind == ActorKind::Organization {
        let found = kind_before(w, p.start, first)
            .or_else(|| kind_before_comma(w, p.start, first))
            .or_else(|| kind_after(w, p.start, p.end, end))
            .or_else(|| kind_apposition(w, p.end, end));
        // "the Labour party": the kind that ends the name is no description.
        let own = reg.drafts[a].name.split_whitespace().last().map(str::to_lowercase);
        let found = found.filter(|&(_, e)| own.as_deref() != Some(w.lower(e - 1)));
        if let Some((s, e)) = found {
            let role = Span::new(w.tokens[s].start, w.tokens[e - 1].end).text(w.text).to_owned();
            reg.drafts[a].role = Some(role);
        }
        return;
    }
    if reg.drafts[a].kind != ActorKind::Person {
        return;
    }
    let plural = plural_role_before(w, p.start, p.end, first);
    let before = role_before(w, p.start, first);
    // "The institute's survey director, professor Jane Roe,": one occupation word after a comma gives way to
    // the fuller role set off by the comma before it.
    let fuller = before
        .filter(|&(s, e)| e == s + 1 && s > first && w.word(s - 1) == ",")
        .and_then(|(s, _)| role_before_comma(w, s, p.end, first));
    let found = fuller
        .or(before)
        .or(plural)
        .or_else(|| role_before_comma(w, p.start, p.end, first))
        .or_else(|| role_after(w, p.end, end));
    let Some((s, e)) = found else { return };
    let mut role = Span::new(w.tokens[s].start, w.tokens[e - 1].end).text(w.text).to_owned();
    // "senior party figures Jane Roe and John Doe": each is a senior party figure.
    if plural.is_some_and(|x| found == Some(x)) {
        if let Some(one) = singular_role(w.word(e - 1)) {
            role = format!("{}{one}", &role[..role.len() - w.word(e - 1).len()]);
        }
    }
    let country = (s..e).find_map(|k| w.country_at(k).map(|(c, _, ce)| (k, c, ce)));
    let d = &mut reg.drafts[a];
    if let Some((k, c, ce)) = country {
        if d.country.is_none() || d.implicit_country {
            d.country = Some(w.country_code(c).to_owned());
            d.evidence = Some(Span::new(w.tokens[k].start, w.tokens[ce - 1].end).text(w.text).to_owned());
            d.implicit_country = false;
        }
    }
    d.role = Some(role);
}

/// The singular of a plural role noun ("figures" → "figure", "bosses" → "boss"), when it is a role noun.
fn singular_role(plural: &str) -> Option<String> {
    let lower = plural.to_lowercase();
    let stem = lower.strip_suffix('s')?;
    let known = |x: &str| role_nouns().contains(x) || lexicon_title_head(x);
    if known(stem) {
        return Some(plural[..plural.len() - 1].to_owned());
    }
    let stem = lower.strip_suffix("es")?;
    known(stem).then(|| plural[..plural.len() - 2].to_owned())
}

fn lexicon_title_head(lower: &str) -> bool {
    crate::lexicon::lexicon().title_of(lower) == Some(TitleWord::Head)
}

/// "senior party figures Jane Roe and John Doe": a plural role noun before names joined by "and" is the role
/// of each. Tokens `s..e` of the role before the first name (a plural before one name is usually an object:
/// "told reporters Jane Roe …").
fn plural_role_before(w: &Words<'_>, at: usize, name_end: usize, first: usize) -> Option<(usize, usize)> {
    let head = at.checked_sub(1).filter(|&h| h >= first && w.is_word(h) && !w.is_cap(h))?;
    singular_role(w.word(head))?;
    if w.word(name_end) != "and" || !w.is_cap(name_end + 1) {
        return None;
    }
    let mut s = head;
    while s > first && s + 6 > head {
        let k = s - 1;
        if w.is_word(k) && !ends_role_walk(w.lower(k)) && w.cue_at(k).is_none() && !is_verb_before_role(w, k) {
            s = k;
        } else {
            break;
        }
    }
    Some((s, head + 1))
}

/// "senior party figures Jane Roe and John Doe": the second name of the pair takes the role the plural gave
/// the first. `prev` is the phrase before `cur`.
pub fn coordinated_role(w: &Words<'_>, reg: &mut Registry, prev: Option<&Phrase>, cur: &Phrase, first: usize) {
    let (Some(prev), Referent::Actor(b)) = (prev, &cur.referent) else { return };
    let Referent::Actor(a) = prev.referent else { return };
    if a == *b
        || prev.end + 1 != cur.start
        || w.lower(prev.end) != "and"
        || reg.drafts[*b].kind != ActorKind::Person
        || reg.drafts[*b].role.is_some()
        || plural_role_before(w, prev.start, prev.end, first).is_none()
    {
        return;
    }
    let role = reg.drafts[a].role.clone();
    reg.drafts[*b].role = role;
}

/// Abbreviations in capitals that name no organization (`assets/common_acronyms.txt`), as written.
fn common_acronyms() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| word_list(include_str!("../../assets/common_acronyms.txt"), str::to_owned))
}

/// Nouns that say what kind of organization a name is (`assets/org_nouns.txt`).
fn org_nouns() -> &'static HashSet<String> {
    static NOUNS: OnceLock<HashSet<String>> = OnceLock::new();
    NOUNS.get_or_init(|| word_list(include_str!("../../assets/org_nouns.txt"), str::to_lowercase))
}

fn is_org_noun(w: &Words<'_>, i: usize) -> bool {
    w.is_word(i) && !w.is_cap(i) && org_nouns().contains(w.lower(i))
}

/// "retailer Acme Stores", "the collapsed insurance giant Acme": the kind of an organization before its
/// name, with up to five modifiers.
fn kind_before(w: &Words<'_>, at: usize, first: usize) -> Option<(usize, usize)> {
    let head = at.checked_sub(1).filter(|&h| h >= first && is_org_noun(w, h))?;
    let mut s = head;
    while s > first && s + 6 > head {
        let k = s - 1;
        if w.is_word(k)
            && !w.is_cap(k)
            && !ends_role_walk(w.lower(k))
            && w.cue_at(k).is_none()
            && !is_verb_before_role(w, k)
        {
            s = k;
        } else {
            break;
        }
    }
    Some((s, head + 1))
}

/// "the rival hill militia, the Red Hand Movement": the kind of an organization in a noun phrase set off by a
/// comma before its name.
fn kind_before_comma(w: &Words<'_>, at: usize, first: usize) -> Option<(usize, usize)> {
    let mut c = at.checked_sub(1)?;
    if w.lower(c) == "the" {
        c = c.checked_sub(1)?;
    }
    if c <= first || w.word(c) != "," {
        return None;
    }
    kind_before(w, c, first)
}

/// "the Red Hand Movement (RHM), an alliance of six groups," and "Acme, a leading software company,": the
/// kind of an organization in an apposition after its name (an acronym in parentheses between them).
fn kind_apposition(w: &Words<'_>, at: usize, end: usize) -> Option<(usize, usize)> {
    let mut k = at;
    if w.word(k) == "(" && w.word(k + 2) == ")" {
        k += 3;
    }
    if w.word(k) != "," {
        return None;
    }
    k += 1;
    if matches!(w.lower(k), "a" | "an" | "the") {
        k += 1;
    }
    let s = k;
    let mut head = None;
    while k < end && k < s + 6 && w.is_word(k) && !w.is_cap(k) && !ends_role_walk(w.lower(k)) && w.cue_at(k).is_none() {
        if is_org_noun(w, k) {
            head = Some(k);
        }
        k += 1;
    }
    let e = to_clause_mark(w, head?, end, &["of", "for", "in", "based"])?;
    Some((s, e))
}

/// "the Acme news agency", "the Red Hand militia": the kind of an organization after its name, when "the"
/// opens the phrase.
fn kind_after(w: &Words<'_>, start: usize, at: usize, end: usize) -> Option<(usize, usize)> {
    if start == 0 || w.lower(start - 1) != "the" {
        return None;
    }
    let mut k = at;
    let mut head = None;
    while k < end && k < at + 3 && w.is_word(k) && !w.is_cap(k) && !ends_role_walk(w.lower(k)) {
        if is_org_noun(w, k) {
            head = Some(k);
        }
        k += 1;
    }
    head.map(|h| (at, h + 1))
}

/// Tokens `s..e` of a role phrase right before a name at `at`: a role noun and up to five modifiers before
/// it (words, country adjectives, a possessive name), not crossing a determiner, preposition or verb.
fn role_before(w: &Words<'_>, at: usize, first: usize) -> Option<(usize, usize)> {
    let head = at.checked_sub(1).filter(|&h| h >= first && is_role_noun(w, h) && !w.is_cap(h))?;
    let mut s = head;
    while s > first && s + 6 > head {
        let k = s - 1;
        let word = w.is_word(k) && !ends_role_walk(w.lower(k)) && w.cue_at(k).is_none() && !is_verb_before_role(w, k);
        if word || w.kind(k) == Some(Kind::Possessive) {
            s = k;
        } else {
            break;
        }
    }
    // A possessive at the start has lost its owner: "Thorpe's coach" keeps "Thorpe".
    while s < head && w.kind(s) == Some(Kind::Possessive) {
        s += 1;
    }
    Some((s, head + 1))
}

/// Tokens `s..e` of a role set off by commas before a name ("The national secretary of the union, Jane
/// Roe, says", "Acme Helicopters owner, John Roe, says"): a role noun, with modifiers before it and a
/// prepositional phrase after it up to the comma. The name must be followed by a comma or a cue.
fn role_before_comma(w: &Words<'_>, at: usize, name_end: usize, first: usize) -> Option<(usize, usize)> {
    let comma = at.checked_sub(1).filter(|&c| c > first && w.word(c) == ",")?;
    if w.word(name_end) != "," && w.cue_at(name_end).is_none() {
        return None;
    }
    // The head: right before the comma, or before a prepositional phrase that ends at it, or before a
    // relative clause ("The minister who resigned last year, Jane Roe, says"), which is no part of the role.
    let mut head = None;
    let mut relative = false;
    let mut k = comma;
    while k > first && k + 14 > comma {
        k -= 1;
        if w.lower(k) == "who" && !relative {
            relative = true;
            head = k.checked_sub(1).filter(|&h| h >= first && is_role_noun(w, h) && !w.is_cap(h));
            break;
        }
        if is_role_noun(w, k) && !w.is_cap(k) {
            head = Some(k);
            break;
        }
        let inside_pp = w.is_word(k) || matches!(w.word(k), "(" | ")") || w.kind(k) == Some(Kind::Possessive);
        if !inside_pp || w.cue_at(k).is_some() || matches!(w.lower(k), "which" | "that" | "said" | "says") {
            return None;
        }
    }
    let head = head?;
    if !relative && head + 1 < comma && !matches!(w.lower(head + 1), "of" | "in" | "at" | "for" | "with" | "from") {
        return None;
    }
    let comma = if relative { head + 1 } else { comma };
    let (s, _) = role_before(w, head + 1, first)?;
    // "director and chief financial officer": two roles joined by "and".
    let s = if s >= first + 2 && w.lower(s - 1) == "and" && is_role_noun(w, s - 2) { s - 2 } else { s };
    let s = if w.lower(s) == "the" { s + 1 } else { s };
    Some((s, comma))
}

/// Tokens `s..e` of an apposition after a name ending at `at`: ", (the|a|an) MODIFIERS ROLE-NOUN (of|at|for
/// WORDS)" closed by a comma, a full stop or a semicolon.
fn role_after(w: &Words<'_>, at: usize, end: usize) -> Option<(usize, usize)> {
    if w.word(at) != "," {
        return None;
    }
    let mut k = at + 1;
    if matches!(w.lower(k), "the" | "a" | "an") {
        k += 1;
    }
    let s = k;
    let mut head = None;
    while k < end && k < s + 5 && w.is_word(k) && !ends_role_walk(w.lower(k)) && w.cue_at(k).is_none() {
        if is_role_noun(w, k) && !w.is_cap(k) {
            head = Some(k);
        }
        k += 1;
    }
    let e = to_clause_mark(w, head?, end, &["of", "at", "for", "with"])?;
    Some((s, e))
}

/// The end of a descriptive phrase whose head noun is at `head`, when a clause mark (",", ".", ";") follows
/// it: right after the head, or after a phrase of up to eight words opened by one of `joins` ("head of the
/// Y Party,"); `None` when no clause mark follows.
fn to_clause_mark(w: &Words<'_>, head: usize, end: usize, joins: &[&str]) -> Option<usize> {
    let mut e = head + 1;
    if joins.contains(&w.lower(e)) {
        let mut j = e + 1;
        while j < end && j < e + 8 && (w.is_word(j) || w.kind(j) == Some(Kind::Possessive)) && w.cue_at(j).is_none() {
            j += 1;
        }
        if matches!(w.word(j), "," | "." | ";") {
            e = j;
        }
    }
    matches!(w.word(e), "," | "." | ";").then_some(e)
}
