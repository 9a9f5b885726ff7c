//! The Markdown briefing: what it contains, that article text cannot add structure to it (checked by
//! parsing the output as GitHub and Obsidian would, with pulldown-cmark), and a reviewed snapshot.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may panic on what they did not expect.

#[path = "fixtures/sample.rs"]
mod sample;

use std::path::Path;

use dossier::export;
use dossier::model::{Dossier, Section};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

const HOSTILE: &str = "</div><script>alert(1)</script> # Heading [link](http://x) | table |\n# Second line\n- item \
                       ![img](x.png) <https://auto.link> `code` ~~gone~~ $x^2$ ==mark== %%hidden%% [[Wiki]] \
                       [^1] &amp; ***bold*** _it_";

fn parse_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM
        | Options::ENABLE_WIKILINKS
        | Options::ENABLE_SUPERSCRIPT
        | Options::ENABLE_SUBSCRIPT
}

/// A dossier whose every article-derived field is hostile.
fn hostile_dossier() -> Dossier {
    let src = sample::source(Some(HOSTILE), "news/<evil>.html\n# path", HOSTILE);
    let mut dossier = Dossier::new("PK", "Pakistan");
    dossier.cards = vec![
        sample::actor("h/a1", "**Bold** Name | x", Some(HOSTILE), Some("P|K"), src.clone()),
        sample::statement(
            "h/s1",
            Section::StatementsBy,
            ("**Bold** Name | x", Some(HOSTILE), Some("PK")),
            "said **loudly**",
            HOSTILE,
            true,
            src.clone(),
        ),
        sample::statement(
            "h/s2",
            Section::StatementsAbout,
            ("# Not a heading", None, Some("IN")),
            "claimed",
            HOSTILE,
            false,
            src,
        ),
    ];
    dossier
}

#[test]
fn briefing_contains_statements_speakers_and_sources() {
    let dossier = sample::sample_dossier();
    let text = export::briefing(&dossier, "2024-05-01");
    assert!(text.starts_with("# Pakistan briefing\n"), "{text}");
    assert!(text.contains("2024-05-01"));
    assert!(text.contains("We are ready."), "{text}");
    assert!(text.contains("### Ishaq Dar (Foreign Minister, Pakistan)"), "{text}");
    assert!(text.contains("- **said**: “We are ready.”[^1]"), "{text}");
    assert!(text.contains("- *said*: the talks were “premature” and 'unhelpful'[^2]"), "{text}");
    assert!(text.contains("[^1]: Dawn: “Talks resume” (sentence: "), "{text}");
    assert!(text.contains(
        "## Key actors\n\n| Name | Role | Country | Articles |\n| --- | --- | --- | --- |\n| Ishaq Dar[^1] |"
    ));
    assert!(text.contains("## Analyst notes\n\n# My notes\n"), "the notes are kept as written: {text}");
}

#[test]
fn empty_sections_say_none() {
    let text = export::briefing(&Dossier::new("AF", "Afghanistan"), "2024-05-01");
    for heading in
        ["## Key actors", "## Statements by Afghanistan's actors", "## Statements about Afghanistan by others"]
    {
        assert!(text.contains(&format!("{heading}\n\nNone.\n")), "{heading}: {text}");
    }
    assert!(text.ends_with("## Analyst notes\n\nNone.\n"), "{text}");
    assert!(text.contains("0 key actors and 0 statements"), "{text}");
}

#[test]
fn briefing_file_name_follows_the_dossier_name() {
    assert_eq!(export::briefing_file_name(&Dossier::new("PK", "Pakistan")), "pakistan-briefing.md");
    assert_eq!(export::briefing_file_name(&Dossier::new("CD", "Congo (DR)")), "congo-dr-briefing.md");
}

