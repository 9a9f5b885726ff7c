//! MIME files: a browser's single-file page (`.mhtml`/`.mht`: the page's HTML in quoted-printable or
//! base64, beside its images) and an email (`.eml`: a news alert or a forwarded article, as HTML or plain
//! text). Parsed with `mail-parser`, which decodes transfer encodings and charsets.

use mail_parser::{MessageParser, PartType};

use crate::model::ArticleMeta;

/// The body of a MIME message and what its headers say.
pub struct MimeBody {
    /// The HTML part, when there is one.
    pub html: Option<String>,
    /// Otherwise the plain-text part.
    pub text: Option<String>,
    /// The message's subject (an MHTML's page title).
    pub subject: Option<String>,
    /// Date (`YYYY-MM-DD`) and the page's address (`Snapshot-Content-Location` or the HTML part's
    /// `Content-Location`); an email's sender is not an author, so no authors.
    pub meta: ArticleMeta,
}

/// The first HTML part, or else the first text part, of a MIME message; `None` when the bytes are not
/// a MIME message with a readable body.
pub fn body(bytes: &[u8]) -> Option<MimeBody> {
    let message = MessageParser::default().parse(bytes)?;
    let mut html = None;
    let mut text = None;
    let mut location = None;
    for part in &message.parts {
        match &part.body {
            PartType::Html(h) if html.is_none() => {
                html = Some(h.to_string());
                location = part.headers.iter().find_map(|h| {
                    h.name
                        .as_str()
                        .eq_ignore_ascii_case("Content-Location")
                        .then(|| h.value.as_text().map(str::to_owned))?
                });
            }
            PartType::Text(t) if text.is_none() && !t.trim().is_empty() => text = Some(t.to_string()),
            _ => {}
        }
    }
    if html.is_none() && text.is_none() {
        return None;
    }
    let snapshot = message.header_raw("Snapshot-Content-Location").map(|s| s.trim().to_owned());
    let url = snapshot.or(location).filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let published = message.date().and_then(|d| super::meta::date(&d.to_rfc3339()));
    Some(MimeBody {
        html,
        text,
        subject: message
            .subject()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty()),
        meta: ArticleMeta { published, url, ..ArticleMeta::default() },
    })
}
