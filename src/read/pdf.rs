//! PDF files with a text layer. `pdf-extract` (on `lopdf`) decodes fonts and gives every glyph with its
//! place on the page; the layout is rebuilt here: a page split at a gutter reads column by column, lines
//! join into paragraphs at blank space, a word hyphenated at a line's end is joined, and lines that repeat
//! at the top or bottom of most pages (running headers, page numbers) are dropped. A scanned PDF has no
//! glyphs, and says so. Streams are unpacked through a size limit first, so a PDF bomb is refused.

use std::io::Read as _;

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use crate::model::ArticleMeta;

/// No PDF may unpack to more than this in all (a "PDF bomb" packs gigabytes into a small file).
const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// Glyphs read at most (about 4,000 dense pages).
const MAX_GLYPHS: usize = 20_000_000;

/// A PDF's text, title and metadata.
pub struct Pdf {
    pub title: Option<String>,
    pub text: String,
    pub meta: ArticleMeta,
}

/// Reads a PDF's text layer; the error says why not, for the message naming the file.
pub fn read(bytes: &[u8]) -> Result<Pdf, String> {
    let document = pdf_extract::Document::load_mem(bytes).map_err(|e| format!("not a readable PDF: {e}"))?;
    if document.is_encrypted() {
        return Err("the PDF is encrypted; save an unprotected copy first".to_owned());
    }
    check_unpacked_size(&document)?;
    check_page_tree(&document)?;
    let mut pages = Pages::default();
    // pdf-extract panics on some malformed files; that must cost one file, not the app.
    let outcome =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pdf_extract::output_doc(&document, &mut pages)));
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(_)) if pages.too_many => return Err(format!("the PDF holds more than {MAX_GLYPHS} characters")),
        Ok(Err(e)) => return Err(format!("the PDF's text cannot be read: {e}")),
        Err(_) => return Err("the PDF is malformed and its text cannot be read".to_owned()),
    }
    let text = layout(&pages.done);
    if text.trim().is_empty() {
        return Err(
            "the PDF has no text layer (a scanned document?): run text recognition (OCR) on it first".to_owned()
        );
    }
    let (title, meta) = info(&document);
    Ok(Pdf { title, text, meta })
}

/// How many levels of the page tree a page may sit under; real documents use a handful.
const MAX_PAGE_TREE_DEPTH: usize = 64;

/// Refuses a page tree in which a page's chain of parents loops or runs deeper than
/// [`MAX_PAGE_TREE_DEPTH`]: pdf-extract walks that chain for inherited attributes without end (found by
/// fuzzing: a page whose parent is itself hung the reader).
fn check_page_tree(document: &pdf_extract::Document) -> Result<(), String> {
    for id in document.get_pages().into_values() {
        let mut at = id;
        for depth in 0.. {
            if depth > MAX_PAGE_TREE_DEPTH {
                return Err("the PDF's page tree loops or is too deep".to_owned());
            }
            let parent = document.get_dictionary(at).ok().and_then(|d| d.get(b"Parent").ok()?.as_reference().ok());
            match parent {
                Some(next) => at = next,
                None => break,
            }
        }
    }
    Ok(())
}

/// Refuses a document whose Flate streams unpack to more than [`MAX_UNPACKED_BYTES`] in all, unpacking
/// each through a limit.
fn check_unpacked_size(document: &pdf_extract::Document) -> Result<(), String> {
    let mut total = 0u64;
    for object in document.objects.values() {
        let Ok(stream) = object.as_stream() else { continue };
        let flate = match stream.dict.get(b"Filter") {
            Ok(pdf_extract::Object::Name(n)) => n == b"FlateDecode",
            Ok(pdf_extract::Object::Array(a)) => a.iter().any(|f| f.as_name().is_ok_and(|n| n == b"FlateDecode")),
            _ => false,
        };
        if !flate {
            total += stream.content.len() as u64;
            continue;
        }
        let left = MAX_UNPACKED_BYTES.saturating_sub(total) + 1;
        let mut decoder = flate2::read::ZlibDecoder::new(stream.content.as_slice()).take(left);
        let read = std::io::copy(&mut decoder, &mut std::io::sink()).unwrap_or(0);
        total += read;
        if total > MAX_UNPACKED_BYTES {
            return Err(format!("the PDF unpacks to more than {MAX_UNPACKED_BYTES} bytes (a PDF bomb?)"));
        }
    }
    Ok(())
}

