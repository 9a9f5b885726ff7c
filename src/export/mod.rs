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
mod groups;
mod html;

use crate::lexicon::country_label;
use crate::model::{ActorKind, Dossier, DossierCard, Section, Wording};

pub use date::{civil_date, today};
pub use escape::{escape_inline, quoted};
use footnotes::Footnotes;
pub use groups::{Speaker, by_date, has_dates, human_date, reported_by, reporter, speakers, timeline};
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
    let actors = speakers(dossier, Section::KeyActors).len();
    let by = dossier.section(Section::StatementsBy).count();
    let about = dossier.section(Section::StatementsAbout).count();
    let sources = source_labels(dossier);
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

/// Every article the dossier's cards come from, once, with its label.
fn source_labels(dossier: &Dossier) -> Vec<(&str, String)> {
    let mut sources: Vec<(&str, String)> = Vec::new();
    for source in dossier.cards.iter().flat_map(DossierCard::sources) {
        let key = if source.hash.is_empty() { source.path.as_str() } else { source.hash.as_str() };
        if !sources.iter().any(|(k, _)| *k == key) {
            sources.push((key, source.label()));
        }
    }
    sources
}

/// "Sources published 2024-05-01 to 2024-05-12." (or "on 2024-05-12."), from the dates of the cards'
/// sources that have one; `None` when none has.
fn date_range(dossier: &Dossier) -> Option<String> {
    let dates = dossier
        .cards
        .iter()
        .flat_map(DossierCard::sources)
        .filter_map(|s| s.published.as_deref())
        .filter(|d| !d.trim().is_empty());
    let (first, last) = dates.fold(None, |range: Option<(&str, &str)>, d| match range {
        None => Some((d, d)),
        Some((first, last)) => Some((first.min(d), last.max(d))),
    })?;
    let undated = dossier
        .cards
        .iter()
        .flat_map(DossierCard::sources)
        .filter(|s| s.published.as_deref().is_none_or(|d| d.trim().is_empty()));
    let note = if undated.count() > 0 { " (some sources give no date)" } else { "" };
    Some(if first == last {
        format!("Sources published on {}{note}.", escape_inline(first))
    } else {
        format!("Sources published {} to {}{note}.", escape_inline(first), escape_inline(last))
    })
}

/// The key actors as a table, one row per entity: Name | Role | Country | Articles (how many), the name
/// citing each article it appears in.
fn key_actors(dossier: &Dossier, citations: &mut Footnotes) -> Vec<String> {
    let entities = speakers(dossier, Section::KeyActors);
    if entities.is_empty() {
        return vec!["None.".to_owned()];
    }
    let mut lines = vec!["| Name | Role | Country | Articles |".to_owned(), "| --- | --- | --- | --- |".to_owned()];
    for entity in entities {
        let name = speaker_name(entity.name);
        let role = entity.role.map_or_else(|| "—".to_owned(), escape_inline);
        let country = entity.country.map_or_else(|| "—".to_owned(), |c| escape_inline(&country_label(c)));
        let sources = entity.sources();
        let cites: String = sources.iter().map(|s| citations.cite(s)).collect();
        lines.push(format!("| {name}{cites} | {role} | {country} | {} |", sources.len()));
    }
    lines
}

/// The statements of one section, grouped by speaker (entity) in order of first appearance, each
/// speaker's oldest first.
fn statements(dossier: &Dossier, section: Section, citations: &mut Footnotes) -> Vec<String> {
    let groups = speakers(dossier, section);
    if groups.is_empty() {
        return vec!["None.".to_owned()];
    }
    let dated = has_dates(dossier);
    let mut lines = Vec::new();
    for speaker in groups {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(speaker_heading(&speaker));
        lines.push(String::new());
        lines.extend(speaker.cards.iter().map(|card| statement_line(card, dated, citations)));
    }
    lines
}

/// `### Name (role, country)`, leaving out what is missing.
fn speaker_heading(speaker: &Speaker<'_>) -> String {
    let role = speaker.role.map(str::trim).filter(|r| !r.is_empty()).map(escape_inline);
    // "### Pakistan" rather than "### Pakistan (Pakistan)": a country speaks for itself.
    let country = speaker
        .country
        .filter(|_| speaker.kind != ActorKind::Country)
        .map(|c| escape_inline(&country_label(c)))
        .filter(|c| !c.is_empty());
    let details: Vec<String> = role.into_iter().chain(country).collect();
    if details.is_empty() {
        format!("### {}", speaker_name(speaker.name))
    } else {
        format!("### {} ({})", speaker_name(speaker.name), details.join(", "))
    }
}

/// A name, escaped, or "Unknown speaker".
fn speaker_name(name: &str) -> String {
    let name = escape_inline(name);
    if name.is_empty() { "Unknown speaker".to_owned() } else { name }
}

/// `- **said**: “…”[^n]` for a quote, `- *reported*: …[^n]` for a paraphrase, and for a partial quote
/// `- *described*: them as “important partners”[^n]` (a paraphrase that keeps its quotation marks). With
/// `dated`, the date of the article first (`12 May 2024 — `, or `Undated — `); a statement several
/// articles report cites each and says who reported it when.
fn statement_line(card: &DossierCard, dated: bool, citations: &mut Footnotes) -> String {
    let cue = card.cue.as_deref().map(escape_inline).filter(|c| !c.is_empty());
    let content = card.content.as_deref().map(escape_inline).filter(|c| !c.is_empty());
    let citation: String = card.sources().map(|s| citations.cite(s)).collect();
    let date = if dated {
        format!("{} — ", card.published().map_or_else(|| "Undated".to_owned(), |d| escape_inline(&human_date(d))))
    } else {
        String::new()
    };
    let reported = reported_by(card).map(|r| format!(" ({})", escape_inline(&r))).unwrap_or_default();
    if Wording::of(card.direct, card.content.as_deref().unwrap_or("")) == Wording::Quote {
        let cue = cue.unwrap_or_else(|| "said".to_owned());
        let content = content.unwrap_or_default();
        format!("- {date}**{cue}**: {}{citation}{reported}", quoted(&content))
    } else {
        let cue = cue.unwrap_or_else(|| "reported".to_owned());
        let content = content.unwrap_or_else(|| "(no content)".to_owned());
        format!("- {date}*{cue}*: {content}{citation}{reported}")
    }
}
