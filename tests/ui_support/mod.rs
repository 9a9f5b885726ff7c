//! Shared by the `ui_*` kittest tests: a hand-built article with known cards (the extractor may find
//! anything, or nothing), a harness running the whole app on a folder, and queries for cards.

#![allow(dead_code)] // Each test file uses a different part.

use std::path::{Path, PathBuf};

use dossier::model::{Actor, ActorKind, Analysis, Article, Span, Statement, content_hash};
use dossier::ui::{App, RunOptions};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The body of the hand-built article.
pub const TEXT: &str = "Foreign Minister Ishaq Dar said the border crossings will reopen next week. \
Afghan officials said Pakistan had closed the crossings without notice.\n";

/// What Ishaq Dar says in it.
pub const DAR_SAYS: &str = "the border crossings will reopen next week";
/// What the Afghan officials say in it.
pub const OFFICIALS_SAY: &str = "Pakistan had closed the crossings without notice";

/// The span of the `nth` occurrence of `needle` in `text` (an empty span at the end when absent, which
/// the tests would notice).
pub fn span(text: &str, needle: &str, nth: usize) -> Span {
    let start = text.match_indices(needle).nth(nth).map_or(text.len(), |(at, _)| at);
    Span::new(start, (start + needle.len()).min(text.len()))
}

/// A hand-built article: two actors (PK and AF) and two statements, with correct spans.
pub fn border_article() -> Article {
    let text = TEXT.to_owned();
    let first_sentence = span(&text, "Foreign Minister Ishaq Dar said the border crossings will reopen next week.", 0);
    let second_sentence = span(&text, "Afghan officials said Pakistan had closed the crossings without notice.", 0);
    let dar = Actor {
        id: "a1".into(),
        name: "Ishaq Dar".into(),
        kind: ActorKind::Person,
        role: Some("Foreign Minister".into()),
        country: Some("PK".into()),
        country_evidence: Some("Pakistan's Foreign Minister".into()),
        mentions: vec![span(&text, "Ishaq Dar", 0)],
        confidence: 0.9,
        entity: None,
        rule: String::new(),
    };
    let officials = Actor {
        id: "a2".into(),
        name: "Afghan officials".into(),
        kind: ActorKind::Anonymous,
        role: None,
        country: Some("AF".into()),
        country_evidence: Some("Afghan".into()),
        mentions: vec![span(&text, "Afghan officials", 0)],
        confidence: 0.6,
        entity: None,
        rule: String::new(),
    };
    let dar_says = Statement {
        id: "s1".into(),
        speaker: Some("a1".into()),
        speaker_span: Some(span(&text, "Ishaq Dar", 0)),
        cue: "said".into(),
        cue_span: Some(span(&text, "said", 0)),
        content: DAR_SAYS.into(),
        content_span: span(&text, DAR_SAYS, 0),
        direct: false,
        confidence: 0.85,
        about: vec!["PK".into(), "AF".into()],
        sentence_span: first_sentence,
        rule: String::new(),
    };
    let officials_say = Statement {
        id: "s2".into(),
        speaker: Some("a2".into()),
        speaker_span: Some(span(&text, "Afghan officials", 0)),
        cue: "said".into(),
        cue_span: Some(span(&text, "said", 1)),
        content: OFFICIALS_SAY.into(),
        content_span: span(&text, OFFICIALS_SAY, 0),
        direct: false,
        confidence: 0.7,
        about: vec!["PK".into()],
        sentence_span: second_sentence,
        rule: String::new(),
    };
    Article {
        source: "border-talks.txt".into(),
        title: Some("Border talks".into()),
        meta: Default::default(),
        hash: content_hash(&text),
        text,
        analysis: Analysis {
            countries: vec!["PK".into(), "AF".into()],
            actors: vec![dar, officials],
            statements: vec![dar_says, officials_say],
            warnings: Vec::new(),
        },
        rejected: Vec::new(),
    }
}

/// Frames a `run()` may take before it settles. The app's timers (the recovery file written 1.5 s after a
/// change, notices fading) run on the real clock: on a loaded machine a `run()` can last past the moment
/// one falls due, and then settles a few frames later than kittest's default of 4 allows.
pub const MAX_STEPS: u64 = 32;

/// The whole app on `dir`, opening `files`, in a window of the app's default size.
pub fn harness(dir: &Path, files: Vec<PathBuf>) -> Harness<'static, App> {
    let options = RunOptions { files, dossier_dir: dir.to_owned() };
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(MAX_STEPS)
        .build_eframe(move |cc| App::new(cc, options))
}

/// The name a country's dossier gets: the lexicon's name, or the code while the lexicon has none.
pub fn country(code: &str) -> String {
    dossier::lexicon::country_label(code)
}

/// Clicks the card-list row whose accessible label holds `text`.
pub fn click_card(harness: &mut Harness<'static, App>, text: &str) {
    harness
        .get_by(|node| node.role() == egui::Role::Button && node.label().is_some_and(|label| label.contains(text)))
        .click();
    harness.run();
}

/// The whole app on `dir` with the border article open.
pub fn with_border_article(dir: &Path) -> Harness<'static, App> {
    let mut harness = harness(dir, Vec::new());
    harness.state_mut().add_articles(vec![border_article()]);
    harness.run();
    harness
}

/// Selects the card whose row holds `text` and clicks its "Add to <country>" button.
pub fn add_to_dossier(harness: &mut Harness<'static, App>, text: &str, code: &str) {
    click_card(harness, text);
    harness.get_by_label(&format!("Add to {}", country(code))).click();
    harness.run();
}

/// Whether some widget shows `text` (as its label or its value).
pub fn shows(harness: &Harness<'static, App>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// Saves with Ctrl+S and waits for the workspace written on the worker. Fixed frames, not `run()`: the
/// save finishing on the worker asks for frames of its own, as many as the machine's load makes it.
pub fn save(harness: &mut Harness<'static, App>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(2);
    harness.state_mut().wait_for_background();
    // The title and notices follow the state at the end of a frame.
    harness.step();
}
