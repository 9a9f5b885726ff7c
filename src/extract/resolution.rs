//! Pass 6: each statement's speaker resolved to an actor: a name, a role noun ("the minister said"), a
//! pronoun (the rules' candidates ranked by the learned [`super::ranker`]), a continuation of the previous
//! speaker, a document for its author, or an unnamed source as the text describes it. Each decision is
//! named: the card's `rule` reports it after the pattern's name.

use super::actors::{self, Phrase, Referent, Registry};
use super::attribution::{self, Found, Speaker};
use super::entities::Names;
use super::ranker;
use super::tagging::Tagged;
use super::tokens::{self, Kind, Layout, Sentence};
use super::words::{self, Words, span_of};
use crate::lexicon::CountryForm;
use crate::model::{ActorKind, Span};
use crate::tag::EntityType;

/// A statement's speaker after resolution: the actor, where the text refers to it at the cue, and the
/// resolution rule that decided (what the card's `rule` reports after the pattern's name).
#[derive(Clone, Debug, Default)]
pub(super) struct Resolved {
    pub actor: Option<usize>,
    pub span: Option<Span>,
    pub rule: String,
    /// The ranker's probability for a ranked choice; the statement's confidence is scaled by it.
    pub score: Option<f32>,
}

impl Resolved {
    fn new(actor: Option<usize>, span: Option<Span>, rule: impl Into<String>) -> Self {
        Self { actor, span, rule: rule.into(), score: None }
    }
}

/// "Anna Berg": a person named with a given name and a surname, and no honorific or title that says
/// otherwise, is referred to with the pronoun the given name mostly takes.
pub(super) fn given_name_genders(reg: &mut Registry) {
    for d in reg.drafts.iter_mut().filter(|d| d.kind == ActorKind::Person && d.gender.is_none()) {
        let mut words = d.name.split_whitespace();
        let (Some(first), Some(_)) = (words.next(), words.next()) else { continue };
        d.gender = words::given_name_gender(&first.to_lowercase());
    }
}

/// "The United States, the European Union and the G8 called on …", "Sharon and Arafat … urged him …": a
/// statement whose subject joins several actors is a statement of each of them, in the order written.
pub(super) fn coordinated_speakers(
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

/// Resolves the speaker of statement `n` to an actor, and the span of the speaker at the cue.
#[allow(clippy::too_many_arguments)]
pub(super) fn resolve(
    w: &Words<'_>,
    tagged: &Tagged,
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
            let described = attribution::described_noun_phrase(w, start, end)
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
            if attribution::described_noun_phrase(w, start, end) {
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

/// "Amira Solano Vance told …", "According to Examplesoft.com, …": capitalised words the name scanner had
/// no evidence for (no title, census name or tagger reading), which speak: the subject of a speech cue is
/// an actor. A web address is an organization; two to four name words are a person.
pub(super) fn unread_name(
    w: &Words<'_>,
    tagged: &Tagged,
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
pub(super) const UNREAD_DOUBT: f32 = 0.5;

/// How sure an actor made only because it speaks is.
pub(super) const UNREAD_CONFIDENCE: f32 = 0.6;

/// Nouns for documents that speak for their authors.
pub(super) const DOCUMENT_NOUNS: &[&str] =
    &["report", "study", "review", "survey", "audit", "statement", "findings", "assessment", "analysis", "paper"];

/// Verbs by which an author puts out a document.
pub(super) const ISSUE_VERBS: &[&str] =
    &["released", "published", "issued", "tabled", "delivered", "produced", "compiled", "presented", "unveiled"];

/// How many tokens back the author of a document may be named (a few sentences).
pub(super) const AUTHOR_REACH: usize = 120;

/// The actor that issued the document `noun` named at token `at`: the nearest earlier actor that
/// "released its report" or whose report it is ("the Bureau's report").
pub(super) fn document_author(w: &Words<'_>, phrases: &[Phrase], at: usize, noun: &str) -> Option<usize> {
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
pub(super) fn anonymous(w: &Words<'_>, reg: &mut Registry, start: usize, end: usize, span: Span) -> Resolved {
    let phrase = span.text(w.text).to_owned();
    let country = (start..end)
        .find_map(|k| w.country_at(k))
        .map(|(c, _, e)| (w.country_code(c).to_owned(), span_of(w, start, e).text(w.text).to_owned()));
    let a = reg.anonymous(&phrase, country, span);
    Resolved::new(Some(a), Some(span), "an unnamed source described by the text")
}

pub(super) fn last_speaker_of(
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
pub(super) fn pronoun(
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
pub(super) fn record(r: &mut Recorder, p: ranker::Pronoun, candidates: &[ranker::Candidate], ids: &[usize]) {
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
pub(super) const PRONOUN_WINDOW: usize = 4;

/// How many phrases back a pronoun's antecedent is looked for (a few paragraphs), so a pronoun with none
/// costs the same in a long text as in a short one.
pub(super) const PRONOUN_REACH: usize = 300;

/// Collects [`pronoun_examples`] and [`cue_examples`] during an analysis.
#[derive(Default)]
pub(super) struct Recorder {
    pub examples: Vec<ranker::Example>,
    /// Each actor's gender before any pronoun was resolved to it (from its name, honorific or title).
    pub gender_before: Vec<Option<actors::Gender>>,
    /// The reported statements the patterns found, before the cue-sense model judged them.
    pub cues: Vec<super::cue_sense::Example>,
}

/// Pass 6: resolves the speaker of every statement of `found` (in text order), then splits statements
/// whose subject joins several actors.
pub fn speakers(
    w: &Words<'_>,
    tagged: &Tagged,
    names: &mut Names,
    found: &mut Vec<Found>,
    layout: &Layout,
    sents: &[Sentence],
    rec: &mut Option<Recorder>,
) -> Vec<Resolved> {
    let Names { reg, phrases, .. } = names;
    reg.index_roles();
    given_name_genders(reg);
    if let Some(r) = rec.as_mut() {
        r.gender_before = reg.drafts.iter().map(|d| d.gender).collect();
    }
    let mut resolved: Vec<Resolved> = Vec::with_capacity(found.len());
    for n in 0..found.len() {
        let r =
            resolve(w, tagged, reg, phrases, found, &resolved, n, &layout.in_quote, sents, &layout.sentence_of, rec);
        resolved.push(r);
    }
    coordinated_speakers(w, reg, phrases, found, &mut resolved);
    resolved
}
