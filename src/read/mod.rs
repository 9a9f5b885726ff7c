//! Files → article text and metadata. Plain text, Markdown (markup stripped), HTML (the article of the
//! page), single-file web pages and emails (MIME), PDF with a text layer and Word documents; text in
//! UTF-8 (with or without BOM), UTF-16 with BOM, or a detected legacy encoding. The only input IO.

mod docx;
mod html;
mod markdown;
pub mod meta;
mod mime;
mod pdf;

use std::io::Read as _;
use std::path::Path;

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The text of a file, ready for extraction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadArticle {
    pub title: Option<String>,
    pub text: String,
    /// Date, authors, outlet and address found in the file.
    pub meta: crate::model::ArticleMeta,
    /// Things the reader had to guess or repair (an encoding that was detected, …).
    pub warnings: Vec<String>,
}

/// Why a file could not be read. Each message names the file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: cannot read the file: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: the file is empty")]
    Empty { path: String },
    #[error("{path}: this looks like a binary file, not an article (.txt, .md, .html, .mhtml, .eml, .pdf or .docx)")]
    Binary { path: String },
    #[error("{path}: the file is too large ({size} bytes; the limit is {MAX_FILE_BYTES})")]
    TooLarge { path: String, size: u64 },
    #[error("{path}: the file holds no readable text")]
    NoText { path: String },
    #[error("{path}: not a regular file (a folder, device or pipe), so not an article")]
    NotAFile { path: String },
    /// A PDF, Word document or MIME file that cannot be read: corrupt, encrypted, a bomb, or a scan.
    #[error("{path}: {reason}")]
    Document { path: String, reason: String },
}

impl ReadError {
    /// The path the error is about.
    pub fn path(&self) -> &str {
        match self {
            Self::Io { path, .. }
            | Self::Empty { path }
            | Self::Binary { path }
            | Self::TooLarge { path, .. }
            | Self::NoText { path }
            | Self::NotAFile { path }
            | Self::Document { path, .. } => path,
        }
    }
}

/// The kinds of file the reader understands, by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    /// A browser's single-file page (`.mhtml`, `.mht`).
    Mhtml,
    /// An email (`.eml`).
    Email,
    Pdf,
    /// A Word document (`.docx`).
    Docx,
}

impl Format {
    /// Extensions offered in the open dialog.
    pub const EXTENSIONS: [&'static str; 12] =
        ["txt", "text", "md", "markdown", "html", "htm", "xhtml", "mhtml", "mht", "eml", "pdf", "docx"];

    pub fn of(path: &Path) -> Self {
        let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" => Self::Markdown,
            "html" | "htm" | "xhtml" => Self::Html,
            "mhtml" | "mht" => Self::Mhtml,
            "eml" => Self::Email,
            "pdf" => Self::Pdf,
            "docx" => Self::Docx,
            _ => Self::Text,
        }
    }
}

/// Reads one article file.
pub fn read_article(path: &Path) -> Result<ReadArticle, ReadError> {
    let name = path.to_string_lossy().into_owned();
    let io = |source| ReadError::Io { path: name.clone(), source };
    let meta = std::fs::metadata(path).map_err(io)?;
    // A folder fails to read, a device such as /dev/zero never ends and a pipe blocks on open: refuse
    // them before opening.
    if !meta.is_file() {
        return Err(ReadError::NotAFile { path: name });
    }
    let size = meta.len();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { path: name, size });
    }
    // Bounded even if the file grows after the size was read.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    std::fs::File::open(path).map_err(io)?.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { path: name, size: bytes.len() as u64 });
    }
    parse_bytes(&name, &bytes, Format::of(path))
}

