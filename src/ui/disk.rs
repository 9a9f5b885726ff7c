//! Where the app keeps its files: the dossier folder with one RON file per dossier, the workspace file
//! and the recovery file. Remembers the [`FileStamp`] of every dossier file it loaded or saved, so that a
//! save never silently overwrites a file changed by someone else, and holds the folder's lock, so that a
//! second window on the same folder is told so and never writes there.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::{Dossier, Workspace};
use crate::store::fs::{Fs, StdFs};
use crate::store::lock::{self, Acquired, FolderLock};
use crate::store::{self, FileStamp, StoreError};

/// The workspace file inside the dossier folder.
pub const WORKSPACE_FILE: &str = ".workspace.ron";

/// What the folder held at start.
pub struct Startup {
    pub workspace: Workspace,
    /// There was no workspace file: the analyst has never saved here.
    pub first_run: bool,
    /// Unsaved changes from a session that did not end with a save.
    pub recovery: Option<Workspace>,
    /// Files that could not be loaded.
    pub errors: Vec<String>,
}

/// Why a dossier was not saved.
#[derive(Debug)]
pub enum SaveError {
    /// The file changed on disk since it was loaded or saved.
    Conflict(PathBuf),
    Store(StoreError),
}

/// The dossier folder and what the app knows about its files.
pub struct Disk {
    dir: PathBuf,
    /// The file each dossier (by country) was loaded from or saved to.
    files: HashMap<String, PathBuf>,
    /// What each of those files looked like then.
    stamps: HashMap<PathBuf, FileStamp>,
    /// Where saves go: the real file system, or in tests one that fails on purpose.
    fs: Arc<dyn Fs>,
    /// The folder's lock, while this window holds it.
    lock: Option<FolderLock>,
    /// Who holds the folder's lock when another window does: then nothing is written there.
    held_by: Option<String>,
}

impl Disk {
    pub fn new(dir: PathBuf) -> Self {
        Self { dir, files: HashMap::new(), stamps: HashMap::new(), fs: Arc::new(StdFs), lock: None, held_by: None }
    }

    /// The file system saves go through.
    pub fn fs(&self) -> Arc<dyn Fs> {
        Arc::clone(&self.fs)
    }

    /// Sends saves through `fs` from now on (tests: a full or read-only disk).
    pub fn set_fs(&mut self, fs: Arc<dyn Fs>) {
        self.fs = fs;
    }

    /// Whether this window may write into the folder (no other window holds it).
    pub fn owns_folder(&self) -> bool {
        self.held_by.is_none()
    }

    /// Takes the folder's lock. Returns the notice to show when another window holds it (then every
    /// save is refused) or when a lock left by a window that ended without closing was taken over.
    pub fn lock_folder(&mut self) -> Option<String> {
        match lock::acquire(&self.dir) {
            Ok(Acquired::Owned { lock, previous }) => {
                self.lock = Some(lock);
                self.held_by = None;
                let mine = std::process::id();
                previous.filter(|p| p.pid != mine).map(|p| {
                    format!(
                        "Took over the folder's lock from a Dossier window that ended without closing ({}).",
                        p.describe()
                    )
                })
            }
            Ok(Acquired::HeldBy(owner)) => {
                let owner = owner.map_or_else(|| "another process".to_owned(), |o| o.describe());
                let notice = format!(
                    "Another Dossier window ({owner}) has the folder {} open: this window will not save there, so \
                     that neither overwrites the other's work. Close the other window and start this one again to \
                     save here.",
                    self.dir.display()
                );
                self.held_by = Some(owner);
                Some(notice)
            }
            // A folder that cannot hold a lock file (read-only, say): saves will report their own errors.
            Err(e) => Some(format!("Could not lock the dossier folder: {e}")),
        }
    }

