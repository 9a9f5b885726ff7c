//! What every reader target checks: the reader returns an article or an error naming the file, never
//! panics, and every span of the analysis of what it returns lies on the text.

use dossier::read::{Format, parse_bytes};

pub const NAME: &str = "fuzz/input";

/// Reads `bytes` as `format` and checks the outcome; returns the article when there is one.
pub fn read_and_check(bytes: &[u8], format: Format) -> Option<dossier::read::ReadArticle> {
    match parse_bytes(NAME, bytes, format) {
        Err(error) => {
            assert_eq!(error.path(), NAME);
            assert!(error.to_string().starts_with(NAME), "the message names the file: {error}");
            None
        }
        Ok(read) => {
            assert!(!read.text.trim().is_empty(), "an article with no text");
            assert!(read.warnings.iter().all(|w| w.starts_with(NAME)), "a warning without the file: {:?}", read.warnings);
            let text = &read.text;
            let analysis = dossier::extract::extract(text);
            let on_text = |s: dossier::model::Span| {
                s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
            };
            for actor in &analysis.actors {
                assert!(actor.mentions.iter().all(|&m| on_text(m)), "actor {} has a span off the text", actor.id);
            }
            for s in &analysis.statements {
                let spans = [Some(s.content_span), Some(s.sentence_span), s.speaker_span, s.cue_span];
                assert!(spans.into_iter().flatten().all(on_text), "statement {} has a span off the text", s.id);
            }
            Some(read)
        }
    }
}

/// Metadata fields are single lines of readable text, never markup or control characters.
pub fn check_meta(read: &dossier::read::ReadArticle) {
    let meta = &read.meta;
    let fields = [meta.published.as_deref(), meta.outlet.as_deref(), meta.url.as_deref()];
    for field in fields.into_iter().flatten().chain(meta.authors.iter().map(String::as_str)).chain([read.title.as_deref()].into_iter().flatten()) {
        assert!(!field.chars().any(|c| c.is_control()), "a control character in metadata: {field:?}");
    }
    if let Some(date) = &meta.published {
        let b = date.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        assert!(b.len() == 10 && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10), "published is not YYYY-MM-DD: {date:?}");
    }
}
