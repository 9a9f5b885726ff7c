//! `dossiers/` in the repository: the four dossiers an analyst builds from the built-in sample article
//! (Afghanistan, Iran, Pakistan, Russia), as the app saves them, with their Markdown and HTML briefings.
//! This test keeps them loadable and equal to what the app builds from the sample today; the dossiers are
//! built the way `tests/seed_briefings.rs` builds them (every card the app offers to add, for each country
//! the cards involve, through the app's own commands). After a change to the extractor or the export,
//! rewrite them with `DOSSIER_BLESS=1 cargo test --test ui_seed_dossiers` and review `git diff dossiers/`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may panic on what they did not expect.

use std::path::{Path, PathBuf};

use dossier::model::{ActorKind, Article, Command, Dossier, Workspace};
use dossier::{export, lexicon, pipeline, store};

/// The date the briefings in `dossiers/` carry.
const DATE: &str = "2025-01-15";

/// The analyst's note on the Pakistan dossier, as in `tests/seed_briefings.rs`.
const PAKISTAN_NOTES: &str = "Watch the border crossings and the TTP claims.\n";

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("dossiers")
}

/// The countries the sample's cards offer to add to, in the order the article first mentions them.
fn involved_countries(article: &Article) -> Vec<String> {
    let analysis = &article.analysis;
    let mut involved: Vec<&str> = analysis.actors.iter().filter_map(|a| a.country.as_deref()).collect();
    for statement in &analysis.statements {
        involved.extend(statement.about.iter().map(String::as_str));
    }
    let mut countries: Vec<String> =
        analysis.countries.iter().filter(|c| involved.contains(&c.as_str())).cloned().collect();
    for code in involved {
        if !countries.iter().any(|c| c == code) {
            countries.push(code.to_owned());
        }
    }
    countries
}

/// The `AddCard` commands for `country`: its actors (not the country itself), then the statements by
/// its actors or about it, in article order.
fn add_commands(workspace: &Workspace, article: &Article, country: &str) -> Vec<Command> {
    let name = lexicon::country_name(country).unwrap_or(country);
    let analysis = &article.analysis;
    let actors = analysis
        .actors
        .iter()
        .filter(|a| a.country.as_deref() == Some(country) && a.kind != ActorKind::Country)
        .map(|a| &a.id);
    let statements = analysis
        .statements
        .iter()
        .filter(|s| {
            let speaker = s.speaker.as_deref().and_then(|id| analysis.actor(id));
            speaker.and_then(|a| a.country.as_deref()) == Some(country) || s.about.iter().any(|c| c == country)
        })
        .map(|s| &s.id);
    actors
        .chain(statements)
        .map(|id| {
            let card = workspace.card_for(&article.hash, id, country).expect("a card of the open article");
            Command::AddCard { country: country.to_owned(), name: name.to_owned(), card }
        })
        .collect()
}

fn seed_dossiers() -> Vec<Dossier> {
    let mut workspace = Workspace::default();
    workspace.apply(Command::AddArticles(vec![pipeline::sample_article()])).unwrap();
    let article = workspace.articles[0].clone();
    for country in involved_countries(&article) {
        for command in add_commands(&workspace, &article, &country) {
            workspace.apply(command).unwrap();
        }
    }
    if workspace.dossier("PK").is_some() {
        workspace.apply(Command::SetNotes { country: "PK".into(), notes: PAKISTAN_NOTES.into() }).unwrap();
    }
    workspace.dossiers
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
