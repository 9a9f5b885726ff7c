//! Atomic saves: a file on disk is always either the complete old version or the complete new one, even
//! when the program is killed or the disk fills up mid-save, and the previous version is kept as a backup.
//!
//! The steps: write a temporary file in the same folder (so the rename cannot cross file systems), flush
//! and fsync it, keep the old file as `<name>.bak` (a hard link, or a copy where links are not
//! supported), rename the temporary file over the old one, then fsync the folder so the rename itself
//! survives a power cut. Any failure before the rename leaves the old file untouched; the temporary file
//! is removed when it is dropped.

use std::ffi::OsStr;
use std::fs::{File, Metadata};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::StoreError;

/// The backup of the previous version of `path`: `pakistan.ron` → `pakistan.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// Writes `text` to `path` atomically (creating the folder if needed), keeping the file it replaces as
/// [`backup_path`]`(path)`. On error the old file, if any, is unchanged.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), StoreError> {
    let io_error = |source| StoreError::Io { path: path.to_owned(), source };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| io_error(io::Error::other("not a file path")))?.to_owned();
    std::fs::create_dir_all(dir).map_err(io_error)?;
    let old = match std::fs::metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_error(e)),
    };
    let prefix = temp_prefix(&name, "");
    let mut temp = temp_builder(&prefix).tempfile_in(dir).map_err(io_error)?;
    temp.write_all(text.as_bytes()).map_err(io_error)?;
    temp.flush().map_err(io_error)?;
    if let Some(old) = &old {
        temp.as_file().set_permissions(old.permissions()).map_err(io_error)?;
    }
    temp.as_file().sync_all().map_err(io_error)?;
    if old.as_ref().is_some_and(Metadata::is_file) {
        let backup = backup_path(path);
        keep_backup(path, &backup, dir, &name).map_err(|source| StoreError::Io { path: backup, source })?;
    }
    temp.persist(path).map_err(|e| io_error(e.error))?;
    sync_dir(dir).map_err(|source| StoreError::Io { path: dir.to_owned(), source })
}

/// The prefix of hidden temporary files named after the file they stand in for:
/// `.pakistan.ron.<random>.tmp`, so a left-over one (after a kill) says where it came from.
fn temp_prefix(name: &OsStr, infix: &str) -> String {
    format!(".{}.{infix}", name.to_string_lossy())
}

/// A builder for temporary files with `prefix`.
fn temp_builder(prefix: &str) -> tempfile::Builder<'_, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        // New files get the usual 0666 & !umask rather than tempfile's 0600.
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}

/// Puts a copy of `path` at `backup`, atomically: a hard link (or a synced copy) under a temporary name,
/// renamed over the previous backup.
fn keep_backup(path: &Path, backup: &Path, dir: &Path, name: &OsStr) -> io::Result<()> {
    let prefix = temp_prefix(name, "bak.");
    let builder = temp_builder(&prefix);
    match builder.make_in(dir, |staged| std::fs::hard_link(path, staged)) {
        Ok(linked) => linked.persist(backup).map(|_| ()).map_err(|e| e.error),
        Err(_) => {
            let mut copy = builder.tempfile_in(dir)?;
            io::copy(&mut File::open(path)?, &mut copy)?;
            copy.as_file().sync_all()?;
            copy.persist(backup).map(|_| ()).map_err(|e| e.error)
        }
    }
}

/// Makes the renames in `dir` durable. File systems that cannot sync a folder are not an error.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        let result = File::open(dir).and_then(|d| d.sync_all());
        if let Err(e) = result
            && !matches!(e.kind(), io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported)
        {
            return Err(e);
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
