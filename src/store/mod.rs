//! RON files: dossiers and the workspace, each wrapped in a versioned envelope, saved atomically and
//! loaded with clear errors. The only output IO.
//!
//! The promise of this module is "nothing lost": a save either replaces the whole file or leaves the old
//! one untouched (and keeps the previous version as `<name>.ron.bak`); a load never writes; a file written
//! by an older Dossier is migrated, one written by a newer Dossier is refused with a clear message; and a
//! checked save refuses to overwrite a file someone else changed since it was loaded.
//!
//! - `envelope.rs`: the `(format, version, data)` wrapper, header first, then the data.
//! - `migrate.rs`: the shapes of older format versions and their conversion to the current model.
//! - `atomic.rs`: temp file, fsync, backup, rename, directory fsync.
//! - `fs.rs`: the file operations of a save behind a trait: the real file system, an in-memory one that
//!   logs every operation (for the crash-state test) and one that fails chosen operations (full disk).
//! - `stamp.rs`: what a file looked like when it was loaded, to notice changes made elsewhere.
//! - `lock.rs`: one writer per dossier folder (a second window is told who holds it).

mod atomic;
mod envelope;
pub mod fs;
pub mod lock;
mod migrate;
mod stamp;

use std::path::{Path, PathBuf};

use crate::model::{Dossier, Workspace};
use fs::{Fs, StdFs};

pub use atomic::{backup_path, write_atomic, write_atomic_with};
pub use envelope::Envelope;
pub use stamp::FileStamp;

/// The version of the file format this build writes. Version 1 files are migrated on load.
///
/// - 1: a dossier held its cards in three lists (`key_actors`, `statements_by`, `statements_about`).
/// - 2: one ordered `cards` list; each card carries its `section`.
pub const FORMAT_VERSION: u32 = 2;

/// Why a file could not be saved or loaded. Every variant names the file; parse errors also name the
/// line and column (both counted from 1).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading, writing, renaming or syncing failed.
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    /// The file is not valid RON (corrupt or truncated), not UTF-8, or its data does not have the shape
    /// of the format version it claims.
    #[error("{path}: line {line}, column {column}: {message}")]
    Parse { path: PathBuf, line: usize, column: usize, message: String },
    /// The file is valid RON but not a Dossier file at all (no `format`/`version` header).
    #[error("{path}: line {line}, column {column}: not a {expected} file of Dossier ({message})")]
    Unrecognized { path: PathBuf, line: usize, column: usize, expected: String, message: String },
    /// A Dossier file of another kind (a workspace opened as a dossier, say).
    #[error("{path}: this is a {found} file, not a {expected} file")]
    WrongKind { path: PathBuf, found: String, expected: String },
    /// Written by a newer Dossier, in a format this build does not know.
    #[error("{path}: written by a newer Dossier (format version {version}; this one reads up to {FORMAT_VERSION})")]
    FutureVersion { path: PathBuf, version: u32 },
    /// A format version that never existed (0).
    #[error("{path}: unknown format version {version}")]
    UnknownVersion { path: PathBuf, version: u32 },
    /// The file changed on disk since it was loaded; saving would overwrite someone else's changes.
    #[error("{path}: the file changed on disk since it was opened; not overwritten")]
    ChangedOnDisk { path: PathBuf },
    /// Another Dossier window holds the folder's lock: this one does not write there.
    #[error("{path}: not saved: another Dossier window ({owner}) has this folder open")]
    Locked { path: PathBuf, owner: String },
    /// The data could not be written as RON.
    #[error("cannot write RON: {0}")]
    Serialize(String),
}

impl StoreError {
    /// The file the error is about (`None` only for [`StoreError::Serialize`]).
    pub fn path(&self) -> Option<&Path> {
        match self {
            Self::Io { path, .. }
            | Self::Parse { path, .. }
            | Self::Unrecognized { path, .. }
            | Self::WrongKind { path, .. }
            | Self::FutureVersion { path, .. }
            | Self::UnknownVersion { path, .. }
            | Self::ChangedOnDisk { path }
            | Self::Locked { path, .. } => Some(path),
            Self::Serialize(_) => None,
        }
    }
}

