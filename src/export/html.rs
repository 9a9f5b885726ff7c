//! Dossier → a self-contained HTML briefing: one file with its stylesheet inside (a print stylesheet
//! too, so any browser prints it to PDF), the same contents as the Markdown note, and numbered footnotes
//! that link back to each source (its address when the article gave one, else its file). Everything from
//! articles and from the analyst is HTML-escaped; the analyst's notes are shown as written (not rendered).
//! Pure.

use std::fmt::Write as _;

use super::groups::{Speaker, has_dates, human_date, reported_by, speakers};
use crate::lexicon::country_label;
use crate::model::{ActorKind, Dossier, DossierCard, Section, SourceRef, Wording};

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #1a1a1a; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; border-bottom: 1px solid #ccc; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin-bottom: 0.3em; }
.date { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
ul { padding-left: 1.3em; }
.cue { font-weight: bold; }
.paraphrase .cue { font-weight: normal; font-style: italic; }
sup a { text-decoration: none; }
.footnotes { font-size: 0.9em; color: #333; }
.footnotes li { margin-bottom: 0.4em; }
.notes { white-space: pre-wrap; font-family: inherit; background: #fafafa; border-left: 3px solid #ccc; padding: 0.5em 1em; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; }
  .footnotes a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
  h2, h3 { break-after: avoid; }
  li, tr { break-inside: avoid; }
}
"#;

/// The HTML briefing of a dossier, dated `date` (YYYY-MM-DD).
pub fn briefing_html(dossier: &Dossier, date: &str) -> String {
    let name = if dossier.name.trim().is_empty() { dossier.country.as_str() } else { dossier.name.trim() };
    let country = escape(name);
    let possessive = if name.ends_with('s') { format!("{country}'") } else { format!("{country}'s") };
    let mut notes = Footnotes::default();
    let mut body = String::new();
    let _ = write!(body, "<h1>{country} briefing</h1>\n<p class=\"date\">Date: {}</p>\n", escape(date));
    summary(&mut body, dossier, &country, &possessive);
    body.push_str("<h2>Key actors</h2>\n");
    key_actors(&mut body, dossier, &mut notes);
    let _ = writeln!(body, "<h2>Statements by {possessive} actors</h2>");
    statements(&mut body, dossier, Section::StatementsBy, &mut notes);
    let _ = writeln!(body, "<h2>Statements about {country} by others</h2>");
    statements(&mut body, dossier, Section::StatementsAbout, &mut notes);
    body.push_str("<h2>Analyst notes</h2>\n");
    let written = dossier.notes.trim_end();
    if written.trim().is_empty() {
        body.push_str("<p>None.</p>\n");
    } else {
        let _ = writeln!(body, "<div class=\"notes\">{}</div>", escape(written));
    }
    notes.write(&mut body);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\">\n<title>{country} briefing</title>\n<style>{STYLE}</style>\n\
         </head>\n<body>\n{body}</body>\n</html>\n"
    )
}

/// The file name an HTML briefing is exported under by default: `pakistan-briefing.html`.
pub fn briefing_html_file_name(dossier: &Dossier) -> String {
    let ron_name = dossier.file_name();
    let stem = ron_name.strip_suffix(".ron").unwrap_or(&ron_name);
    format!("{stem}-briefing.html")
}

/// `text` with `&`, `<`, `>`, `"` and `'` as entities: safe in element content and in quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// One line of article text: line breaks become spaces.
fn inline(text: &str) -> String {
    escape(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn summary(body: &mut String, dossier: &Dossier, country: &str, possessive: &str) {
    let actors = speakers(dossier, Section::KeyActors).len();
    let by = dossier.section(Section::StatementsBy).count();
    let about = dossier.section(Section::StatementsAbout).count();
    let sources = super::source_labels(dossier);
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    body.push_str("<h2>Summary</h2>\n");
    let _ = writeln!(
        body,
        "<p>{} and {} ({by} by {possessive} actors, {about} about {country} by others), from {}{}</p>",
        plural(actors, "key actor", "key actors"),
        plural(by + about, "statement", "statements"),
        plural(sources.len(), "source", "sources"),
        if sources.is_empty() { "." } else { ":" },
    );
    if !sources.is_empty() {
        body.push_str("<ul>\n");
        for (_, label) in &sources {
            let _ = writeln!(body, "<li>{}</li>", inline(label));
        }
        body.push_str("</ul>\n");
    }
}

fn key_actors(body: &mut String, dossier: &Dossier, notes: &mut Footnotes) {
    let entities = speakers(dossier, Section::KeyActors);
    if entities.is_empty() {
        body.push_str("<p>None.</p>\n");
        return;
    }
    body.push_str(
        "<table>\n<thead><tr><th>Name</th><th>Role</th><th>Country</th><th>Articles</th></tr></thead>\n<tbody>\n",
    );
    for entity in entities {
        let role = entity.role.map_or_else(|| "—".to_owned(), inline);
        let country = entity.country.map_or_else(|| "—".to_owned(), |c| inline(&country_label(c)));
        let sources = entity.sources();
        let cites: String = sources.iter().map(|s| notes.cite(s)).collect();
        let _ = writeln!(
            body,
            "<tr><td>{}{cites}</td><td>{role}</td><td>{country}</td><td>{}</td></tr>",
            speaker_name(entity.name),
            sources.len()
        );
    }
    body.push_str("</tbody>\n</table>\n");
}

fn statements(body: &mut String, dossier: &Dossier, section: Section, notes: &mut Footnotes) {
    let groups = speakers(dossier, section);
    if groups.is_empty() {
        body.push_str("<p>None.</p>\n");
        return;
    }
    let dated = has_dates(dossier);
    for speaker in groups {
        let _ = writeln!(body, "<h3>{}</h3>\n<ul>", speaker_heading(&speaker));
        for card in speaker.cards {
            statement(body, card, dated, notes);
        }
        body.push_str("</ul>\n");
    }
}

/// One statement: its date (when the dossier has dates), cue and content, a citation of each source, and
/// who reported it when for a statement several articles report.
fn statement(body: &mut String, card: &DossierCard, dated: bool, notes: &mut Footnotes) {
    let cue = card.cue.as_deref().map(inline).filter(|c| !c.is_empty());
    let raw = card.content.as_deref().unwrap_or("");
    let content = Some(inline(raw)).filter(|c| !c.is_empty());
    let citation: String = card.sources().map(|s| notes.cite(s)).collect();
    let date = if dated {
        let date = card.published().map_or_else(|| "Undated".to_owned(), |d| inline(&human_date(d)));
        format!("<span class=\"date\">{date}</span> — ")
    } else {
        String::new()
    };
    let reported = reported_by(card).map(|r| format!(" ({})", inline(&r))).unwrap_or_default();
    if Wording::of(card.direct, raw) == Wording::Quote {
        let cue = cue.unwrap_or_else(|| "said".to_owned());
        let content = inline(&super::quoted(raw));
        let _ = writeln!(
            body,
            "<li class=\"quote\">{date}<span class=\"cue\">{cue}</span>: {content}{citation}{reported}</li>"
        );
    } else {
        let cue = cue.unwrap_or_else(|| "reported".to_owned());
        let content = content.unwrap_or_else(|| "(no content)".to_owned());
        let _ = writeln!(
            body,
            "<li class=\"paraphrase\">{date}<span class=\"cue\">{cue}</span>: {content}{citation}{reported}</li>"
        );
    }
}

fn speaker_name(name: &str) -> String {
    let name = inline(name);
    if name.is_empty() { "Unknown speaker".to_owned() } else { name }
}

fn speaker_heading(speaker: &Speaker<'_>) -> String {
    let role = speaker.role.map(str::trim).filter(|r| !r.is_empty()).map(inline);
    let country = speaker.country.filter(|_| speaker.kind != ActorKind::Country).map(|c| inline(&country_label(c)));
    let details: Vec<String> = role.into_iter().chain(country).filter(|d| !d.is_empty()).collect();
    let name = speaker_name(speaker.name);
    if details.is_empty() { name } else { format!("{name} ({})", details.join(", ")) }
}

/// Numbered footnotes: equal sources share a number; each links back to the text.
#[derive(Default)]
struct Footnotes {
    /// The footnote's HTML, by number − 1.
    entries: Vec<String>,
}

impl Footnotes {
    /// The superscript reference citing `source`.
    fn cite(&mut self, source: &SourceRef) -> String {
        let entry = footnote(source);
        let number = match self.entries.iter().position(|e| *e == entry) {
            Some(index) => index + 1,
            None => {
                self.entries.push(entry);
                self.entries.len()
            }
        };
        format!("<sup><a href=\"#fn{number}\">{number}</a></sup>")
    }

    fn write(&self, body: &mut String) {
        if self.entries.is_empty() {
            return;
        }
        body.push_str("<h2>Sources</h2>\n<ol class=\"footnotes\">\n");
        for (index, entry) in self.entries.iter().enumerate() {
            let _ = writeln!(body, "<li id=\"fn{}\">{entry}</li>", index + 1);
        }
        body.push_str("</ol>\n");
    }
}

/// A source: its title as a link (to the article's address, or its file), its outlet and date, and the
/// sentence cited.
fn footnote(source: &SourceRef) -> String {
    let label = inline(&source.label());
    let href = source
        .url
        .as_deref()
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .map_or_else(|| file_href(&source.path), escape);
    let mut parts = vec![if href.is_empty() { label } else { format!("<a href=\"{href}\">{label}</a>") }];
    parts.extend(source.outlet.as_deref().map(inline));
    parts.extend(source.published.as_deref().map(inline));
    if source.title.is_some() && !source.path.trim().is_empty() {
        parts.push(format!("<code>{}</code>", inline(&source.path)));
    }
    let mut text = parts.join(", ");
    if !source.sentence.trim().is_empty() {
        let _ = write!(text, ": {}", inline(&super::quoted(&source.sentence)));
    }
    text
}

/// A link to a file: `file://` and its absolute path, percent-encoded; a relative path stays relative.
fn file_href(path: &str) -> String {
    let path = path.trim();
    if path.is_empty() {
        return String::new();
    }
    let mut out = String::from(if path.starts_with('/') { "file://" } else { "" });
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_links() {
        assert_eq!(escape("<b>\"x\" & 'y'</b>"), "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
        assert_eq!(file_href("/news/a b.txt"), "file:///news/a%20b.txt");
        assert_eq!(file_href("news/\"x\".txt"), "news/%22x%22.txt");
    }
}
