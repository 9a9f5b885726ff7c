//! First run: the four-step strip over the sample (ticked off as the analyst goes, dismissed for good),
//! *+ to …* on the card rows themselves, and the Preferences window, saved between sessions.

mod ui_support;

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context as _, ensure};
use dossier::ui::{App, Preferences, RunOptions, Theme};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ui_support::{click_card, shows};

fn app_with_preferences(dir: &Path, preferences: &Path) -> Harness<'static, App> {
    let options = RunOptions { files: Vec::new(), dossier_dir: dir.to_owned() };
    let path = preferences.to_owned();
    let mut harness = Harness::builder()
        .with_max_steps(ui_support::MAX_STEPS)
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| App::with_preferences(cc, options, Some(path)));
    harness.run();
    harness
}

/// The preferences file once the writer thread has written it with `want` true.
fn wait_for(path: &Path, want: impl Fn(&Preferences) -> bool) -> anyhow::Result<Preferences> {
    let start = Instant::now();
    loop {
        let (preferences, error) = Preferences::load(path);
        if error.is_none() && want(&preferences) {
            return Ok(preferences);
        }
        ensure!(start.elapsed() < Duration::from_secs(5), "not written: {error:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_four_steps_show_over_the_sample_until_dismissed() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let preferences = dir.path().join("config").join("preferences.ron");
    let mut harness = app_with_preferences(dir.path(), &preferences);
    ensure!(shows(&harness, "Getting started:"));
    ensure!(shows(&harness, "1 Open articles (done)"), "the sample is open: step 1 is done");
    ensure!(shows(&harness, "2 Pick a card"));
    click_card(&mut harness, "stability in the region");
    ensure!(shows(&harness, "2 Pick a card (done)"));
    harness.get_by_label("Got it").click();
    harness.run();
    ensure!(!shows(&harness, "Getting started:"));
    wait_for(&preferences, |p| p.welcome_dismissed)?;

    // The next session remembers.
    let harness = app_with_preferences(dir.path(), &preferences);
    ensure!(!shows(&harness, "Getting started:"), "dismissed for good");
    Ok(())
}

#[test]
fn a_card_row_adds_itself_to_the_dossier_shown() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = ui_support::harness(dir.path(), Vec::new());
    harness.run();
    harness.get_by_label("+ Pakistan").click();
    harness.run();
    click_card(&mut harness, "stability in the region");
    harness.get_by_label("+ to Pakistan").click();
    harness.run();
    let dossier = harness.state().workspace().dossier("PK").context("no PK dossier")?;
    ensure!(dossier.cards.iter().any(|c| c.content.as_deref().is_some_and(|t| t.contains("stability in the region"))));
    Ok(())
}

#[test]
fn preferences_apply_at_once_and_are_saved() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let preferences = dir.path().join("preferences.ron");
    let mut harness = app_with_preferences(dir.path(), &preferences);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Comma);
    harness.run();
    ensure!(shows(&harness, "Preferences"), "Ctrl+, opens the window");
    harness.get_by_label("Theme").click();
    harness.run();
    harness.get_by_label("Dark").click();
    harness.run();
    ensure!(harness.ctx.theme() == egui::Theme::Dark, "dark at once");
    harness.get_by_role_and_label(egui::Role::TextInput, "Dossier folder").focus();
    harness.get_by_role_and_label(egui::Role::TextInput, "Dossier folder").type_text("/srv/dossiers");
    harness.run();
    let saved = wait_for(&preferences, |p| p.theme == Theme::Dark && p.dossier_dir.is_some())?;
    ensure!(saved.dossier_dir.as_deref() == Some("/srv/dossiers"));
    Ok(())
}
