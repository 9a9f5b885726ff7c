//! Starting the app: the first run, restoring the saved workspace and dossier files, offering to
//! restore unsaved changes, and refusing to overwrite dossier files changed by someone else.

mod ui_support;

use anyhow::{Context as _, ensure};
use dossier::model::Dossier;
use dossier::store;
use egui_kittest::kittest::Queryable as _;
use ui_support::{
    DAR_SAYS, OFFICIALS_SAY, add_to_dossier, click_card, country, harness, save, shows, with_border_article,
};

#[test]
fn first_run_opens_the_sample_article() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = harness(dir.path(), Vec::new());
    harness.run();
    let app = harness.state();
    ensure!(app.workspace().articles.len() == 1);
    let sample = &app.workspace().articles[0];
    ensure!(sample.source == dossier::pipeline::SAMPLE_PATH);
    ensure!(shows(&harness, &sample.display_name()), "the sample is listed and shown");
    ensure!(!app.has_unsaved_changes(), "opening the sample is not a change to save");
    Ok(())
}

#[test]
fn saved_workspace_is_restored_on_restart() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let saved = {
        let mut harness = with_border_article(dir.path());
        add_to_dossier(&mut harness, DAR_SAYS, "PK");
        save(&mut harness);
        harness.state().workspace().clone()
    };

    let mut harness = harness(dir.path(), Vec::new());
    harness.run();
    let app = harness.state();
    ensure!(app.workspace().articles == saved.articles, "the same articles, with their cards");
    ensure!(app.workspace().dossiers == saved.dossiers);
    ensure!(app.workspace().recent == saved.recent);
    ensure!(!app.has_unsaved_changes() && app.title() == "Dossier");
    ensure!(harness.query_by_label("Restore unsaved changes?").is_none(), "nothing to recover after a save");
    ensure!(shows(&harness, "Border talks"));
    Ok(())
}

#[test]
fn dossier_files_in_the_folder_load_at_start() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut existing = Dossier::new("PK", "Pakistan");
    existing.notes = "Written earlier.".into();
    let file = dir.path().join("pakistan.ron");
    store::save_dossier(&file, &existing)?;

    let mut harness = with_border_article(dir.path());
    ensure!(harness.state().workspace().dossier("PK") == Some(&existing));
    ensure!(!harness.state().workspace().dirty.contains("PK"), "a loaded dossier is not a change");

    // The card goes to the dossier from the file, under its name, and is saved back to that file.
    click_card(&mut harness, DAR_SAYS);
    harness.get_by_label("Add to Pakistan").click();
    harness.run();
    save(&mut harness);
    let in_app = harness.state().workspace().dossier("PK").context("no PK dossier")?.clone();
    ensure!(in_app.notes == existing.notes && in_app.cards.len() == 1);
    ensure!(store::load_dossier(&file)? == in_app);
    Ok(())
}

#[test]
fn save_asks_before_overwriting_a_file_changed_on_disk() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("pakistan.ron");
    store::save_dossier(&file, &Dossier::new("PK", "Pakistan"))?;
    let mut harness = with_border_article(dir.path());
    click_card(&mut harness, DAR_SAYS);
    harness.get_by_label("Add to Pakistan").click();
    harness.run();

    // Someone else edits the file meanwhile.
    let mut theirs = Dossier::new("PK", "Pakistan");
    theirs.notes = "A colleague's notes.".into();
    store::save_dossier(&file, &theirs)?;

    save(&mut harness);
    ensure!(shows(&harness, "Dossier files changed on disk"));
    harness.get_by_label("Keep unsaved").click();
    harness.run();
    ensure!(store::load_dossier(&file)? == theirs, "their file is left alone");
    ensure!(harness.state().workspace().dirty.contains("PK") && harness.state().title().ends_with('•'));

    save(&mut harness);
    harness.get_by_label("Overwrite").click();
    harness.run();
    let in_app = harness.state().workspace().dossier("PK").context("no PK dossier")?.clone();
    ensure!(store::load_dossier(&file)? == in_app, "overwritten when asked");
    ensure!(!harness.state().has_unsaved_changes());
    Ok(())
}

