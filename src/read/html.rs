//! The article of a web page: the headline and the body only, paragraphs kept, without navigation,
//! share bars, captions, related links, comments or footer. Three steps on one parse (`dom_query`, the
//! html5ever tree): boilerplate marked as such by its tag or class is removed (captions, credits, share
//! and related-link boxes, forms), Mozilla's Readability algorithm (the `dom_smoothie` port) picks the
//! article's container, and inside it link lists and all-capital promotion lines are dropped. A page where
//! Readability finds nothing falls back to every paragraph of the page. Nesting deeper than
//! [`MAX_DEPTH`] is flattened first, so that a page of a million unclosed `<div>`s cannot take hours.

use dom_query::{Document, NodeRef};

use crate::model::ArticleMeta;

/// A web page read: its title (the site's suffix removed), article text and metadata.
pub struct Page {
    pub title: Option<String>,
    pub text: String,
    pub meta: ArticleMeta,
}

/// Elements that end a paragraph.
const BLOCKS: [&str; 29] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "section",
    "article",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "dl",
    "header",
    "main",
    "figure",
    "br",
    "hr",
    "address",
    "center",
];
/// Elements whose text is never part of an article.
const DROPPED: [&str; 9] = ["script", "style", "noscript", "template", "svg", "button", "select", "textarea", "iframe"];
/// Elements dropped before Readability runs: pictures and their captions always; navigation, asides,
/// footers and forms unless they hold much text (some sites wrap a whole page in a `<form>`).
const FIGURES: [&str; 3] = ["figure", "figcaption", "picture"];
const FURNITURE: [&str; 5] = ["aside", "nav", "footer", "form", "button"];
/// Words in a class or id that mark boilerplate: captions and credits, bylines and dates (they are
/// metadata, read separately), share, follow and related-link boxes, newsletters, advertising, comments.
const BOILERPLATE_WORDS: [&str; 38] = [
    "caption",
    "credit",
    "credits",
    "byline",
    "related",
    "share",
    "sharing",
    "social",
    "promo",
    "newsletter",
    "subscribe",
    "subscription",
    "gallery",
    "tags",
    "tag",
    "breadcrumb",
    "breadcrumbs",
    "comments",
    "comment",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "recommended",
    "outbrain",
    "taboola",
    "author",
    "timestamp",
    "signup",
    "popup",
    "modal",
    "cookie",
    "disclaimer",
    "toolbar",
    "meta",
    "print",
    "follow",
    "paywall",
];
/// Bytes of text above which a marked element is kept anyway: it is a container of the article.
const BOILERPLATE_MAX_BYTES: usize = 1500;

/// Reads a page: metadata from the head, the article from the body.
pub fn read(source: &str) -> Page {
    read_with(source, true)
}

/// Reads a page whose markup was broken enough to need flattening: Readability's scoring takes minutes on
/// hundreds of nested levels, so every paragraph of the page is taken instead (boilerplate removed).
pub fn read_flattened(source: &str) -> Page {
    read_with(source, false)
}

fn read_with(source: &str, readability: bool) -> Page {
    let document = Document::from(source);
    let (title, meta) = super::meta::from_html(&document);
    remove_boilerplate(&document);
    let config = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    let article = if readability {
        dom_smoothie::Readability::with_document(document, None, Some(config)).and_then(|mut r| r.parse()).ok()
    } else {
        None
    };
    let mut blocks = match &article {
        Some(article) => {
            let content = Document::fragment(article.content.clone());
            remove_link_lists(&content);
            paragraphs(&content.root())
        }
        None => Vec::new(),
    };
    if blocks.is_empty() {
        // Readability found no article: every paragraph of the page, boilerplate removed.
        let page = Document::from(source);
        remove_boilerplate(&page);
        blocks = paragraphs(&page.root());
    }
    cut_related_tail(&mut blocks);
    drop_teasers(&mut blocks);
    let title = title.or_else(|| article.map(|a| a.title).filter(|t| !t.trim().is_empty()));
    // The headline first, once.
    if let Some(t) = &title {
        if let Some(at) = blocks.iter().position(|b| b == t) {
            let headline = blocks.remove(at);
            blocks.insert(0, headline);
        } else {
            blocks.insert(0, t.clone());
        }
    }
    let mut text = blocks.join("\n\n");
    text.push('\n');
    Page { title, text, meta }
}