/// The RON text a dossier is saved as.
pub fn dossier_to_string(dossier: &Dossier) -> Result<String, StoreError> {
    envelope::to_string(envelope::DOSSIER, dossier)
}

/// Parses the text of a dossier file (any known format version). `path` is only used in errors.
pub fn dossier_from_str(text: &str, path: &Path) -> Result<Dossier, StoreError> {
    if let Some(dossier) = envelope::read_current(text, envelope::DOSSIER) {
        return Ok(dossier);
    }
    let version = envelope::read_header(text, path, envelope::DOSSIER)?;
    match version {
        FORMAT_VERSION => envelope::read_data(text, path),
        1 => envelope::read_data::<migrate::DossierV1>(text, path).map(Dossier::from),
        _ => Err(StoreError::UnknownVersion { path: path.to_owned(), version }),
    }
}

/// The RON text a workspace is saved as.
pub fn workspace_to_string(workspace: &Workspace) -> Result<String, StoreError> {
    envelope::to_string(envelope::WORKSPACE, workspace)
}

/// Parses the text of a workspace file (any known format version). `path` is only used in errors.
pub fn workspace_from_str(text: &str, path: &Path) -> Result<Workspace, StoreError> {
    if let Some(workspace) = envelope::read_current(text, envelope::WORKSPACE) {
        return Ok(workspace);
    }
    let version = envelope::read_header(text, path, envelope::WORKSPACE)?;
    match version {
        FORMAT_VERSION => envelope::read_data(text, path),
        1 => envelope::read_data::<migrate::WorkspaceV1>(text, path).map(Workspace::from),
        _ => Err(StoreError::UnknownVersion { path: path.to_owned(), version }),
    }
}

/// Saves a dossier atomically (see [`write_atomic`]), keeping the previous file as a backup.
pub fn save_dossier(path: &Path, dossier: &Dossier) -> Result<(), StoreError> {
    save_dossier_with(&StdFs, path, dossier)
}

/// [`save_dossier`] through the file system `fs`.
pub fn save_dossier_with(fs: &dyn Fs, path: &Path, dossier: &Dossier) -> Result<(), StoreError> {
    write_atomic_with(fs, path, &dossier_to_string(dossier)?)
}

/// Loads a dossier, migrating older format versions. Never writes to the file.
pub fn load_dossier(path: &Path) -> Result<Dossier, StoreError> {
    load_dossier_stamped(path).map(|(dossier, _)| dossier)
}

/// Loads a dossier together with the stamp of the very bytes it was read from: pass the stamp to
/// [`save_dossier_checked`] to notice changes made elsewhere in between.
pub fn load_dossier_stamped(path: &Path) -> Result<(Dossier, FileStamp), StoreError> {
    let (text, stamp) = read_text(path)?;
    Ok((dossier_from_str(&text, path)?, stamp))
}

/// Saves the workspace atomically, keeping the previous file as a backup.
pub fn save_workspace(path: &Path, workspace: &Workspace) -> Result<(), StoreError> {
    save_workspace_with(&StdFs, path, workspace)
}

/// [`save_workspace`] through the file system `fs`.
pub fn save_workspace_with(fs: &dyn Fs, path: &Path, workspace: &Workspace) -> Result<(), StoreError> {
    write_atomic_with(fs, path, &workspace_to_string(workspace)?)
}

/// Loads a workspace, migrating older format versions. Never writes to the file.
pub fn load_workspace(path: &Path) -> Result<Workspace, StoreError> {
    let (text, _) = read_text(path)?;
    workspace_from_str(&text, path)
}