/// Title, author and creation date of the document information dictionary.
fn info(document: &pdf_extract::Document) -> (Option<String>, ArticleMeta) {
    let mut meta = ArticleMeta::default();
    let Ok(reference) = document.trailer.get(b"Info").and_then(pdf_extract::Object::as_reference) else {
        return (None, meta);
    };
    let Ok(dictionary) = document.get_dictionary(reference) else { return (None, meta) };
    let text = |key: &[u8]| {
        let bytes = dictionary.get(key).ok()?.as_str().ok()?;
        let s = decode_text_string(bytes);
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        (!s.is_empty()).then_some(s)
    };
    if let Some(author) = text(b"Author") {
        meta.authors.push(author);
    }
    // "D:20240512103000+02'00'"
    meta.published = text(b"CreationDate").and_then(|d| {
        let digits = d.trim_start_matches("D:");
        // `get`, not slicing: the first eight bytes need not be eight characters (found by fuzzing).
        digits.get(..8).and_then(super::meta::date)
    });
    (text(b"Title"), meta)
}

/// A PDF text string: UTF-16 with a byte order mark, or PDFDocEncoding (Latin-1 here).
fn decode_text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// One glyph: where it starts and ends on the line, the line's height from the top, its size.
#[derive(Clone, Debug)]
struct Glyph {
    x: f64,
    end: f64,
    y: f64,
    size: f64,
    text: String,
}

/// The glyphs of each page, collected from pdf-extract.
#[derive(Default)]
struct Pages {
    done: Vec<Page>,
    current: Page,
    glyphs: usize,
    too_many: bool,
}

#[derive(Default)]
struct Page {
    height: f64,
    width: f64,
    glyphs: Vec<Glyph>,
}

