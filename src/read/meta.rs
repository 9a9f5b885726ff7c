//! Article metadata: publication date, authors, outlet and canonical address, and a title without the
//! site's suffix. From a web page's `<meta>` tags (Open Graph, Dublin Core, the common news tags),
//! its JSON-LD (`schema.org` `NewsArticle` and kin), `<link rel="canonical">`, a byline element; and
//! from the first lines of any text: a dateline ("MOSCOW, 12 May (Reuters) -"), a "By …" line, a date.

use dom_query::Document;
use serde_json::Value;

use crate::model::ArticleMeta;

/// `<meta>` names and properties that give the publication date, most specific first.
const DATE_KEYS: [&str; 18] = [
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "date",
    "og:updated_time",
    "article:modified_time",
];
/// `<meta>` names and properties that give an author.
const AUTHOR_KEYS: [&str; 8] = [
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "citation_author",
    "byl",
];
/// `<meta>` names and properties that give the outlet.
const OUTLET_KEYS: [&str; 4] = ["og:site_name", "application-name", "publisher", "dc.publisher"];
/// `<meta>` names and properties that give the address.
const URL_KEYS: [&str; 2] = ["og:url", "twitter:url"];

/// The title (site suffix removed) and the metadata of a parsed page.
pub fn from_html(document: &Document) -> (Option<String>, ArticleMeta) {
    let tags = meta_tags(document);
    let tag =
        |keys: &[&str]| keys.iter().find_map(|k| tags.iter().find(|(n, _)| n.as_str() == *k).map(|(_, v)| v.clone()));
    let ld = json_ld(document);
    let mut meta = ArticleMeta {
        published: ld.published.as_deref().and_then(date).or_else(|| tag(&DATE_KEYS).as_deref().and_then(date)),
        authors: Vec::new(),
        outlet: ld.outlet.clone().or_else(|| tag(&OUTLET_KEYS)).filter(|o| !looks_like_url(o)),
        url: link_canonical(document).or_else(|| tag(&URL_KEYS)).or(ld.url.clone()).filter(|u| looks_like_url(u)),
    };
    if meta.published.is_none() {
        meta.published = time_element(document);
    }
    let mut authors = ld.authors.clone();
    if authors.is_empty() {
        authors = AUTHOR_KEYS
            .iter()
            .flat_map(|k| tags.iter().filter(move |(n, _)| n.as_str() == *k).map(|(_, v)| v.clone()))
            .filter(|a| !looks_like_url(a))
            .collect();
    }
    if authors.is_empty() {
        authors = byline_elements(document);
    }
    for author in authors {
        push_authors(&mut meta.authors, &author);
    }
    let raw_title = tag(&["og:title", "twitter:title"])
        .or(ld.headline.clone())
        .or_else(|| first_text(document, "title"))
        .or_else(|| first_text(document, "h1"));
    let title = raw_title.map(|t| strip_site_suffix(&t, meta.outlet.as_deref()));
    if meta.outlet.is_none() {
        // "Headline - Outlet" with no other word of the outlet: the suffix is the best there is.
        meta.outlet = first_text(document, "title").and_then(|t| site_suffix(&t).map(str::to_owned));
    }
    (title.filter(|t| !t.is_empty()), meta)
}

/// The title and every field as one line of readable text: control characters (a broken encoding's
/// C1 controls, tabs, line breaks) become spaces, runs of spaces one; fields left empty are dropped.
/// Found by fuzzing the web-page reader.
pub fn one_line_fields(title: Option<String>, meta: ArticleMeta) -> (Option<String>, ArticleMeta) {
    let one_line = |text: String| {
        let spaced: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        Some(collapse(&spaced)).filter(|t| !t.is_empty())
    };
    let meta = ArticleMeta {
        published: meta.published.and_then(one_line),
        authors: meta.authors.into_iter().filter_map(one_line).collect(),
        outlet: meta.outlet.and_then(one_line),
        url: meta.url.and_then(one_line),
    };
    (title.and_then(one_line), meta)
}

