//! `dossiers/` in the repository: the four dossiers an analyst builds from the built-in sample article
//! (Afghanistan, Iran, Pakistan, Russia), as the app saves them, with their Markdown and HTML briefings.
//! This test keeps them loadable and equal to what the app builds from the sample today; the dossiers are
//! built the way `tests/seed_briefings.rs` builds them (every card the app offers to add, for each country
//! the cards involve, through the app's own commands). After a change to the extractor or the export,
//! rewrite them with `DOSSIER_BLESS=1 cargo test --test ui_seed_dossiers` and review `git diff dossiers/`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may panic on what they did not expect.

use std::path::{Path, PathBuf};

#[path = "fixtures/seed.rs"]
mod seed;

use dossier::model::Dossier;
use dossier::{export, store};
use seed::seed_dossiers;

/// The date the briefings in `dossiers/` carry.
const DATE: &str = "2025-01-15";

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("dossiers")
}

/// The files of one dossier in `dossiers/` and what each must hold.
fn files_of(dossier: &Dossier) -> Vec<(PathBuf, String)> {
    let dir = folder();
    vec![
        (dir.join(dossier.file_name()), store::dossier_to_string(dossier).unwrap()),
        (dir.join(export::briefing_file_name(dossier)), export::briefing(dossier, DATE)),
        (dir.join(export::briefing_html_file_name(dossier)), export::briefing_html(dossier, DATE)),
    ]
}

#[test]
fn the_dossiers_folder_holds_the_seed_dossiers_as_the_app_saves_them() {
    let dossiers = seed_dossiers();
    let mut countries: Vec<&str> = dossiers.iter().map(|d| d.country.as_str()).collect();
    countries.sort_unstable();
    assert_eq!(countries, ["AF", "IR", "PK", "RU"], "the sample's four dossiers");
    let bless = std::env::var_os("DOSSIER_BLESS").is_some();
    for dossier in &dossiers {
        for (path, text) in files_of(dossier) {
            if bless {
                std::fs::create_dir_all(folder()).unwrap();
                std::fs::write(&path, &text).unwrap();
            }
            let on_disk = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e} (DOSSIER_BLESS=1 writes it)", path.display()));
            assert!(on_disk == text, "{} is not what the app builds now: DOSSIER_BLESS=1 rewrites it", path.display());
        }
        let loaded = store::load_dossier(&folder().join(dossier.file_name())).unwrap();
        assert_eq!(&loaded, dossier, "the saved dossier loads back as built");
    }
}
