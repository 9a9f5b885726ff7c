//! The card detail says why the extractor made a card: the pattern of the cue and how the speaker was
//! found ("pronoun 'she' → …"), so the analyst can judge a card before adding it.

mod ui_support;

use egui_kittest::kittest::Queryable as _;
use ui_support::{click_card, harness, shows};

#[test]
fn a_statement_card_says_how_its_pronoun_speaker_was_found() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    // No workspace yet: the app opens on the analysed sample article.
    let mut harness = harness(dir.path(), Vec::new());
    harness.run();
    harness.get_by_label("Statements").click();
    harness.run();
    click_card(&mut harness, "the current border tensions between them");
    assert!(shows(&harness, "Why"), "the detail has a Why row");
    assert!(shows(&harness, "pronoun 'she' -> Maria Zakharova"), "it names the pronoun and the person it stands for");
    Ok(())
}

#[test]
fn an_actor_card_says_what_found_it() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = harness(dir.path(), Vec::new());
    harness.run();
    harness.get_by_label("Actors").click();
    harness.run();
    click_card(&mut harness, "Maria Zakharova");
    assert!(shows(&harness, "Why"), "the detail has a Why row");
    assert!(shows(&harness, "title + name"), "the rule that found the name");
    Ok(())
}
