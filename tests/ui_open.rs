//! Opening articles by every route (command line, dropped files, recent files): one background path,
//! errors shown per file, and one bad file never stops the others.

mod ui_support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::ensure;
use dossier::ui::NoticeKind;
use egui_kittest::kittest::Queryable as _;
use ui_support::{harness, shows};

const GOOD: &str = "Pakistan and Afghanistan agreed to reopen the border, officials said on Monday.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> anyhow::Result<PathBuf> {
    let path = dir.join(name);
    std::fs::write(&path, bytes)?;
    Ok(path)
}

#[test]
fn a_bad_file_is_reported_and_the_others_still_open() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let binary = write(dir.path(), "photo.txt", &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe, 0, 1, 2, 3])?;
    let good = write(dir.path(), "border.txt", GOOD.as_bytes())?;
    let missing = dir.path().join("missing.txt");

    let mut harness = harness(dir.path(), vec![binary.clone(), good.clone(), missing.clone()]);
    harness.state_mut().wait_for_background();
    harness.run();

    let app = harness.state();
    let errors: Vec<&str> =
        app.notices().iter().filter(|n| n.kind == NoticeKind::Error).map(|n| n.text.as_str()).collect();
    ensure!(errors.len() == 2, "one error per bad file: {errors:?}");
    ensure!(errors.iter().any(|e| e.contains(&*binary.to_string_lossy()) && e.contains("binary")));
    ensure!(errors.iter().any(|e| e.contains(&*missing.to_string_lossy())));
    ensure!(app.workspace().articles.iter().any(|a| a.source == good.to_string_lossy()), "the good file opened");
    ensure!(shows(&harness, "looks like a binary file"), "the error is on screen");

    // Errors stay until dismissed.
    harness.get_by_label("Dismiss all").click();
    harness.run();
    ensure!(harness.state().notices().is_empty());
    ensure!(!shows(&harness, "looks like a binary file"));
    Ok(())
}

/// A file dropped on the window, as the platform hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropped_files_open_like_the_dialog() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let good = write(dir.path(), "dropped.txt", GOOD.as_bytes())?;
    let mut harness = harness(dir.path(), Vec::new());
    harness.run();
    harness.input_mut().dropped_files.push(Arc::new(Dropped(good.clone())));
    harness.run();
    harness.state_mut().wait_for_background();
    harness.run();
    let app = harness.state();
    ensure!(app.workspace().articles.iter().any(|a| a.source == good.to_string_lossy()));
    ensure!(app.workspace().recent.first().map(String::as_str) == Some(&*good.to_string_lossy()));
    ensure!(shows(&harness, "dropped.txt"), "listed by its file name");
    Ok(())
}

#[test]
fn recent_files_reopen_through_the_menu() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let good = write(dir.path(), "recent.txt", GOOD.as_bytes())?;
    let mut harness = harness(dir.path(), Vec::new());
    harness.state_mut().open_paths_blocking(vec![good.clone()]);
    harness.run();
    let opened = harness.state().workspace().articles.iter().find(|a| a.source == good.to_string_lossy());
    let hash = opened.map(|a| a.hash.clone());
    let title = opened.map(|a| a.display_name()).unwrap_or_default();

    // Close it, then open it again from File ▸ Open recent.
    harness.get_by_label("Close article").click();
    harness.run();
    ensure!(harness.state().workspace().articles.iter().all(|a| Some(&a.hash) != hash.as_ref()));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Open recent").click();
    harness.run();
    // Listed by its title, not its path.
    harness.get_by_label(&title).click();
    harness.run();
    harness.state_mut().wait_for_background();
    harness.run();
    ensure!(harness.state().workspace().articles.iter().any(|a| Some(&a.hash) == hash.as_ref()));
    Ok(())
}

#[test]
fn files_opened_together_from_one_country_lend_it_to_one_that_names_none() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let texts = [
        "Commuters in Sydney faced long delays on Monday, rail staff said.\n",
        "Melbourne's new library opened on Friday, its director Tom Vail said.\n",
        "Farmers near Brisbane want more water, the growers' group said.\n",
        "The Federal Opposition wants a review of toll roads. Transport spokeswoman Jane Quill says drivers \
         pay too much.\n",
    ];
    let mut paths = Vec::new();
    for (n, text) in texts.iter().enumerate() {
        paths.push(write(dir.path(), &format!("story-{n}.txt"), text.as_bytes())?);
    }
    let mut harness = harness(dir.path(), Vec::new());
    harness.state_mut().open_paths_blocking(paths);
    harness.run();
    let workspace = harness.state().workspace();
    let unnamed = workspace.articles.iter().find(|a| a.text.contains("toll roads"));
    let quill = unnamed.and_then(|a| a.analysis.actors.iter().find(|x| x.name.contains("Quill")));
    ensure!(quill.and_then(|q| q.country.as_deref()) == Some("AU"), "{quill:?}");
    // The evidence says where the country came from.
    let evidence = quill.and_then(|q| q.country_evidence.clone()).unwrap_or_default();
    ensure!(evidence.contains("collection"), "{evidence}");
    Ok(())
}
