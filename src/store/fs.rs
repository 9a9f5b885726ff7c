//! The file operations a save is made of, behind a small trait, so that what a crash, a full disk or a
//! read-only disk would do to a save can be tested without pulling the plug.
//!
//! - [`StdFs`]: the real file system (`std::fs`), used by the app and the command line.
//! - [`MemFs`]: an in-memory file system that logs every operation ([`Op`]) with the file it touches; the
//!   crash-state test replays every subset of that log a power cut could leave behind.
//! - [`FaultyFs`]: wraps another file system and fails the operations it is told to (with "no space left
//!   on device", "read-only file system", …), to test that a failed save loses nothing.
//!
//! Only the writing side goes through the trait (and the reads a checked save does just before writing);
//! loads read with `std::fs` directly.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::SystemTime;

/// What is at a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Missing,
    File,
    /// A folder, device, …: nothing a save may replace or back up.
    Other,
}

/// The file operations of a save. Paths are used as given (the store passes paths inside one folder).
pub trait Fs: Send + Sync {
    /// What is at `path` now (links are followed).
    fn entry(&self, path: &Path) -> io::Result<Entry>;
    /// Creates a folder and its parents.
    fn create_dir_all(&self, dir: &Path) -> io::Result<()>;
    /// Creates an empty file at `path`; fails with `AlreadyExists` when something is there.
    fn create_new(&self, path: &Path) -> io::Result<()>;
    /// Appends `bytes` to the file at `path`.
    fn append(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Gives `to` the permissions of `from`.
    fn copy_permissions(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Makes the content of the file at `path` durable (fsync).
    fn sync_file(&self, path: &Path) -> io::Result<()>;
    /// A second name `to` for the file at `from`; fails with `AlreadyExists` when `to` exists.
    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Renames `from` to `to`, replacing the file at `to` in one step.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Removes the file at `path`.
    fn remove_file(&self, path: &Path) -> io::Result<()>;
    /// Makes the creations, links, renames and removals in `dir` durable (fsync of the folder).
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    /// The whole content of the file at `path`.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// When the file at `path` was last modified, where the file system keeps it.
    fn modified(&self, path: &Path) -> Option<SystemTime>;
}

/// The real file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct StdFs;

impl Fs for StdFs {
    fn entry(&self, path: &Path) -> io::Result<Entry> {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_file() => Ok(Entry::File),
            Ok(_) => Ok(Entry::Other),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Entry::Missing),
            Err(e) => Err(e),
        }
    }

    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir)
    }

    fn create_new(&self, path: &Path) -> io::Result<()> {
        // New files get the usual 0666 & !umask.
        OpenOptions::new().write(true).create_new(true).open(path).map(drop)
    }

    fn append(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut file = OpenOptions::new().append(true).open(path)?;
        file.write_all(bytes)?;
        file.flush()
    }

    fn copy_permissions(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::set_permissions(to, std::fs::metadata(from)?.permissions())
    }

    fn sync_file(&self, path: &Path) -> io::Result<()> {
        OpenOptions::new().write(true).open(path)?.sync_all()
    }

    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::hard_link(from, to)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        #[cfg(unix)]
        {
            // File systems that cannot sync a folder are not an error.
            let result = File::open(dir).and_then(|d| d.sync_all());
            if let Err(e) = result
                && !matches!(e.kind(), io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported)
            {
                return Err(e);
            }
        }
        #[cfg(not(unix))]
        let _ = (dir, File::open);
        Ok(())
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn modified(&self, path: &Path) -> Option<SystemTime> {
        std::fs::metadata(path).ok().and_then(|m| m.modified().ok())
    }
}

/// A file's identity in a [`MemFs`] (an inode number): names come and go, the file stays.
pub type FileId = usize;

/// One logged operation of a [`MemFs`], with the file it touched. Folder operations name the folder
/// whose entries they change ([`Op::dir`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    CreateDir { path: PathBuf },
    Create { path: PathBuf, file: FileId },
    Append { file: FileId, offset: usize, bytes: Arc<[u8]> },
    SetPermissions { file: FileId },
    SyncFile { file: FileId },
    HardLink { from: PathBuf, to: PathBuf },
    Rename { from: PathBuf, to: PathBuf },
    Remove { path: PathBuf },
    SyncDir { path: PathBuf },
}

