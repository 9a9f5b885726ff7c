//! The readable text of an HTML page: title, headings, paragraphs, list items and quotes, in document
//! order; scripts, styles, navigation, headers, footers, asides and forms dropped. Nesting deeper than
//! [`MAX_DEPTH`] is flattened first, so that a page of a million unclosed `<div>`s cannot take hours.

use scraper::{ElementRef, Html, Selector};

/// The elements whose text is one paragraph of the article.
const BLOCKS: [&str; 15] =
    ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "figcaption", "td", "th", "dt", "dd"];
const DROPPED: [&str; 11] =
    ["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "button", "svg"];

/// Returns the page title and its readable text, one block a paragraph.
pub fn readable(source: &str) -> (Option<String>, String) {
    let document = Html::parse_document(source);
    let title = select_first_text(&document, "title").or_else(|| select_first_text(&document, "h1"));
    // One walk in document order that descends neither into dropped elements nor into blocks (a block's
    // text includes its inner blocks): linear in the page, however deep it nests.
    let mut blocks: Vec<String> = Vec::new();
    let mut stack = vec![document.tree.root()];
    while let Some(node) = stack.pop() {
        if let Some(element) = ElementRef::wrap(node) {
            let name = element.value().name();
            if DROPPED.contains(&name) {
                continue;
            }
            if BLOCKS.contains(&name) {
                let text = collapse(&element.text().collect::<String>());
                if !text.is_empty() {
                    blocks.push(text);
                }
                continue;
            }
        }
        // Reversed, so that they pop in document order.
        stack.extend(node.children().rev());
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

/// The text of `element` outside dropped elements, in document order.
fn visible_text(element: ElementRef<'_>) -> String {
    let mut out = String::new();
    let mut stack = vec![*element];
    while let Some(node) = stack.pop() {
        if let Some(text) = node.value().as_text() {
            out.push_str(text);
            out.push(' ');
        } else if ElementRef::wrap(node).is_none_or(|e| !DROPPED.contains(&e.value().name())) {
            // Reversed, so that they pop in document order.
            stack.extend(node.children().rev());
        }
    }
    out
}

/// Collapses runs of whitespace into single spaces and trims.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Elements nested deeper than this are flattened into their ancestor at this depth before parsing (as
/// Chromium's parser does at 512; this depth leaves out paragraphs, list items, table rows and cells, so
/// the real depth is up to about twice it). The HTML parser's scope checks walk its stack of open
/// elements at most tags, so its time grows with the number of tags times the depth: 100,000 nested
/// `<div>`s (1 MB) took 37 s. Real pages nest a few dozen deep.
pub const MAX_DEPTH: usize = 256;

/// Elements whose content is text, not markup, up to their end tag.
const RAW_TEXT: [&str; 10] =
    ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// Elements that are not counted in the depth: void elements, elements the parser closes by themselves
/// when a sibling starts (`<p>`, `<li>`, table cells), ones it never nests in themselves (`<a>`, `<form>`),
/// and the document's own. Leaving them out can only underestimate the depth, which is the safe side.
const NOT_COUNTED: [&str; 44] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
    "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
    "tbody", "thead", "tfoot", "caption", "colgroup", "rb", "rt", "rp", "rtc", "a", "nobr", "button", "form", "html",
    "head", "body",
];

/// A tag as written in the source: its byte range, name, and whether it is an end tag or self-closing.
struct Tag<'s> {
    range: std::ops::Range<usize>,
    name: &'s str,
    end: bool,
    self_closing: bool,
}

impl Tag<'_> {
    fn counted(&self) -> bool {
        !NOT_COUNTED.iter().any(|n| self.name.eq_ignore_ascii_case(n))
    }
}

/// The source with tags nested deeper than [`MAX_DEPTH`] removed (their text kept), or `None` when no
/// element is that deep, which is every normal page: those are parsed exactly as written.
pub fn flatten_deep_nesting(source: &str) -> Option<String> {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    scan_tags(source, |tag| {
        if tag.counted() && tag.end {
            depth = depth.saturating_sub(1);
        } else if tag.counted() && !tag.self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
    });
    if deepest <= MAX_DEPTH {
        return None;
    }
    let mut out = String::with_capacity(source.len());
    let mut copied = 0;
    depth = 0;
    scan_tags(source, |tag| {
        if !tag.counted() || (tag.self_closing && !tag.end) {
            return;
        }
        if !tag.end {
            depth += 1;
        }
        if depth > MAX_DEPTH {
            out.push_str(&source[copied..tag.range.start]);
            copied = tag.range.end;
        }
        if tag.end {
            depth = depth.saturating_sub(1);
        }
    });
    out.push_str(&source[copied..]);
    Some(out)
}

/// Calls `found` for every start and end tag of `source`, in order, in one linear pass: comments,
/// doctypes and processing instructions are skipped, as is the content of raw-text elements (`<script>`,
/// `<style>`, …); quoted attribute values may hold `>`.
fn scan_tags<'s>(source: &'s str, mut found: impl FnMut(Tag<'s>)) {
    let b = source.as_bytes();
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + at;
        i = lt + 1;
        if b[i..].starts_with(b"!--") {
            i = memchr::memmem::find(&b[i + 3..], b"-->").map_or(b.len(), |e| i + 3 + e + 3);
            continue;
        }
        if matches!(b.get(i), Some(b'!' | b'?')) {
            i = memchr::memchr(b'>', &b[i..]).map_or(b.len(), |e| i + e + 1);
            continue;
        }
        let end = b.get(i) == Some(&b'/');
        let name_start = if end { i + 1 } else { i };
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_len = b[name_start..].iter().position(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'));
        let name_end = name_start + name_len.unwrap_or(b.len() - name_start);
        // The closing '>', skipping quoted attribute values.
        let mut j = name_end;
        let mut quote: Option<u8> = None;
        let mut after_equals = false;
        while j < b.len() {
            let c = b[j];
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == b'>' => break,
                None if after_equals && matches!(c, b'"' | b'\'') => quote = Some(c),
                None => {}
            }
            if quote.is_none() && !c.is_ascii_whitespace() {
                after_equals = c == b'=';
            }
            j += 1;
        }
        if j >= b.len() {
            // A tag cut off by the end of the file: the parser drops it too.
            return;
        }
        let name = &source[name_start..name_end];
        let self_closing = !end && j > name_end && b[j - 1] == b'/';
        found(Tag { range: lt..j + 1, name, end, self_closing });
        i = j + 1;
        if !end && RAW_TEXT.iter().any(|r| name.eq_ignore_ascii_case(r)) {
            if name.eq_ignore_ascii_case("plaintext") {
                return;
            }
            i = raw_text_end(b, i, name.as_bytes());
        }
    }
}

/// Where the end tag `</name` of a raw-text element starts, from `from`, or the end of the source.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut k = from;
    while let Some(at) = memchr::memmem::find(&b[k..], b"</") {
        let start = k + at;
        let after = start + 2 + name.len();
        let matches = b.get(start + 2..after).is_some_and(|n| n.eq_ignore_ascii_case(name))
            && b.get(after).is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'));
        if matches {
            return start;
        }
        k = start + 2;
    }
    b.len()
}