/// Reads a whole file as UTF-8 text, with the stamp of the bytes read.
fn read_text(path: &Path) -> Result<(String, FileStamp), StoreError> {
    let bytes = std::fs::read(path).map_err(|source| StoreError::Io { path: path.to_owned(), source })?;
    let modified = std::fs::metadata(path).ok().and_then(|m| m.modified().ok());
    let stamp = FileStamp::of_bytes(&bytes, modified);
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let (line, column) = envelope::position_after(valid);
        StoreError::Parse { path: path.to_owned(), line, column, message: "not UTF-8 text".to_owned() }
    })?;
    Ok((text, stamp))
}

/// Saves a dossier unless the file changed on disk since `expected` was taken (pass `None` for a new
/// file: then any existing file counts as a change). Returns the stamp of the file just written.
///
/// "Changed" means different content (length or hash), or the file appeared or disappeared. A file
/// whose modification time moved but whose bytes are identical is not a change: overwriting it loses
/// nothing. The check and the write are not one atomic step; the window between them is short.
pub fn save_dossier_checked(
    path: &Path,
    dossier: &Dossier,
    expected: Option<&FileStamp>,
) -> Result<FileStamp, StoreError> {
    save_dossier_checked_with(&StdFs, path, dossier, expected)
}

/// [`save_dossier_checked`] through the file system `fs`.
pub fn save_dossier_checked_with(
    fs: &dyn Fs,
    path: &Path,
    dossier: &Dossier,
    expected: Option<&FileStamp>,
) -> Result<FileStamp, StoreError> {
    let text = dossier_to_string(dossier)?;
    let current = FileStamp::read_with(fs, path)?;
    let unchanged = match (expected, &current) {
        (None, None) => true,
        (Some(expected), Some(current)) => current.same_content(expected),
        _ => false,
    };
    if !unchanged {
        return Err(StoreError::ChangedOnDisk { path: path.to_owned() });
    }
    write_atomic_with(fs, path, &text)?;
    Ok(FileStamp::of_bytes(text.as_bytes(), fs.modified(path)))
}

/// The recovery file of a workspace folder: unsaved changes, written within seconds of each change.
pub fn recovery_path(dir: &Path) -> PathBuf {
    dir.join(".recovery.ron")
}

/// Writes unsaved changes to the recovery file.
pub fn save_recovery(dir: &Path, workspace: &Workspace) -> Result<(), StoreError> {
    save_recovery_with(&StdFs, dir, workspace)
}

/// [`save_recovery`] through the file system `fs`.
pub fn save_recovery_with(fs: &dyn Fs, dir: &Path, workspace: &Workspace) -> Result<(), StoreError> {
    save_workspace_with(fs, &recovery_path(dir), workspace)
}

/// The recovered workspace, if a recovery file exists and loads. An unreadable recovery file also gives
/// `None`; use [`load_recovery_result`] to tell the two apart.
pub fn load_recovery(dir: &Path) -> Option<Workspace> {
    load_recovery_result(dir).ok().flatten()
}

/// `Ok(None)` when there is no recovery file, `Ok(Some(_))` when it loads, and the error when one exists
/// but cannot be read (the file is left as it is, so it can be inspected or restored by hand).
pub fn load_recovery_result(dir: &Path) -> Result<Option<Workspace>, StoreError> {
    let path = recovery_path(dir);
    match load_workspace(&path) {
        Ok(workspace) => Ok(Some(workspace)),
        Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Retires the recovery file (after a save, or when the analyst declines to restore): it is renamed to
/// its backup (`.recovery.ron.bak`) rather than deleted, so a declined recovery can still be restored by
/// hand. No recovery file is not an error.
pub fn clear_recovery(dir: &Path) -> Result<(), StoreError> {
    clear_recovery_with(&StdFs, dir)
}

/// [`clear_recovery`] through the file system `fs`. The rename is made durable (folder fsync), so a
/// power cut after a save cannot bring a stale recovery file back.
pub fn clear_recovery_with(fs: &dyn Fs, dir: &Path) -> Result<(), StoreError> {
    let path = recovery_path(dir);
    match atomic::rename_durably(fs, &path, &backup_path(&path)) {
        Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => Ok(()),
        result => result,
    }
}
