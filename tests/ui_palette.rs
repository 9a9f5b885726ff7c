//! The command table at work: the command palette runs *Export briefing* by name, the keyboard help
//! sheet lists every shortcut (Quit's Ctrl+Q among them), and messages are toasts that fade while errors
//! stay.

mod ui_support;

use anyhow::{Context as _, ensure};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use ui_support::{DAR_SAYS, add_to_dossier, shows, with_border_article};

#[test]
fn export_briefing_runs_from_the_palette() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    add_to_dossier(&mut harness, DAR_SAYS, "PK");
    let briefing = dir.path().join("from-palette.md");
    harness.state_mut().answer_next_save_dialog(briefing.clone());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    ensure!(harness.state().palette_open(), "Ctrl+K opens the palette");
    harness.get_by_role_and_label(egui::Role::TextInput, "Command").type_text("export brief");
    harness.run();
    ensure!(shows(&harness, "Export briefing…"), "the matching command is listed");
    ensure!(!shows(&harness, "Undo"), "commands that do not match are not");
    harness.key_press(Key::Enter);
    harness.run();

    ensure!(!harness.state().palette_open(), "running a command closes the palette");
    let markdown = std::fs::read_to_string(&briefing).context("the briefing was written")?;
    let dossier = harness.state().workspace().dossier("PK").context("no PK dossier")?;
    ensure!(markdown == dossier::export::briefing(dossier, &dossier::ui::today()));
    ensure!(shows(&harness, "Briefing written to"), "the analyst is told where");
    Ok(())
}

#[test]
fn palette_closes_with_escape_and_runs_nothing() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    let open = harness.state().workspace().articles.len();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    harness.get_by_role_and_label(egui::Role::TextInput, "Command").type_text("undo");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    ensure!(!harness.state().palette_open());
    ensure!(harness.state().workspace().articles.len() == open, "Undo did not run: the article is still open");
    Ok(())
}

#[test]
fn help_sheet_lists_the_shortcuts_from_the_table() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    harness.key_press(Key::F1);
    harness.run();
    ensure!(shows(&harness, "Keyboard shortcuts"), "F1 opens the sheet");
    for shortcut in ["Ctrl+Q", "Ctrl+K", "Ctrl+E", "Ctrl+Shift+Z"] {
        ensure!(shows(&harness, shortcut), "the sheet lists {shortcut}");
    }
    Ok(())
}

#[test]
fn quit_is_in_the_file_menu_with_its_shortcut() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    harness.get_by_label("File").click();
    harness.run();
    ensure!(shows(&harness, "Quit"), "Quit is listed");
    ensure!(shows(&harness, "Ctrl+Q"), "with Ctrl+Q");
    Ok(())
}

#[test]
fn messages_fade_and_errors_stay() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    add_to_dossier(&mut harness, DAR_SAYS, "PK");
    // A message: the briefing was written.
    harness.get_by_label("Export to dossier folder").click();
    harness.run();
    ensure!(shows(&harness, "Briefing written to"));
    // An error: a file that is not there.
    harness.state_mut().open_paths_blocking(vec![dir.path().join("missing.txt")]);
    harness.run();
    ensure!(shows(&harness, "missing.txt"));
    // Seven seconds later (the harness advances its clock a quarter of a second a frame).
    harness.run_steps(7 * 4);
    harness.run();
    ensure!(!shows(&harness, "Briefing written to"), "the message faded");
    ensure!(shows(&harness, "missing.txt"), "the error stays");
    Ok(())
}

#[test]
fn the_palette_list_follows_the_query_in_the_same_frame() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    ensure!(shows(&harness, "Undo"), "an empty query lists every command");
    // One frame only: no later repaint may be needed to bring the list up to date.
    harness.get_by_role_and_label(egui::Role::TextInput, "Command").type_text("export brief");
    harness.step();
    ensure!(shows(&harness, "Export briefing…"), "the matching command is listed");
    ensure!(!shows(&harness, "Undo"), "the list already left out what does not match");
    Ok(())
}
