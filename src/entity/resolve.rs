//! Entity resolution across articles: the actors of many articles that are the same real-world actor share
//! one entity. Incremental: each article is resolved against indexes by surname and by normalised name, so
//! adding one costs time in proportion to its actors, not to the workspace.
//!
//! Persons join by surname when their given names agree (equal, or one an initial or shortening of the
//! other; a bare surname joins only the one person of that surname it can mean) and their countries do not
//! clash. Organizations join by the gazetteer's or the party table's canonical organization, or by
//! normalised name and acronym, when their countries do not clash. Countries join by code. Unnamed sources
//! and persons named only by a role ("the prime minister" in an article that never names them) stay apart.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::knowledge::knowledge;
use crate::lexicon::{Entry, lexicon};
use crate::model::{Actor, ActorKind, Article, EntityDecisions};

/// One real-world actor across articles.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// `e1`, `e2`, … in order of creation.
    pub id: String,
    pub kind: ActorKind,
    /// The fullest name seen.
    pub name: String,
    /// A role seen (the first one).
    pub role: Option<String>,
    /// Countries seen, with how many actors gave each (from the text or from knowledge of the actor).
    pub countries: Vec<(String, usize)>,
    /// Countries seen only as the country of the article an actor is named in (weak evidence), with counts:
    /// the entity's country only when no actor gives a stronger one.
    pub weak_countries: Vec<(String, usize)>,
    /// The country evidence of the first actor that gave the most frequent country.
    pub country_evidence: Option<String>,
    /// A person's first given name, lower case, once known.
    given: Option<String>,
    /// Index key (surname or normalised name) the entity is filed under.
    keys: Vec<String>,
    /// (article hash, actor id) of every actor of the entity.
    pub actors: Vec<(String, String)>,
    /// Distinct articles.
    pub articles: usize,
    /// Statements spoken by the entity's actors.
    pub statements: usize,
}

impl Entity {
    /// The most frequent country (first seen on a tie), from the text or knowledge of the actor; else the
    /// most frequent country of the articles it is named in.
    pub fn country(&self) -> Option<&str> {
        self.strong_country().or_else(|| most_frequent(&self.weak_countries))
    }

    /// The most frequent country given by the text or by knowledge of the actor itself.
    pub fn strong_country(&self) -> Option<&str> {
        most_frequent(&self.countries)
    }
}

fn most_frequent(counts: &[(String, usize)]) -> Option<&str> {
    let mut best: Option<&(String, usize)> = None;
    for c in counts {
        if best.is_none_or(|b| c.1 > b.1) {
            best = Some(c);
        }
    }
    best.map(|c| c.0.as_str())
}

/// Whether a country rests only on the article the actor is named in (its home, its main country), not on
/// the actor's own words or a fact about the actor.
pub fn is_weak_evidence(evidence: Option<&str>) -> bool {
    evidence.is_some_and(|e| e.starts_with("named in ") || e == "the country the article is about")
}

/// Decisions of the analyst that override resolution (the workspace's alias table, flattened).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overrides {
    /// "kind:normalised name" → the name of the actor it is the same as.
    pub same_as: HashMap<String, String>,
    /// Actors (article hash, actor id) kept as entities of their own.
    pub apart: HashSet<(String, String)>,
}

impl From<&EntityDecisions> for Overrides {
    fn from(decisions: &EntityDecisions) -> Self {
        Self {
            same_as: decisions
                .aliases
                .iter()
                .map(|a| (format!("{}:{}", a.kind.label(), normalise(&a.name)), a.same_as.clone()))
                .collect(),
            apart: decisions.apart.iter().map(|r| (r.article.clone(), r.actor.clone())).collect(),
        }
    }
}

/// Entities of a set of articles, with the indexes that make adding one more article cheap.
#[derive(Clone, Debug, Default)]
pub struct Resolver {
    pub entities: Vec<Entity>,
    /// Key → entities filed under it.
    index: HashMap<String, Vec<usize>>,
    /// (article hash, actor id) → entity.
    /// Article hash → (actor id, entity) of its actors, in actor order.
    by_article: HashMap<String, Vec<(String, usize)>>,
    overrides: Overrides,
}

impl Resolver {
    pub fn new(overrides: Overrides) -> Self {
        Self { overrides, ..Self::default() }
    }

    /// The entity of an actor of an article resolved earlier.
    pub fn entity_of(&self, article_hash: &str, actor_id: &str) -> Option<&Entity> {
        let actors = self.by_article.get(article_hash)?;
        let (_, index) = actors.iter().find(|(id, _)| id == actor_id)?;
        self.entities.get(*index)
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        let n = id.strip_prefix('e').and_then(|n| n.parse::<usize>().ok())?;
        self.entities.get(n.wrapping_sub(1)).filter(|e| e.id == id)
    }

