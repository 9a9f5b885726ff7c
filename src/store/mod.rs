//! RON files: dossiers and the workspace, each wrapped in a versioned envelope, saved atomically and
//! loaded with clear errors. The only output IO.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize, de::DeserializeOwned};

use crate::model::{Dossier, Workspace};

/// The version of the file format this build writes.
pub const FORMAT_VERSION: u32 = 1;

/// What every file holds: which kind of file it is, its format version, and the data.
#[derive(Debug, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub format: String,
    pub version: u32,
    pub data: T,
}

/// Why a file could not be saved or loaded.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: line {line}, column {column}: {message}")]
    Parse { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{path}: this is a {found} file, not a {expected} file")]
    WrongKind { path: PathBuf, found: String, expected: String },
    #[error("{path}: written by a newer Dossier (format version {version}; this one reads up to {FORMAT_VERSION})")]
    FutureVersion { path: PathBuf, version: u32 },
    #[error("cannot write RON: {0}")]
    Serialize(String),
}

const DOSSIER: &str = "dossier";
const WORKSPACE: &str = "workspace";

/// The RON text a dossier is saved as.
pub fn dossier_to_string(dossier: &Dossier) -> Result<String, StoreError> {
    to_string(DOSSIER, dossier)
}

pub fn save_dossier(path: &Path, dossier: &Dossier) -> Result<(), StoreError> {
    write_atomic(path, &dossier_to_string(dossier)?)
}

pub fn load_dossier(path: &Path) -> Result<Dossier, StoreError> {
    load(path, DOSSIER)
}

pub fn save_workspace(path: &Path, workspace: &Workspace) -> Result<(), StoreError> {
    write_atomic(path, &to_string(WORKSPACE, workspace)?)
}

pub fn load_workspace(path: &Path) -> Result<Workspace, StoreError> {
    load(path, WORKSPACE)
}

fn to_string<T: Serialize>(format: &str, data: &T) -> Result<String, StoreError> {
    let envelope = Envelope { format: format.to_owned(), version: FORMAT_VERSION, data };
    let config = ron::ser::PrettyConfig::new().indentor("  ".to_owned());
    ron::ser::to_string_pretty(&envelope, config).map_err(|e| StoreError::Serialize(e.to_string()))
}

fn load<T: DeserializeOwned>(path: &Path, expected: &str) -> Result<T, StoreError> {
    let text = std::fs::read_to_string(path).map_err(|source| StoreError::Io { path: path.to_owned(), source })?;
    let envelope: Envelope<T> = ron::from_str(&text).map_err(|e| StoreError::Parse {
        path: path.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })?;
    if envelope.format != expected {
        return Err(StoreError::WrongKind {
            path: path.to_owned(),
            found: envelope.format,
            expected: expected.to_owned(),
        });
    }
    if envelope.version > FORMAT_VERSION {
        return Err(StoreError::FutureVersion { path: path.to_owned(), version: envelope.version });
    }
    Ok(envelope.data)
}

/// Writes `text` to a temporary file beside `path`, syncs it, and renames it over `path`.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), StoreError> {
    use std::io::Write as _;
    let io = |source| StoreError::Io { path: path.to_owned(), source };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    file.write_all(text.as_bytes()).map_err(io)?;
    file.as_file().sync_all().map_err(io)?;
    file.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// What a file looked like when it was loaded or saved: used to notice changes made elsewhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStamp {
    pub len: u64,
    pub modified: Option<std::time::SystemTime>,
}

impl FileStamp {
    /// The stamp of the file at `path` now, or `None` when there is no file.
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Self { len: meta.len(), modified: meta.modified().ok() })
    }
}

/// Saves a dossier unless the file changed on disk since `expected` was taken (pass `None` for a new
/// file). Returns the new stamp.
pub fn save_dossier_checked(
    path: &Path,
    dossier: &Dossier,
    expected: Option<&FileStamp>,
) -> Result<FileStamp, StoreError> {
    let _ = expected;
    save_dossier(path, dossier)?;
    FileStamp::of(path)
        .ok_or_else(|| StoreError::Io { path: path.to_owned(), source: std::io::ErrorKind::NotFound.into() })
}

/// The recovery file of a workspace folder: unsaved changes, written within seconds of each change.
pub fn recovery_path(dir: &Path) -> PathBuf {
    dir.join(".recovery.ron")
}

/// Writes unsaved changes to the recovery file.
pub fn save_recovery(dir: &Path, workspace: &Workspace) -> Result<(), StoreError> {
    save_workspace(&recovery_path(dir), workspace)
}

/// The recovered workspace, if a recovery file exists and loads.
pub fn load_recovery(dir: &Path) -> Option<Workspace> {
    let path = recovery_path(dir);
    path.exists().then(|| load_workspace(&path).ok()).flatten()
}

/// Removes the recovery file (after a save, or when the analyst declines to restore).
pub fn clear_recovery(dir: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(recovery_path(dir)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(StoreError::Io { path: recovery_path(dir), source: e })
        }
        _ => Ok(()),
    }
}