/// Removes figures and captions, and small elements whose tag or class marks them as boilerplate.
fn remove_boilerplate(document: &Document) {
    let mut doomed = Vec::new();
    for node in document.select("body *").nodes() {
        let Some(name) = node.node_name() else { continue };
        let name = name.to_ascii_lowercase();
        if FIGURES.contains(&name.as_str()) {
            doomed.push(*node);
        } else {
            let furniture = FURNITURE.contains(&name.as_str());
            let limit = if furniture { 2 * BOILERPLATE_MAX_BYTES } else { BOILERPLATE_MAX_BYTES };
            if (furniture || marked_as_boilerplate(node)) && node.text().len() < limit {
                doomed.push(*node);
            }
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Whether a word of the element's class or id is one of [`BOILERPLATE_WORDS`].
fn marked_as_boilerplate(node: &NodeRef<'_>) -> bool {
    let class = node.attr("class").unwrap_or_default();
    let id = node.attr("id").unwrap_or_default();
    [class, id].iter().any(|attr| {
        attr.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| BOILERPLATE_WORDS.iter().any(|b| b.eq_ignore_ascii_case(word)))
    })
}

/// Removes lists and boxes of three or more links whose text is mostly link text ("Most read", "More
/// from …"): a short container, over 60 % of its characters inside links.
fn remove_link_lists(document: &Document) {
    let mut doomed = Vec::new();
    for node in document.select("ul, ol, div, section, table").nodes() {
        let links = node.find(&["a"]);
        if links.len() < 3 {
            continue;
        }
        let total = node.text().trim().chars().count();
        let linked: usize = links.iter().map(|a| a.text().trim().chars().count()).sum();
        if total > 0 && total < BOILERPLATE_MAX_BYTES && linked * 10 > total * 6 {
            doomed.push(*node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// The paragraphs under `root`: text between block boundaries, whitespace collapsed, promotion lines
/// dropped. A stack, not recursion, so that the depth of the markup does not matter.
fn paragraphs(root: &NodeRef<'_>) -> Vec<String> {
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Flush,
    }
    let mut out = Vec::new();
    let mut current = String::new();
    let mut stack: Vec<Step<'_>> = root.children().into_iter().rev().map(Step::Enter).collect();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let line = collapse(current);
        if !line.is_empty() && !is_promotion(&line) && !is_furniture_line(&line) {
            out.push(line);
        }
        current.clear();
    };
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Flush => {
                flush(&mut current, &mut out);
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            current.push_str(&node.text());
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if DROPPED.contains(&name.as_str()) {
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            flush(&mut current, &mut out);
            stack.push(Step::Flush);
        }
        stack.extend(node.children().into_iter().rev().map(Step::Enter));
    }
    flush(&mut current, &mut out);
    out
}

/// A line of four or more words all in capitals: a promotion ("CLICK HERE TO GET THE APP") or a
/// related story's headline, not the article's prose. Scripts without case never match.
fn is_promotion(line: &str) -> bool {
    let upper = line.chars().filter(|c| c.is_uppercase()).count();
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    upper > 0
        && !line.chars().any(char::is_lowercase)
        && upper * 10 >= letters * 9
        && line.split_whitespace().count() >= 4
}

/// Lines of the page's furniture that sit inside articles: advertisement markers, "continue reading"
/// prompts, the wire services' credit lines ("(Reporting by …; Editing by …)") and contributor notes
/// ("… contributed reporting"), which name journalists, not actors of the story; calls to subscribe,
/// sign up or follow the outlet; breadcrumbs ("News > Nation"); captions ending in a photo credit.
fn is_furniture_line(line: &str) -> bool {
    const WHOLE: [&str; 7] = [
        "advertisement",
        "advert",
        "continue reading",
        "continue reading below",
        "story continues below",
        "you have been successfully subscribed!",
        "thanks for signing up!",
    ];
    const STARTS: [&str; 14] = [
        "reporting by ",
        "additional reporting by ",
        "editing by ",
        "writing by ",
        "compiled by ",
        "produced by ",
        "subscribe to ",
        "sign up for ",
        "sign up to ",
        "click here to ",
        "reach the reporter",
        "contact the reporter",
        "contact the author",
        "there was a problem subscribing",
    ];
    const CONTAINS: [&str; 3] =
        [" contributed reporting", " contributed to this report", " contributed to this article"];
    const SOCIAL: [&str; 6] = ["twitter", "facebook", "instagram", "youtube", "tiktok", "linkedin"];
    const CREDITS: [&str; 4] = ["(credit:", "(photo:", "(image:", "(photo credit:"];
    let lower = line.trim_start_matches('(').to_lowercase();
    let words = lower.split_whitespace().count();
    let follow = (lower.starts_with("follow ") || lower.contains(" follow us "))
        && (SOCIAL.iter().any(|s| lower.contains(s)) || lower.contains(" coverage"))
        && words <= 16;
    // "… may earn an affiliate commission if you buy through links": the disclosure of a shopping page.
    let affiliate = words <= 30 && (lower.contains("affiliate commission") || lower.contains("affiliate link"));
    let homepage = lower.starts_with("make ") && lower.trim_end_matches(['.', '!']).ends_with(" my homepage");
    let credit =
        lower.ends_with(')') && lower.rfind('(').is_some_and(|at| CREDITS.iter().any(|c| lower[at..].starts_with(c)));
    let breadcrumb =
        line.contains(" > ") && line.split(" > ").all(|part| !part.is_empty() && part.split_whitespace().count() <= 3);
    WHOLE.contains(&lower.trim_end_matches(['.', '…', ':']).trim())
        || WHOLE.contains(&lower.trim())
        || STARTS.iter().any(|c| lower.starts_with(c))
        || contributor_note(&lower, &CONTAINS)
        || follow
        || affiliate
        || homepage
        || credit
        || breadcrumb
}

/// "Lena Ortiz and Sam Reed contributed reporting.": a name (a few words, no comma) before the phrase.
fn contributor_note(lower: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| {
        lower.find(p).is_some_and(|at| {
            let before = &lower[..at];
            !before.contains(',') && before.split_whitespace().count() <= 6 && lower.split_whitespace().count() <= 20
        })
    })
}

/// Headings under which pages list other stories ("Top stories in Nation", "Most read", "Related
/// articles", "More from …", "You may also like"): where one stands after the article, the rest of the
/// page is those lists, not the article.
fn is_related_heading(line: &str) -> bool {
    const HEADINGS: [&str; 22] = [
        "top stories",
        "most read",
        "most popular",
        "most viewed",
        "most shared",
        "related",
        "related stories",
        "related articles",
        "related content",
        "related coverage",
        "more stories",
        "more from",
        "more on this story",
        "more news",
        "you may also like",
        "you might also like",
        "recommended",
        "recommended for you",
        "read next",
        "what to read next",
        "trending",
        "editors' picks",
    ];
    let lower = line.to_lowercase();
    let sentence = lower.ends_with(['.', '!', '?']);
    let lower = lower.trim_end_matches(':').trim();
    // One-word headings only alone ("Related"); longer ones may go on ("Top stories in Nation").
    let heading =
        |h: &&str| lower == *h || h.contains(' ') && lower.starts_with(h) && lower[h.len()..].starts_with(' ');
    !sentence && lower.split_whitespace().count() <= 6 && HEADINGS.iter().any(heading)
}

/// A kicker: the short all-capitals label over a teaser for another story ("LIFE AFTER FEDERER"), not a
/// bracketed source label ("[CNET]").
fn is_kicker(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=5).contains(&words)
        && line.chars().next().is_some_and(|c| c.is_alphabetic() || "'\"‘“".contains(c))
        && line.chars().any(char::is_uppercase)
        && !line.chars().any(char::is_lowercase)
        && !line.ends_with(['.', '?', '!'])
}

/// A headline: a short line that does not end a sentence, or ends in a question in title case ("Can
/// Babies Learn To Love Vegetables?").
fn is_headline(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let capitalised = long.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    let title_case = !long.is_empty() && capitalised * 10 >= long.len() * 8;
    let end = line.trim_end_matches(['"', '\'', '”', '’', ')']);
    words.len() <= 20 && (!end.ends_with(['.', '!', '?', ':', ';']) || title_case && end.ends_with('?'))
}

/// Drops teasers for other stories: a kicker followed by a headline. Where the page ends in teasers
/// (from one in the second half of the text on, only kickers, headlines and the summary under each
/// headline), the page is cut there.
fn drop_teasers(blocks: &mut Vec<String>) {
    let total: usize = blocks.iter().map(String::len).sum();
    let teaser = |blocks: &[String], n: usize| {
        n > 0 && is_kicker(&blocks[n]) && blocks.get(n + 1).is_some_and(|next| is_headline(next) && !is_kicker(next))
    };
    let mut seen = 0;
    let mut first_late = None;
    for n in 0..blocks.len() {
        if seen * 2 >= total && teaser(blocks, n) {
            first_late = Some(n);
            break;
        }
        seen += blocks[n].len();
    }
    if let Some(from) = first_late {
        let teasers_to_the_end = (from..blocks.len())
            .all(|n| is_kicker(&blocks[n]) || is_headline(&blocks[n]) || is_headline(&blocks[n - 1]));
        if teasers_to_the_end {
            blocks.truncate(from);
        }
    }
    let mut n = 0;
    while n < blocks.len() {
        if teaser(blocks, n) {
            blocks.drain(n..n + 2);
        } else {
            n += 1;
        }
    }
}

/// Cuts the page's lists of other stories that follow the article: everything from a related-stories
/// heading on, when the heading comes after at least half of the text (so a heading inside a short
/// teaser before the article never cuts the article itself).
fn cut_related_tail(blocks: &mut Vec<String>) {
    let total: usize = blocks.iter().map(String::len).sum();
    let mut seen = 0;
    for (n, block) in blocks.iter().enumerate() {
        if n > 0 && seen * 2 >= total && is_related_heading(block) {
            blocks.truncate(n);
            return;
        }
        seen += block.len();
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn promotions_and_credit_lines_are_not_article_text() {
        assert!(is_promotion("CLICK HERE TO GET THE APP"));
        assert!(!is_promotion("NATO SUMMIT"), "a short heading stays");
        assert!(!is_promotion("대통령은 MBC 인터뷰에서 말했다 오늘"), "scripts without case never match");
        assert!(is_furniture_line("(Reporting by Jane Smith; Editing by Omar Khan)"));
        assert!(is_furniture_line("Advertisement"));
        assert!(!is_furniture_line("Reporting from the border, she said the crossing was calm."));
        assert!(is_furniture_line("Subscribe to the Evening Digest newsletter"));
        assert!(is_furniture_line("Follow Weekly Review on Instagram, Facebook and X."));
        assert!(is_furniture_line("Lena Ortiz contributed reporting from Quito."));
        assert!(is_furniture_line("Workers inspect the new bridge. (credit: City Council/Tom Hale)"));
        assert!(is_furniture_line("Home > World > Europe"));
        assert!(is_furniture_line("Make Daily Post my homepage"));
        assert!(is_furniture_line("Follow the agency's full coverage of the election at https://example.org/vote"));
        assert!(is_furniture_line(
            "We may earn an affiliate commission if you buy something through links on this page."
        ));
        assert!(!is_furniture_line("She said she would follow the court's ruling on Twitter's case."));
        assert!(!is_furniture_line("Rates rose > 5% in May, the bank said."));
        assert!(!is_furniture_line(
            "The minister, who contributed reporting to a book on the war, said the talks had failed."
        ));
    }

    #[test]
    fn the_lists_of_other_stories_after_the_article_are_cut() {
        let para =
            |n: usize| format!("Paragraph {n} of the report says the council met on Monday to vote on the plan.");
        let mut blocks: Vec<String> = (0..6).map(para).collect();
        blocks.extend(["Top stories in World", "Storm closes ports …", "Council votes on budget …"].map(String::from));
        cut_related_tail(&mut blocks);
        assert_eq!(blocks.len(), 6, "{blocks:?}");
        // A heading before the article's second half is not taken for the end of the article.
        let mut blocks: Vec<String> = vec!["Related".to_owned()];
        blocks.extend((0..6).map(para));
        cut_related_tail(&mut blocks);
        assert_eq!(blocks.len(), 7);
        assert!(is_related_heading("Most read"));
        assert!(is_related_heading("More from the region:"));
        assert!(!is_related_heading("Trending upward, prices rose."));
        assert!(!is_related_heading("More from the vote later today."));
    }

    #[test]
    fn teasers_for_other_stories_are_dropped() {
        let para =
            |n: usize| format!("Paragraph {n} of the report says the council met on Monday to vote on the plan.");
        let teaser = |kicker: &str, headline: &str| [kicker.to_owned(), headline.to_owned(), para(99)];
        let mut blocks: Vec<String> = (0..3).map(para).collect();
        blocks.extend(["WAR OF WORDS".to_owned(), "Mayor and Governor Trade Barbs Over Budget".to_owned()]);
        blocks.extend((3..8).map(para));
        blocks.extend(teaser("ROAD AHEAD", "The Future of the City's Trams"));
        blocks.extend(teaser("GONE FISHING", "Why Anglers Are Leaving the Coast"));
        drop_teasers(&mut blocks);
        assert_eq!(blocks, (0..8).map(para).collect::<Vec<_>>());
        // Teasers amid the article go; the article after them stays.
        let mut blocks: Vec<String> = (0..4).map(para).collect();
        blocks.extend(["ROAD AHEAD".to_owned(), "The Future of the City's Trams".to_owned()]);
        blocks.extend(["GONE FISHING".to_owned(), "Why Anglers Are Leaving the Coast".to_owned()]);
        blocks.extend((4..6).map(para));
        drop_teasers(&mut blocks);
        assert_eq!(blocks, (0..6).map(para).collect::<Vec<_>>());
        // A source label in brackets is not a kicker.
        let mut blocks: Vec<String> = vec![para(0), "[NEWSWIRE]".to_owned(), "Why It Matters".to_owned(), para(1)];
        drop_teasers(&mut blocks);
        assert_eq!(blocks.len(), 4);
        // A heading in capitals over a section of the article stays: a paragraph, not a headline, follows.
        let mut blocks: Vec<String> = vec![para(0), "THE BACKGROUND".to_owned(), para(1), para(2)];
        drop_teasers(&mut blocks);
        assert_eq!(blocks.len(), 4);
    }

    #[test]
    fn the_article_is_kept_and_the_furniture_dropped() {
        let html = "<html><head><title>Talks resume - Example News</title></head><body>\
            <nav><a href=\"/\">Home</a><a href=\"/w\">World</a><a href=\"/v\">Video</a></nav><article>\
            <p>Pakistan and Afghanistan agreed on Monday to reopen the border crossing after two days of talks.</p>\
            <p>Advertisement</p><p>Traders welcomed the decision, which ends three weeks of closure.</p>\
            <p>(Reporting by Jane Smith; Editing by Omar Khan)</p></article></body></html>";
        let page = read(html);
        assert_eq!(page.title.as_deref(), Some("Talks resume"));
        assert!(page.text.starts_with("Talks resume\n\nPakistan and Afghanistan agreed"), "{:?}", page.text);
        assert!(page.text.contains("\n\nTraders welcomed"), "{:?}", page.text);
        for junk in ["Home", "Advertisement", "Reporting by"] {
            assert!(!page.text.contains(junk), "{junk}: {:?}", page.text);
        }
    }
}