impl OutputDev for Pages {
    fn begin_page(&mut self, _: u32, media_box: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        let height = media_box.ury - media_box.lly;
        self.current = Page { height, width: media_box.urx - media_box.llx, glyphs: Vec::new() };
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.done.push(std::mem::take(&mut self.current));
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        self.glyphs += 1;
        if self.glyphs > MAX_GLYPHS {
            self.too_many = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        // The text rendering matrix applied to a (font size, font size) vector: the glyph's size on the
        // page; its origin measured from the top of the page.
        let (sx, sy) = (font_size * (trm.m11 + trm.m21), font_size * (trm.m12 + trm.m22));
        let size = (sx * sy).abs().sqrt().max(0.1);
        let (x, y) = (trm.m31, self.current.height - trm.m32);
        self.current.glyphs.push(Glyph { x, end: x + width * size, y, size, text: text.to_owned() });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A run of glyphs on one line with no wide gap: a line of one column.
#[derive(Clone, Debug)]
struct Fragment {
    x: f64,
    end: f64,
    y: f64,
    size: f64,
    text: String,
}

/// The pages' text: columns in reading order, paragraphs joined, running headers and page numbers gone.
fn layout(pages: &[Page]) -> String {
    let per_page: Vec<Vec<Fragment>> =
        pages.iter().map(|p| read_order(fragments(&p.glyphs), p.width, p.height)).collect();
    // Lines in the top or bottom tenth of a page that recur (digits aside) on most pages, or that are only
    // a page number.
    let margin_key = |f: &Fragment, page: &Page| -> Option<String> {
        let near_edge = f.y < page.height * 0.1 || f.y > page.height * 0.9;
        near_edge.then(|| f.text.chars().filter(|c| !c.is_ascii_digit()).collect::<String>().trim().to_lowercase())
    };
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (fragments, page) in per_page.iter().zip(pages) {
        let mut seen: Vec<String> = fragments.iter().filter_map(|f| margin_key(f, page)).collect();
        seen.sort();
        seen.dedup();
        for key in seen {
            *counts.entry(key).or_default() += 1;
        }
    }
    let repeated = |key: &str| pages.len() >= 2 && counts.get(key).is_some_and(|&n| n * 2 >= pages.len() && n >= 2);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for (fragments, page) in per_page.iter().zip(pages) {
        let mut last: Option<&Fragment> = None;
        for f in fragments {
            if let Some(key) = margin_key(f, page) {
                let page_number = key.is_empty() || key == "page" || key == "page of" || key == "-  -" || key == "–  –";
                if page_number || repeated(&key) {
                    continue;
                }
            }
            // A new column or page (the text goes back up) goes on with the paragraph when a sentence
            // runs on into it: the paragraph does not end a sentence and the line starts in lower case.
            let flow_break = last.is_none_or(|l| f.y - l.y < -l.size);
            let size_change = last.is_some_and(|l| (f.size - l.size).abs() > l.size * 0.2);
            let gap = last.is_some_and(|l| f.y - l.y > l.size * 1.9);
            let runs_on = flow_break && !size_change && runs_on(&current, &f.text);
            let new_paragraph = (flow_break || gap || size_change) && !runs_on;
            if new_paragraph && !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            join_line(&mut current, &f.text);
            last = Some(f);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    let mut text = paragraphs.join("\n\n");
    text.push('\n');
    text
}

/// Whether `line` goes on with the sentence `paragraph` leaves open.
fn runs_on(paragraph: &str, line: &str) -> bool {
    let open = !paragraph.trim_end().ends_with(['.', '!', '?', ':', '"', '”', '’', ')']);
    !paragraph.is_empty() && open && line.trim_start().chars().next().is_some_and(char::is_lowercase)
}

/// Appends a line to a paragraph: a word hyphenated at the line's end is joined ("negoti-" + "ations").
fn join_line(paragraph: &mut String, line: &str) {
    let line = line.trim();
    if paragraph.is_empty() {
        paragraph.push_str(line);
        return;
    }
    let hyphenated = paragraph.ends_with('-')
        && paragraph.chars().rev().nth(1).is_some_and(char::is_alphabetic)
        && line.chars().next().is_some_and(char::is_lowercase);
    if hyphenated {
        paragraph.pop();
    } else {
        paragraph.push(' ');
    }
    paragraph.push_str(line);
}

/// Glyphs grouped into fragments: same baseline, no gap wider than one and a half letters.
fn fragments(glyphs: &[Glyph]) -> Vec<Fragment> {
    let mut sorted: Vec<&Glyph> = glyphs.iter().filter(|g| !g.text.trim().is_empty() || g.text == " ").collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Lines: glyphs whose baselines lie within 40 % of a letter of the line's first.
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for g in sorted {
        match lines.last_mut() {
            Some(line) if (g.y - line[0].y).abs() < line[0].size.min(g.size) * 0.4 => line.push(g),
            _ => lines.push(vec![g]),
        }
    }
    let mut out: Vec<Fragment> = Vec::new();
    for mut line in lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut current: Option<Fragment> = None;
        for g in line {
            if let Some(f) = &mut current {
                let gap = g.x - f.end;
                if gap < f.size * 1.5 {
                    if gap > f.size * 0.15 && !f.text.ends_with(' ') && g.text != " " {
                        f.text.push(' ');
                    }
                    f.text.push_str(&g.text);
                    f.end = f.end.max(g.end);
                    continue;
                }
                out.extend(current.take());
            }
            if g.text != " " {
                current = Some(Fragment { x: g.x, end: g.end, y: g.y, size: g.size, text: g.text.clone() });
            }
        }
        out.extend(current);
    }
    for f in &mut out {
        f.text = f.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out.retain(|f| !f.text.is_empty());
    out
}

/// Fragments in reading order. Where a vertical gutter in the middle of the page is crossed by no
/// fragment, the page has two columns: what spans the page above them comes first, then the left
/// column top to bottom, then the right, then what spans the page below.
fn read_order(mut fragments: Vec<Fragment>, width: f64, height: f64) -> Vec<Fragment> {
    let gutter = (30..=70).map(|p| width * f64::from(p) / 100.0).find(|&x| {
        let left = fragments.iter().filter(|f| f.end <= x).count();
        let right = fragments.iter().filter(|f| f.x >= x).count();
        let crossing = fragments.iter().filter(|f| f.x < x && f.end > x).count();
        left >= 3 && right >= 3 && crossing * 10 <= left + right
    });
    let Some(gutter) = gutter else { return fragments };
    let crosses = |f: &Fragment| f.x < gutter && f.end > gutter;
    // Where the columns start, running headers in the top margin aside.
    let columns_top =
        fragments.iter().filter(|f| !crosses(f) && f.y > height * 0.1).map(|f| f.y).fold(f64::INFINITY, f64::min);
    let rank = |f: &Fragment| -> u8 {
        if crosses(f) {
            if f.y <= columns_top { 0 } else { 3 }
        } else if f.end <= gutter {
            1
        } else {
            2
        }
    };
    // A stable sort keeps the top-to-bottom order inside each part.
    fragments.sort_by_key(rank);
    fragments
}