#[test]
fn hostile_text_adds_no_structure() {
    let text = export::briefing(&hostile_dossier(), "2024-05-01");

    // Plain-text checks, as a reader of the raw file would see it.
    assert!(!text.contains('<'), "raw HTML: {text}");
    assert!(!text.replace("\\]", "").contains("]("), "unescaped link: {text}");
    let headings: Vec<&str> = text.lines().filter(|l| l.starts_with('#')).collect();
    let ours = [
        "# Pakistan briefing",
        "## Summary",
        "## Key actors",
        "## Statements by Pakistan's actors",
        "### \\*\\*Bold\\*\\* Name \\| x (",
        "## Statements about Pakistan by others",
        "### \\# Not a heading (India)",
        "## Analyst notes",
    ];
    assert_eq!(headings.len(), ours.len(), "{headings:#?}");
    for (heading, expected) in headings.iter().zip(ours) {
        assert!(heading.starts_with(expected), "{heading:?} is not {expected:?}");
    }

    // Structure checks, as GitHub and Obsidian would parse it.
    let mut rendered_text = String::new();
    let (mut strong, mut emphasis, mut rows, mut references, mut definitions) = (0, 0, 0, Vec::new(), Vec::new());
    let mut cells_in_row = 0;
    for event in Parser::new_ext(&text, parse_options()) {
        match event {
            Event::Text(t) => rendered_text.push_str(&t),
            Event::Html(h) | Event::InlineHtml(h) => panic!("HTML got through: {h:?}"),
            Event::Code(c) | Event::InlineMath(c) | Event::DisplayMath(c) => panic!("code or math: {c:?}"),
            Event::FootnoteReference(label) => references.push(label.to_string()),
            Event::Start(Tag::FootnoteDefinition(label)) => definitions.push(label.to_string()),
            Event::Start(Tag::Strong) => strong += 1,
            Event::Start(Tag::Emphasis) => emphasis += 1,
            Event::Start(Tag::TableCell) => cells_in_row += 1,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                assert_eq!(cells_in_row, 4, "a table row without exactly four cells");
                cells_in_row = 0;
                rows += 1;
            }
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. } | Tag::Strikethrough | Tag::HtmlBlock)) => {
                panic!("structure from article text: {tag:?}")
            }
            Event::Start(tag @ (Tag::Superscript | Tag::Subscript | Tag::CodeBlock(_) | Tag::BlockQuote(_))) => {
                panic!("structure from article text: {tag:?}")
            }
            _ => {}
        }
    }
    assert_eq!((strong, emphasis), (1, 1), "only the cues are bold or italic: {text}");
    assert_eq!(rows, 2, "a header and one actor row");
    assert_eq!(definitions, ["1"], "one source, cited once: {text}");
    assert!(references.iter().all(|r| definitions.contains(r)), "{references:?}");
    // And the text reads exactly as the article had it (line breaks become spaces).
    let flat = HOSTILE.replace('\n', " ");
    assert!(rendered_text.contains(&flat), "text changed by escaping:\n{rendered_text}\n---\n{flat}");
    assert!(rendered_text.contains("**Bold** Name | x"), "{rendered_text}");
}

#[test]
fn footnote_labels_are_unique_numbers() {
    let mut dossier = sample::big_dossier(12, "A");
    dossier.notes = "Compare [^2].\n\n[^2]: The analyst's own footnote.".into();
    let text = export::briefing(&dossier, "2024-05-01");
    let mut labels: Vec<u32> =
        text.lines().filter_map(|l| l.strip_prefix("[^")?.split_once("]:").map(|(n, _)| n.parse().unwrap())).collect();
    let count = labels.len();
    labels.sort_unstable();
    labels.dedup();
    assert_eq!(labels.len(), count, "duplicate footnote labels: {text}");
    assert_eq!(count, 13, "12 distinct sources and the analyst's own: {text}");
}

#[test]
fn snapshot_matches_reviewed_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/briefing-expected.md");
    let text = export::briefing(&sample::sample_dossier(), "2024-05-01");
    if std::env::var_os("DOSSIER_BLESS").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, expected, "run with DOSSIER_BLESS=1 to rewrite {} (then review it)", path.display());
}

#[test]
fn partial_quotes_are_not_wrapped_in_quotation_marks_again() {
    let src = sample::source(None, "a.txt", "She described them as “important partners”.");
    let mut dossier = Dossier::new("PK", "Pakistan");
    let speaker = ("Maria Zakharova", None, Some("RU"));
    let partial = "them as “important partners”";
    dossier.cards = vec![
        sample::statement("h/s1", Section::StatementsAbout, speaker, "described", partial, true, src.clone()),
        sample::statement("h/s2", Section::StatementsAbout, speaker, "said", "We are partners.", true, src),
    ];
    let text = export::briefing(&dossier, "2024-05-01");
    assert!(text.contains("- *described*: them as “important partners”[^1]\n"), "{text}");
    assert!(text.contains("- **said**: “We are partners.”[^1]\n"), "a whole quote keeps its marks: {text}");
}
