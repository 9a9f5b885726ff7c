//! A full disk and a read-only disk, through the failing file system: a save that fails at any of its
//! operations reports an error naming the file, leaves the old file and its backup as they were and no
//! temporary file behind, and the next save (once there is room again) succeeds.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may panic on what they did not expect.

#[path = "fixtures/sample.rs"]
mod sample;

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use dossier::model::Workspace;
use dossier::store::fs::{Fault, FaultyFs, Fs, MemFs};
use dossier::store::{self, StoreError};

fn folder() -> PathBuf {
    PathBuf::from("/data/dossiers")
}

/// The temporary files in the in-memory folder (there should be none after a save, failed or not).
fn temp_files(fs: &MemFs) -> Vec<PathBuf> {
    fs.state().names.into_keys().filter(|p| p.to_string_lossy().ends_with(".tmp")).collect()
}

/// How many writing operations a save over an existing file with a backup takes.
fn operations_of_a_save() -> usize {
    let fs = MemFs::with_dir(&folder());
    let path = folder().join("pakistan.ron");
    for variant in ["A", "B"] {
        store::save_dossier_with(&fs, &path, &sample::big_dossier(5, variant)).unwrap();
    }
    let counting = FaultyFs::new(Arc::new(fs.clone()), Fault::From(usize::MAX), ErrorKind::StorageFull);
    store::save_dossier_with(&counting, &path, &sample::big_dossier(5, "C")).unwrap();
    counting.attempted()
}

#[test]
fn a_save_failing_at_any_step_loses_nothing() {
    let path = folder().join("pakistan.ron");
    let backup = store::backup_path(&path);
    let steps = operations_of_a_save();
    assert!(steps >= 6, "a save is at least create, write, sync, link, rename and folder sync: {steps}");
    let mut failures = 0;
    for kind in [ErrorKind::StorageFull, ErrorKind::ReadOnlyFilesystem] {
        for fault in (0..steps).flat_map(|n| [Fault::At(n), Fault::From(n)]) {
            let fs = MemFs::with_dir(&folder());
            store::save_dossier_with(&fs, &path, &sample::big_dossier(5, "A")).unwrap();
            store::save_dossier_with(&fs, &path, &sample::big_dossier(5, "B")).unwrap();
            let before = fs.state();
            let faulty = FaultyFs::new(Arc::new(fs.clone()), fault, kind);
            let result = store::save_dossier_with(&faulty, &path, &sample::big_dossier(5, "C"));
            let after = fs.state();
            assert_eq!(temp_files(&fs), Vec::<PathBuf>::new(), "{kind:?} at {fault:?}");
            let new_text = store::dossier_to_string(&sample::big_dossier(5, "C")).unwrap();
            let Err(error) = result else {
                // A failed hard link falls back to a copy for the backup: then the save succeeds whole.
                assert!(matches!(fault, Fault::At(_)), "{kind:?} from {fault:?}: the save reported success");
                assert_eq!(after.content(&path), Some(new_text.as_bytes()));
                assert_eq!(after.content(&backup), before.content(&path));
                continue;
            };
            failures += 1;
            assert!(matches!(&error, StoreError::Io { source, .. } if source.kind() == kind), "{error:?}");
            assert!(error.to_string().contains("/data/dossiers"), "the message names the file: {error}");
            let renamed = after.content(&path) != before.content(&path);
            if renamed {
                // Failed at the folder sync: the new version is complete, the backup holds the old.
                assert_eq!(after.content(&path), Some(new_text.as_bytes()));
                assert_eq!(after.content(&backup), before.content(&path));
            } else {
                assert_eq!(after.content(&path), before.content(&path), "{kind:?} at {fault:?}: the old file changed");
                let backup_now = after.content(&backup);
                assert!(backup_now == before.content(&backup) || backup_now == before.content(&path));
            }
            // Once there is room again, the save succeeds.
            store::save_dossier_with(&fs, &path, &sample::big_dossier(5, "C")).unwrap();
        }
    }
    eprintln!("{failures} failed saves ({steps} operations per save, 2 kinds of disk): nothing lost");
}

#[test]
fn a_failed_recovery_write_keeps_the_previous_recovery_file() {
    let dir = folder();
    let fs = MemFs::with_dir(&dir);
    let old = Workspace { dossiers: vec![sample::big_dossier(5, "A").into()], ..Workspace::default() };
    store::save_recovery_with(&fs, &dir, &old).unwrap();
    let before = fs.read(&store::recovery_path(&dir)).unwrap();
    let new = Workspace { dossiers: vec![sample::big_dossier(5, "B").into()], ..Workspace::default() };
    let full = FaultyFs::new(Arc::new(fs.clone()), Fault::At(1), ErrorKind::StorageFull);
    let error = store::save_recovery_with(&full, &dir, &new).unwrap_err();
    assert!(error.to_string().contains(".recovery.ron"), "{error}");
    assert_eq!(fs.read(&store::recovery_path(&dir)).unwrap(), before);
    assert_eq!(temp_files(&fs), Vec::<PathBuf>::new());
}

#[test]
fn a_read_only_disk_fails_before_writing_anything() {
    let path = folder().join("pakistan.ron");
    let fs = MemFs::with_dir(&folder());
    store::save_dossier_with(&fs, &path, &sample::big_dossier(5, "A")).unwrap();
    let before = fs.state();
    let read_only = FaultyFs::new(Arc::new(fs.clone()), Fault::From(0), ErrorKind::ReadOnlyFilesystem);
    let error = store::save_dossier_with(&read_only, &path, &sample::big_dossier(5, "B")).unwrap_err();
    assert_eq!(fs.state(), before);
    assert!(error.to_string().contains(Path::new("pakistan.ron").to_str().unwrap()), "{error}");
}
