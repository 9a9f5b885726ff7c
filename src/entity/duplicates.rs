//! The same actor and the same statement across articles, for dossiers and the card list.
//!
//! A dossier's cards are grouped by entity: the cards of one article with one speaker name are one actor,
//! and those actors join across articles by the rules of entity resolution ([`Resolver`]), run over the
//! cards themselves (a saved dossier has no articles to resolve). Cards whose heading would read the same
//! (kind, name, role, country) are one group too, as they always were in the briefing.
//!
//! Two statements are the same statement when their speakers are one entity (or either speaker is unnamed)
//! and their contents are the same words, or near paraphrases: the Jaccard similarity of their sets of
//! content words (function words of the lexicon left out, a plural or third-person "s" stripped) is at
//! least [`SAME_STATEMENT`], with the same polarity (both or neither negated) and the same numbers. Word
//! sets rather than word n-grams: two outlets reporting one statement reorder and reinflect it ("the
//! talks had been constructive" / "the talks were constructive"), which breaks most bigrams but keeps the
//! content words; two different statements of one speaker on one subject share the subject's words but
//! not the predicate's. Statements of fewer than three content words must be the same words.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::resolve::{Overrides, Resolver, normalise};
use crate::lexicon::lexicon;
use crate::model::{Actor, ActorKind, Analysis, Article, ArticleMeta, Dossier, DossierCard, Section};

/// The content-word Jaccard similarity from which two statements of one speaker are the same statement.
/// Paraphrases of one statement by two outlets score 0.67–1.0 in the tests below (reworded ones lose a
/// word or two: "its decision" / "the decision it took"); different statements of one speaker on one
/// subject 0.1–0.25 (a shared subject, "the talks", "the bridge"): 0.6 keeps room on both sides, and the
/// polarity and number checks catch the denials and corrections that share every content word.
pub const SAME_STATEMENT: f32 = 0.6;

/// Words that negate what they go with: a statement and its denial are not the same statement.
const NEGATIONS: [&str; 8] = ["not", "no", "never", "nor", "neither", "none", "nothing", "cannot"];

/// The words of a text, lower case: letters and digits, with inner apostrophes kept.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| {
            let w = w.trim_matches(['\'', '’']).replace('’', "'").to_lowercase();
            // A possessive is the word itself ("the bridge's collapse", "the collapse of the bridge").
            w.strip_suffix("'s").map_or_else(|| w.clone(), str::to_owned)
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_negation(word: &str) -> bool {
    NEGATIONS.contains(&word) || word.ends_with("n't")
}

/// The content words of a text, sorted and once each: not function words, not negations, not numbers; a
/// final "s" of a longer word stripped ("talks" and "talk" agree).
fn content_words(words: &[String]) -> Vec<String> {
    let lex = lexicon();
    let mut content: Vec<String> = words
        .iter()
        .filter(|w| !is_negation(w) && !lex.word_classes.get(w.as_str()).is_some_and(|c| c.common))
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if stem.chars().count() >= 3 && !stem.ends_with('s') => stem.to_owned(),
            _ => w.clone(),
        })
        .collect();
    content.sort_unstable();
    content.dedup();
    content
}

/// The Jaccard similarity (0..=1) of the content words of two texts.
pub fn similarity(a: &str, b: &str) -> f32 {
    jaccard(&content_words(&words(a)), &content_words(&words(b)))
}

/// The Jaccard similarity of two sorted sets.
fn jaccard(a: &[String], b: &[String]) -> f32 {
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 { 0.0 } else { both as f32 / union as f32 }
}

/// A statement's content, read once to be compared with many others.
#[derive(Clone, Debug)]
pub struct Content {
    words: Vec<String>,
    negated: bool,
    numbers: Vec<String>,
    content: Vec<String>,
}

impl Content {
    pub fn of(text: &str) -> Self {
        let words = words(text);
        let negated = words.iter().any(|w| is_negation(w));
        let mut numbers: Vec<String> =
            words.iter().filter(|w| w.chars().any(|c| c.is_ascii_digit())).cloned().collect();
        numbers.sort_unstable();
        numbers.dedup();
        let content = content_words(&words);
        Self { words, negated, numbers, content }
    }

