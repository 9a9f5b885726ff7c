//! Keyboard and drag: a card dragged onto a dossier (and onto a section of it) from the card list or from
//! the article text, a card added with the keyboard only, Delete rejecting undoably; edits that cannot go
//! wrong: the country field refuses what it cannot resolve, a statement moves between sections and back, a
//! dossier card whose article is closed shows its saved sentence.

mod ui_support;

use anyhow::{Context as _, ensure};
use dossier::model::Section;
use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ui_support::{DAR_SAYS, add_to_dossier, click_card, harness, shows, with_border_article};

/// The sample's statement "Pakistan reported …" (its row's label holds these words).
const REPORTED: &str = "a steep rise in terrorist attacks";

/// The centre of the row whose label holds `text`; of the card list's row (the rightmost) when the
/// dossier shows the card too.
fn row_centre(harness: &Harness<'static, dossier::ui::App>, text: &str) -> Pos2 {
    harness
        .query_all_by(|node| {
            node.role() == egui::Role::Button && node.label().is_some_and(|label| label.contains(text))
        })
        .map(|node| node.rect().center())
        .max_by(|a, b| a.x.total_cmp(&b.x))
        .unwrap_or(Pos2::ZERO)
}

/// Presses at `from`, moves to `to` in a few steps and lets go there.
fn drag(harness: &mut Harness<'static, dossier::ui::App>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for t in [0.1, 0.4, 0.7, 1.0] {
        harness.hover_at(from + (to - from) * t);
        harness.step();
    }
    harness.drop_at(to);
    harness.step();
    harness.run();
}

/// The sample with the Pakistan dossier started and shown.
fn sample_with_pakistan(dir: &std::path::Path) -> Harness<'static, dossier::ui::App> {
    let mut harness = harness(dir, Vec::new());
    harness.run();
    harness.get_by_label("+ Pakistan").click();
    harness.run();
    harness
}

fn pakistan_holds(harness: &Harness<'static, dossier::ui::App>, text: &str) -> Option<Section> {
    let dossier = harness.state().workspace().dossier("PK")?;
    dossier.cards.iter().find(|c| c.content.as_deref().is_some_and(|t| t.contains(text))).map(|c| c.section)
}

#[test]
fn a_statement_card_dragged_onto_the_pakistan_dossier_joins_it() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = sample_with_pakistan(dir.path());
    let from = row_centre(&harness, REPORTED);
    let to = harness.get_by_label_contains("Pakistan (0)").rect().center();
    drag(&mut harness, from, to);
    ensure!(pakistan_holds(&harness, REPORTED).is_some(), "the card is in the Pakistan dossier");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    ensure!(pakistan_holds(&harness, REPORTED).is_none(), "and the drop is undone like any change");
    Ok(())
}

#[test]
fn a_card_dropped_on_a_section_goes_into_that_section() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = sample_with_pakistan(dir.path());
    // Pakistan's own report would go under "by its actors"; dropped on "about it by others" it goes there.
    let from = row_centre(&harness, REPORTED);
    let to = harness.get_by_label_contains(Section::StatementsAbout.title()).rect().center();
    drag(&mut harness, from, to);
    ensure!(pakistan_holds(&harness, REPORTED) == Some(Section::StatementsAbout));
    // Dragged again onto the other section, it moves.
    let from = row_centre(&harness, REPORTED);
    let to = harness.get_by_label_contains(Section::StatementsBy.title()).rect().center();
    drag(&mut harness, from, to);
    ensure!(pakistan_holds(&harness, REPORTED) == Some(Section::StatementsBy));
    Ok(())
}

#[test]
fn a_card_is_added_with_the_keyboard_only() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = harness(dir.path(), Vec::new());
    harness.run();
    // Start the dossier by typing its name.
    harness.get_by_label("New dossier").focus();
    harness.get_by_label("New dossier").type_text("Pakistan");
    harness.key_press(Key::Enter);
    harness.run();
    ensure!(harness.state().shown_dossier() == Some("PK"));
    // Down, down: the second statement of the list; End and Home move to the ends.
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    let second = harness.state().selected_card().cloned().context("a card is selected")?;
    ensure!(second.card.starts_with('s'), "a statement: {second:?}");
    harness.key_press(Key::End);
    // The list scrolls to the last card, smoothly.
    harness.run_steps(30);
    ensure!(harness.state().selected_card() != Some(&second));
    harness.key_press(Key::Home);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    ensure!(harness.state().selected_card() == Some(&second), "Home, then down: the second again");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run();
    let dossier = harness.state().workspace().dossier("PK").context("no PK dossier")?;
    ensure!(dossier.contains(&second.key()), "Ctrl+D added the selected card: {:?}", dossier.cards);
    Ok(())
}

