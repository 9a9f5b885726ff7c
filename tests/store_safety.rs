//! "Nothing lost": bad files give clear errors and are never written by a load; failed saves leave the
//! old file as it was; the previous version is kept as a backup; a file changed elsewhere is not
//! overwritten by a checked save.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may panic on what they did not expect.

#[path = "fixtures/sample.rs"]
mod sample;

use std::path::{Path, PathBuf};

use dossier::model::Workspace;
use dossier::store::{self, FileStamp, StoreError};

/// Writes `bytes` as `name` in `dir`, loads it as a dossier, checks the file is unchanged and the error
/// names it, and returns the error.
fn load_bad(dir: &Path, name: &str, bytes: &[u8]) -> StoreError {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let error = store::load_dossier(&path).expect_err("a bad file must not load");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name}: load changed the file");
    let shown = error.to_string();
    assert!(shown.contains(&path.display().to_string()), "{name}: error does not name the file: {shown}");
    assert_eq!(error.path(), Some(path.as_path()));
    error
}

fn saved_sample_text() -> String {
    store::dossier_to_string(&sample::sample_dossier()).unwrap()
}

#[test]
fn corrupt_file_gives_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = saved_sample_text().replacen("section: KeyActors", "section: KeyActorz", 1);
    let line = 1 + text.lines().position(|l| l.contains("KeyActorz")).unwrap();
    let error = load_bad(dir.path(), "corrupt.ron", text.as_bytes());
    let StoreError::Parse { line: at, column, .. } = &error else { panic!("expected a parse error: {error:?}") };
    assert_eq!(*at, line, "{error}");
    assert!(*column > 1, "{error}");
    assert!(error.to_string().contains(&format!("line {line}, column {column}")), "{error}");
}

#[test]
fn truncated_file_gives_parse_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = saved_sample_text();
    for cut in [text.len() / 3, text.len() / 2, text.len() - 3] {
        let cut = (0..=cut).rev().find(|&i| text.is_char_boundary(i)).unwrap();
        let error = load_bad(dir.path(), "truncated.ron", &text.as_bytes()[..cut]);
        assert!(matches!(error, StoreError::Parse { .. }), "cut at {cut}: {error:?}");
    }
}

#[test]
fn empty_file_gives_parse_error() {
    let dir = tempfile::tempdir().unwrap();
    let error = load_bad(dir.path(), "empty.ron", b"");
    assert!(matches!(error, StoreError::Parse { line: 1, .. }), "{error:?}");
}

#[test]
fn future_version_is_refused_even_with_unknown_data() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "(\n  format: \"dossier\",\n  version: 3,\n  data: (shape: Unknown(x: [1, 2]), extra: {\"k\": 1.5}),\n)\n";
    let error = load_bad(dir.path(), "future.ron", text.as_bytes());
    assert!(matches!(error, StoreError::FutureVersion { version: 3, .. }), "{error:?}");
    assert!(error.to_string().contains("newer"), "{error}");
}

#[test]
fn version_zero_is_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let text = "(format: \"dossier\", version: 0, data: ())";
    let error = load_bad(dir.path(), "zero.ron", text.as_bytes());
    assert!(matches!(error, StoreError::UnknownVersion { version: 0, .. }), "{error:?}");
}

#[test]
fn workspace_opened_as_dossier_is_wrong_kind() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace { dossiers: vec![sample::sample_dossier().into()], ..Workspace::default() };
    let text = store::workspace_to_string(&workspace).unwrap();
    let error = load_bad(dir.path(), "workspace.ron", text.as_bytes());
    let StoreError::WrongKind { found, expected, .. } = &error else { panic!("{error:?}") };
    assert_eq!((found.as_str(), expected.as_str()), ("workspace", "dossier"));
    // And the other way round.
    let path = dir.path().join("pakistan.ron");
    store::save_dossier(&path, &sample::sample_dossier()).unwrap();
    assert!(matches!(store::load_workspace(&path), Err(StoreError::WrongKind { .. })));
}

