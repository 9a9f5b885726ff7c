//! Pass 7: the analysis: actors kept (anchored, speaking, or met more than once), ids, mentions, the
//! statements with their speakers, countries and confidence, and each card's `rule`.

use super::actors::Registry;
use super::attribution::Found;
use super::countries::countries_in;
use super::resolution::Resolved;
use super::tokens;
use super::words::{Words, span_of};
use crate::model::{Actor, ActorKind, Analysis, Span, Statement};

/// Turns the drafts and found statements into the analysis: ids, mentions, countries, confidence.
pub(super) fn build(
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

/// Whether a statement's content refers back to two parties without naming them.
pub(super) fn refers_to_a_pair(content: &str) -> bool {
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

/// Where the headline ends, or 0 when the text does not start with one: a first line of at most 20
/// words, on its own line, with the article after it.
pub(super) fn headline_end(text: &str) -> usize {
    let Some(end) = text.find('\n') else { return 0 };
    let line = &text[..end];
    let rest = text[end..].trim_start();
    if rest.is_empty() || line.trim().is_empty() || line.split_whitespace().count() > 20 {
        return 0;
    }
    end
}

/// A span without surrounding white space.
pub(super) fn trim_span(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}