    /// Resolves the actors of one article and writes their `entity` ids.
    pub fn add_article(&mut self, article: &mut Article) {
        let ids = self.resolve_article(article);
        for (actor, id) in article.analysis.actors.iter_mut().zip(ids) {
            actor.entity = Some(id);
        }
    }

    /// Resolves the actors of one article; returns their entity ids in actor order.
    pub fn resolve_article(&mut self, article: &Article) -> Vec<String> {
        let mut taken: HashSet<usize> = HashSet::default();
        let mut ids = Vec::with_capacity(article.analysis.actors.len());
        for actor in &article.analysis.actors {
            let statements =
                article.analysis.statements.iter().filter(|s| s.speaker.as_deref() == Some(&actor.id)).count();
            let actor_ref = (article.hash.clone(), actor.id.clone());
            let apart = self.overrides.apart.contains(&actor_ref);
            let form = Form::of(actor, &self.overrides);
            let found = if apart { None } else { form.as_ref().and_then(|f| self.find(f, actor, &taken)) };
            let index = match found {
                Some(i) => i,
                None => self.create(actor, form.as_ref()),
            };
            // A form that may share its entity leaves it free for the article's other actor of it.
            if !form.as_ref().is_some_and(|f| f.shared) {
                taken.insert(index);
            }
            let entity = &mut self.entities[index];
            if form.as_ref().is_some_and(|f| f.key.starts_with("party:")) {
                entity.kind = ActorKind::Organization;
            }
            // Articles are added one at a time, so the entity's last actor tells whether this one is new.
            if entity.actors.last().is_none_or(|(h, _)| *h != article.hash) {
                entity.articles += 1;
            }
            entity.statements += statements;
            entity.actors.push(actor_ref);
            if let Some(f) = &form {
                if entity.given.is_none() {
                    entity.given.clone_from(&f.given);
                }
                if f.full && name_words(&actor.name) > name_words(&entity.name) {
                    entity.name.clone_from(&actor.name);
                }
            }
            if entity.role.is_none() {
                entity.role.clone_from(&actor.role);
            }
            if let Some(code) = &actor.country {
                let weak = is_weak_evidence(actor.country_evidence.as_deref());
                let counts = if weak { &mut entity.weak_countries } else { &mut entity.countries };
                match counts.iter_mut().find(|c| c.0 == *code) {
                    Some(c) => c.1 += 1,
                    None => counts.push((code.clone(), 1)),
                }
                // The evidence shown is of the strongest kind the entity has.
                let replace =
                    entity.country_evidence.is_none() || !weak && is_weak_evidence(entity.country_evidence.as_deref());
                if entity.country() == Some(code.as_str()) && replace {
                    entity.country_evidence.clone_from(&actor.country_evidence);
                }
            }
            self.by_article.entry(article.hash.clone()).or_default().push((actor.id.clone(), index));
            ids.push(entity.id.clone());
        }
        ids
    }

    /// The entity an actor joins, if any. `taken`: entities already given to another actor of the same
    /// article (the extractor made them distinct referents, so they stay distinct).
    fn find(&self, form: &Form, actor: &Actor, taken: &HashSet<usize>) -> Option<usize> {
        let mut fits: Vec<usize> = Vec::new();
        for key in std::iter::once(&form.key).chain(&form.more) {
            for &i in self.index.get(key).map_or(&[][..], Vec::as_slice) {
                // A party is one entity even where the extractor made two actors of it in one article.
                let free = !taken.contains(&i) || form.shared;
                if free && !fits.contains(&i) && (form.forced || self.fits(&self.entities[i], form, actor)) {
                    fits.push(i);
                }
            }
        }
        if form.forced {
            return fits.first().copied();
        }
        match (actor.kind, fits.len()) {
            (_, 0) => None,
            (_, 1) => fits.first().copied(),
            (ActorKind::Person, _) => {
                // Several people of the surname: the one with the same given name, else the only one with the
                // same role; a bare surname that could mean several stays apart.
                let same_given: Vec<usize> = match &form.given {
                    Some(g) => fits.iter().copied().filter(|&i| self.entities[i].given.as_deref() == Some(g)).collect(),
                    None => Vec::new(),
                };
                if same_given.len() == 1 {
                    return same_given.first().copied();
                }
                let role = actor.role.as_deref().map(str::to_lowercase);
                let same_role: Vec<usize> = fits
                    .iter()
                    .copied()
                    .filter(|&i| role.is_some() && self.entities[i].role.as_deref().map(str::to_lowercase) == role)
                    .collect();
                (same_role.len() == 1).then(|| same_role[0])
            }
            _ => {
                // Organizations of one name: of the same country (or, for an actor with none of its own, of one
                // country only), the one in most articles; one name in several countries with no country to
                // choose stays apart.
                let own = actor.country.as_deref().filter(|_| !is_weak_evidence(actor.country_evidence.as_deref()));
                let first = self.entities[fits[0]].strong_country();
                let one_country = fits.iter().all(|&i| self.entities[i].strong_country() == first);
                fits.iter()
                    .copied()
                    .filter(|&i| match own {
                        Some(code) => self.entities[i].strong_country() == Some(code),
                        None => one_country,
                    })
                    .max_by_key(|&i| (self.entities[i].articles, std::cmp::Reverse(i)))
            }
        }
    }

