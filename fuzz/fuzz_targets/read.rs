//! Fuzzes the reader with arbitrary file contents: decoding (BOMs, UTF-16, legacy encodings, binary
//! sniffing) and markup removal (Markdown, HTML with its nesting limit), then extraction of what it
//! returns. It must return an article or an error naming the file, never panic, and every span of the
//! analysis must lie on the text (common/read_check.rs). The first byte picks the format, as the file's
//! extension would.

#![no_main]

#[path = "common/read_check.rs"]
mod read_check;

use dossier::read::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let format = [Format::Text, Format::Markdown, Format::Html][usize::from(pick % 3)];
    if let Some(read) = read_check::read_and_check(bytes, format) {
        read_check::check_meta(&read);
    }
});