#[test]
fn delete_rejects_the_selected_card_and_undo_restores_it() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    click_card(&mut harness, DAR_SAYS);
    let card = harness.state().selected_card().cloned().context("selected")?;
    let rejected = |h: &Harness<'static, dossier::ui::App>| {
        h.state().workspace().article(&card.article).is_some_and(|a| a.is_rejected(&card.card))
    };
    harness.key_press(Key::Delete);
    harness.run();
    ensure!(rejected(&harness), "Delete rejects");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    ensure!(!rejected(&harness), "undo restores");
    Ok(())
}

/// Replaces the text of the field labelled `label`.
fn retype(harness: &mut Harness<'static, dossier::ui::App>, label: &str, text: &str) {
    harness.get_by_role_and_label(egui::Role::TextInput, label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(egui::Role::TextInput, label).type_text(text);
    harness.run();
}

#[test]
fn the_country_field_refuses_narnia_and_turns_uk_into_gb() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    harness.get_by_label("Actors").click();
    harness.run();
    click_card(&mut harness, "Ishaq Dar");
    harness.get_by_label("Edit card").click();
    harness.run();
    let hash = ui_support::border_article().hash;
    let country = |h: &Harness<'static, dossier::ui::App>| {
        let article = h.state().workspace().article(&hash);
        article.and_then(|a| a.analysis.actor("a1")).and_then(|a| a.country.clone())
    };

    retype(&mut harness, "Country", "Narnia");
    ensure!(shows(&harness, "No country by that name or code"), "a message says why");
    harness.get_by_label("Apply").click();
    harness.run();
    ensure!(country(&harness).as_deref() == Some("PK"), "Narnia is refused");

    retype(&mut harness, "Country", "UK");
    let typed = harness.get_by_role_and_label(egui::Role::TextInput, "Country").value();
    ensure!(typed.as_deref() == Some("UK"), "typed {typed:?}");
    harness.get_by_label("Apply").click();
    harness.run();
    ensure!(country(&harness).as_deref() == Some("GB"), "UK becomes GB: {:?}", country(&harness));
    Ok(())
}

#[test]
fn a_statement_moves_between_sections_and_back_with_undo() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    add_to_dossier(&mut harness, DAR_SAYS, "PK");
    let section = |h: &Harness<'static, dossier::ui::App>| {
        h.state().workspace().dossier("PK").and_then(|d| d.cards.first()).map(|c| c.section)
    };
    ensure!(section(&harness) == Some(Section::StatementsBy));
    harness.get_by_label("Move").click();
    harness.run();
    ensure!(section(&harness) == Some(Section::StatementsAbout), "moved to the other section");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    ensure!(section(&harness) == Some(Section::StatementsBy), "undo moves it back");
    Ok(())
}

#[test]
fn a_dossier_card_of_a_closed_article_shows_its_saved_sentence() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let text = "Pakistan said the crossings would reopen on Monday. Afghan officials welcomed the news.\n";
    let path = dir.path().join("crossings.txt");
    std::fs::write(&path, text)?;
    let mut harness = harness(dir.path(), Vec::new());
    harness.state_mut().open_paths_blocking(vec![path.clone()]);
    harness.run();
    click_card(&mut harness, "would reopen");
    harness.get_by_label("Add to Pakistan").click();
    harness.run();
    harness.get_by_label("Close article").click();
    harness.run();

    click_card(&mut harness, "would reopen");
    harness.run();
    ensure!(shows(&harness, "Pakistan said the crossings would reopen on Monday."), "the saved sentence");
    harness.get_by_label("Reopen the article").click();
    harness.run();
    harness.state_mut().wait_for_background();
    harness.run();
    ensure!(harness.state().workspace().articles.iter().any(|a| a.source == path.to_string_lossy()), "reopened");

    // A file that is gone: said so.
    harness.get_by_label("Close article").click();
    harness.run();
    std::fs::remove_file(&path)?;
    click_card(&mut harness, "would reopen");
    harness.run();
    ensure!(shows(&harness, "is gone"), "the file is gone, and the analyst is told");
    Ok(())
}

