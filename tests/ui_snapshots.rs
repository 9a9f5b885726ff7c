//! Image snapshots of the whole window: the sample article analysed, a statement selected and added to the
//! Pakistan dossier, which is open, at the common window sizes and at 150% zoom. They are compared with the
//! reviewed images in `tests/snapshots/`; a change in the layout shows there as a failed test and a
//! `.diff.png` beside the image.
//!
//! Rendering needs a GPU or a software rasterizer (Mesa's lavapipe), so these tests are behind the
//! `snapshots` feature and stay out of a plain `cargo test`:
//! `cargo test --features snapshots --test ui_snapshots` (`UPDATE_SNAPSHOTS=1` to rewrite the images, which
//! are then looked at before they are committed).

#![cfg(feature = "snapshots")]

mod ui_support;

use dossier::ui::{App, RunOptions};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use egui_kittest::{Harness, SnapshotOptions};

/// The sample (a first run), the Pakistan dossier started, a statement selected and added to it, in a
/// window of `size` physical pixels at `zoom`.
fn app_at(dir: &std::path::Path, size: (f32, f32), zoom: f32) -> Harness<'static, App> {
    let options = RunOptions { files: Vec::new(), dossier_dir: dir.to_owned() };
    let mut harness = Harness::builder()
        .with_max_steps(ui_support::MAX_STEPS)
        .with_size(egui::vec2(size.0 / zoom, size.1 / zoom))
        .with_pixels_per_point(zoom)
        // The pointer rests on the selected card; its arrow would only hide the text under it.
        .with_render_cursor(false)
        .build_eframe(move |cc| App::new(cc, options));
    harness.run();
    harness.get_by_label("+ Pakistan").click();
    harness.run();
    ui_support::click_card(&mut harness, "stability in the region");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run();
    // Let the notice of the addition fade out, so the image does not depend on how long it stays.
    harness.run_steps(60);
    harness
}

/// Compares the window at `size` and `zoom` with `tests/snapshots/<name>.png`. The software rasterizer
/// draws text edges a little differently from one Mesa version to another: a few pixels may differ.
fn snapshot(name: &str, size: (f32, f32), zoom: f32) {
    let Ok(dir) = tempfile::tempdir() else {
        panic!("no temporary folder for the dossiers");
    };
    let mut harness = app_at(dir.path(), size, zoom);
    let options = SnapshotOptions::new().threshold(1.0).max_failed_pixels(200);
    harness.snapshot_options(name, &options);
}

#[test]
fn the_window_at_1280_by_720() {
    snapshot("window_1280x720", (1280.0, 720.0), 1.0);
}

#[test]
fn the_window_at_1400_by_900() {
    snapshot("window_1400x900", (1400.0, 900.0), 1.0);
}

#[test]
fn the_window_at_1920_by_1080() {
    snapshot("window_1920x1080", (1920.0, 1080.0), 1.0);
}

#[test]
fn the_window_at_1400_by_900_at_150_percent() {
    snapshot("window_1400x900_150", (1400.0, 900.0), 1.5);
}