/// Starts a session that adds a card, writes its recovery file, and ends without saving.
fn crashed_session(dir: &std::path::Path) -> anyhow::Result<()> {
    let mut harness = with_border_article(dir);
    add_to_dossier(&mut harness, DAR_SAYS, "PK");
    harness.state_mut().write_recovery_now();
    ensure!(store::recovery_path(dir).exists());
    Ok(())
}

#[test]
fn unsaved_changes_are_offered_back_and_restored() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    crashed_session(dir.path())?;

    let mut harness = harness(dir.path(), Vec::new());
    harness.run();
    ensure!(shows(&harness, "Restore unsaved changes?"));
    harness.get_by_label("Restore").click();
    harness.run();
    let app = harness.state();
    ensure!(app.workspace().dossier("PK").is_some_and(|d| d.cards.len() == 1), "the card is back");
    ensure!(app.workspace().articles.iter().any(|a| a.title.as_deref() == Some("Border talks")));
    ensure!(app.has_unsaved_changes(), "restored changes still need saving");
    ensure!(harness.query_by_label("Restore unsaved changes?").is_none());
    Ok(())
}

#[test]
fn unsaved_changes_can_be_discarded() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    crashed_session(dir.path())?;

    let mut harness = harness(dir.path(), Vec::new());
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    harness.state_mut().wait_for_background();
    ensure!(harness.state().workspace().dossier("PK").is_none());
    ensure!(!store::recovery_path(dir.path()).exists(), "the recovery file is gone");
    Ok(())
}

#[test]
fn closing_with_unsaved_changes_asks_first() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    let request_close = |harness: &mut egui_kittest::Harness<'static, dossier::ui::App>| {
        let root = harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default();
        root.events.push(egui::ViewportEvent::Close);
        harness.run();
    };

    request_close(&mut harness);
    ensure!(shows(&harness, "Save changes before closing?"));
    harness.get_by_label("Cancel").click();
    harness.run();
    ensure!(harness.query_by_label("Save changes before closing?").is_none());
    ensure!(harness.state().has_unsaved_changes(), "cancel keeps everything as it was");

    request_close(&mut harness);
    harness.get_by_label("Save").click();
    harness.run();
    ensure!(!harness.state().has_unsaved_changes(), "saved before closing");
    ensure!(dir.path().join(".workspace.ron").exists());
    Ok(())
}

#[test]
fn a_failed_save_is_shown_and_the_dossier_stays_unsaved() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    // A folder where the dossier's file should go: the save cannot replace it.
    let blocked = dir.path().join(Dossier::new("PK", &country("PK")).file_name());
    std::fs::create_dir(&blocked)?;
    let mut harness = with_border_article(dir.path());
    add_to_dossier(&mut harness, DAR_SAYS, "PK");
    save(&mut harness);

    let app = harness.state();
    ensure!(app.notices().iter().any(|n| n.text.contains("Could not save")), "{:?}", app.notices());
    ensure!(app.workspace().dirty.contains("PK") && app.title().ends_with('•'), "still marked unsaved");
    ensure!(shows(&harness, "Could not save"));
    Ok(())
}

#[test]
fn changes_reach_the_recovery_file_within_two_seconds() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    add_to_dossier(&mut harness, DAR_SAYS, "PK");
    std::thread::sleep(std::time::Duration::from_millis(1600));
    harness.run(); // A frame after the delay (in the window, the delayed repaint asks for it).
    harness.state_mut().wait_for_background();
    let recovered = store::load_recovery(dir.path()).context("no recovery file")?;
    ensure!(recovered.dossier("PK").is_some_and(|d| d.cards.len() == 1));
    Ok(())
}

