//! The versioned envelope every file is wrapped in, `(format: "dossier", version: 2, data: (…))`, and
//! the two-step reading that makes old and new files fail well: the header (format and version) is read
//! first while the data is skipped unparsed, so a file from a newer Dossier gives "newer version" rather
//! than a confusing parse error deep inside data this build does not understand.

use std::fmt;
use std::marker::PhantomData;
use std::path::Path;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::{FORMAT_VERSION, StoreError};

/// The `format` of a dossier file.
pub(super) const DOSSIER: &str = "dossier";
/// The `format` of a workspace (or recovery) file.
pub(super) const WORKSPACE: &str = "workspace";

/// What every file holds: which kind of file it is, its format version, and the data.
#[derive(Debug, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// `"dossier"` or `"workspace"`.
    pub format: String,
    /// The format version the file was written in (see [`FORMAT_VERSION`]).
    pub version: u32,
    pub data: T,
}

/// The envelope with its data skipped: any valid RON after `data:` is accepted (and unknown fields too).
#[derive(Deserialize)]
#[serde(rename = "Envelope")]
struct Header {
    format: String,
    version: u32,
}

/// The pretty RON text of `data` in the current format version: two-space indent, fields in declaration
/// order, one trailing newline.
pub(super) fn to_string<T: Serialize>(format: &str, data: &T) -> Result<String, StoreError> {
    let envelope = Envelope { format: format.to_owned(), version: FORMAT_VERSION, data };
    let config = ron::ser::PrettyConfig::new().indentor("  ").new_line("\n");
    let mut text = ron::ser::to_string_pretty(&envelope, config).map_err(|e| StoreError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Reads and checks the header of a file's text: the format must be `expected` and the version no newer
/// than this build's. Returns the version.
pub(super) fn read_header(text: &str, path: &Path, expected: &str) -> Result<u32, StoreError> {
    let header: Header = match ron::from_str(text) {
        Ok(header) => header,
        Err(header_error) => {
            return Err(match ron::from_str::<IgnoredAny>(text) {
                // Valid RON, but not an envelope: a RON file of some other program.
                Ok(_) => StoreError::Unrecognized {
                    path: path.to_owned(),
                    line: header_error.span.start.line,
                    column: header_error.span.start.col,
                    expected: expected.to_owned(),
                    message: header_error.code.to_string(),
                },
                Err(syntax_error) => parse_error(path, &syntax_error, "not valid RON (damaged or cut short?): "),
            });
        }
    };
    if header.format != expected {
        return Err(StoreError::WrongKind {
            path: path.to_owned(),
            found: header.format,
            expected: expected.to_owned(),
        });
    }
    if header.version > FORMAT_VERSION {
        return Err(StoreError::FutureVersion { path: path.to_owned(), version: header.version });
    }
    Ok(header.version)
}

/// Parses a file of the current format version in one pass, as this build writes them: `format`, then
/// `version`, then `data`, parsed as `T` straight away. `None` for anything else (another kind of file,
/// another version, other fields or another order, invalid RON): [`read_header`] and [`read_data`] then
/// read it in two steps, which migrate old versions and name what is wrong. A 7 MB dossier of 10,000 cards
/// is parsed once instead of twice.
pub(super) fn read_current<T: DeserializeOwned>(text: &str, expected: &str) -> Option<T> {
    ron::Options::default().from_str_seed(text, CurrentEnvelope { expected, data: PhantomData }).ok()
}

/// Reads an envelope whose header says `expected` and [`FORMAT_VERSION`], and its data as `T`.
struct CurrentEnvelope<'e, T> {
    expected: &'e str,
    data: PhantomData<T>,
}

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for CurrentEnvelope<'_, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_struct("Envelope", &["format", "version", "data"], self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for CurrentEnvelope<'_, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a {} file of format version {FORMAT_VERSION}", self.expected)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        next_field(&mut map, "format")?;
        if map.next_value::<String>()? != self.expected {
            return Err(de::Error::custom("another kind of file"));
        }
        next_field(&mut map, "version")?;
        if map.next_value::<u32>()? != FORMAT_VERSION {
            return Err(de::Error::custom("another format version"));
        }
        next_field(&mut map, "data")?;
        let data = map.next_value::<T>()?;
        match map.next_key::<String>()? {
            None => Ok(data),
            Some(_) => Err(de::Error::custom("more fields than the current envelope")),
        }
    }
}

/// Reads the next field name, which must be `name`.
fn next_field<'de, A: MapAccess<'de>>(map: &mut A, name: &str) -> Result<(), A::Error> {
    match map.next_key::<String>()? {
        Some(key) if key == name => Ok(()),
        _ => Err(de::Error::custom("not the current envelope")),
    }
}

/// Parses the whole envelope with its data as `T` (the shape of the version the header named).
pub(super) fn read_data<T: DeserializeOwned>(text: &str, path: &Path) -> Result<T, StoreError> {
    ron::from_str::<Envelope<T>>(text).map(|envelope| envelope.data).map_err(|e| parse_error(path, &e, ""))
}

/// A parse error at the position ron reports, its message after `context`.
fn parse_error(path: &Path, error: &ron::error::SpannedError, context: &str) -> StoreError {
    StoreError::Parse {
        path: path.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: format!("{context}{}", error.code),
    }
}

/// The 1-based line and column just after `bytes` (columns count characters, as ron's do).
pub(super) fn position_after(bytes: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(bytes);
    let line = 1 + text.matches('\n').count();
    let column = 1 + text.rsplit('\n').next().map_or(0, |last| last.chars().count());
    (line, column)
}
