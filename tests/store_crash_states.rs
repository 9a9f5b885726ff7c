//! Crash states enumerated, in the manner of ALICE and CrashMonkey: a save runs on the logging in-memory
//! file system, and every state a power cut could leave behind is rebuilt from that log and loaded.
//!
//! The model of a power cut after the first `k` operations of the log (POSIX promises no more):
//! - an append to a file is durable once that file was fsynced after it; before that it may be lost,
//!   partly there (a prefix; the new length with zeros where the data did not arrive; the second half
//!   without the first), or all there;
//! - a creation, link, rename or removal in a folder is durable once the folder was fsynced after it;
//!   before that each may be lost or not, independently of the others (applied in program order, and
//!   only when what it names exists).
//!
//! Each state must load as the old or the new version, never a mix; where the file does not load, its
//! backup must hold the old version; once the save has returned, every state holds the new version.
//! Two more tests remove the fsyncs from the log and check that the enumeration then finds the damage,
//! so it is known to be able to fail.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may panic on what they did not expect.

#[path = "fixtures/sample.rs"]
mod sample;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use dossier::model::{Dossier, Workspace};
use dossier::store::fs::{MemFs, MemState, Op};
use dossier::store::{self, StoreError};

/// The 300-card dossier of the issue: about 200 kB of RON.
const CARDS: usize = 300;

/// How much of an un-synced append reached the disk.
#[derive(Clone, Copy, Debug)]
enum Landed {
    Nothing,
    /// The first n bytes.
    Prefix(usize),
    /// The file grew to its new length, but the data did not arrive (zeros).
    Zeros,
    /// The second half arrived but not the first (blocks written back out of order).
    Tail,
    All,
}

/// The ways an append of `len` bytes may have landed (distinct ones only).
fn landings(len: usize) -> Vec<Landed> {
    let mut cuts = vec![1, 4096, len / 2, len.saturating_sub(1)];
    cuts.retain(|&n| n > 0 && n < len);
    cuts.sort_unstable();
    cuts.dedup();
    let mut all = vec![Landed::Nothing];
    all.extend(cuts.into_iter().map(Landed::Prefix));
    all.extend([Landed::Zeros, Landed::All]);
    if len > 1 {
        all.push(Landed::Tail);
    }
    all
}

/// Whether operation `j` of `log` is durable in a crash after the first `k` operations.
fn durable(log: &[Op], j: usize, k: usize) -> bool {
    let later = &log[j + 1..k];
    match &log[j] {
        Op::Append { file, .. } => later.iter().any(|op| matches!(op, Op::SyncFile { file: f } if f == file)),
        op => match op.dir() {
            Some(dir) => later.iter().any(|op| matches!(op, Op::SyncDir { path } if path == dir)),
            None => true, // Syncs and permissions change no content.
        },
    }
}

/// What a crash may have made of one operation.
#[derive(Clone, Copy, Debug)]
enum Fate {
    Lost,
    Kept(Landed),
}

/// Every combination of fates for the first `k` operations.
fn fates(log: &[Op], k: usize) -> Vec<Vec<Fate>> {
    let choices: Vec<Vec<Fate>> = (0..k)
        .map(|j| match (&log[j], durable(log, j, k)) {
            (_, true) => vec![Fate::Kept(Landed::All)],
            (Op::Append { bytes, .. }, false) => landings(bytes.len()).into_iter().map(Fate::Kept).collect(),
            (_, false) => vec![Fate::Lost, Fate::Kept(Landed::All)],
        })
        .collect();
    let count: usize = choices.iter().map(Vec::len).product();
    assert!(count < 1_000_000, "{count} combinations: the log is too long to enumerate");
    let mut all = vec![Vec::new()];
    for choice in choices {
        all = all
            .into_iter()
            .flat_map(|prefix| choice.iter().map(move |&f| [prefix.clone(), vec![f]].concat()))
            .collect();
    }
    all
}