/// What the first lines of a text give: a dateline's date and agency, a "By …" line's authors, a date
/// line. Fields the caller already has are kept.
pub fn complete_from_text(meta: &mut ArticleMeta, text: &str) {
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()).take(8) {
        if meta.authors.is_empty() {
            if let Some(names) = byline(line) {
                push_authors(&mut meta.authors, names);
                continue;
            }
        }
        if let Some((date_text, agency)) = dateline(line) {
            if meta.outlet.is_none() {
                meta.outlet = agency.map(str::to_owned);
            }
            if meta.published.is_none() {
                meta.published = date_text.and_then(date);
            }
            break;
        }
        if meta.published.is_none() && line.len() <= 60 {
            let stripped = line.trim_start_matches(|c: char| c.is_alphabetic() || c == ':').trim();
            meta.published = date(line).or_else(|| date(stripped));
        }
    }
}

/// A title without the site's name after a separator: "Sweden votes - BBC News" → "Sweden votes".
pub fn strip_site_suffix(title: &str, outlet: Option<&str>) -> String {
    let title = collapse(title);
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail = tail.trim();
            let named = outlet.is_some_and(|o| {
                let (o, t) = (o.to_lowercase(), tail.to_lowercase());
                t.contains(&o) || o.contains(&t) || squash(&o) == squash(&t)
            });
            if named || (outlet.is_none() && is_site_name(tail)) {
                if head.split_whitespace().count() >= 2 {
                    return head.trim().to_owned();
                }
            }
        }
    }
    title
}

const SEPARATORS: [&str; 6] = [" - ", " | ", " – ", " — ", " :: ", " · "];

/// The part after the last separator of a title, when it reads like a site's name.
fn site_suffix(title: &str) -> Option<&str> {
    SEPARATORS.iter().find_map(|sep| {
        let (head, tail) = title.rsplit_once(sep)?;
        let tail = tail.trim();
        (is_site_name(tail) && head.split_whitespace().count() >= 2).then_some(tail)
    })
}

/// Short, and every word capitalised or a domain: "BBC News", "The Guardian", "cnn.com".
fn is_site_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) || w.contains('.'))
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A date written any common way, as `YYYY-MM-DD`: ISO 8601 (with time), "12 May 2024", "May 12, 2024",
/// "Tuesday 12 May 2024", "12/05/2024" is not read (day and month order are ambiguous).
pub fn date(text: &str) -> Option<String> {
    let text = text.trim();
    let b = text.as_bytes();
    // ISO 8601: 2024-05-12, 2024-05-12T10:00:00Z, 20240512.
    if b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && matches!(b[4], b'-' | b'/' | b'.') {
        let y: u32 = text.get(..4)?.parse().ok()?;
        let m: u32 = text.get(5..7)?.parse().ok()?;
        let d: u32 = text.get(8..10)?.parse().ok()?;
        return ymd(y, m, d);
    }
    if b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) && b.get(8).is_none_or(|c| !c.is_ascii_digit()) {
        let y: u32 = text[..4].parse().ok()?;
        let m: u32 = text[4..6].parse().ok()?;
        let d: u32 = text[6..8].parse().ok()?;
        return ymd(y, m, d);
    }
    // Words: a month name, a day and a four-digit year in either order.
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '/' | '-'))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let Some(m) = month(w) else { continue };
        let day_of = |w: &&str| {
            let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
            digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d) && digits.len() <= 2)
        };
        let year_of = |w: &&str| w.parse::<u32>().ok().filter(|y| (1900..=2100).contains(y) && w.len() == 4);
        // "12 May 2024"
        if let (Some(d), Some(y)) =
            (i.checked_sub(1).and_then(|j| words.get(j)).and_then(day_of), words.get(i + 1).and_then(year_of))
        {
            return ymd(y, m, d);
        }
        // "May 12, 2024"
        if let (Some(d), Some(y)) = (words.get(i + 1).and_then(day_of), words.get(i + 2).and_then(year_of)) {
            return ymd(y, m, d);
        }
    }
    None
}

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The month a word names (English, full or abbreviated), 1–12.
fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let position = crate::lexicon::MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(&w) && (w.len() == 3 || w == "sept")));
    position.map(|p| p as u32 + 1)
}

