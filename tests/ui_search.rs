//! Finding things: the article list searched by title and sorted, and a search over every open
//! article's text that lists the matching sentences and jumps to one.

mod ui_support;

use anyhow::ensure;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use ui_support::{DAR_SAYS, shows, with_border_article};

#[test]
fn the_article_list_is_searched_by_title() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    // The sample (a first run) and "Border talks".
    let mut harness = with_border_article(dir.path());
    ensure!(harness.state().workspace().articles.len() == 2);
    harness.get_by_role_and_label(egui::Role::TextInput, "Find").focus();
    harness.get_by_role_and_label(egui::Role::TextInput, "Find").type_text("BORDER tal");
    harness.run();
    ensure!(shows(&harness, "1 of 2 articles"), "one article left");
    let sample = dossier::pipeline::sample_article().display_name();
    ensure!(harness.query_all_by_label(&sample).next().is_none(), "the sample is filtered out of the list");
    ensure!(harness.query_all_by_label("Border talks").next().is_some(), "Border talks stays");
    Ok(())
}

#[test]
fn the_text_search_lists_sentences_and_jumps_to_one() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::F);
    harness.run();
    harness.get_by_role_and_label(egui::Role::TextInput, "Find in the text").type_text("reopen next week");
    harness.run();
    ensure!(shows(&harness, "1 sentence"), "one sentence holds the words");
    harness.get_by_label_contains("Border talks: Foreign Minister Ishaq Dar said").click();
    harness.run();
    let selected = harness.state().selected_card().cloned();
    let article = ui_support::border_article();
    ensure!(selected.as_ref().is_some_and(|c| c.article == article.hash && c.card == "s1"), "{selected:?}");
    ensure!(shows(&harness, DAR_SAYS));
    Ok(())
}