/// The state the disk is left in when the first `fates.len()` operations met `fates`; `None` when the
/// combination cannot happen (an operation on a name whose creation was lost).
fn replay(base: &MemState, log: &[Op], fates: &[Fate]) -> Option<MemState> {
    let mut state = base.clone();
    let files = log.iter().filter_map(|op| if let Op::Create { file, .. } = op { Some(file + 1) } else { None });
    state.files.resize(files.max().unwrap_or(0).max(state.files.len()), Vec::new());
    let parent_exists = |state: &MemState, path: &Path| path.parent().is_none_or(|p| state.dirs.contains(p));
    for (op, fate) in log.iter().zip(fates) {
        let Fate::Kept(landed) = *fate else { continue };
        match op {
            Op::CreateDir { path } => {
                if !parent_exists(&state, path) {
                    return None;
                }
                state.dirs.insert(path.clone());
            }
            Op::Create { path, file } => {
                if !parent_exists(&state, path) || state.names.contains_key(path) {
                    return None;
                }
                state.names.insert(path.clone(), *file);
            }
            Op::Append { file, offset, bytes } => {
                let content = &mut state.files[*file];
                if content.len() < *offset {
                    content.resize(*offset, 0);
                }
                content.truncate(*offset);
                match landed {
                    Landed::Nothing => {}
                    Landed::Prefix(n) => content.extend_from_slice(&bytes[..n]),
                    Landed::Zeros => content.resize(offset + bytes.len(), 0),
                    Landed::Tail => {
                        content.resize(offset + bytes.len() / 2, 0);
                        content.extend_from_slice(&bytes[bytes.len() / 2..]);
                    }
                    Landed::All => content.extend_from_slice(bytes),
                }
            }
            Op::HardLink { from, to } => {
                let file = *state.names.get(from)?;
                if !parent_exists(&state, to) || state.names.contains_key(to) {
                    return None;
                }
                state.names.insert(to.clone(), file);
            }
            Op::Rename { from, to } => {
                let file = state.names.remove(from)?;
                state.names.insert(to.clone(), file);
            }
            Op::Remove { path } => {
                state.names.remove(path)?;
            }
            Op::SetPermissions { .. } | Op::SyncFile { .. } | Op::SyncDir { .. } => {}
        }
    }
    Some(state)
}

/// Every distinct state a power cut during `log` could leave, with whether the log had run to its end
/// (the save had returned) when the power went.
fn crash_states(base: &MemState, log: &[Op]) -> (Vec<(MemState, bool)>, usize) {
    let mut seen = HashSet::new();
    let mut states = Vec::new();
    let mut combinations = 0;
    for k in 0..=log.len() {
        for fates in fates(log, k) {
            combinations += 1;
            let Some(state) = replay(base, &log[..k], &fates) else { continue };
            let files = state.names.iter().map(|(p, &f)| (p.clone(), hash(&state.files[f])));
            let key = (files.collect::<Vec<_>>(), k == log.len());
            if seen.insert(key) {
                states.push((state, k == log.len()));
            }
        }
    }
    (states, combinations)
}

fn hash(bytes: &[u8]) -> (usize, u64) {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    (bytes.len(), hasher.finish())
}

/// What a file held in a crash state.
#[derive(Debug, PartialEq)]
enum Held<T> {
    Missing,
    Version(T),
    /// It does not load, or loads as something else.
    Damaged(String),
}

/// A version a file may hold: its name in messages, its value and the text it is saved as.
struct Version<'a, T> {
    name: &'static str,
    value: &'a T,
    text: String,
}

/// What the file at `path` holds in `state`. Texts equal to a version's are that version without
/// parsing (the enumeration stays fast); any other text is loaded and compared.
fn held<T: PartialEq>(
    state: &MemState,
    path: &Path,
    versions: &[Version<'_, T>],
    load: impl Fn(&str) -> Result<T, StoreError>,
) -> Held<&'static str> {
    let Some(bytes) = state.content(path) else { return Held::Missing };
    if let Some(version) = versions.iter().find(|v| v.text.as_bytes() == bytes) {
        return Held::Version(version.name);
    }
    let Ok(text) = std::str::from_utf8(bytes) else { return Held::Damaged("not UTF-8".into()) };
    match load(text) {
        Ok(value) => match versions.iter().find(|v| *v.value == value) {
            Some(version) => Held::Version(version.name),
            None => Held::Damaged("another version".into()),
        },
        Err(e) => Held::Damaged(e.to_string()),
    }
}

