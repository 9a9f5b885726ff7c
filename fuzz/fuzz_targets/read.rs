//! Fuzzes the reader with arbitrary file contents: decoding (BOMs, UTF-16, legacy encodings, binary
//! sniffing) and markup removal (Markdown, HTML with its nesting limit), then extraction of what it
//! returns. It must return an article or an error naming the file, never panic, and every span of the
//! analysis must lie on the text. The first byte picks the format, as the file's extension would.

#![no_main]

use dossier::read::{Format, parse_bytes};
use libfuzzer_sys::fuzz_target;

const NAME: &str = "fuzz/input";

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let format = [Format::Text, Format::Markdown, Format::Html][usize::from(pick % 3)];
    match parse_bytes(NAME, bytes, format) {
        Err(error) => {
            assert_eq!(error.path(), NAME);
            assert!(error.to_string().starts_with(NAME), "the message names the file: {error}");
        }
        Ok(read) => {
            assert!(!read.text.trim().is_empty(), "an article with no text");
            assert!(
                read.warnings.iter().all(|w| w.starts_with(NAME)),
                "a warning without the file: {:?}",
                read.warnings
            );
            let text = &read.text;
            let analysis = dossier::extract::extract(text);
            let on_text = |s: dossier::model::Span| {
                s.start <= s.end
                    && s.end <= text.len()
                    && text.is_char_boundary(s.start)
                    && text.is_char_boundary(s.end)
            };
            for actor in &analysis.actors {
                assert!(actor.mentions.iter().all(|&m| on_text(m)), "actor {} has a span off the text", actor.id);
            }
            for s in &analysis.statements {
                let spans = [Some(s.content_span), Some(s.sentence_span), s.speaker_span, s.cue_span];
                assert!(spans.into_iter().flatten().all(on_text), "statement {} has a span off the text", s.id);
            }
        }
    }
});