impl Op {
    /// The folder whose entries this operation changes (`None` for data and sync operations).
    pub fn dir(&self) -> Option<&Path> {
        match self {
            Self::CreateDir { path } | Self::Create { path, .. } | Self::Remove { path } => path.parent(),
            Self::HardLink { to, .. } => to.parent(),
            Self::Rename { from, .. } => from.parent(),
            Self::Append { .. } | Self::SetPermissions { .. } | Self::SyncFile { .. } | Self::SyncDir { .. } => None,
        }
    }
}

/// The files and folders of a [`MemFs`] at one moment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemState {
    /// Every file name and the file it names.
    pub names: BTreeMap<PathBuf, FileId>,
    /// Every folder.
    pub dirs: BTreeSet<PathBuf>,
    /// The content of every file ever created, by id.
    pub files: Vec<Vec<u8>>,
}

impl MemState {
    /// The content of the file named `path`.
    pub fn content(&self, path: &Path) -> Option<&[u8]> {
        self.names.get(path).and_then(|&id| self.files.get(id)).map(Vec::as_slice)
    }

    fn file_mut(&mut self, path: &Path) -> io::Result<&mut Vec<u8>> {
        let id = *self.names.get(path).ok_or_else(|| not_found(path))?;
        self.files.get_mut(id).ok_or_else(|| not_found(path))
    }

    fn parent_exists(&self, path: &Path) -> bool {
        path.parent().is_none_or(|p| p.as_os_str().is_empty() || self.dirs.contains(p))
    }
}

fn not_found(path: &Path) -> io::Error {
    io::Error::new(io::ErrorKind::NotFound, format!("{} not found", path.display()))
}

fn exists(path: &Path) -> io::Error {
    io::Error::new(io::ErrorKind::AlreadyExists, format!("{} exists", path.display()))
}

/// An in-memory file system that logs every operation that changes it. Cheap to clone (clones share
/// the files).
#[derive(Clone, Debug, Default)]
pub struct MemFs {
    inner: Arc<Mutex<(MemState, Vec<Op>)>>,
}

impl MemFs {
    /// An empty file system with the folder `dir`.
    pub fn with_dir(dir: &Path) -> Self {
        let fs = Self::default();
        fs.lock().0.dirs.extend(dir.ancestors().filter(|d| !d.as_os_str().is_empty()).map(Path::to_owned));
        fs
    }

    fn lock(&self) -> MutexGuard<'_, (MemState, Vec<Op>)> {
        self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The files and folders now.
    pub fn state(&self) -> MemState {
        self.lock().0.clone()
    }

    /// Takes the operations logged since the last call.
    pub fn take_log(&self) -> Vec<Op> {
        std::mem::take(&mut self.lock().1)
    }

    fn change<T>(&self, f: impl FnOnce(&mut MemState) -> io::Result<(T, Op)>) -> io::Result<T> {
        let mut guard = self.lock();
        let (state, log) = &mut *guard;
        let (value, op) = f(state)?;
        log.push(op);
        Ok(value)
    }
}

