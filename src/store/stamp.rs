//! What a file looked like when it was loaded or saved, so that a save can notice that someone else (a
//! sync tool, a colleague, another Dossier window) changed the file in between and refuse to overwrite.

use std::path::Path;
use std::time::SystemTime;

use super::StoreError;

/// The length, modification time and content hash of a file at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStamp {
    /// Length in bytes.
    pub len: u64,
    /// Modification time, where the file system keeps one.
    pub modified: Option<SystemTime>,
    /// FNV-1a 64 hash of the bytes: catches same-length edits within the file system's time resolution.
    pub hash: u64,
}

impl FileStamp {
    /// The stamp of the file at `path` now, or `None` when there is no file (or it cannot be read).
    pub fn of(path: &Path) -> Option<Self> {
        Self::read(path).ok().flatten()
    }

    /// The stamp of the file at `path` now: `Ok(None)` when there is no file, an error when it exists but
    /// cannot be read.
    pub fn read(path: &Path) -> Result<Option<Self>, StoreError> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(StoreError::Io { path: path.to_owned(), source }),
        };
        let modified = std::fs::metadata(path).ok().and_then(|m| m.modified().ok());
        Ok(Some(Self::of_bytes(&bytes, modified)))
    }

    /// The stamp of a file holding `bytes`, modified at `modified`.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Self { len: bytes.len() as u64, modified, hash: fnv1a(bytes) }
    }

    /// Whether both stamps describe the same bytes (the modification time is not compared: a file
    /// rewritten with identical content loses nothing when overwritten).
    pub fn same_content(&self, other: &FileStamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
