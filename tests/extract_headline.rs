//! Headlines: the first line of an article, on its own line. Written in our own words.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may panic on what they did not expect.

use dossier::extract::extract;

fn names(text: &str) -> Vec<String> {
    extract(text).actors.into_iter().map(|a| a.name).collect()
}

/// Title-case headlines capitalise every word: no name in them is an actor unless the body has it too.
#[test]
fn capitalised_headline_words_are_no_actors() {
    let text = "So Many Ways to Pay: Why Budget Plans Never Add Up\n\n\
        The finance minister, Ana Duarte, said on Monday that the budget would be balanced by 2027.\n";
    let names = names(text);
    assert!(names.iter().any(|n| n == "Ana Duarte"), "{names:?}");
    for junk in ["Many Ways", "Budget Plans", "Never Add Up"] {
        assert!(!names.iter().any(|n| n.contains(junk)), "{junk} in {names:?}");
    }
}

/// A person in the headline whom the body names too is one actor, with the headline as a mention.
#[test]
fn a_headline_name_the_body_repeats_stays_an_actor() {
    let text = "Duarte defends budget plan\n\n\
        Ana Duarte, the finance minister, said the plan was fair. Duarte spoke in Lisbon.\n";
    let analysis = extract(text);
    let duarte = analysis.actors.iter().find(|a| a.name == "Ana Duarte").expect("the minister is an actor");
    assert!(duarte.mentions.iter().any(|m| m.start == 0), "the headline mention: {:?}", duarte.mentions);
}

/// A statement in a headline ("Minister: …") keeps its speaker: headlines report positions too.
#[test]
fn a_headline_statement_keeps_its_speaker() {
    let text = "Duarte: The Budget Will Be Balanced.\n\n\
        Opposition leaders were not convinced on Tuesday, and the vote was delayed until May.\n";
    let analysis = extract(text);
    let first = analysis.statements.iter().find(|s| s.content_span.start < 36).expect("the headline's statement");
    let speaker = first.speaker.as_ref().and_then(|id| analysis.actors.iter().find(|a| &a.id == id));
    assert_eq!(speaker.map(|a| a.name.as_str()), Some("Duarte"), "{analysis:?}");
}
