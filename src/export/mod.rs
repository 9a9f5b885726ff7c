//! Dossier → Markdown briefing note (and, in `html.rs`, the same briefing as one self-contained HTML file).
//! Pure.
//!
//! The note is meant to be read rendered, on GitHub or in Obsidian: a title and date, a summary, the key
//! actors as a table, the statements grouped by speaker with every one citing its source sentence as a
//! footnote, then the analyst's own notes. Everything that comes from articles is escaped
//! ([`escape_inline`]) so that no article can add headings, links, tables or HTML to the note; only the
//! analyst's notes are copied as Markdown, as written.

mod date;
mod escape;
mod footnotes;
mod html;

use crate::lexicon::country_label;
use crate::model::{ActorKind, Dossier, DossierCard, Section, Wording};

pub use date::{civil_date, today};
pub use escape::{escape_inline, quoted};
use footnotes::Footnotes;
pub use html::{briefing_html, briefing_html_file_name};

/// The Markdown briefing note of a dossier, dated `date` (YYYY-MM-DD).
pub fn briefing(dossier: &Dossier, date: &str) -> String {
    let country = country_name(dossier);
    let possessive = possessive(&country);
    let mut citations = Footnotes::new(&dossier.notes);
    let mut lines = vec![format!("# {country} briefing"), String::new(), format!("Date: {}", escape_inline(date))];

    lines.extend(section_heading("Summary"));
    lines.extend(summary(dossier, &country));
    lines.extend(section_heading("Key actors"));
    lines.extend(key_actors(dossier, &mut citations));
    lines.extend(section_heading(&format!("Statements by {possessive} actors")));
    lines.extend(statements(dossier, Section::StatementsBy, &mut citations));
    lines.extend(section_heading(&format!("Statements about {country} by others")));
    lines.extend(statements(dossier, Section::StatementsAbout, &mut citations));
    let definitions = citations.definitions();
    if !definitions.is_empty() {
        // Before the notes, so that whatever the notes contain (an unclosed code block, say) cannot swallow
        // them; GitHub and Obsidian show footnotes at the end of the note anyway.
        lines.push(String::new());
        lines.extend(definitions);
    }
    lines.extend(section_heading("Analyst notes"));
    let notes = dossier.notes.trim_end();
    lines.push(if notes.trim().is_empty() { "None.".to_owned() } else { notes.to_owned() });

    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// The file name a briefing is exported under by default: `pakistan-briefing.md`.
pub fn briefing_file_name(dossier: &Dossier) -> String {
    let ron_name = dossier.file_name();
    let stem = ron_name.strip_suffix(".ron").unwrap_or(&ron_name);
    format!("{stem}-briefing.md")
}

/// The dossier's country name, escaped: its name, or the label of its code when it has none.
fn country_name(dossier: &Dossier) -> String {
    let name = dossier.name.trim();
    escape_inline(if name.is_empty() { &dossier.country } else { name })
}

/// "Pakistan's", "the Philippines'".
fn possessive(name: &str) -> String {
    if name.ends_with('s') { format!("{name}'") } else { format!("{name}'s") }
}

/// A blank line, a `##` heading and a blank line.
fn section_heading(title: &str) -> [String; 3] {
    [String::new(), format!("## {title}"), String::new()]
}

/// `1 source`, `2 sources`.
fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// Counts of actors, statements and sources, and the sources' titles.
fn summary(dossier: &Dossier, country: &str) -> Vec<String> {
    let actors = dossier.section(Section::KeyActors).count();
    let by = dossier.section(Section::StatementsBy).count();
    let about = dossier.section(Section::StatementsAbout).count();
    let mut sources: Vec<(&str, String)> = Vec::new();
    for card in &dossier.cards {
        let key = if card.source.hash.is_empty() { card.source.path.as_str() } else { card.source.hash.as_str() };
        if !sources.iter().any(|(k, _)| *k == key) {
            sources.push((key, card.source.label()));
        }
    }
    let mut lines = vec![format!(
        "{} and {} ({by} by {} actors, {about} about {country} by others), from {}{}",
        count(actors, "key actor", "key actors"),
        count(by + about, "statement", "statements"),
        possessive(country),
        count(sources.len(), "source", "sources"),
        if sources.is_empty() { "." } else { ":" },
    )];
    if let Some(range) = date_range(dossier) {
        lines.push(String::new());
        lines.push(range);
    }
    if !sources.is_empty() {
        lines.push(String::new());
        lines.extend(sources.iter().map(|(_, label)| format!("- {}", escape_inline(label))));
    }
    if by + about > 0 {
        lines.push(String::new());
        lines.push(
            "Quotes are in “quotation marks” after the cue in bold; paraphrases follow the cue in italics.".into(),
        );
    }
    lines
}

/// "Sources published 2024-05-01 to 2024-05-12." (or "on 2024-05-12."), from the dates of the cards'
/// sources that have one; `None` when none has.
fn date_range(dossier: &Dossier) -> Option<String> {
    let dates = dossier.cards.iter().filter_map(|c| c.source.published.as_deref()).filter(|d| !d.trim().is_empty());
    let (first, last) = dates.fold(None, |range: Option<(&str, &str)>, d| match range {
        None => Some((d, d)),
        Some((first, last)) => Some((first.min(d), last.max(d))),
    })?;
    let undated = dossier.cards.iter().filter(|c| c.source.published.as_deref().is_none_or(|d| d.trim().is_empty()));
    let note = if undated.count() > 0 { " (some sources give no date)" } else { "" };
    Some(if first == last {
        format!("Sources published on {}{note}.", escape_inline(first))
    } else {
        format!("Sources published {} to {}{note}.", escape_inline(first), escape_inline(last))
    })
}

/// The key actors as a table: Name | Role | Country, the name citing its source.
fn key_actors(dossier: &Dossier, citations: &mut Footnotes) -> Vec<String> {
    let cards: Vec<&DossierCard> = dossier.section(Section::KeyActors).collect();
    if cards.is_empty() {
        return vec!["None.".to_owned()];
    }
    let mut lines = vec!["| Name | Role | Country |".to_owned(), "| --- | --- | --- |".to_owned()];
    for card in cards {
        let name = speaker_name(card);
        let role = card.role.as_deref().map_or_else(|| "—".to_owned(), escape_inline);
        let country = card.country.as_deref().map_or_else(|| "—".to_owned(), |c| escape_inline(&country_label(c)));
        lines.push(format!("| {name}{} | {role} | {country} |", citations.cite(&card.source)));
    }
    lines
}

/// The statements of one section, grouped by speaker in order of first appearance.
fn statements(dossier: &Dossier, section: Section, citations: &mut Footnotes) -> Vec<String> {
    let mut groups: Vec<(String, Vec<&DossierCard>)> = Vec::new();
    for card in dossier.section(section) {
        let heading = speaker_heading(card);
        match groups.iter_mut().find(|(h, _)| *h == heading) {
            Some((_, cards)) => cards.push(card),
            None => groups.push((heading, vec![card])),
        }
    }
    if groups.is_empty() {
        return vec!["None.".to_owned()];
    }
    let mut lines = Vec::new();
    for (heading, cards) in groups {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(heading);
        lines.push(String::new());
        lines.extend(cards.into_iter().map(|card| statement_line(card, citations)));
    }
    lines
}

/// `### Name (role, country)`, leaving out what is missing.
fn speaker_heading(card: &DossierCard) -> String {
    let role = card.role.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(escape_inline);
    // "### Pakistan" rather than "### Pakistan (Pakistan)": a country speaks for itself.
    let country = card
        .country
        .as_deref()
        .filter(|_| card.kind != ActorKind::Country)
        .map(|c| escape_inline(&country_label(c)))
        .filter(|c| !c.is_empty());
    let details: Vec<String> = role.into_iter().chain(country).collect();
    if details.is_empty() {
        format!("### {}", speaker_name(card))
    } else {
        format!("### {} ({})", speaker_name(card), details.join(", "))
    }
}

/// The card's name, escaped, or "Unknown speaker".
fn speaker_name(card: &DossierCard) -> String {
    let name = escape_inline(&card.name);
    if name.is_empty() { "Unknown speaker".to_owned() } else { name }
}

/// `- **said**: “…”[^n]` for a quote, `- *reported*: …[^n]` for a paraphrase, and for a partial quote
/// `- *described*: them as “important partners”[^n]` (a paraphrase that keeps its quotation marks).
fn statement_line(card: &DossierCard, citations: &mut Footnotes) -> String {
    let cue = card.cue.as_deref().map(escape_inline).filter(|c| !c.is_empty());
    let content = card.content.as_deref().map(escape_inline).filter(|c| !c.is_empty());
    let citation = citations.cite(&card.source);
    if Wording::of(card.direct, card.content.as_deref().unwrap_or("")) == Wording::Quote {
        let cue = cue.unwrap_or_else(|| "said".to_owned());
        let content = content.unwrap_or_default();
        format!("- **{cue}**: {}{citation}", quoted(&content))
    } else {
        let cue = cue.unwrap_or_else(|| "reported".to_owned());
        let content = content.unwrap_or_else(|| "(no content)".to_owned());
        format!("- *{cue}*: {content}{citation}")
    }
}
