//! The readable text of an HTML page: title, headings, paragraphs, list items and quotes, in document
//! order; scripts, styles, navigation, headers, footers, asides and forms dropped.

use scraper::{ElementRef, Html, Selector};

const BLOCKS: &str = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td, th, dt, dd";
const DROPPED: [&str; 11] =
    ["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "button", "svg"];

/// Returns the page title and its readable text, one block a paragraph.
pub fn readable(source: &str) -> (Option<String>, String) {
    let document = Html::parse_document(source);
    let title = select_first_text(&document, "title").or_else(|| select_first_text(&document, "h1"));
    let mut blocks: Vec<String> = Vec::new();
    if let Ok(selector) = Selector::parse(BLOCKS) {
        for element in document.select(&selector) {
            if is_dropped(element) || has_block_ancestor(element) {
                continue;
            }
            let text = collapse(&element.text().collect::<String>());
            if !text.is_empty() {
                blocks.push(text);
            }
        }
    }
    if blocks.is_empty() {
        // No block markup: fall back to the body's text.
        if let Ok(body) = Selector::parse("body") {
            for element in document.select(&body) {
                let text = collapse(&visible_text(element));
                if !text.is_empty() {
                    blocks.push(text);
                }
            }
        }
    }
    // The headline usually repeats the title: keep it once, as the first paragraph.
    if let (Some(t), Some(first)) = (&title, blocks.first()) {
        if first != t && !blocks.iter().any(|b| b == t) {
            blocks.insert(0, t.clone());
        }
    }
    (title, blocks.join("\n\n") + "\n")
}

fn select_first_text(document: &Html, css: &str) -> Option<String> {
    let selector = Selector::parse(css).ok()?;
    let element = document.select(&selector).next()?;
    let text = collapse(&element.text().collect::<String>());
    (!text.is_empty()).then_some(text)
}

fn is_dropped(element: ElementRef<'_>) -> bool {
    std::iter::once(element)
        .chain(element.ancestors().filter_map(ElementRef::wrap))
        .any(|e| DROPPED.contains(&e.value().name()))
}

fn has_block_ancestor(element: ElementRef<'_>) -> bool {
    const INNER: [&str; 15] =
        ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "figcaption", "td", "th", "dt", "dd"];
    element.ancestors().filter_map(ElementRef::wrap).any(|e| INNER.contains(&e.value().name()))
}

fn visible_text(element: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in element.descendants() {
        if let Some(text) = node.value().as_text() {
            let hidden = node.ancestors().filter_map(ElementRef::wrap).any(|e| DROPPED.contains(&e.value().name()));
            if !hidden {
                out.push_str(text);
                out.push(' ');
            }
        }
    }
    out
}

/// Collapses runs of whitespace into single spaces and trims.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
