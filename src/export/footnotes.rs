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

/// `<title>, <path>, sentence: “…”`, leaving out what is missing.
fn definition(source: &SourceRef) -> String {
    let mut parts = Vec::new();
    if let Some(title) = source.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        parts.push(escape_inline(title));
    }
    if !source.path.trim().is_empty() {
        parts.push(escape_inline(&source.path));
    }
    if !source.sentence.trim().is_empty() {
        parts.push(format!("sentence: {}", quoted(&escape_inline(&source.sentence))));
    }
    if parts.is_empty() { "Source unknown.".to_owned() } else { parts.join(", ") }
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
        assert_eq!(notes.definitions(), ["[^2]: Dawn, a.txt, sentence: “One.”", "[^3]: b.txt"]);
    }
}
