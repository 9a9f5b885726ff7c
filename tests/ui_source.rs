//! A saved web page opened through the open route shows its source under the title (outlet, date,
//! authors, address), and the analyst can correct it; the correction is one undoable step.

mod ui_support;

use anyhow::ensure;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use ui_support::{harness, shows};

const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Border to reopen after talks - The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-05-12T08:30:00Z">
<meta name="author" content="Jane Smith">
<link rel="canonical" href="https://example.com/world/border-to-reopen">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/video">Video</a></nav>
<article><h1>Border to reopen after talks</h1>
<p>Pakistan and Afghanistan agreed on Monday to reopen the border crossing after talks in Islamabad, officials said.</p>
<p>Traders welcomed the decision, saying the closure had cost them millions over three weeks.</p>
</article></body></html>"#;

/// The article read from the saved page.
fn page_article<'h>(
    harness: &'h egui_kittest::Harness<'static, dossier::ui::App>,
) -> anyhow::Result<&'h dossier::model::Article> {
    let articles = &harness.state().workspace().articles;
    articles
        .iter()
        .map(|a| &**a)
        .find(|a| a.source.ends_with("border.html"))
        .ok_or_else(|| anyhow::anyhow!("the page is open"))
}

#[test]
fn a_saved_page_shows_its_outlet_and_date_and_the_analyst_can_correct_them() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let page = dir.path().join("border.html");
    std::fs::write(&page, PAGE)?;
    let mut harness = harness(dir.path(), vec![page]);
    harness.state_mut().wait_for_background();
    harness.run();

    ensure!(shows(&harness, "Outlet: The Daily Example"), "the outlet is shown");
    ensure!(shows(&harness, "Published: 2024-05-12"), "the date is shown");
    ensure!(shows(&harness, "By: Jane Smith"), "the author is shown");
    ensure!(shows(&harness, "https://example.com/world/border-to-reopen"), "the address is shown");

    harness.get_by_label("Edit source…").click();
    harness.run();
    let outlet = harness.get_by_role_and_label(egui::Role::TextInput, "Outlet");
    outlet.focus();
    outlet.type_text(" Online");
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    let meta = &page_article(&harness)?.meta;
    ensure!(meta.outlet.as_deref() == Some("The Daily Example Online"), "corrected: {meta:?}");
    ensure!(meta.published.as_deref() == Some("2024-05-12"), "the other fields are kept: {meta:?}");
    ensure!(shows(&harness, "Outlet: The Daily Example Online"));

    // Undo, with focus off the text field.
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let meta = &page_article(&harness)?.meta;
    ensure!(meta.outlet.as_deref() == Some("The Daily Example"), "undone: {meta:?}");
    Ok(())
}