    /// Whether two contents state the same thing: the same words, or a near paraphrase with the same
    /// polarity and the same numbers (see the module's comment).
    pub fn same(&self, other: &Content) -> bool {
        if self.words.is_empty() || other.words.is_empty() {
            return false;
        }
        if self.words == other.words {
            return true;
        }
        if self.negated != other.negated {
            return false;
        }
        // A number one report gives and the other leaves out is fine; two different numbers are not.
        if !self.numbers.is_empty() && !other.numbers.is_empty() && self.numbers != other.numbers {
            return false;
        }
        let small = self.content.len().min(other.content.len());
        let large = self.content.len().max(other.content.len());
        // The similarity is at most small / large: most pairs stop here.
        small >= 3
            && small as f32 >= SAME_STATEMENT * large as f32
            && jaccard(&self.content, &other.content) >= SAME_STATEMENT
    }
}

/// Whether two contents state the same thing (see [`Content::same`]).
pub fn same_statement(a: &str, b: &str) -> bool {
    Content::of(a).same(&Content::of(b))
}

/// Whether a card's speaker is unnamed (an anonymous source, or no speaker found).
fn unnamed(card: &DossierCard) -> bool {
    card.kind == ActorKind::Anonymous || card.name.trim().is_empty() || card.name == "unknown"
}

