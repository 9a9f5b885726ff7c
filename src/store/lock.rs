//! One writer per dossier folder: two Dossier windows on one folder would overwrite each other's saves
//! and recovery files. The first window takes the folder's lock file; a second one is told who holds it
//! and must not write there.
//!
//! The lock is an operating-system lock on `.dossier.lock` (`File::try_lock`: `flock` on Unix,
//! `LockFileEx` on Windows), held as long as the window lives and released by the system when the
//! process ends in any way, so a lock left by a crashed or killed window is stale by construction and is
//! simply taken over (its owner line is reported). The file also holds the owner (process id, host,
//! start time) for the message a second window shows. The file is never deleted: deleting a locked
//! file would let a third window lock a new file of the same name while the second still holds the old.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::StoreError;

/// The lock file inside a dossier folder.
pub const LOCK_FILE: &str = ".dossier.lock";

/// Who holds (or held) a folder's lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockOwner {
    pub pid: u32,
    pub host: String,
    /// When the owner took the lock, in seconds since 1970 (UTC).
    pub started: u64,
}

impl LockOwner {
    /// This process, now.
    pub fn me() -> Self {
        let started = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        Self { pid: std::process::id(), host: host_name(), started }
    }

    /// The text of the lock file: `pid 1234\nhost name\nstarted 1700000000\n`.
    pub fn to_text(&self) -> String {
        format!("pid {}\nhost {}\nstarted {}\n", self.pid, self.host, self.started)
    }

    /// Reads the text of a lock file; `None` when it is empty or not a lock file's text.
    pub fn from_text(text: &str) -> Option<Self> {
        let mut owner = Self { pid: 0, host: String::new(), started: 0 };
        let mut seen = 0;
        for line in text.lines() {
            let (key, value) = line.split_once(' ')?;
            match key {
                "pid" => owner.pid = value.parse().ok()?,
                "host" => owner.host = value.to_owned(),
                "started" => owner.started = value.parse().ok()?,
                _ => continue,
            }
            seen += 1;
        }
        (seen == 3).then_some(owner)
    }

    /// "process 1234 on host-a, since 2026-12-01 21:30 UTC".
    pub fn describe(&self) -> String {
        let days = (self.started / 86_400) as i64;
        let (year, month, day) = civil_from_days(days);
        let seconds = self.started % 86_400;
        format!(
            "process {} on {}, since {year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
            self.pid,
            self.host,
            seconds / 3600,
            seconds / 60 % 60
        )
    }
}

/// What trying to take a folder's lock gave.
#[derive(Debug)]
pub enum Acquired {
    /// This process now holds the lock. `previous` is the owner of a stale lock taken over.
    Owned { lock: FolderLock, previous: Option<LockOwner> },
    /// Another live process holds it (`None` when it has not written its name yet).
    HeldBy(Option<LockOwner>),
}

/// The held lock of a dossier folder; released when dropped (or when the process ends).
#[derive(Debug)]
pub struct FolderLock {
    file: File,
    path: PathBuf,
}

impl FolderLock {
    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        // Clear the owner, then unlock: the next window finds an empty, unlocked file.
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

/// The lock file of the dossier folder `dir`.
pub fn lock_path(dir: &Path) -> PathBuf {
    dir.join(LOCK_FILE)
}

/// Tries to take the lock of the dossier folder `dir` (creating the folder if needed). Never waits.
pub fn acquire(dir: &Path) -> Result<Acquired, StoreError> {
    let path = lock_path(dir);
    let io_error = |source| StoreError::Io { path: path.clone(), source };
    std::fs::create_dir_all(dir).map_err(io_error)?;
    let mut file =
        OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&path).map_err(io_error)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => return Ok(Acquired::HeldBy(read_owner(&mut file))),
        Err(TryLockError::Error(e)) => return Err(io_error(e)),
    }
    let previous = read_owner(&mut file);
    let written = (|| {
        file.set_len(0)?;
        file.seek(SeekFrom::Start(0))?;
        file.write_all(LockOwner::me().to_text().as_bytes())?;
        file.sync_all()
    })();
    written.map_err(io_error)?;
    Ok(Acquired::Owned { lock: FolderLock { file, path }, previous })
}

/// The owner written in a lock file, if any.
fn read_owner(file: &mut File) -> Option<LockOwner> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.take(4096).read_to_string(&mut text).ok()?;
    LockOwner::from_text(&text)
}

/// This machine's name, as far as the environment or the system tells it.
fn host_name() -> String {
    let from_env = ["HOSTNAME", "COMPUTERNAME"].iter().find_map(|v| std::env::var(v).ok());
    let from_file = || std::fs::read_to_string("/etc/hostname").ok();
    from_env
        .or_else(from_file)
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "this computer".into())
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if month <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_text_round_trips_and_reads_as_a_date() {
        let owner = LockOwner { pid: 42, host: "desk-7".into(), started: 1_764_624_600 };
        assert_eq!(LockOwner::from_text(&owner.to_text()), Some(owner.clone()));
        assert_eq!(owner.describe(), "process 42 on desk-7, since 2025-12-01 21:30 UTC");
        assert_eq!(LockOwner::from_text(""), None);
        assert_eq!(LockOwner::from_text("pid x\n"), None);
    }
}