impl Fs for MemFs {
    fn entry(&self, path: &Path) -> io::Result<Entry> {
        let guard = self.lock();
        Ok(if guard.0.names.contains_key(path) {
            Entry::File
        } else if guard.0.dirs.contains(path) {
            Entry::Other
        } else {
            Entry::Missing
        })
    }

    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        for dir in dir.ancestors().collect::<Vec<_>>().into_iter().rev().filter(|d| !d.as_os_str().is_empty()) {
            let mut guard = self.lock();
            let (state, log) = &mut *guard;
            if state.names.contains_key(dir) {
                return Err(io::Error::new(io::ErrorKind::NotADirectory, format!("{} is a file", dir.display())));
            }
            if state.dirs.insert(dir.to_owned()) {
                log.push(Op::CreateDir { path: dir.to_owned() });
            }
        }
        Ok(())
    }

    fn create_new(&self, path: &Path) -> io::Result<()> {
        self.change(|state| {
            if state.names.contains_key(path) || state.dirs.contains(path) {
                return Err(exists(path));
            }
            if !state.parent_exists(path) {
                return Err(not_found(path));
            }
            let file = state.files.len();
            state.files.push(Vec::new());
            state.names.insert(path.to_owned(), file);
            Ok(((), Op::Create { path: path.to_owned(), file }))
        })
    }

    fn append(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.change(|state| {
            let file = *state.names.get(path).ok_or_else(|| not_found(path))?;
            let content = state.file_mut(path)?;
            let offset = content.len();
            content.extend_from_slice(bytes);
            Ok(((), Op::Append { file, offset, bytes: bytes.into() }))
        })
    }

    fn copy_permissions(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.change(|state| {
            state.names.get(from).ok_or_else(|| not_found(from))?;
            let file = *state.names.get(to).ok_or_else(|| not_found(to))?;
            Ok(((), Op::SetPermissions { file }))
        })
    }

    fn sync_file(&self, path: &Path) -> io::Result<()> {
        self.change(|state| {
            let file = *state.names.get(path).ok_or_else(|| not_found(path))?;
            Ok(((), Op::SyncFile { file }))
        })
    }

    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.change(|state| {
            let file = *state.names.get(from).ok_or_else(|| not_found(from))?;
            if state.names.contains_key(to) || state.dirs.contains(to) {
                return Err(exists(to));
            }
            state.names.insert(to.to_owned(), file);
            Ok(((), Op::HardLink { from: from.to_owned(), to: to.to_owned() }))
        })
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.change(|state| {
            if state.dirs.contains(to) {
                return Err(io::Error::new(io::ErrorKind::IsADirectory, format!("{} is a folder", to.display())));
            }
            let file = state.names.remove(from).ok_or_else(|| not_found(from))?;
            state.names.insert(to.to_owned(), file);
            Ok(((), Op::Rename { from: from.to_owned(), to: to.to_owned() }))
        })
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        self.change(|state| {
            state.names.remove(path).ok_or_else(|| not_found(path))?;
            Ok(((), Op::Remove { path: path.to_owned() }))
        })
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.change(|state| {
            if !state.dirs.contains(dir) {
                return Err(not_found(dir));
            }
            Ok(((), Op::SyncDir { path: dir.to_owned() }))
        })
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.lock().0.content(path).map(<[u8]>::to_vec).ok_or_else(|| not_found(path))
    }

    fn modified(&self, _path: &Path) -> Option<SystemTime> {
        None
    }
}

/// Which operations a [`FaultyFs`] fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The operation numbered `n` (counting from 0) of those that write (create, append, permissions,
    /// sync, link, rename, folder creation and sync; removals never fail), and no other.
    At(usize),
    /// Every writing operation from the one numbered `n` on (a disk that filled up or was remounted
    /// read-only).
    From(usize),
}

/// A file system that fails chosen writing operations of another one with `error` (reads never fail).
pub struct FaultyFs {
    inner: Arc<dyn Fs>,
    fault: Fault,
    error: io::ErrorKind,
    count: Mutex<usize>,
}

impl FaultyFs {
    /// Fails the operations `fault` names with an error of kind `error` (`StorageFull` for a full disk,
    /// `ReadOnlyFilesystem` for a read-only one).
    pub fn new(inner: Arc<dyn Fs>, fault: Fault, error: io::ErrorKind) -> Self {
        Self { inner, fault, error, count: Mutex::new(0) }
    }

    /// How many writing operations were attempted (failed ones included).
    pub fn attempted(&self) -> usize {
        *self.count.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn check(&self) -> io::Result<()> {
        let mut count = self.count.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let n = *count;
        *count += 1;
        let fails = match self.fault {
            Fault::At(at) => n == at,
            Fault::From(from) => n >= from,
        };
        if fails { Err(io::Error::from(self.error)) } else { Ok(()) }
    }
}

impl Fs for FaultyFs {
    fn entry(&self, path: &Path) -> io::Result<Entry> {
        self.inner.entry(path)
    }
    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        self.check()?;
        self.inner.create_dir_all(dir)
    }
    fn create_new(&self, path: &Path) -> io::Result<()> {
        self.check()?;
        self.inner.create_new(path)
    }
    fn append(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.check()?;
        self.inner.append(path, bytes)
    }
    fn copy_permissions(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check()?;
        self.inner.copy_permissions(from, to)
    }
    fn sync_file(&self, path: &Path) -> io::Result<()> {
        self.check()?;
        self.inner.sync_file(path)
    }
    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check()?;
        self.inner.hard_link(from, to)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check()?;
        self.inner.rename(from, to)
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        // Never fails: removing frees space, and on a read-only disk nothing was created to remove.
        self.inner.remove_file(path)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.check()?;
        self.inner.sync_dir(dir)
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.inner.read(path)
    }
    fn modified(&self, path: &Path) -> Option<SystemTime> {
        self.inner.modified(path)
    }
}
