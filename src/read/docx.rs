//! Word documents (`.docx`): a zip of XML parts. The paragraphs of `word/document.xml` (runs joined,
//! tabs and line breaks kept) and the title, author and date of `docProps/core.xml`. Read with `zip` and
//! `quick-xml`; every part is read through a size limit, so a zip bomb is refused, not unpacked.

use std::io::Read as _;

use quick_xml::events::Event;

use crate::model::ArticleMeta;

/// No part of a document is unpacked beyond this many bytes.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// A Word document's text, title and metadata.
pub struct Docx {
    pub title: Option<String>,
    pub text: String,
    pub meta: ArticleMeta,
}

/// Why a document could not be read, for the message naming the file.
pub fn read(bytes: &[u8]) -> Result<Docx, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a Word document (.docx is a zip archive): {e}"))?;
    let body = part(&mut archive, "word/document.xml")?.ok_or("a Word document without word/document.xml")?;
    let text = paragraphs(&body).map_err(|e| format!("word/document.xml is not valid XML: {e}"))?;
    let mut meta = ArticleMeta::default();
    let mut title = None;
    if let Ok(Some(core)) = part(&mut archive, "docProps/core.xml") {
        for (name, value) in properties(&core) {
            match name.as_str() {
                "title" => title = Some(value),
                "creator" => meta.authors.push(value),
                "created" | "issued" if meta.published.is_none() => meta.published = super::meta::date(&value),
                _ => {}
            }
        }
    }
    Ok(Docx { title, text, meta })
}

/// The unpacked text of one part, or `None` when the archive has no such part.
fn part(archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Result<Option<String>, String> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{name}: {e}")),
    };
    let mut out = Vec::new();
    file.take(MAX_PART_BYTES + 1).read_to_end(&mut out).map_err(|e| format!("{name} cannot be unpacked: {e}"))?;
    if out.len() as u64 > MAX_PART_BYTES {
        return Err(format!("{name} unpacks to more than {MAX_PART_BYTES} bytes (a zip bomb?)"));
    }
    String::from_utf8(out).map(Some).map_err(|_| format!("{name} is not UTF-8"))
}

/// The document's paragraphs (`<w:p>`), one a line, with a blank line between.
fn paragraphs(xml: &str) -> Result<String, quick_xml::Error> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event()? {
            Event::Start(e) if e.local_name().as_ref() == b"t" => in_text = true,
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    let line = paragraph.trim();
                    if !line.is_empty() {
                        out.push_str(line);
                        out.push_str("\n\n");
                    }
                    paragraph.clear();
                }
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" => paragraph.push('\t'),
                b"br" | b"cr" => paragraph.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => paragraph.push_str(&t.decode().unwrap_or_default()),
            Event::GeneralRef(r) if in_text => paragraph.push_str(&entity(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The text of an entity reference (`&amp;`, `&#8217;`).
fn entity(r: &quick_xml::events::BytesRef<'_>) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    match r.decode().unwrap_or_default().as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
    .to_owned()
}

/// `(local name, text)` of the leaf elements of `docProps/core.xml` (`dc:title`, `dc:creator`, …).
fn properties(xml: &str) -> Vec<(String, String)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut value = String::new();
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) => {
                current = Some(String::from_utf8_lossy(e.local_name().as_ref()).into_owned());
                value.clear();
            }
            Event::Text(t) => value.push_str(&t.decode().unwrap_or_default()),
            Event::GeneralRef(r) => value.push_str(&entity(&r)),
            Event::End(_) => {
                if let Some(name) = current.take() {
                    let v = value.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !v.is_empty() {
                        out.push((name, v));
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}