/// Turns a file's bytes into an article: decoding, then markup removal and metadata by format.
pub fn parse_bytes(name: &str, bytes: &[u8], format: Format) -> Result<ReadArticle, ReadError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty { path: name.to_owned() });
    }
    let document = |reason: String| ReadError::Document { path: name.to_owned(), reason };
    let mut warnings = Vec::new();
    let (title, text, meta) = match format {
        Format::Pdf => {
            let pdf = pdf::read(bytes).map_err(document)?;
            let mut meta = pdf.meta;
            meta::complete_from_text(&mut meta, &pdf.text);
            (pdf.title.or_else(|| plain_title(&pdf.text)), pdf.text, meta)
        }
        Format::Docx => {
            let docx = docx::read(bytes).map_err(document)?;
            let mut meta = docx.meta;
            meta::complete_from_text(&mut meta, &docx.text);
            (docx.title.or_else(|| plain_title(&docx.text)), docx.text, meta)
        }
        Format::Mhtml | Format::Email => {
            let kind = if format == Format::Mhtml { "a saved web page (MHTML)" } else { "an email" };
            let body = mime::body(bytes).ok_or_else(|| document(format!("not {kind} with a readable body")))?;
            if let Some(html) = &body.html {
                let page = read_html(name, html, &mut warnings);
                (page.title.or(body.subject), page.text, fill(page.meta, body.meta))
            } else {
                let text = body.text.unwrap_or_default();
                let mut meta = body.meta;
                meta::complete_from_text(&mut meta, &text);
                (body.subject.or_else(|| plain_title(&text)), text, meta)
            }
        }
        Format::Text | Format::Markdown | Format::Html => {
            let decoded = decode(name, bytes, &mut warnings)?;
            match format {
                Format::Markdown => {
                    let (title, text) = markdown::readable(&decoded);
                    let mut meta = crate::model::ArticleMeta::default();
                    meta::complete_from_text(&mut meta, &text);
                    (title, text, meta)
                }
                Format::Html => {
                    let page = read_html(name, &decoded, &mut warnings);
                    (page.title, page.text, page.meta)
                }
                _ => {
                    let mut meta = crate::model::ArticleMeta::default();
                    meta::complete_from_text(&mut meta, &decoded);
                    (plain_title(&decoded), decoded, meta)
                }
            }
        }
    };
    if text.trim().is_empty() {
        return Err(ReadError::NoText { path: name.to_owned() });
    }
    let (title, meta) = meta::one_line_fields(title, meta);
    Ok(ReadArticle { title, text, meta, warnings })
}

/// The article of a web page, deep nesting flattened first.
fn read_html(name: &str, source: &str, warnings: &mut Vec<String>) -> html::Page {
    match html::flatten_deep_nesting(source) {
        Some(flat) => {
            warnings.push(format!("{name}: markup nested more than {} elements deep was flattened", html::MAX_DEPTH));
            html::read_flattened(&flat)
        }
        None => html::read(source),
    }
}

/// `meta` with its empty fields taken from `other`.
fn fill(mut meta: crate::model::ArticleMeta, other: crate::model::ArticleMeta) -> crate::model::ArticleMeta {
    meta.published = meta.published.or(other.published);
    meta.outlet = meta.outlet.or(other.outlet);
    meta.url = meta.url.or(other.url);
    if meta.authors.is_empty() {
        meta.authors = other.authors;
    }
    meta
}

/// Decodes bytes as UTF-8 (BOM stripped), UTF-16 with a BOM, or the encoding a detector guesses.
fn decode(name: &str, bytes: &[u8], warnings: &mut Vec<String>) -> Result<String, ReadError> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if encoding != encoding_rs::UTF_8 {
            warnings.push(format!("{name}: decoded as {} (byte order mark)", encoding.name()));
        }
        if had_errors {
            warnings.push(format!("{name}: some bytes were not valid {} and were replaced", encoding.name()));
        }
        return Ok(text.into_owned());
    }
    if looks_binary(bytes) {
        return Err(ReadError::Binary { path: name.to_owned() });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, had_errors) = encoding.decode(bytes);
    warnings.push(format!("{name}: not UTF-8; decoded as {}", encoding.name()));
    if had_errors {
        warnings.push(format!("{name}: some bytes could not be decoded and were replaced"));
    }
    Ok(text.into_owned())
}

/// NUL bytes or many control characters in the first 8 KiB mean a binary file.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    control * 20 > head.len()
}

/// A plain text's title: its first line when that line looks like a headline (short, no final full stop).
fn plain_title(text: &str) -> Option<String> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let rest_has_text = text.trim_start().len() > first.len() + 1;
    let headline = first.chars().count() <= 160 && !first.ends_with(['.', '"', '”', ':', ',']) && rest_has_text;
    headline.then(|| first.to_owned())
}
