//! Two windows, one folder: the folder's lock goes to the first; a second is told who holds it; a lock
//! whose owner died (killed, crashed) is taken over; a lock released by a closed window is free again.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may panic on what they did not expect.

use std::io::BufRead as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use dossier::store::lock::{self, Acquired, LockOwner};

/// When set (to a folder), `holder_child` takes that folder's lock and waits to be killed.
const HOLDER_ENV: &str = "DOSSIER_LOCK_TEST_HOLDER";

fn owned(acquired: Acquired) -> (lock::FolderLock, Option<LockOwner>) {
    match acquired {
        Acquired::Owned { lock, previous } => (lock, previous),
        Acquired::HeldBy(owner) => panic!("held by {owner:?}"),
    }
}

fn held_by(acquired: Acquired) -> Option<LockOwner> {
    match acquired {
        Acquired::HeldBy(owner) => owner,
        Acquired::Owned { .. } => panic!("a second holder got the lock"),
    }
}

#[test]
fn a_second_window_is_told_who_holds_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (first, previous) = owned(lock::acquire(dir.path()).unwrap());
    assert_eq!(previous, None);
    let owner = held_by(lock::acquire(dir.path()).unwrap()).expect("the owner is written in the lock file");
    assert_eq!(owner.pid, std::process::id());
    assert_eq!(owner, LockOwner { started: owner.started, ..LockOwner::me() });
    assert!(owner.describe().starts_with(&format!("process {} on ", owner.pid)));
    drop(first);
    // Closed: the folder is free, and no stale owner is reported.
    let (_again, previous) = owned(lock::acquire(dir.path()).unwrap());
    assert_eq!(previous, None);
}

#[test]
fn a_lock_file_nobody_holds_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let stale = LockOwner { pid: 4_000_000, host: "old-laptop".into(), started: 1_700_000_000 };
    std::fs::write(lock::lock_path(dir.path()), stale.to_text()).unwrap();
    let (_lock, previous) = owned(lock::acquire(dir.path()).unwrap());
    assert_eq!(previous, Some(stale));
    let text = std::fs::read_to_string(lock::lock_path(dir.path())).unwrap();
    assert_eq!(LockOwner::from_text(&text).map(|o| o.pid), Some(std::process::id()));
}

/// The lock holder of `the_lock_of_a_killed_window_is_taken_over`; an empty test otherwise.
#[test]
fn holder_child() {
    let Some(dir) = std::env::var_os(HOLDER_ENV) else { return };
    let (_lock, _) = owned(lock::acquire(&PathBuf::from(dir)).unwrap());
    println!("holding");
    std::thread::sleep(Duration::from_secs(30));
}

#[test]
fn the_lock_of_a_killed_window_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "holder_child", "--nocapture", "--test-threads=1"])
        .env(HOLDER_ENV, dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    assert!(stdout.lines().map_while(Result::ok).any(|line| line.ends_with("holding")));
    let owner = held_by(lock::acquire(dir.path()).unwrap()).unwrap();
    assert_eq!(owner.pid, child.id());
    child.kill().unwrap();
    child.wait().unwrap();
    let (_lock, previous) = owned(lock::acquire(dir.path()).unwrap());
    assert_eq!(previous.map(|p| p.pid), Some(owner.pid), "the dead owner is reported");
}
