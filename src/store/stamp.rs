//! What a file looked like when it was loaded or saved, so that a save can notice that someone else (a
//! sync tool, a colleague, another Dossier window) changed the file in between and refuse to overwrite.

use std::path::Path;
use std::time::SystemTime;

use super::StoreError;
use super::fs::{Fs, StdFs};

/// The length, modification time and content hash of a file at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStamp {
    /// Length in bytes.
    pub len: u64,
    /// Modification time, where the file system keeps one.
    pub modified: Option<SystemTime>,
    /// A 64-bit hash of the bytes ([`content_hash`]): catches same-length edits within the file system's
    /// time resolution. Only compared within one run of the app, never stored.
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
        Self::read_with(&StdFs, path)
    }

    /// [`FileStamp::read`] through the file system `fs`.
    pub fn read_with(fs: &dyn Fs, path: &Path) -> Result<Option<Self>, StoreError> {
        let bytes = match fs.read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(StoreError::Io { path: path.to_owned(), source }),
        };
        Ok(Some(Self::of_bytes(&bytes, fs.modified(path))))
    }

    /// The stamp of a file holding `bytes`, modified at `modified`.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Self { len: bytes.len() as u64, modified, hash: content_hash(bytes) }
    }

    /// Whether both stamps describe the same bytes (the modification time is not compared: a file
    /// rewritten with identical content loses nothing when overwritten).
    pub fn same_content(&self, other: &FileStamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// FNV-1a over 8-byte words (then the last bytes one by one): eight times faster than byte-wise FNV-1a on
/// multi-megabyte dossiers, and every change confined to one word still changes the hash (each step is a
/// bijection of the state).
fn content_hash(bytes: &[u8]) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut buffer = [0; 8];
        buffer.copy_from_slice(word);
        hash = (hash ^ u64::from_le_bytes(buffer)).wrapping_mul(PRIME);
    }
    for byte in words.remainder() {
        hash = (hash ^ u64::from(*byte)).wrapping_mul(PRIME);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::content_hash;

    #[test]
    fn one_changed_byte_changes_the_hash() {
        let text = b"(format: \"dossier\", version: 2, data: (country: \"PK\"))\n".to_vec();
        let base = content_hash(&text);
        for at in 0..text.len() {
            let mut changed = text.clone();
            changed[at] ^= 0x20;
            assert_ne!(content_hash(&changed), base, "byte {at}");
        }
        assert_ne!(content_hash(&text[..text.len() - 1]), base);
    }
}