    fn fits(&self, entity: &Entity, form: &Form, actor: &Actor) -> bool {
        if entity.kind != actor.kind && !form.key.starts_with("party:") {
            return false;
        }
        // Only countries of the actors themselves clash; the country of the article one is named in does not.
        let own = actor.country.as_deref().filter(|_| !is_weak_evidence(actor.country_evidence.as_deref()));
        if let (Some(a), Some(b)) = (entity.strong_country(), own) {
            if a != b {
                return false;
            }
        }
        if actor.kind == ActorKind::Person {
            if let (Some(a), Some(b)) = (&entity.given, &form.given) {
                return given_names_agree(a, b);
            }
        }
        true
    }

    fn create(&mut self, actor: &Actor, form: Option<&Form>) -> usize {
        let index = self.entities.len();
        let keys: Vec<String> = form.map(|f| f.keys()).unwrap_or_default();
        for key in &keys {
            self.index.entry(key.clone()).or_default().push(index);
        }
        self.entities.push(Entity {
            id: format!("e{}", index + 1),
            kind: actor.kind,
            name: actor.name.clone(),
            role: None,
            countries: Vec::new(),
            weak_countries: Vec::new(),
            country_evidence: None,
            given: None,
            keys,
            actors: Vec::new(),
            articles: 0,
            statements: 0,
        });
        index
    }

    /// Gives actors without a country the country of their entity, found in another article, and says so.
    /// Returns how many actors got one.
    pub fn fill_countries(&self, article: &mut Article) -> usize {
        let mut filled = 0;
        for actor in &mut article.analysis.actors {
            if !matches!(actor.kind, ActorKind::Person | ActorKind::Organization) {
                continue;
            }
            // A country from the article alone gives way to the entity's own country from another article.
            let weak = is_weak_evidence(actor.country_evidence.as_deref());
            if actor.country.is_some() && !weak {
                continue;
            }
            let Some(entity) = self.entity_of(&article.hash, &actor.id) else { continue };
            let code = if weak { entity.strong_country() } else { entity.country() };
            let Some(code) = code else { continue };
            if actor.country.as_deref() == Some(code) {
                continue;
            }
            actor.country = Some(code.to_owned());
            actor.country_evidence = Some(match &entity.country_evidence {
                Some(e) => format!("{} in another article: {e}", entity.name),
                None => format!("{} in another article", entity.name),
            });
            filled += 1;
        }
        filled
    }
}

fn name_words(name: &str) -> usize {
    name.split_whitespace().count()
}

/// Given names agree when equal, or when one is an initial or a shortening of the other ("J" and "John",
/// "Ken" and "Kenneth").
pub fn given_names_agree(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    (short.chars().count() == 1 || short.len() >= 3) && long.starts_with(short)
}

/// How an actor is filed: its index key and, for a person, the first given name.
#[derive(Clone, Debug, PartialEq)]
struct Form {
    key: String,
    /// More keys under which it is filed (an organization's acronym).
    more: Vec<String>,
    given: Option<String>,
    /// A full name (a person with a given name, an organization by its name).
    full: bool,
    /// The analyst said which entity it belongs to: join it whatever the names and countries say.
    forced: bool,
    /// May share its entity with another actor of the same article (a party under two names, a broadcaster
    /// and one of its channels).
    shared: bool,
}

impl Form {
    /// An organization or body filed under `key` alone; `full` when named by its whole name.
    fn named(key: String, full: bool) -> Form {
        Form { key, more: Vec::new(), given: None, full, forced: false, shared: false }
    }

    fn keys(&self) -> Vec<String> {
        std::iter::once(self.key.clone()).chain(self.more.iter().cloned()).collect()
    }

    /// The form of an actor, or `None` when it must stay an entity of its own.
    fn of(actor: &Actor, overrides: &Overrides) -> Option<Form> {
        let normal = normalise(&actor.name);
        let alias = (!overrides.same_as.is_empty())
            .then(|| overrides.same_as.get(&format!("{}:{normal}", actor.kind.label())))
            .flatten();
        if let Some(target) = alias {
            let stand_in = Actor { name: target.clone(), ..actor.clone() };
            let form = Form::of(&stand_in, &Overrides::default())?;
            return Some(Form { forced: true, given: None, full: false, ..form });
        }
        match actor.kind {
            ActorKind::Anonymous => None,
            ActorKind::Country => actor.country.as_ref().map(|c| Form {
                key: format!("country:{c}"),
                more: Vec::new(),
                given: None,
                full: true,
                forced: false,
                shared: false,
            }),
            // A "person" named only by a party word ("Tory", "Lib Dem") is the party speaking.
            ActorKind::Person => party_form(actor, actor.name.trim(), true).or_else(|| person_form(&actor.name)),
            ActorKind::Organization => Some(organization_form(actor, &normal)),
        }
    }
}

