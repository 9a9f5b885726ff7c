//! A big dossier stays responsive: its rows (grouped by entity, which takes more than a frame for
//! thousands of cards) are rebuilt on a worker after a change, and the panel shows the change once they
//! are in, without the analyst doing anything more.

mod ui_support;

use std::time::{Duration, Instant};

use dossier::model::{Dossier, DossierCard, Section};
use egui_kittest::kittest::Queryable as _;
use ui_support::{border_article, country, harness, shows};

/// A Pakistan dossier of `copies` × 2 statement cards, from copies of the border article (each its own
/// article), and no key actors.
fn big_dossier(copies: usize) -> Dossier {
    let mut dossier = Dossier::new("PK", &country("PK"));
    for copy in 0..copies {
        let mut article = border_article();
        article.hash = format!("{copy:016x}");
        article.source = format!("articles/{copy:05}.txt");
        for statement in &article.analysis.statements {
            let section = if statement.speaker.as_deref() == Some("a1") {
                Section::StatementsBy
            } else {
                Section::StatementsAbout
            };
            dossier.cards.push(DossierCard::from_statement(&article, statement, section));
        }
    }
    dossier
}

#[test]
fn a_card_added_to_a_dossier_of_thousands_shows_once_its_rows_are_regrouped() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let dossier = big_dossier(1_000);
    dossier::store::save_dossier(&dir.path().join(dossier.file_name()), &dossier)?;
    let mut harness = harness(dir.path(), Vec::new());
    harness.state_mut().add_articles(vec![border_article()]);
    harness.run();
    harness.get_by_label_contains(&format!("{} (2000)", country("PK"))).click();
    harness.run();
    assert!(shows(&harness, "Key actors (0)"), "the dossier shows its sections");

    harness.get_by_label("Actors").click();
    harness.run();
    ui_support::add_to_dossier(&mut harness, "Ishaq Dar", "PK");
    assert!(shows(&harness, &format!("{} (2001)", country("PK"))), "the sidebar counts it at once");
    // The rows come from a worker: a few frames (and at most a few seconds on a loaded machine) later.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !shows(&harness, "Key actors (1)") && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    assert!(shows(&harness, "Key actors (1)"), "the added key actor is listed");
    Ok(())
}