#[test]
fn other_ron_is_unrecognized() {
    let dir = tempfile::tempdir().unwrap();
    let error = load_bad(dir.path(), "settings.ron", b"(\n  window_size: (800, 600),\n  theme: Dark,\n)\n");
    assert!(matches!(error, StoreError::Unrecognized { .. }), "{error:?}");
    assert!(error.to_string().contains("not a dossier file of Dossier"), "{error}");
}

#[test]
fn text_and_binary_files_give_parse_errors() {
    let dir = tempfile::tempdir().unwrap();
    let error = load_bad(dir.path(), "notes.txt", b"Meeting notes\n\nNothing to see here.\n");
    assert!(matches!(error, StoreError::Parse { .. }), "{error:?}");
    let error = load_bad(dir.path(), "image.png", b"(format: \"dossier\",\n  \x89PNG\xff\xfe\x00");
    let StoreError::Parse { line, column, message, .. } = &error else { panic!("{error:?}") };
    assert_eq!((*line, *column), (2, 3), "{error}");
    assert!(message.contains("UTF-8"), "{error}");
}

#[test]
fn missing_file_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.ron");
    let error = store::load_dossier(&path).unwrap_err();
    assert!(matches!(&error, StoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound));
    assert!(!path.exists(), "load must not create the file");
}

/// The hidden temporary files `write_atomic` leaves in `dir` (there should be none).
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path());
    entries.filter(|p| p.file_name().unwrap().to_string_lossy().ends_with(".tmp")).collect()
}

#[test]
fn backup_holds_the_previous_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pakistan.ron");
    let backup = store::backup_path(&path);
    assert_eq!(backup, dir.path().join("pakistan.ron.bak"));
    let versions = [sample::big_dossier(3, "A"), sample::big_dossier(3, "B"), sample::big_dossier(3, "C")];

    store::save_dossier(&path, &versions[0]).unwrap();
    assert!(!backup.exists(), "a first save has nothing to back up");
    for pair in versions.windows(2) {
        store::save_dossier(&path, &pair[1]).unwrap();
        assert_eq!(store::load_dossier(&path).unwrap(), pair[1]);
        assert_eq!(store::load_dossier(&backup).unwrap(), pair[0]);
    }
    assert_eq!(temp_files(dir.path()), Vec::<PathBuf>::new());
}

#[cfg(unix)]
#[test]
fn save_keeps_the_file_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pakistan.ron");
    store::save_dossier(&path, &sample::sample_dossier()).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_ne!(mode & 0o044, 0, "a new file is readable by others like any file the user creates: {mode:o}");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    store::save_dossier(&path, &sample::big_dossier(2, "B")).unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
}

#[test]
fn save_under_a_regular_file_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"precious").unwrap();
    let error = store::save_dossier(&blocker.join("pakistan.ron"), &sample::sample_dossier()).unwrap_err();
    assert!(matches!(error, StoreError::Io { .. }), "{error:?}");
    assert!(error.to_string().contains("pakistan.ron"), "{error}");
    assert_eq!(std::fs::read(&blocker).unwrap(), b"precious");
}

#[test]
fn failed_save_leaves_the_old_file_and_no_temp_files() {
    // Works for root too: the backup cannot replace a non-empty folder, so the save fails after the new
    // text was written and synced, just before the rename.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pakistan.ron");
    store::save_dossier(&path, &sample::big_dossier(5, "A")).unwrap();
    let old = std::fs::read(&path).unwrap();
    let backup = store::backup_path(&path);
    std::fs::create_dir(&backup).unwrap();
    std::fs::write(backup.join("keep"), b"x").unwrap();

    let error = store::save_dossier(&path, &sample::big_dossier(5, "B")).unwrap_err();
    assert!(error.to_string().contains("pakistan.ron.bak"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), old);
    assert_eq!(temp_files(dir.path()), Vec::<PathBuf>::new());
}