/// Lower case, without a leading "the", a possessive, or punctuation other than inner hyphens and
/// apostrophes; runs of space made one.
pub fn normalise(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let lower = lower.trim_end_matches("'s").trim_end_matches("’s");
    lower
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | '(' | ')' | '"' | '“' | '”'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A person named by a proper name: filed under the surname, with the first given name. `None` for a
/// role ("the prime minister") or a name with no capitalised word left after honorifics.
fn person_form(name: &str) -> Option<Form> {
    let lex = lexicon();
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '.' | '"' | '“' | '”' | '(' | ')')))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.iter().any(|w| !w.starts_with(char::is_uppercase)) {
        return None;
    }
    let is_honorific =
        |w: &str| lex.word_classes.get(&w.to_lowercase()).is_some_and(|c| c.honorific || c.title.is_some());
    // Honorifics, titles and a capitalised sentence opener the name picked up ("Mr", "Since") go.
    let is_common = |w: &str| lex.word_classes.get(&w.to_lowercase()).is_some_and(|c| c.common);
    let mut names: Vec<&str> = words.iter().copied().skip_while(|w| is_honorific(w) || is_common(w)).collect();
    while names.len() > 1 && names.last().is_some_and(|w| matches!(*w, "Jr" | "Sr" | "II" | "III")) {
        names.pop();
    }
    let surname = *names.last()?;
    if lex.word_classes.get(&surname.to_lowercase()).is_some_and(|c| c.common || c.title.is_some()) {
        return None;
    }
    let given = (names.len() > 1).then(|| names[0].trim_end_matches('.').to_lowercase());
    Some(Form {
        key: format!("person:{}", surname.to_lowercase()),
        more: Vec::new(),
        full: given.is_some(),
        given,
        forced: false,
        shared: false,
    })
}

/// The party a name stands for ("Labour Party", "the Tories"; with `member`, also the forms that name a
/// member: "Tory", "Lib Dem"), of the actor's country when it has one, else the largest of that name.
fn party_form(actor: &Actor, name: &str, member: bool) -> Option<Form> {
    let k = knowledge();
    let parties = if member { k.parties_of_member_form(name) } else { k.parties_named(name) };
    let party = parties
        .iter()
        .copied()
        .filter(|&p| actor.country.as_deref().is_none_or(|c| k.parties[p].country == c))
        .max_by(|&a, &b| k.parties[a].share.total_cmp(&k.parties[b].share))?;
    Some(Form {
        key: format!("party:{party}"),
        more: Vec::new(),
        given: None,
        full: false,
        forced: false,
        shared: true,
    })
}

/// An organization: filed under the gazetteer's organization or the party its name stands for, else
/// under its normalised name and its acronym.
fn organization_form(actor: &Actor, normal: &str) -> Form {
    let lex = lexicon();
    let name = actor.name.trim();
    let name = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name);
    // A channel or station speaks for its broadcaster ("Radio Four" is the BBC).
    if let Some(parent) = knowledge().broadcaster_of(name) {
        let stand_in = Actor { name: parent.to_owned(), ..actor.clone() };
        return Form { shared: true, ..organization_form(&stand_in, &normalise(parent)) };
    }
    if let Some(form) = party_form(actor, name, false).or_else(|| party_form(actor, name, true)) {
        return form;
    }
    // "the Commons" and "the House of Commons": one body of a state under its forms.
    if let Some(body) = knowledge().body_key(name) {
        return Form::named(format!("office:{body}"), true);
    }
    if let Some(m) = lex.gazetteer.find(name) {
        if m.start() == 0 && m.end() == name.len() {
            if let Some(Entry::Organization(i)) = lex.entries.get(m.pattern().as_usize()) {
                return Form::named(format!("org:{i}"), true);
            }
        }
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let acronym: String = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_lowercase();
    let is_acronym = words.len() == 1 && name.chars().filter(char::is_ascii_uppercase).count() >= 2;
    if is_acronym {
        return Form::named(format!("org:~{normal}"), false);
    }
    let more =
        if acronym.chars().count() >= 2 && words.len() >= 2 { vec![format!("org:~{acronym}")] } else { Vec::new() };
    Form { more, ..Form::named(format!("org:{normal}"), true) }
}
