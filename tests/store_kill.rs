//! Kill test: a process saving a big dossier over and over is killed (SIGKILL) at random moments; the
//! file must always load and hold one complete version, never a mix or a torn write. The same for the
//! recovery file, written and retired over and over. The saver is this test binary itself, re-run with an
//! environment variable that turns `saver_child` (or `recovery_child`) into the save loop.
//!
//! `DOSSIER_KILL_TRIALS` sets the number of kills per test (40 by default, enough for CI); the resolving
//! run of issue 13 was `DOSSIER_KILL_TRIALS=1000 cargo test --release --test store_kill`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may panic on what they did not expect.

#[path = "fixtures/sample.rs"]
mod sample;

use std::io::BufRead as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dossier::model::{Dossier, Workspace};
use dossier::store;

/// When set (to a file path), `saver_child` saves to that path in a loop instead of returning.
const SAVER_ENV: &str = "DOSSIER_KILL_TEST_SAVER";
/// When set (to a folder), `recovery_child` writes and retires the recovery file there in a loop.
const RECOVERY_ENV: &str = "DOSSIER_KILL_TEST_RECOVERY";
/// What the saver prints once it is about to start saving (libtest may print "test saver_child ... " first).
const READY: &str = "saver ready";
/// The number of kills per test unless `DOSSIER_KILL_TRIALS` says otherwise.
const DEFAULT_TRIALS: u64 = 40;
/// About 200 kB of RON: a save takes a few milliseconds, so most kills land inside one.
const CARDS: usize = 300;

fn version_a() -> Dossier {
    sample::big_dossier(CARDS, "A")
}

fn version_b() -> Dossier {
    sample::big_dossier(CARDS, "B")
}

/// The save loop of the child process (the text of `save_dossier`, written by its `write_atomic`); an
/// ordinary, empty test otherwise.
#[test]
fn saver_child() {
    let Some(path) = std::env::var_os(SAVER_ENV) else { return };
    let path = PathBuf::from(path);
    // Serialized up front: the loop spends its time in the write, where a kill can do damage.
    let versions = [version_b(), version_a()].map(|d| store::dossier_to_string(&d).unwrap());
    println!("{READY}");
    // A safety net: a saver whose parent died stops by itself.
    let deadline = Instant::now() + Duration::from_secs(30);
    for i in 0.. {
        store::write_atomic(&path, &versions[i % 2]).unwrap();
        if Instant::now() > deadline {
            break;
        }
    }
}

/// The recovery loop of the child process: writes one version of the workspace, then the other, then
/// retires the file (as a save does), over and over; an ordinary, empty test otherwise.
#[test]
fn recovery_child() {
    let Some(dir) = std::env::var_os(RECOVERY_ENV) else { return };
    let dir = PathBuf::from(dir);
    let versions = [workspace_of(version_b()), workspace_of(version_a())];
    println!("{READY}");
    let deadline = Instant::now() + Duration::from_secs(30);
    for i in 0.. {
        store::save_recovery(&dir, &versions[i % 2]).unwrap();
        if i % 3 == 2 {
            store::clear_recovery(&dir).unwrap();
        }
        if Instant::now() > deadline {
            break;
        }
    }
}

fn workspace_of(dossier: Dossier) -> Workspace {
    Workspace { dossiers: vec![dossier.into()], ..Workspace::default() }
}

/// The number of kills per test: `DOSSIER_KILL_TRIALS`, or [`DEFAULT_TRIALS`].
fn trials() -> u64 {
    match std::env::var("DOSSIER_KILL_TRIALS") {
        Ok(n) => n.parse().unwrap_or_else(|_| panic!("DOSSIER_KILL_TRIALS={n:?} is not a number")),
        Err(_) => DEFAULT_TRIALS,
    }
}

/// SplitMix64: a tiny deterministic PRNG, so a failing iteration can be replayed.
fn splitmix64(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Starts the saver `test` with `env` set to `path`, waits until it is ready, lets it run `delay`, and
/// kills it.
fn run_and_kill(test: &str, env: &str, path: &Path, delay: Duration) {
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new(exe)
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(env, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let ready = stdout.lines().map_while(Result::ok).any(|line| line.ends_with(READY));
    assert!(ready, "the saver never started: {:?}", child.wait());
    std::thread::sleep(delay);
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn killed_saves_never_damage_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pakistan.ron");
    let (a, b) = (version_a(), version_b());
    store::save_dossier(&path, &a).unwrap();
    let started = Instant::now();
    let mut seen_b = 0;
    let trials = trials();
    for iteration in 0..trials {
        let delay = Duration::from_millis(splitmix64(iteration) % 31);
        run_and_kill("saver_child", SAVER_ENV, &path, delay);
        // The backup exists once the saver has finished a save.
        let backup = Some(store::backup_path(&path)).filter(|b| b.exists());
        for file in std::iter::once(path.clone()).chain(backup) {
            let loaded = store::load_dossier(&file)
                .unwrap_or_else(|e| panic!("iteration {iteration} (killed after {delay:?}): {e}"));
            assert!(loaded == a || loaded == b, "iteration {iteration}: {} holds neither version", file.display());
        }
        seen_b += usize::from(store::load_dossier(&path).unwrap() == b);
    }
    let left_over = std::fs::read_dir(dir.path()).unwrap().filter_map(Result::ok);
    let left_over = left_over.filter(|e| e.file_name().to_string_lossy().ends_with(".tmp")).count();
    eprintln!(
        "{trials} kills in {:?}: version B on disk {seen_b} times; {left_over} temp files left by killed saves",
        started.elapsed()
    );
    // The saver writes B first: never seeing B would mean it was always killed before finishing a save,
    // and the test would prove nothing.
    assert!(seen_b > 0, "the saver never completed a save before being killed");
}

#[test]
fn killed_recovery_writes_never_damage_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (workspace_of(version_a()), workspace_of(version_b()));
    store::save_recovery(dir.path(), &a).unwrap();
    let recovery = store::recovery_path(dir.path());
    let started = Instant::now();
    let (mut present, mut retired) = (0, 0);
    let trials = trials();
    for iteration in 0..trials {
        let delay = Duration::from_millis(splitmix64(iteration ^ 0x5eed) % 31);
        run_and_kill("recovery_child", RECOVERY_ENV, dir.path(), delay);
        let found = store::load_recovery_result(dir.path())
            .unwrap_or_else(|e| panic!("iteration {iteration} (killed after {delay:?}): {e}"));
        match found {
            Some(w) => {
                assert!(w == a || w == b, "iteration {iteration}: the recovery file holds neither version");
                present += 1;
            }
            None => retired += 1,
        }
        let backup = store::backup_path(&recovery);
        if backup.exists() {
            let w = store::load_workspace(&backup).unwrap_or_else(|e| panic!("iteration {iteration}: {e}"));
            assert!(w == a || w == b, "iteration {iteration}: the retired recovery file holds neither version");
        }
    }
    eprintln!(
        "{trials} kills in {:?}: recovery file there {present} times, retired {retired} times",
        started.elapsed()
    );
}