#[cfg(unix)]
#[test]
fn save_into_read_only_folder_fails_and_leaves_old_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("read-only");
    let path = folder.join("pakistan.ron");
    store::save_dossier(&path, &sample::big_dossier(5, "A")).unwrap();
    let old = std::fs::read(&path).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();

    let result = store::save_dossier(&path, &sample::big_dossier(5, "B"));
    // Root ignores permission bits: then the save succeeds and there is nothing more to check here
    // (`failed_save_leaves_the_old_file_and_no_temp_files` covers failures for root).
    let privileged = std::fs::write(folder.join("probe"), b"").is_ok();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    if privileged {
        eprintln!("running as root: the read-only folder does not stop writes");
        assert_eq!(store::load_dossier(&store::backup_path(&path)).unwrap(), sample::big_dossier(5, "A"));
        return;
    }
    let error = result.unwrap_err();
    assert!(matches!(&error, StoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::PermissionDenied));
    assert_eq!(std::fs::read(&path).unwrap(), old);
    assert_eq!(temp_files(&folder), Vec::<PathBuf>::new());
}

#[test]
fn checked_save_refuses_a_file_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pakistan.ron");
    let dossier = sample::sample_dossier();
    let stamp = store::save_dossier_checked(&path, &dossier, None).unwrap();
    assert_eq!(Some(&stamp), FileStamp::of(&path).as_ref());

    let (loaded, stamp) = store::load_dossier_stamped(&path).unwrap();
    let mut edited = loaded.clone();
    edited.notes.push_str("More.\n");
    let stamp = store::save_dossier_checked(&path, &edited, Some(&stamp)).unwrap();

    // Someone else edits the file: same length, probably within the same mtime tick.
    let theirs = std::fs::read_to_string(&path).unwrap().replacen("Pakistan", "Pakistam", 1);
    std::fs::write(&path, &theirs).unwrap();
    let error = store::save_dossier_checked(&path, &dossier, Some(&stamp)).unwrap_err();
    assert!(matches!(&error, StoreError::ChangedOnDisk { path: p } if *p == path), "{error:?}");
    assert!(error.to_string().contains("pakistan.ron"), "{error}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs, "their edit must survive");

    // A new file (no stamp) must not replace an existing one.
    let error = store::save_dossier_checked(&path, &dossier, None).unwrap_err();
    assert!(matches!(error, StoreError::ChangedOnDisk { .. }));

    // A deleted file counts as changed too.
    let stamp = FileStamp::of(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    let error = store::save_dossier_checked(&path, &dossier, Some(&stamp)).unwrap_err();
    assert!(matches!(error, StoreError::ChangedOnDisk { .. }));
    assert!(!path.exists());
}

#[test]
fn checked_save_accepts_an_untouched_or_only_touched_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pakistan.ron");
    let dossier = sample::sample_dossier();
    let stamp = store::save_dossier_checked(&path, &dossier, None).unwrap();
    // Rewritten with identical bytes (a sync tool, say): the mtime moves, nothing would be lost.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    let stamp = store::save_dossier_checked(&path, &dossier, Some(&stamp)).unwrap();
    let again = store::save_dossier_checked(&path, &sample::big_dossier(2, "B"), Some(&stamp)).unwrap();
    assert_eq!(Some(again), FileStamp::of(&path));
}

#[test]
fn unreadable_recovery_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = store::recovery_path(dir.path());
    std::fs::write(&path, b"(format: \"workspace\", version: 2, data: (articles: [").unwrap();
    let error = store::load_recovery_result(dir.path()).unwrap_err();
    assert!(matches!(error, StoreError::Parse { .. }), "{error:?}");
    assert!(store::load_recovery(dir.path()).is_none());
    assert_eq!(std::fs::read(&path).unwrap(), b"(format: \"workspace\", version: 2, data: (articles: [");
}