/// A dateline opening a line, "MOSCOW, 12 May (Reuters) -" or "WASHINGTON (AP) —": the date text if any
/// and the agency in brackets if any.
fn dateline(line: &str) -> Option<(Option<&str>, Option<&str>)> {
    let dash = line.char_indices().find(|(_, c)| matches!(c, '-' | '–' | '—')).map(|(i, _)| i)?;
    let head = line[..dash].trim();
    if head.is_empty() || head.len() > 80 {
        return None;
    }
    let (place_and_date, agency) = match head.rsplit_once('(') {
        Some((before, inside)) if inside.ends_with(')') => (before.trim(), Some(inside.trim_end_matches(')').trim())),
        _ => (head, None),
    };
    let (place, date_text) = match place_and_date.split_once(',') {
        Some((p, d)) => (p.trim(), Some(d.trim())),
        None => (place_and_date, None),
    };
    // The place is written in capitals: "MOSCOW", "NEW YORK", "SAN JOSÉ".
    let capitals = !place.is_empty()
        && place.chars().any(char::is_alphabetic)
        && place.chars().all(|c| c.is_uppercase() || c.is_whitespace() || matches!(c, '.' | '\'' | '-'));
    let agency = agency.filter(|a| !a.is_empty() && a.split_whitespace().count() <= 3);
    (capitals || (place.is_empty() && agency.is_some())).then_some((date_text.filter(|d| !d.is_empty()), agency))
}

/// The names of a byline, "By Jane Smith and John Doe" → "Jane Smith and John Doe".
fn byline(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")).or_else(|| line.strip_prefix("by "))?;
    let rest = rest.split(['|', '•', '\u{b7}']).next().unwrap_or(rest).trim();
    let words = rest.split_whitespace().count();
    ((2..=12).contains(&words) && rest.chars().next().is_some_and(char::is_uppercase)).then_some(rest)
}

/// Adds the names in `text` ("Jane Smith and John Doe, Reuters"), skipping repeats.
fn push_authors(authors: &mut Vec<String>, text: &str) {
    let text = collapse(text);
    let text = text.strip_prefix("By ").or_else(|| text.strip_prefix("by ")).unwrap_or(&text);
    for name in text.split([',', ';', '&']).flat_map(|p| p.split(" and ")) {
        let name = name.trim().trim_end_matches(['.', '|']).trim();
        let words = name.split_whitespace().count();
        if words == 0 || words > 5 || looks_like_url(name) || name.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        if !authors.iter().any(|a| a.eq_ignore_ascii_case(name)) {
            authors.push(name.to_owned());
        }
    }
}

fn looks_like_url(text: &str) -> bool {
    text.starts_with("http://") || text.starts_with("https://") || text.starts_with("//")
}

/// `(lower-case name or property, content)` of every `<meta>` tag with content.
fn meta_tags(document: &Document) -> Vec<(String, String)> {
    document
        .select("meta[content]")
        .nodes()
        .iter()
        .filter_map(|m| {
            let key = m.attr("property").or_else(|| m.attr("name")).or_else(|| m.attr("itemprop"))?;
            let content = collapse(&m.attr("content")?);
            (!content.is_empty()).then(|| (key.trim().to_ascii_lowercase(), content))
        })
        .collect()
}

fn link_canonical(document: &Document) -> Option<String> {
    let links = document.select("link[rel=canonical][href]");
    links.nodes().iter().find_map(|l| l.attr("href").map(|h| h.trim().to_owned()))
}

/// `<time datetime>` marked as the publication time (`itemprop="datePublished"` or `pubdate`).
fn time_element(document: &Document) -> Option<String> {
    let times = document.select("time[datetime]");
    let nodes = times.nodes();
    let marked = nodes.iter().find(|t| t.attr("itemprop").as_deref() == Some("datePublished") || t.has_attr("pubdate"));
    marked.or(nodes.first()).and_then(|t| t.attr("datetime")).and_then(|d| date(&d))
}

/// The text of the first element marked as the author: `rel="author"`, `itemprop="author"`, a byline
/// class.
fn byline_elements(document: &Document) -> Vec<String> {
    let marked = document.select("[rel=author], [itemprop=author], .byline, .author, .byline__name");
    for element in marked.nodes().iter().take(8) {
        let text = collapse(&element.text());
        let text = text.strip_prefix("By ").or_else(|| text.strip_prefix("by ")).unwrap_or(&text).to_owned();
        let words = text.split_whitespace().count();
        if (2..=8).contains(&words) && text.chars().next().is_some_and(char::is_uppercase) {
            return vec![text];
        }
    }
    Vec::new()
}

fn first_text(document: &Document, css: &str) -> Option<String> {
    let found = document.select(css);
    let text = collapse(&found.nodes().first()?.text());
    (!text.is_empty()).then_some(text)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a page's JSON-LD says about its article.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    outlet: Option<String>,
    url: Option<String>,
}

