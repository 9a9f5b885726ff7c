//! Atomic saves: a file on disk is always either the complete old version or the complete new one, even
//! when the program is killed, the power fails or the disk fills up mid-save, and the previous version is
//! kept as a backup.
//!
//! The steps: write a temporary file in the same folder (so the rename cannot cross file systems) and
//! fsync it, keep the old file as `<name>.bak` (a hard link, or a synced copy where links are not
//! supported), rename the temporary file over the old one, then fsync the folder so the renames
//! themselves survive a power cut (`tests/store_crash_states.rs` replays every state a power cut could
//! leave). Any failure before the rename leaves the old file untouched and removes the temporary file.

use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::StoreError;
use super::fs::{Entry, Fs, StdFs};

/// The backup of the previous version of `path`: `pakistan.ron` → `pakistan.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// Writes `text` to `path` atomically (creating the folder if needed), keeping the file it replaces as
/// [`backup_path`]`(path)`. On error the old file, if any, is unchanged.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), StoreError> {
    write_atomic_with(&StdFs, path, text)
}

/// [`write_atomic`] through the file system `fs`.
pub fn write_atomic_with(fs: &dyn Fs, path: &Path, text: &str) -> Result<(), StoreError> {
    let io_error = |source| StoreError::Io { path: path.to_owned(), source };
    let dir = folder_of(path);
    let name = path.file_name().ok_or_else(|| io_error(io::Error::other("not a file path")))?.to_owned();
    create_folder(fs, dir).map_err(io_error)?;
    let old = fs.entry(path).map_err(io_error)?;
    let temp = create_temp(fs, dir, &name, "").map_err(io_error)?;
    let written = (|| {
        fs.append(&temp, text.as_bytes())?;
        if old != Entry::Missing {
            fs.copy_permissions(path, &temp)?;
        }
        fs.sync_file(&temp)
    })();
    if let Err(e) = written {
        let _ = fs.remove_file(&temp);
        return Err(io_error(e));
    }
    if old == Entry::File {
        let backup = backup_path(path);
        if let Err(source) = keep_backup(fs, path, &backup, dir, &name) {
            let _ = fs.remove_file(&temp);
            return Err(StoreError::Io { path: backup, source });
        }
    }
    if let Err(e) = fs.rename(&temp, path) {
        let _ = fs.remove_file(&temp);
        return Err(io_error(e));
    }
    sync_dir(fs, dir)
}

/// Renames `from` to `to` (both in one folder) and makes the rename durable.
pub fn rename_durably(fs: &dyn Fs, from: &Path, to: &Path) -> Result<(), StoreError> {
    fs.rename(from, to).map_err(|source| StoreError::Io { path: from.to_owned(), source })?;
    sync_dir(fs, folder_of(to))
}

/// The folder `path` is in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// Creates `dir` and its missing parents durably: each new folder's entry is synced in its parent, so a
/// power cut after the save cannot take the folder (and the file in it) away.
fn create_folder(fs: &dyn Fs, dir: &Path) -> io::Result<()> {
    if fs.entry(dir)? == Entry::Other {
        return Ok(());
    }
    let missing: Vec<&Path> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && fs.entry(d).is_ok_and(|e| e == Entry::Missing))
        .collect();
    fs.create_dir_all(dir)?;
    for created in missing.iter().rev() {
        fs.sync_dir(folder_of(created))?;
    }
    Ok(())
}

/// Makes the creations and renames in `dir` durable.
fn sync_dir(fs: &dyn Fs, dir: &Path) -> Result<(), StoreError> {
    fs.sync_dir(dir).map_err(|source| StoreError::Io { path: dir.to_owned(), source })
}

/// Creates a new, empty hidden temporary file named after the file it stands in for,
/// `.pakistan.ron.<infix><random>.tmp`, so a left-over one (after a kill) says where it came from.
fn create_temp(fs: &dyn Fs, dir: &Path, name: &OsStr, infix: &str) -> io::Result<PathBuf> {
    make_temp(dir, name, infix, |temp| fs.create_new(temp))
}

/// Runs `make` on fresh temporary names until one does not exist yet.
fn make_temp(
    dir: &Path,
    name: &OsStr,
    infix: &str,
    mut make: impl FnMut(&Path) -> io::Result<()>,
) -> io::Result<PathBuf> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut last = io::Error::other("no free temporary name");
    for _ in 0..16 {
        let seed = COUNTER.fetch_add(1, Ordering::Relaxed)
            ^ u64::from(std::process::id()).rotate_left(32)
            ^ std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
        let temp = dir.join(format!(".{}.{infix}{:08x}.tmp", name.to_string_lossy(), mix(seed) as u32));
        match make(&temp) {
            Ok(()) => return Ok(temp),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// SplitMix64's finaliser: spreads a counter over all bits.
fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Puts a copy of `path` at `backup`, atomically: a hard link (or a synced copy) under a temporary name,
/// renamed over the previous backup.
fn keep_backup(fs: &dyn Fs, path: &Path, backup: &Path, dir: &Path, name: &OsStr) -> io::Result<()> {
    let staged = match make_temp(dir, name, "bak.", |staged| fs.hard_link(path, staged)) {
        Ok(staged) => staged,
        Err(_) => {
            let staged = create_temp(fs, dir, name, "bak.")?;
            let copied =
                fs.read(path).and_then(|bytes| fs.append(&staged, &bytes)).and_then(|()| fs.sync_file(&staged));
            if let Err(e) = copied {
                let _ = fs.remove_file(&staged);
                return Err(e);
            }
            staged
        }
    };
    fs.rename(&staged, backup).inspect_err(|_| {
        let _ = fs.remove_file(&staged);
    })
}
