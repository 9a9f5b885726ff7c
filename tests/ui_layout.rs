//! Room to work: at the common window sizes, at 100% and 150% zoom, with the sample article, a card
//! selected and a dossier open, no labelled control lies outside the window, and at 1400×900 the card
//! list shows at least 12 cards.

mod ui_support;

use anyhow::ensure;
use dossier::ui::{App, RunOptions};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// Window sizes in physical pixels.
const SIZES: [(f32, f32); 3] = [(1280.0, 720.0), (1400.0, 900.0), (1920.0, 1080.0)];
const ZOOMS: [f32; 2] = [1.0, 1.5];

/// The sample article (a first run), the Pakistan dossier started, a statement selected.
fn app_at(dir: &std::path::Path, size: (f32, f32), zoom: f32) -> Harness<'static, App> {
    let options = RunOptions { files: Vec::new(), dossier_dir: dir.to_owned() };
    let mut harness = Harness::builder()
        .with_max_steps(ui_support::MAX_STEPS)
        .with_size(egui::vec2(size.0 / zoom, size.1 / zoom))
        .with_pixels_per_point(zoom)
        .build_eframe(move |cc| App::new(cc, options));
    harness.run();
    harness.get_by_label("+ Pakistan").click();
    harness.run();
    ui_support::click_card(&mut harness, "stability in the region");
    harness
}

/// Roles of the controls an analyst clicks or types into.
fn is_control(role: egui::accesskit::Role) -> bool {
    use egui::accesskit::Role;
    matches!(role, Role::Button | Role::TextInput | Role::MultilineTextInput | Role::CheckBox | Role::ComboBox)
}

/// The labelled controls outside the window at `size` (physical pixels), at 100% and 150% zoom.
fn controls_outside(size: (f32, f32)) -> anyhow::Result<Vec<String>> {
    let mut problems = Vec::new();
    for zoom in ZOOMS {
        let dir = tempfile::tempdir()?;
        let harness = app_at(dir.path(), size, zoom);
        let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size.0 / zoom, size.1 / zoom));
        let window = window.expand(0.5);
        for node in harness.query_all_by(|n| is_control(n.role()) && n.label().is_some_and(|l| !l.is_empty())) {
            let label = node.accesskit_node().label().unwrap_or_default();
            let rect = node.rect();
            // Controls in a scrolled list may lie below the window; none may lie beside it, and none may
            // start below it unless it belongs to a list (a card or dossier row).
            let beside = rect.min.x < window.min.x || rect.max.x > window.max.x;
            let below = rect.min.y > window.max.y && !in_a_list(&label);
            if beside || below || rect.min.y < window.min.y {
                problems.push(format!("{}×{} at {}%: {label:?} at {rect:?}", size.0, size.1, zoom * 100.0));
            }
        }
    }
    Ok(problems)
}

#[test]
fn no_labelled_control_lies_outside_the_window_at_1280_by_720() -> anyhow::Result<()> {
    let problems = controls_outside(SIZES[0])?;
    ensure!(problems.is_empty(), "controls outside the window:\n{}", problems.join("\n"));
    Ok(())
}

#[test]
fn no_labelled_control_lies_outside_the_window_at_1400_by_900() -> anyhow::Result<()> {
    let problems = controls_outside(SIZES[1])?;
    ensure!(problems.is_empty(), "controls outside the window:\n{}", problems.join("\n"));
    Ok(())
}

#[test]
fn no_labelled_control_lies_outside_the_window_at_1920_by_1080() -> anyhow::Result<()> {
    let problems = controls_outside(SIZES[2])?;
    ensure!(problems.is_empty(), "controls outside the window:\n{}", problems.join("\n"));
    Ok(())
}

/// Card rows ("<speaker> <cue>: <content>") and dossier rows are in scrolled lists.
fn in_a_list(label: &str) -> bool {
    label.contains(": ")
}

#[test]
fn the_card_list_shows_twelve_cards_at_1400_by_900_with_a_dossier_open() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let harness = app_at(dir.path(), (1400.0, 900.0), 1.0);
    ensure!(harness.state().shown_dossier() == Some("PK"), "the dossier is open");
    let shown = harness.state().card_rows_in_view();
    println!("card rows in view at 1400×900 with a dossier open: {shown}");
    ensure!(shown >= 12, "the card list has room for {shown} cards");
    Ok(())
}

#[test]
fn the_dossier_panel_collapses_to_its_title_bar() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = app_at(dir.path(), (1400.0, 900.0), 1.0);
    ensure!(ui_support::shows(&harness, "Analyst notes"));
    // Open, the dossier has room: its title bar at least 200 points above the bottom of the window.
    let top = harness.get_by_label("Collapse").rect().min.y;
    ensure!(900.0 - top >= 200.0, "the dossier panel starts at {top}");
    harness.get_by_label("Collapse").click();
    harness.run();
    ensure!(!ui_support::shows(&harness, "Analyst notes"), "the sections and notes are hidden");
    ensure!(harness.state().shown_dossier() == Some("PK"), "the dossier is still the one shown");
    harness.get_by_label("Expand").click();
    harness.run();
    ensure!(ui_support::shows(&harness, "Analyst notes"));
    Ok(())
}
