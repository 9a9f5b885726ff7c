//! Round trips through the store: what is saved loads back equal, the file looks like the documented
//! envelope, and files of format version 1 are migrated.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may panic on what they did not expect.

#[path = "fixtures/sample.rs"]
mod sample;

use std::path::Path;

use dossier::model::{Section, Workspace};
use dossier::store::{self, FORMAT_VERSION};

#[test]
fn dossier_round_trip_is_equal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pakistan.ron");
    let dossier = sample::sample_dossier();
    store::save_dossier(&path, &dossier).unwrap();
    assert_eq!(store::load_dossier(&path).unwrap(), dossier);
    // Saving what was loaded gives the same bytes: the order is stable.
    let first = std::fs::read(&path).unwrap();
    store::save_dossier(&path, &store::load_dossier(&path).unwrap()).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first);
}

#[test]
fn big_dossier_round_trip_is_equal() {
    let dossier = sample::big_dossier(300, "A");
    let text = store::dossier_to_string(&dossier).unwrap();
    assert_eq!(store::dossier_from_str(&text, Path::new("big.ron")).unwrap(), dossier);
}

#[test]
fn file_is_a_pretty_versioned_envelope() {
    let text = store::dossier_to_string(&sample::sample_dossier()).unwrap();
    let expected_start =
        format!("(\n  format: \"dossier\",\n  version: {FORMAT_VERSION},\n  data: (\n    country: \"PK\",");
    assert!(text.starts_with(&expected_start), "{text}");
    assert!(text.ends_with(")\n"), "{text}");
    assert!(text.contains("\n        section: KeyActors,\n"), "{text}");
    assert_eq!(FORMAT_VERSION, 2);
}

#[test]
fn workspace_round_trip_is_equal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workspace.ron");
    let workspace = Workspace {
        dossiers: vec![sample::sample_dossier().into()],
        recent: vec!["news/dawn.txt".into()],
        ..Workspace::default()
    };
    store::save_workspace(&path, &workspace).unwrap();
    assert_eq!(store::load_workspace(&path).unwrap(), workspace);
}

#[test]
fn version_1_fixture_is_migrated() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dossier-v1.ron");
    let before = std::fs::read(&path).unwrap();
    let dossier = store::load_dossier(&path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), before, "loading must not rewrite the file");

    assert_eq!((dossier.country.as_str(), dossier.name.as_str()), ("PK", "Pakistan"));
    assert_eq!(dossier.notes, "Version-1 notes.\nSecond line with “curly quotes”.");
    let sections: Vec<(Section, &str)> = dossier.cards.iter().map(|c| (c.section, c.id.as_str())).collect();
    assert_eq!(
        sections,
        [
            (Section::KeyActors, "3f1c2a9e0b7d4e11/a1"),
            (Section::StatementsBy, "3f1c2a9e0b7d4e11/s1"),
            (Section::StatementsAbout, "77aa00bb11cc22dd/s2"),
        ]
    );
    let quote = &dossier.cards[1];
    assert_eq!(quote.content.as_deref(), Some("We are ready to talk."));
    assert!(quote.direct);
    assert_eq!(quote.source.sentence, "\"We are ready to talk,\" Dar said.");
    assert_eq!(dossier.cards[2].source.title, None);

    // Saved again, it is a current-version file that loads to the same dossier.
    let text = store::dossier_to_string(&dossier).unwrap();
    assert!(text.contains(&format!("version: {FORMAT_VERSION},")));
    assert_eq!(store::dossier_from_str(&text, &path).unwrap(), dossier);
}

#[test]
fn version_1_in_the_current_shape_keeps_its_cards() {
    // Builds made while version 1 was current wrote the `cards` list already.
    let dossier = sample::sample_dossier();
    let text = store::dossier_to_string(&dossier).unwrap().replacen("version: 2,", "version: 1,", 1);
    assert_eq!(store::dossier_from_str(&text, Path::new("old.ron")).unwrap(), dossier);
}

#[test]
fn version_1_with_unknown_fields_is_an_error_not_a_loss() {
    let text = "(format: \"dossier\", version: 1, data: (country: \"PK\", name: \"Pakistan\", entries: [1, 2]))";
    let error = store::dossier_from_str(text, Path::new("odd.ron")).unwrap_err();
    assert!(matches!(error, store::StoreError::Parse { .. }), "{error:?}");
}

#[test]
fn version_1_workspace_is_migrated() {
    let v1 =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dossier-v1.ron")).unwrap();
    let data = v1.split_once("data: ").unwrap().1.trim_end().strip_suffix(')').unwrap().trim_end();
    let workspace_v1 = format!(
        "(format: \"workspace\", version: 1, data: (articles: [], dossiers: [{}], recent: [\"a.txt\"]))",
        data.trim_end_matches(',')
    );
    let workspace = store::workspace_from_str(&workspace_v1, Path::new("ws.ron")).unwrap();
    assert_eq!(workspace.dossiers.len(), 1);
    assert_eq!(workspace.dossiers[0].cards.len(), 3);
    assert_eq!(workspace.recent, ["a.txt"]);
}

#[test]
fn recovery_round_trip_and_clear() {
    let dir = tempfile::tempdir().unwrap();
    assert!(store::load_recovery_result(dir.path()).unwrap().is_none());
    assert!(store::load_recovery(dir.path()).is_none());
    let workspace = Workspace { dossiers: vec![sample::sample_dossier().into()], ..Workspace::default() };
    store::save_recovery(dir.path(), &workspace).unwrap();
    assert_eq!(store::load_recovery_result(dir.path()).unwrap(), Some(workspace.clone()));
    assert_eq!(store::load_recovery(dir.path()).as_ref(), Some(&workspace));
    store::clear_recovery(dir.path()).unwrap();
    assert!(store::load_recovery_result(dir.path()).unwrap().is_none());
    // Set aside rather than deleted: a declined recovery can still be restored by hand.
    let set_aside = store::backup_path(&store::recovery_path(dir.path()));
    assert_eq!(store::load_workspace(&set_aside).unwrap(), workspace);
    store::clear_recovery(dir.path()).unwrap();
}