/// The entity group of each card, numbered in order of first appearance (see the module's comment).
pub fn entity_groups(cards: &[&DossierCard]) -> Vec<usize> {
    // The cards of one article with one name are one actor.
    let mut actor_of: Vec<usize> = Vec::with_capacity(cards.len());
    let mut actors: HashMap<(String, ActorKind, String), usize> = HashMap::default();
    let mut articles: Vec<(String, Vec<Actor>)> = Vec::new();
    let mut article_of: HashMap<String, usize> = HashMap::default();
    for card in cards {
        let article = [&card.source.hash, &card.source.path, &card.id]
            .into_iter()
            .find(|k| !k.is_empty())
            .cloned()
            .unwrap_or_default();
        let name = card.entity_name();
        let key = (article.clone(), card.kind, normalise(name));
        let next = actors.len();
        let actor = *actors.entry(key).or_insert(next);
        if actor == next {
            let slot = *article_of.entry(article.clone()).or_insert_with(|| {
                articles.push((article, Vec::new()));
                articles.len() - 1
            });
            articles[slot].1.push(Actor {
                id: format!("a{actor}"),
                name: name.to_owned(),
                kind: card.kind,
                role: card.role.clone(),
                country: card.country.clone(),
                country_evidence: None,
                mentions: Vec::new(),
                confidence: card.confidence,
                entity: None,
                rule: String::new(),
            });
        }
        actor_of.push(actor);
    }
    // Actors join across articles as entity resolution joins them.
    let mut entity_of_actor = vec![String::new(); actors.len()];
    let mut resolver = Resolver::new(Overrides::default());
    for (hash, list) in articles {
        let numbers: Vec<usize> =
            list.iter().filter_map(|a| a.id.strip_prefix('a').and_then(|n| n.parse().ok())).collect();
        let article = Article {
            source: String::new(),
            title: None,
            meta: ArticleMeta::default(),
            text: String::new(),
            hash,
            analysis: Analysis { actors: list, ..Analysis::default() },
            rejected: Vec::new(),
        };
        for (number, entity) in numbers.into_iter().zip(resolver.resolve_article(&article)) {
            entity_of_actor[number] = entity;
        }
    }
    // Cards whose heading reads the same join too (union-find over the two keys).
    let mut parent: Vec<usize> = (0..cards.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first: HashMap<String, usize> = HashMap::default();
    for (i, card) in cards.iter().enumerate() {
        let heading = format!(
            "{}|{}|{}|{}",
            card.kind.label(),
            normalise(card.entity_name()),
            card.role.as_deref().unwrap_or("").trim().to_lowercase(),
            card.country.as_deref().unwrap_or("")
        );
        for key in [format!("entity|{}", entity_of_actor[actor_of[i]]), heading] {
            match first.get(&key) {
                Some(&j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
                None => {
                    first.insert(key, i);
                }
            }
        }
    }
    let mut number: HashMap<usize, usize> = HashMap::default();
    (0..cards.len())
        .map(|i| {
            let r = root(&mut parent, i);
            let next = number.len();
            *number.entry(r).or_insert(next)
        })
        .collect()
}

/// The card of `dossier` that `card` joins as one more source, if any: for a key actor the key actor of the
/// same entity, for a statement the same statement (see [`same_statement`]) by the same entity or with an
/// unnamed speaker on either side. Never a card from the same article.
pub fn joins(dossier: &Dossier, card: &DossierCard) -> Option<usize> {
    let statement = card.cue.is_some();
    if !statement && unnamed(card) {
        return None;
    }
    // Cheap tests first, so that the entity grouping runs over a handful of cards, not the whole
    // dossier (adding to a 10,000-card dossier took 21 ms with it over every card): a statement must say
    // the same thing; a key actor must share a word of its name (or its entity).
    let content = Content::of(card.content.as_deref().unwrap_or(""));
    let name_words = |c: &DossierCard| -> Vec<String> {
        c.name.split_whitespace().filter(|w| w.chars().count() >= 3).map(str::to_lowercase).collect()
    };
    let own_words = name_words(card);
    let may_join = |other: &DossierCard| {
        if statement {
            content.same(&Content::of(other.content.as_deref().unwrap_or("")))
        } else {
            (card.entity.is_some() && other.entity == card.entity)
                || name_words(other).iter().any(|w| own_words.contains(w))
        }
    };
    let candidates: Vec<usize> = (0..dossier.cards.len())
        .filter(|&i| (dossier.cards[i].cue.is_some()) == statement)
        .filter(|&i| !dossier.cards[i].sources().any(|s| !s.hash.is_empty() && s.hash == card.source.hash))
        .filter(|&i| may_join(&dossier.cards[i]))
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let mut cards: Vec<&DossierCard> = candidates.iter().map(|&i| &dossier.cards[i]).collect();
    cards.push(card);
    let groups = entity_groups(&cards);
    let own = groups[cards.len() - 1];
    candidates.into_iter().enumerate().find_map(|(n, i)| {
        let other = &dossier.cards[i];
        let same_speaker = groups[n] == own || (statement && (unnamed(card) || unnamed(other)));
        if !same_speaker {
            return None;
        }
        if !statement {
            return (other.section == Section::KeyActors && !unnamed(other)).then_some(i);
        }
        let (a, b) = (other.content.as_deref().unwrap_or(""), card.content.as_deref().unwrap_or(""));
        same_statement(a, b).then_some(i)
    })
}

/// The statements of many articles that repeat one another: the same statement (see [`same_statement`])
/// by one speaker entity in several articles.
#[derive(Clone, Debug, Default)]
pub struct Repeats {
    /// (article index, statement index) of a repeat → the first statement it repeats.
    pub first_of: HashMap<(usize, usize), (usize, usize)>,
    /// (article index, statement index) of a first statement → how many articles report it (2 or more).
    pub articles: HashMap<(usize, usize), usize>,
}

impl Repeats {
    /// Finds the repeats among `articles`' statements; `entity_of(article, actor id)` gives a speaker's
    /// entity. Statements are compared only with those of the same entity, so the cost follows the number
    /// of statements each entity makes, not the workspace.
    pub fn of<'a>(articles: &[&'a Article], entity_of: impl Fn(&'a Article, &str) -> Option<String>) -> Self {
        let mut by_entity: HashMap<String, Vec<(usize, usize, Content)>> = HashMap::default();
        let mut repeats = Self::default();
        let mut counted: HashSet<((usize, usize), usize)> = HashSet::default();
        for (a, article) in articles.iter().enumerate() {
            for (s, statement) in article.analysis.statements.iter().enumerate() {
                let Some(speaker) = statement.speaker.as_deref() else { continue };
                let named = article.analysis.actor(speaker).is_some_and(|x| x.kind != ActorKind::Anonymous);
                let Some(entity) = entity_of(article, speaker).filter(|_| named) else { continue };
                let content = Content::of(&statement.content);
                let firsts = by_entity.entry(entity).or_default();
                let first = firsts.iter().find(|(fa, _, f)| *fa != a && f.same(&content)).map(|(fa, fs, _)| (*fa, *fs));
                match first {
                    Some(first) => {
                        repeats.first_of.insert((a, s), first);
                        // Counted once per article.
                        if counted.insert((first, a)) {
                            *repeats.articles.entry(first).or_insert(1) += 1;
                        }
                    }
                    None => firsts.push((a, s, content)),
                }
            }
        }
        repeats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceRef;

    #[test]
    fn paraphrases_by_two_outlets_are_the_same_statement() {
        let pairs = [
            (
                "the talks had been constructive and that a second round would follow in June",
                "the talks were constructive and a second round of talks would follow in June",
            ),
            (
                "the ministry would open an inquiry into the collapse of the bridge",
                "his ministry will open an inquiry into the bridge's collapse",
            ),
            (
                "We will rebuild every school that the floods destroyed",
                "We will rebuild every school the floods destroyed",
            ),
            // One report gives the number, the other leaves it out.
            (
                "the army would withdraw 300 troops from the border villages",
                "the army would withdraw troops from the border villages",
            ),
            (
                "fishing boats from the northern ports would be allowed back into the disputed waters",
                "Fishing boats from northern ports will be allowed back into disputed waters",
            ),
        ];
        for (a, b) in pairs {
            assert!(same_statement(a, b), "{a:?} / {b:?}: {}", similarity(a, b));
        }
        assert!(same_statement("No comment.", "no comment"));
    }

    #[test]
    fn different_statements_of_one_speaker_stay_apart() {
        let pairs = [
            (
                "the talks had been constructive and that a second round would follow in June",
                "the talks had stalled over the question of the border crossings",
            ),
            // A denial of the same words.
            ("the government would negotiate with the rebels", "the government would not negotiate with the rebels"),
            // Other numbers.
            ("12 soldiers were killed in the attack on the base", "20 soldiers were killed in the attack on the base"),
            (
                "the ministry would open an inquiry into the collapse of the bridge",
                "the ministry had warned the city about the bridge two years ago",
            ),
            // Too short to be a paraphrase.
            ("We will win", "We will win the election"),
        ];
        for (a, b) in pairs {
            assert!(!same_statement(a, b), "{a:?} / {b:?}: {}", similarity(a, b));
        }
    }

    fn card(id: &str, hash: &str, name: &str, content: Option<&str>) -> DossierCard {
        DossierCard {
            id: format!("{hash}/{id}"),
            section: if content.is_some() { Section::StatementsBy } else { Section::KeyActors },
            name: name.to_owned(),
            kind: ActorKind::Person,
            role: None,
            country: Some("GB".into()),
            country_evidence: None,
            cue: content.map(|_| "said".to_owned()),
            content: content.map(str::to_owned),
            direct: true,
            about: Vec::new(),
            confidence: 0.8,
            source: SourceRef { hash: hash.to_owned(), ..SourceRef::default() },
            entity: None,
            also: Vec::new(),
        }
    }

    #[test]
    fn cards_group_by_entity_across_articles() {
        let cards = [
            card("a1", "h1", "Anna Berg", None),
            card("a1", "h2", "Tom Berg", None),
            card("a1", "h3", "Ms Berg", None),
            card("a2", "h3", "Paul Meyer", None),
        ];
        let refs: Vec<&DossierCard> = cards.iter().collect();
        // "Ms Berg" could be Anna or Tom: a bare surname that fits two people stays apart.
        assert_eq!(entity_groups(&refs), [0, 1, 2, 3]);
        let cards = [
            card("a1", "h1", "Anna Berg", None),
            card("a1", "h2", "Ms Berg", None),
            card("a1", "h3", "Paul Meyer", None),
            card("s1", "h3", "Anna Berg", Some("x")),
        ];
        let refs: Vec<&DossierCard> = cards.iter().collect();
        assert_eq!(entity_groups(&refs), [0, 0, 1, 0]);
    }

    #[test]
    fn a_duplicate_joins_the_card_of_the_same_statement_only() {
        let mut dossier = Dossier::new("GB", "United Kingdom");
        dossier.cards.push(card("s1", "h1", "Anna Berg", Some("the talks had been constructive and would go on")));
        dossier.cards.push(card("s2", "h1", "Anna Berg", Some("the border would stay closed until June")));
        dossier.cards.push(card("a1", "h1", "Anna Berg", None));
        let same = card("s4", "h2", "Ms Berg", Some("The talks were constructive and will go on"));
        assert_eq!(joins(&dossier, &same), Some(0));
        let other_speaker = card("s4", "h2", "Paul Meyer", Some("The talks were constructive and will go on"));
        assert_eq!(joins(&dossier, &other_speaker), None);
        let same_article = card("s9", "h1", "Anna Berg", Some("The talks were constructive and will go on"));
        assert_eq!(joins(&dossier, &same_article), None);
        assert_eq!(joins(&dossier, &card("a3", "h2", "Anna Berg", None)), Some(2));
    }
}