/// The first article-like object of the page's `application/ld+json` scripts (`@graph` searched too).
fn json_ld(document: &Document) -> LinkedData {
    let mut out = LinkedData::default();
    let scripts = document.select(r#"script[type="application/ld+json"]"#);
    for script in scripts.nodes().iter().take(16) {
        let source = script.text();
        let Ok(value) = serde_json::from_str::<Value>(source.trim()) else { continue };
        let mut objects = Vec::new();
        collect_objects(&value, &mut objects, 0);
        let article =
            objects.iter().find(|o| type_is(o, |t| t.ends_with("Article") || t == "BlogPosting" || t == "Report"));
        let Some(article) = article else {
            if out.outlet.is_none() {
                out.outlet = objects
                    .iter()
                    .find(|o| type_is(o, |t| t.contains("Organization")))
                    .and_then(|o| string(o.get("name")));
            }
            continue;
        };
        out.headline = string(article.get("headline"));
        out.published = string(article.get("datePublished")).or_else(|| string(article.get("dateCreated")));
        out.authors = names(article.get("author"));
        out.outlet =
            article.get("publisher").and_then(|p| string(p.get("name")).or_else(|| string(Some(p)))).or(out.outlet);
        out.url = string(article.get("url")).or_else(|| {
            let main = article.get("mainEntityOfPage")?;
            string(Some(main)).or_else(|| string(main.get("@id")))
        });
        break;
    }
    out
}

fn collect_objects<'v>(value: &'v Value, out: &mut Vec<&'v Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_objects(v, out, depth + 1)),
        Value::Object(map) => {
            out.push(value);
            if let Some(graph) = map.get("@graph") {
                collect_objects(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn type_is(object: &Value, test: impl Fn(&str) -> bool) -> bool {
    match object.get("@type") {
        Some(Value::String(t)) => test(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(test),
        _ => false,
    }
}

fn string(value: Option<&Value>) -> Option<String> {
    value?.as_str().map(collapse).filter(|s| !s.is_empty())
}

/// Names of a JSON-LD author: a string, an object with a name, or a list of either.
fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![collapse(s)],
        Some(Value::Object(o)) => string(o.get("name")).into_iter().collect(),
        Some(Value::Array(items)) => items.iter().flat_map(|v| names(Some(v))).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_single_lines_of_readable_text() {
        let meta = ArticleMeta {
            published: Some("2024-03-03".into()),
            authors: vec!["Jo\u{90} Writer".into(), "\t".into()],
            outlet: Some("News\nwire".into()),
            url: None,
        };
        let (title, meta) = one_line_fields(Some("Ministers argue\u{90}over\r\ntreaty".into()), meta);
        assert_eq!(title.as_deref(), Some("Ministers argue over treaty"));
        assert_eq!(meta.authors, ["Jo Writer"]);
        assert_eq!(meta.outlet.as_deref(), Some("News wire"));
    }

    #[test]
    fn dates_in_common_forms() {
        assert_eq!(date("2024-05-12T10:00:00Z").as_deref(), Some("2024-05-12"));
        assert_eq!(date("12 May 2024").as_deref(), Some("2024-05-12"));
        assert_eq!(date("Tuesday, May 12, 2024 10:31 AM").as_deref(), Some("2024-05-12"));
        assert_eq!(date("Published 3 Sept 2019").as_deref(), Some("2019-09-03"));
        assert_eq!(date("12 May"), None);
        assert_eq!(date("the maybe 12 days"), None);
    }

    #[test]
    fn title_suffix_and_dateline() {
        assert_eq!(strip_site_suffix("Sweden votes on NATO - BBC News", Some("BBC News")), "Sweden votes on NATO");
        assert_eq!(strip_site_suffix("Sweden votes on NATO | The Guardian", None), "Sweden votes on NATO");
        assert_eq!(
            strip_site_suffix("Left - right divide deepens in the capital", None),
            "Left - right divide deepens in the capital"
        );
        let mut meta = ArticleMeta::default();
        complete_from_text(
            &mut meta,
            "Talks resume\n\nBy Jane Smith and John Doe\n\nMOSCOW, 12 May 2024 (Reuters) - Talks began.",
        );
        assert_eq!(meta.authors, ["Jane Smith", "John Doe"]);
        assert_eq!(meta.outlet.as_deref(), Some("Reuters"));
        assert_eq!(meta.published.as_deref(), Some("2024-05-12"));
    }
}