#[test]
fn a_full_or_read_only_disk_fails_the_save_loses_nothing_and_the_app_goes_on() -> anyhow::Result<()> {
    use dossier::store::fs::{Fault, FaultyFs, StdFs};
    use std::sync::Arc;
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("pakistan.ron");
    let mut old = Dossier::new("PK", "Pakistan");
    old.notes = "Saved before the disk filled up.".into();
    store::save_dossier(&file, &old)?;
    let old_bytes = std::fs::read(&file)?;
    let mut harness = with_border_article(dir.path());
    click_card(&mut harness, DAR_SAYS);
    harness.get_by_label("Add to Pakistan").click();
    harness.run();

    for (kind, shown) in
        [(std::io::ErrorKind::StorageFull, "space"), (std::io::ErrorKind::ReadOnlyFilesystem, "read-only")]
    {
        harness.state_mut().use_file_system(Arc::new(FaultyFs::new(Arc::new(StdFs), Fault::From(0), kind)));
        save(&mut harness);
        let app = harness.state();
        let workspace_failed = app.notices().iter().any(|n| n.text.contains("Could not save the workspace"));
        ensure!(workspace_failed && app.has_unsaved_changes(), "{:?}", app.notices());
        let notice = app.notices().iter().rev().find(|n| n.text.contains("Could not save the Pakistan dossier"));
        let notice = notice.context(format!("{:?}", app.notices()))?;
        ensure!(notice.text.contains("pakistan.ron") && notice.text.contains(shown), "{}", notice.text);
        ensure!(app.workspace().dirty.contains("PK") && app.title().ends_with('•'), "still marked unsaved");
        ensure!(app.workspace().dossier("PK").is_some_and(|d| d.cards.len() == 1), "the card is still in the app");
        ensure!(std::fs::read(&file)? == old_bytes, "the old file is intact");
        let temp = std::fs::read_dir(dir.path())?.filter_map(Result::ok);
        ensure!(temp.filter(|e| e.file_name().to_string_lossy().ends_with(".tmp")).count() == 0);
    }

    // Room again: the same save goes through.
    harness.state_mut().use_file_system(Arc::new(StdFs));
    save(&mut harness);
    ensure!(!harness.state().has_unsaved_changes(), "{:?}", harness.state().notices());
    let in_app = harness.state().workspace().dossier("PK").context("no PK dossier")?.clone();
    ensure!(store::load_dossier(&file)? == in_app && in_app.notes == old.notes);
    Ok(())
}

#[test]
fn a_second_window_on_the_folder_is_told_and_cannot_overwrite() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("pakistan.ron");
    let mut first = with_border_article(dir.path());
    ensure!(!first.state().notices().iter().any(|n| n.text.contains("Another Dossier window")));

    let mut second = with_border_article(dir.path());
    ensure!(shows(&second, "Another Dossier window"), "{:?}", second.state().notices());
    add_to_dossier(&mut second, OFFICIALS_SAY, "PK");
    save(&mut second);
    let app = second.state();
    ensure!(app.notices().iter().any(|n| n.text.contains("not saved")), "{:?}", app.notices());
    ensure!(app.has_unsaved_changes(), "the second window's changes stay in it, unsaved");
    ensure!(!file.exists() && !dir.path().join(".workspace.ron").exists(), "nothing written by the second");
    ensure!(!store::recovery_path(dir.path()).exists(), "nor its recovery file");

    add_to_dossier(&mut first, DAR_SAYS, "PK");
    save(&mut first);
    ensure!(!first.state().has_unsaved_changes(), "{:?}", first.state().notices());
    let saved = store::load_dossier(&file)?;
    ensure!(saved.cards.len() == 1 && saved.cards[0].content.as_deref() == Some(DAR_SAYS));
    drop(second);
    drop(first);

    // Both closed: the next window owns the folder again.
    let third = with_border_article(dir.path());
    ensure!(!third.state().notices().iter().any(|n| n.text.contains("Another Dossier window")));
    Ok(())
}