    /// The error a save gets while another window holds the folder.
    fn refuse(&self, path: &Path) -> Result<(), StoreError> {
        match &self.held_by {
            Some(owner) => Err(StoreError::Locked { path: path.to_owned(), owner: owner.clone() }),
            None => Ok(()),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn workspace_path(&self) -> PathBuf {
        self.dir.join(WORKSPACE_FILE)
    }

    /// Takes the folder's lock and loads the workspace, the dossier files not already in it, and the
    /// recovery file if it is newer than the workspace.
    pub fn load(&mut self) -> Startup {
        let mut errors = Vec::new();
        errors.extend(self.lock_folder());
        let workspace_path = self.workspace_path();
        let first_run = !workspace_path.exists();
        let mut workspace = Workspace::default();
        if !first_run {
            match store::load_workspace(&workspace_path) {
                Ok(loaded) => workspace = loaded,
                Err(e) => errors.push(format!("Could not restore the workspace: {e}")),
            }
        }
        self.load_dossier_files(&mut workspace, &mut errors);
        let recovery = self.newer_recovery(&workspace_path);
        Startup { workspace, first_run, recovery, errors }
    }

    fn load_dossier_files(&mut self, workspace: &mut Workspace, errors: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return; // No folder yet: it is created on the first save.
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "ron") && path.is_file())
            .filter(|path| path.file_name().is_some_and(|name| !name.to_string_lossy().starts_with('.')))
            .collect();
        paths.sort();
        for path in paths {
            let stamp = FileStamp::of(&path);
            let dossier = match store::load_dossier(&path) {
                Ok(dossier) => dossier,
                Err(e) => {
                    errors.push(format!("Could not load a dossier: {e}"));
                    continue;
                }
            };
            let known = workspace.dossier(&dossier.country).is_some();
            // A dossier restored from the workspace keeps the file it is saved under by default.
            if known && self.default_path(&dossier) != path && self.files.contains_key(&dossier.country) {
                continue;
            }
            if let Some(stamp) = stamp {
                self.stamps.insert(path.clone(), stamp);
            }
            self.files.insert(dossier.country.clone(), path);
            if !known {
                workspace.dossiers.push(dossier.into());
            }
        }
        workspace.dossiers.sort_by(|a, b| a.name.cmp(&b.name));
    }

    fn newer_recovery(&self, workspace_path: &Path) -> Option<Workspace> {
        let recovery_path = store::recovery_path(&self.dir);
        let recovery_time = FileStamp::of(&recovery_path)?.modified;
        let workspace_time = FileStamp::of(workspace_path).and_then(|s| s.modified);
        let newer = match (recovery_time, workspace_time) {
            (Some(recovery), Some(workspace)) => recovery >= workspace,
            _ => true,
        };
        if newer { store::load_recovery(&self.dir) } else { None }
    }

    fn default_path(&self, dossier: &Dossier) -> PathBuf {
        self.dir.join(dossier.file_name())
    }

    /// The file a dossier is saved to: the one it came from, or `<dir>/<file name>`.
    pub fn dossier_path(&self, dossier: &Dossier) -> PathBuf {
        self.files.get(&dossier.country).cloned().unwrap_or_else(|| self.default_path(dossier))
    }

    /// Saves a dossier. Unless `force`, refuses when its file changed since the app last loaded or
    /// saved it, or when a file the app never saw is in the way.
    pub fn save_dossier(&mut self, dossier: &Dossier, force: bool) -> Result<PathBuf, SaveError> {
        let path = self.dossier_path(dossier);
        self.refuse(&path).map_err(SaveError::Store)?;
        let expected =
            if force { FileStamp::read_with(&*self.fs, &path).ok().flatten() } else { self.stamps.get(&path).cloned() };
        match store::save_dossier_checked_with(&*self.fs, &path, dossier, expected.as_ref()) {
            Ok(stamp) => {
                self.stamps.insert(path.clone(), stamp);
                self.files.insert(dossier.country.clone(), path.clone());
                Ok(path)
            }
            Err(StoreError::ChangedOnDisk { path }) => Err(SaveError::Conflict(path)),
            Err(e) => Err(SaveError::Store(e)),
        }
    }

    /// A dossier was deleted from the workspace (creating it was undone, say): deletes its file if the
    /// app wrote or loaded it and nobody changed it since. Returns the deleted file.
    pub fn forget_dossier(&mut self, country: &str) -> Result<Option<PathBuf>, StoreError> {
        let Some(path) = self.files.remove(country) else {
            return Ok(None);
        };
        self.refuse(&path)?;
        let expected = self.stamps.remove(&path);
        if expected.is_none() || FileStamp::read_with(&*self.fs, &path).ok().flatten() != expected {
            return Ok(None);
        }
        self.fs.remove_file(&path).map_err(|source| StoreError::Io { path: path.clone(), source })?;
        Ok(Some(path))
    }

    /// The workspace file, when this window may write it.
    pub fn workspace_save_path(&self) -> Result<PathBuf, StoreError> {
        let path = self.workspace_path();
        self.refuse(&path)?;
        Ok(path)
    }
}