fn dossier_version<'a>(name: &'static str, dossier: &'a Dossier) -> Version<'a, Dossier> {
    Version { name, value: dossier, text: store::dossier_to_string(dossier).unwrap() }
}

fn folder() -> PathBuf {
    PathBuf::from("/data/dossiers")
}

/// A save of `new` over a dossier file holding `old` (if any) whose backup holds `older` (if any), in a
/// folder that exists (or not). Checks every crash state and returns how many there were.
fn check_dossier_save(old: Option<&Dossier>, older: Option<&Dossier>, new: &Dossier, folder_exists: bool) -> usize {
    let path = folder().join("pakistan.ron");
    let backup = store::backup_path(&path);
    let fs = MemFs::with_dir(&if folder_exists { folder() } else { PathBuf::from("/data") });
    for (file, dossier) in [(&backup, older), (&path, old)] {
        if let Some(dossier) = dossier {
            store::save_dossier_with(&fs, file, dossier).unwrap();
        }
    }
    let base = fs.state();
    fs.take_log();
    store::save_dossier_with(&fs, &path, new).unwrap();
    let log = fs.take_log();
    let (states, combinations) = crash_states(&base, &log);
    let problems = dossier_problems(&states, &path, old, older, new);
    assert!(
        problems.is_empty(),
        "{} of {} crash states are wrong:\n{}",
        problems.len(),
        states.len(),
        problems.join("\n")
    );
    eprintln!("{} operations, {combinations} combinations, {} distinct crash states", log.len(), states.len());
    states.len()
}

/// What is wrong with each crash state of a dossier save (nothing, for a correct save).
fn dossier_problems(
    states: &[(MemState, bool)],
    path: &Path,
    old: Option<&Dossier>,
    older: Option<&Dossier>,
    new: &Dossier,
) -> Vec<String> {
    let backup = store::backup_path(path);
    let mut versions = vec![dossier_version("new", new)];
    versions.extend(old.map(|d| dossier_version("old", d)));
    versions.extend(older.map(|d| dossier_version("older", d)));
    let load = |text: &str| store::dossier_from_str(text, path);
    let mut problems = Vec::new();
    for (state, returned) in states {
        let main = held(state, path, &versions, load);
        let back = held(state, &backup, &versions, load);
        let names: Vec<_> = state.names.keys().collect();
        let expected_old = if old.is_some() { Held::Version("old") } else { Held::Missing };
        let ok = if *returned {
            main == Held::Version("new")
        } else {
            match &main {
                Held::Version(v) if *v == "new" || *v == "old" => true,
                Held::Missing if old.is_none() => true,
                // The file is damaged or gone: the backup must hold the old version.
                _ => back == expected_old && old.is_some(),
            }
        };
        let backup_ok = matches!(&back, Held::Missing) || matches!(&back, Held::Version(v) if *v != "new");
        if !ok || !backup_ok {
            problems.push(format!("save returned: {returned}; file: {main:?}; backup: {back:?}; names: {names:?}"));
        }
    }
    problems
}

#[test]
fn every_crash_state_of_a_dossier_save_holds_the_old_or_the_new_version() {
    let [older, old, new] = ["A", "B", "C"].map(|v| sample::big_dossier(CARDS, v));
    let mut total = 0;
    // Over a file that has a backup, over a file saved once, a first save, and a first save that creates
    // the folder.
    total += check_dossier_save(Some(&old), Some(&older), &new, true);
    total += check_dossier_save(Some(&old), None, &new, true);
    total += check_dossier_save(None, None, &new, true);
    total += check_dossier_save(None, None, &new, false);
    eprintln!("{total} crash states of 300-card dossier saves enumerated, all hold the old or the new version");
}

