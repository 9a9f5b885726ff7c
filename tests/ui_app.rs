//! The whole app, driven like an analyst: open an article, find a statement card, add it to a country's
//! dossier, undo and redo, save, and export the briefing.

mod ui_support;

use anyhow::{Context as _, ensure};
use dossier::model::{Dossier, Section};
use dossier::store;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use ui_support::{
    DAR_SAYS, add_to_dossier, border_article, click_card, country, harness, save, shows, with_border_article,
};

#[test]
fn add_statement_to_dossier_undo_redo_save_and_export() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let article = border_article();
    let card_id = format!("{}/s1", article.hash);
    let mut harness = harness(dir.path(), Vec::new());
    harness.state_mut().add_articles(vec![article]);
    harness.run();

    harness.get_by_label("Statements").click();
    harness.run();
    click_card(&mut harness, DAR_SAYS);
    let pakistan = country("PK");
    harness.get_by_label(&format!("Add to {pakistan}")).click();
    harness.run();

    let holds = |app: &dossier::ui::App| app.workspace().dossier("PK").is_some_and(|d| d.contains(&card_id));
    let dossier = harness.state().workspace().dossier("PK").context("no PK dossier")?;
    ensure!(dossier.name == pakistan);
    ensure!(dossier.cards.len() == 1 && dossier.cards[0].id == card_id);
    // Ishaq Dar is Pakistani: his statement goes under "Statements by its actors".
    ensure!(dossier.cards[0].section == Section::StatementsBy);
    ensure!(harness.state().title().ends_with('•'), "unsaved changes are marked in the title");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    ensure!(!holds(harness.state()), "undo takes the card out again");
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    harness.run();
    ensure!(holds(harness.state()), "redo puts it back");

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Save").click();
    // Fixed frames, not "until nothing is left to repaint": the save finishing on the worker asks for
    // frames of its own, as many as the machine's load makes it.
    harness.run_steps(2);
    harness.state_mut().wait_for_background();
    // The title follows the state at the end of a frame.
    harness.step();

    let in_app = harness.state().workspace().dossier("PK").context("no PK dossier")?.clone();
    let file = dir.path().join(Dossier::new("PK", &pakistan).file_name());
    ensure!(store::load_dossier(&file)? == in_app, "the saved file loads back as the dossier in the app");
    ensure!(dir.path().join(".workspace.ron").exists(), "the workspace is saved too");
    ensure!(!store::recovery_path(dir.path()).exists(), "saving clears the recovery file");
    ensure!(harness.state().title() == "Dossier", "nothing unsaved after saving");
    ensure!(!harness.state().has_unsaved_changes());

    let briefing = dir.path().join("briefing.md");
    harness.state_mut().export_briefing("PK", &briefing)?;
    let markdown = std::fs::read_to_string(&briefing)?;
    // Exactly the briefing of the dossier in the app, dated today.
    ensure!(markdown == dossier::export::briefing(&in_app, &dossier::ui::today()));
    Ok(())
}

#[test]
fn exported_briefing_holds_statement_speaker_and_footnote() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    add_to_dossier(&mut harness, DAR_SAYS, "PK");

    let briefing = dir.path().join("briefing.md");
    harness.state_mut().export_briefing("PK", &briefing)?;
    let markdown = std::fs::read_to_string(&briefing)?;
    ensure!(markdown.contains(DAR_SAYS), "the statement: {markdown}");
    ensure!(markdown.contains("Ishaq Dar"), "its speaker: {markdown}");
    ensure!(markdown.contains("[^1]"), "a footnote to the source: {markdown}");
    Ok(())
}

/// The same flow on the built-in sample article. The extractor puts only Russia in this statement's
/// `about`, so the analyst first starts the Pakistan dossier the sample suggests ("+ Pakistan").
#[test]
fn sample_statement_goes_to_the_pakistan_dossier() -> anyhow::Result<()> {
    const SAYS: &str = "stability in the region is a priority";
    let dir = tempfile::tempdir()?;
    let mut harness = harness(dir.path(), Vec::new()); // A first run opens the sample.
    harness.run();
    // The statement is about the region; the analyst starts the Pakistan dossier the sample suggests.
    harness.get_by_label("+ Pakistan").click();
    harness.run();
    harness.get_by_label("Statements").click();
    harness.run();
    click_card(&mut harness, SAYS);
    ensure!(shows(&harness, "Maria Zakharova"), "the speaker is shown");
    harness.get_by_label("Add to Pakistan").click();
    harness.run();

    let holds = |app: &dossier::ui::App| {
        app.workspace()
            .dossier("PK")
            .is_some_and(|d| d.cards.iter().any(|c| c.content.as_deref().is_some_and(|t| t.contains(SAYS))))
    };
    ensure!(holds(harness.state()));
    let card = harness.state().workspace().dossier("PK").and_then(|d| d.cards.first()).context("no card")?;
    ensure!(card.name == "Maria Zakharova");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    ensure!(!holds(harness.state()));
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    harness.run();
    ensure!(holds(harness.state()));

    save(&mut harness);
    let in_app = harness.state().workspace().dossier("PK").context("no PK dossier")?.clone();
    ensure!(store::load_dossier(&dir.path().join("pakistan.ron"))? == in_app);

    let briefing = dir.path().join("pakistan-briefing.md");
    harness.state_mut().export_briefing("PK", &briefing)?;
    let markdown = std::fs::read_to_string(&briefing)?;
    ensure!(markdown.contains(SAYS) && markdown.contains("Maria Zakharova") && markdown.contains("[^1]"));
    Ok(())
}

#[test]
fn briefing_exports_to_the_dossier_folder_without_a_dialog() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    click_card(&mut harness, DAR_SAYS);
    let pakistan = country("PK");
    harness.get_by_label(&format!("Add to {pakistan}")).click();
    harness.run();
    harness.get_by_label("Export to dossier folder").click();
    harness.run();

    let dossier = harness.state().workspace().dossier("PK").context("no PK dossier")?;
    let slug = dossier.file_name().trim_end_matches(".ron").to_owned();
    let written = dir.path().join(format!("{slug}-briefing.md"));
    ensure!(std::fs::read_to_string(&written)? == dossier::export::briefing(dossier, &dossier::ui::today()));
    ensure!(shows(&harness, "Briefing written to"), "the analyst is told where");
    Ok(())
}
