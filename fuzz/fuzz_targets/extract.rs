//! Fuzzes the extractor with arbitrary text: it must never panic, and every span it returns must lie on
//! character boundaries within the text (the UI slices the text with them).

#![no_main]

use dossier::model::Span;
use libfuzzer_sys::fuzz_target;

fn check(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    assert!(span.end <= text.len(), "{what}: span {span:?} past the end ({} bytes)", text.len());
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on character boundaries"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let analysis = dossier::extract::extract(text);
    for actor in &analysis.actors {
        for mention in &actor.mentions {
            check(text, *mention, &format!("actor {} mention", actor.id));
        }
    }
    for statement in &analysis.statements {
        let id = &statement.id;
        check(text, statement.content_span, &format!("statement {id} content"));
        check(text, statement.sentence_span, &format!("statement {id} sentence"));
        if let Some(span) = statement.speaker_span {
            check(text, span, &format!("statement {id} speaker"));
        }
        if let Some(span) = statement.cue_span {
            check(text, span, &format!("statement {id} cue"));
        }
    }
});