#[test]
fn dossier_cards_reorder_by_drag() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    harness.get_by_label("Actors").click();
    harness.run();
    add_to_dossier(&mut harness, "Ishaq Dar", "PK");
    add_to_dossier(&mut harness, "Afghan officials", "PK");
    let order = |h: &Harness<'static, dossier::ui::App>| -> Vec<String> {
        let dossier = h.state().workspace().dossier("PK");
        dossier.map(|d| d.cards.iter().map(|c| c.name.clone()).collect()).unwrap_or_default()
    };
    ensure!(order(&harness) == ["Ishaq Dar", "Afghan officials"], "{:?}", order(&harness));
    // The dossier rows read "<name>, <role> (<kind>)"; the card list's read "<name>: …".
    let from = row_centre(&harness, "Afghan officials (");
    let to = row_centre(&harness, "Ishaq Dar, Foreign Minister (");
    drag(&mut harness, from, to);
    ensure!(order(&harness) == ["Afghan officials", "Ishaq Dar"], "dragged above: {:?}", order(&harness));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    ensure!(order(&harness) == ["Ishaq Dar", "Afghan officials"], "and undone: {:?}", order(&harness));
    Ok(())
}

/// The border article open and the Pakistan dossier started and shown; the reader's text.
fn border_article_with_pakistan(dir: &std::path::Path) -> (Harness<'static, dossier::ui::App>, egui::Rect) {
    let mut harness = with_border_article(dir);
    harness.get_by_label("+ Pakistan").click();
    harness.run();
    let text = reader_text(&harness);
    (harness, text)
}

/// Where the reader shows the border article's text.
fn reader_text(harness: &Harness<'static, dossier::ui::App>) -> egui::Rect {
    let text = |value: Option<String>| value.as_deref() == Some(ui_support::TEXT);
    harness.get_by(|node| node.role() == egui::Role::Label && text(node.value())).rect()
}

#[test]
fn a_statement_dragged_from_its_sentence_in_the_text_joins_the_dossier() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let (mut harness, text) = border_article_with_pakistan(dir.path());
    // "Foreign" opens the first sentence: no highlight of its own, the sentence of what Ishaq Dar said.
    let from = text.left_top() + egui::vec2(10.0, 6.0);
    let to = harness.get_by_label_contains("Pakistan (0)").rect().center();
    drag(&mut harness, from, to);
    ensure!(pakistan_holds(&harness, DAR_SAYS) == Some(Section::StatementsBy), "the statement joins the dossier");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    ensure!(pakistan_holds(&harness, DAR_SAYS).is_none(), "and the drop is undone like any change");
    // Dropped on a section, it goes into that section.
    let to = harness.get_by_label_contains(Section::StatementsAbout.title()).rect().center();
    drag(&mut harness, from, to);
    ensure!(pakistan_holds(&harness, DAR_SAYS) == Some(Section::StatementsAbout), "dropped on the section");
    Ok(())
}

#[test]
fn a_highlighted_name_dragged_from_the_text_adds_its_actor_card() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let (mut harness, text) = border_article_with_pakistan(dir.path());
    // Find "Ishaq Dar" on the first line as the analyst would: a click on it selects the actor.
    let on_dar = (0..60).map(|step| text.left_top() + egui::vec2(step as f32 * 8.0, 6.0)).find(|&at| {
        harness.hover_at(at);
        harness.drag_at(at);
        harness.drop_at(at);
        harness.run();
        harness.state().selected_card().is_some_and(|card| card.card == "a1")
    });
    let x = on_dar.context("a click on the first line selects Ishaq Dar")?.x;
    // With a card selected, the first-run strip grows a line: the text moves down.
    let from = egui::pos2(x, reader_text(&harness).top() + 6.0);
    let to = harness.get_by_label_contains("Pakistan (0)").rect().center();
    drag(&mut harness, from, to);
    let dossier = harness.state().workspace().dossier("PK").context("the Pakistan dossier")?;
    let names: Vec<_> = dossier.cards.iter().map(|c| (c.name.as_str(), c.section)).collect();
    ensure!(names == [("Ishaq Dar", Section::KeyActors)], "the actor card joins: {names:?}");
    Ok(())
}