/// The recovery file is written, then retired after a save: at every moment the unsaved changes are in
/// the recovery file or (once retired) in its backup, and once retired they stay retired.
#[test]
fn every_crash_state_of_the_recovery_file_keeps_the_changes() {
    let dir = folder();
    let fs = MemFs::with_dir(&dir);
    let mut workspace = Workspace::default();
    workspace.dossiers.push(sample::big_dossier(CARDS, "R").into());
    let base = fs.state();
    store::save_recovery_with(&fs, &dir, &workspace).unwrap();
    store::clear_recovery_with(&fs, &dir).unwrap();
    let log = fs.take_log();
    let (states, combinations) = crash_states(&base, &log);
    let recovery = store::recovery_path(&dir);
    let backup = store::backup_path(&recovery);
    let load = |text: &str| store::workspace_from_str(text, &recovery);
    let text = store::workspace_to_string(&workspace).unwrap();
    let versions = [Version { name: "changes", value: &workspace, text }];
    let changes = Held::Version("changes");
    for (state, returned) in &states {
        let (file, back) = (held(state, &recovery, &versions, load), held(state, &backup, &versions, load));
        let ok = if *returned {
            file == Held::Missing && back == changes
        } else {
            // Not written yet, written, or retired to the backup: never damaged, never gone.
            file == changes || (file == Held::Missing && (back == changes || back == Held::Missing))
        };
        assert!(ok, "save and clear returned: {returned}; recovery: {file:?}, backup: {back:?}");
    }
    eprintln!(
        "{} operations, {combinations} combinations, {} crash states of the recovery file",
        log.len(),
        states.len()
    );
}

/// The log of a save over an existing dossier (with backup), and the state before it.
fn overwrite_log() -> (MemState, Vec<Op>, [Dossier; 3]) {
    let [older, old, new] = ["A", "B", "C"].map(|v| sample::big_dossier(20, v));
    let path = folder().join("pakistan.ron");
    let fs = MemFs::with_dir(&folder());
    store::save_dossier_with(&fs, &store::backup_path(&path), &older).unwrap();
    store::save_dossier_with(&fs, &path, &old).unwrap();
    let base = fs.state();
    fs.take_log();
    store::save_dossier_with(&fs, &path, &new).unwrap();
    (base, fs.take_log(), [older, old, new])
}

/// Without the file fsync before the rename, a power cut can leave the file empty or torn: the
/// enumeration must find that (it shows the test can fail).
#[test]
fn a_save_without_the_file_fsync_would_be_caught() {
    let (base, mut log, [older, old, new]) = overwrite_log();
    log.retain(|op| !matches!(op, Op::SyncFile { .. }));
    let (states, _) = crash_states(&base, &log);
    let path = folder().join("pakistan.ron");
    let problems = dossier_problems(&states, &path, Some(&old), Some(&older), &new);
    assert!(!problems.is_empty(), "no damage found in {} states", states.len());
}

/// Without the folder fsync after the rename, a save that returned can be undone by a power cut.
#[test]
fn a_save_without_the_folder_fsync_would_be_caught() {
    let (base, mut log, [older, old, new]) = overwrite_log();
    log.retain(|op| !matches!(op, Op::SyncDir { .. }));
    let (states, _) = crash_states(&base, &log);
    let path = folder().join("pakistan.ron");
    let problems = dossier_problems(&states, &path, Some(&old), Some(&older), &new);
    assert!(problems.iter().any(|p| p.starts_with("save returned: true")), "{problems:?}");
}

/// The save's log has the steps in the order the promise rests on: data synced before the rename, the
/// folder synced after it.
#[test]
fn the_folder_is_synced_after_the_rename() {
    let (_, log, _) = overwrite_log();
    let path = folder().join("pakistan.ron");
    let rename = log.iter().position(|op| matches!(op, Op::Rename { to, .. } if *to == path)).unwrap();
    let sync = log.iter().rposition(|op| matches!(op, Op::SyncDir { path } if *path == folder())).unwrap();
    let data = log.iter().position(|op| matches!(op, Op::SyncFile { .. })).unwrap();
    assert!(data < rename && rename < sync, "{log:?}");
}
