//! Footnotes of a briefing: every card cites its source sentence as a numbered Markdown footnote. Equal
//! citations share a number; numbers the analyst already uses in the notes are skipped so that labels
//! stay unique in the whole document.

use std::collections::BTreeSet;
use std::rc::Rc;

use rustc_hash::FxHashMap as HashMap;

use crate::model::SourceRef;

use super::escape::{escape_inline, quoted};

/// The footnotes of one briefing, numbered in the order they are first cited.
pub(super) struct Footnotes {
    /// `(label, definition text)`, the text already escaped.
    entries: Vec<(u32, Rc<str>)>,
    /// The label of each definition text: a briefing of 10,000 cards looks each citation up at once.
    labels: HashMap<Rc<str>, u32>,
    /// Numeric labels the analyst's notes use themselves (`[^3]`).
    taken: BTreeSet<u32>,
    next: u32,
}

impl Footnotes {
    /// No footnotes yet; `notes` is scanned for numeric labels to avoid.
    pub(super) fn new(notes: &str) -> Self {
        Self { entries: Vec::new(), labels: HashMap::default(), taken: numeric_labels(notes), next: 1 }
    }

    /// The reference (`[^n]`) citing `source`: a new footnote, or the one citing the same thing.
    pub(super) fn cite(&mut self, source: &SourceRef) -> String {
        let text = definition(source);
        if let Some(label) = self.labels.get(text.as_str()) {
            return format!("[^{label}]");
        }
        while self.taken.contains(&self.next) {
            self.next += 1;
        }
        let label = self.next;
        self.next += 1;
        let text: Rc<str> = text.into();
        self.labels.insert(Rc::clone(&text), label);
        self.entries.push((label, text));
        format!("[^{label}]")
    }

    /// The footnote definitions, one line each, in label order.
    pub(super) fn definitions(&self) -> Vec<String> {
        self.entries.iter().map(|(label, text)| format!("[^{label}]: {text}")).collect()
    }
}

/// `<outlet>, <title>, <date>, <url> (sentence: “…”)`, leaving out what is missing. The local path is
/// given only when neither outlet, title nor address is known: it means nothing to the briefing's reader.
fn definition(source: &SourceRef) -> String {
    let known = |field: &Option<String>| field.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
    let (outlet, title, published, url) =
        (known(&source.outlet), known(&source.title), known(&source.published), known(&source.url));
    let mut parts = Vec::new();
    if let Some(outlet) = &outlet {
        parts.push(escape_inline(outlet));
    }
    if let Some(title) = &title {
        parts.push(escape_inline(title));
    }
    if let Some(published) = &published {
        parts.push(escape_inline(published));
    }
    match url.as_deref().filter(|u| is_autolink(u)) {
        Some(url) => parts.push(format!("<{url}>")),
        None => {
            if let Some(url) = &url {
                parts.push(escape_inline(url));
            }
        }
    }
    if outlet.is_none() && title.is_none() && url.is_none() && !source.path.trim().is_empty() {
        parts.push(escape_inline(&source.path));
    }
    let sentence = source.sentence.trim();
    match (parts.is_empty(), sentence.is_empty()) {
        (true, true) => "Source unknown.".to_owned(),
        (true, false) => format!("Sentence: {}", quoted(&escape_inline(sentence))),
        (false, true) => parts.join(", "),
        (false, false) => format!("{} (sentence: {})", parts.join(", "), quoted(&escape_inline(sentence))),
    }
}

/// Whether `url` can be written as a Markdown autolink (`<https://…>`): a web address without spaces or
/// angle brackets.
fn is_autolink(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>'))
}

/// The numbers used as footnote labels (`[^12]`) in `text`.
fn numeric_labels(text: &str) -> BTreeSet<u32> {
    text.split("[^")
        .skip(1)
        .filter_map(|rest| rest.split_once(']'))
        .filter_map(|(label, _)| label.parse().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(title: Option<&str>, path: &str, sentence: &str) -> SourceRef {
        SourceRef {
            title: title.map(str::to_owned),
            path: path.to_owned(),
            sentence: sentence.to_owned(),
            ..SourceRef::default()
        }
    }

    #[test]
    fn equal_citations_share_a_label_and_taken_labels_are_skipped() {
        let mut notes = Footnotes::new("See [^1] and [^x].\n\n[^1]: My own note.");
        let a = source(Some("Dawn"), "a.txt", "One.");
        let b = source(None, "b.txt", "");
        assert_eq!(notes.cite(&a), "[^2]");
        assert_eq!(notes.cite(&b), "[^3]");
        assert_eq!(notes.cite(&a), "[^2]");
        assert_eq!(notes.definitions(), ["[^2]: Dawn (sentence: “One.”)", "[^3]: b.txt"]);
    }

    #[test]
    fn a_web_source_cites_outlet_title_date_and_address_not_the_path() {
        let mut web = source(Some("Talks resume"), "/home/me/Downloads/page.html", "They met.");
        web.outlet = Some("The Daily Example".into());
        web.published = Some("2024-05-12".into());
        web.url = Some("https://example.com/news/talks".into());
        let mut notes = Footnotes::new("");
        notes.cite(&web);
        assert_eq!(
            notes.definitions(),
            [
                "[^1]: The Daily Example, Talks resume, 2024-05-12, <https://example.com/news/talks> (sentence: “They met.”)"
            ]
        );
    }
}
