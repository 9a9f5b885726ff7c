//! The briefings of the seed article's dossiers, compared with reviewed files in `tests/fixtures/`.
//!
//! The seed is the built-in sample article (`assets/sample-article.txt`). The test builds the dossiers an
//! analyst would build from it in the app: for every country its cards involve, every card the app offers
//! an "Add to <country>" button for (actors of that country, statements by its actors or about it), added
//! through the same `Command`s the app applies. Each dossier then takes the route of a real one: saved
//! as RON, loaded back, and exported with a fixed date, as `dossier export` does.
//!
//! When the extractor changes, these files change with it. Rewrite them with
//!
//! ```sh
//! DOSSIER_BLESS=1 cargo test --test seed_briefings
//! ```
//!
//! and review the diff (`git diff tests/fixtures/seed-*.md`) before committing: speakers, quotes against
//! paraphrase, footnotes and escaping are what a reader of the briefing relies on.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may panic on what they did not expect.

use std::path::{Path, PathBuf};

#[path = "fixtures/seed.rs"]
mod seed;

use dossier::model::Dossier;
use dossier::{export, store};
use seed::seed_dossiers;

/// The date every expected briefing carries.
const DATE: &str = "2025-01-15";

/// The folder of the reviewed files.
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `seed-pakistan.md` for the Pakistan dossier.
fn expected_file_name(dossier: &Dossier) -> String {
    format!("seed-{}", export::briefing_file_name(dossier).replace("-briefing.md", ".md"))
}

/// The briefing of `dossier` after a save and a load, as `dossier export` would write it.
fn exported(dossier: &Dossier) -> String {
    let ron = store::dossier_to_string(dossier).unwrap();
    let loaded = store::dossier_from_str(&ron, Path::new("seed.ron")).unwrap();
    assert_eq!(&loaded, dossier, "the RON round trip changed the dossier");
    export::briefing(&loaded, DATE)
}

/// A line diff of `expected` and `actual` (longest common subsequence): `-` lines only in the expected
/// file, `+` lines only in the output, and a little context around each change.
fn line_diff(expected: &str, actual: &str) -> String {
    let (old, new): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut common = vec![vec![0usize; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            common[i][j] =
                if old[i] == new[j] { common[i + 1][j + 1] + 1 } else { common[i + 1][j].max(common[i][j + 1]) };
        }
    }
    let mut ops: Vec<(char, usize, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            ops.push((' ', i + 1, old[i]));
            (i, j) = (i + 1, j + 1);
        } else if j < new.len() && (i == old.len() || common[i][j + 1] > common[i + 1][j]) {
            ops.push(('+', j + 1, new[j]));
            j += 1;
        } else {
            ops.push(('-', i + 1, old[i]));
            i += 1;
        }
    }
    let changed: Vec<usize> = (0..ops.len()).filter(|&k| ops[k].0 != ' ').collect();
    let near = |k: usize| changed.iter().any(|&c| c.abs_diff(k) <= 2);
    let mut out = String::new();
    let mut skipped = false;
    for (k, (mark, line_number, line)) in ops.iter().enumerate().filter(|_| !changed.is_empty()) {
        if near(k) {
            out.push_str(&format!("{mark} {line_number:>3} | {line}\n"));
            skipped = false;
        } else if !skipped {
            out.push_str("  ...\n");
            skipped = true;
        }
    }
    if expected.ends_with('\n') != actual.ends_with('\n') {
        out.push_str("(the final line break differs)\n");
    }
    out
}

#[test]
fn seed_briefings_match_reviewed_files() {
    let bless = std::env::var_os("DOSSIER_BLESS").is_some_and(|v| !v.is_empty() && v != "0");
    let dossiers = seed_dossiers();
    let codes: Vec<&str> = dossiers.iter().map(|d| d.country.as_str()).collect();
    for code in ["PK", "AF"] {
        assert!(codes.contains(&code), "the seed should give a dossier on {code}; it gave {codes:?}");
    }

    let mut mismatches = Vec::new();
    let mut written = Vec::new();
    for dossier in &dossiers {
        let name = expected_file_name(dossier);
        let path = fixtures().join(&name);
        let text = exported(dossier);
        written.push(name.clone());
        if bless {
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == text => {}
            Ok(expected) => mismatches
                .push(format!("--- {name} (reviewed)\n+++ {name} (exported now)\n{}", line_diff(&expected, &text))),
            Err(e) => mismatches.push(format!("{name}: cannot read the reviewed file ({e}); it would be:\n{text}")),
        }
    }

    // A country that no longer has a dossier must not leave its old file behind, unnoticed.
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with("seed-") && name.ends_with(".md") && !written.contains(&name) {
            if bless {
                std::fs::remove_file(fixtures().join(&name)).unwrap();
            } else {
                stale.push(name);
            }
        }
    }
    if !stale.is_empty() {
        mismatches.push(format!("reviewed files of dossiers the seed no longer gives: {stale:?}"));
    }

    assert!(
        mismatches.is_empty(),
        "the seed's briefings differ from the reviewed files in tests/fixtures/:\n\n{}\n\
         If the change is intended (the extractor or the export changed), rewrite them with\n  \
         DOSSIER_BLESS=1 cargo test --test seed_briefings\nand review `git diff tests/fixtures/` before committing.",
        mismatches.join("\n")
    );
}

#[test]
fn line_diff_marks_changed_lines_with_context() {
    let diff = line_diff("a\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nD\ne\nf\ng\n");
    assert_eq!(diff, "  ...\n    2 | b\n    3 | c\n-   4 | d\n+   4 | D\n    5 | e\n    6 | f\n  ...\n");
    assert_eq!(line_diff("x\n", "x"), "(the final line break differs)\n");
}
