//! Fuzzes the web-page reader: main-text extraction (Readability with our cleaning, the flattened-page
//! path) and the metadata found in meta tags, JSON-LD, Open Graph, the byline and the dateline.
//! Each input is the whole file; the checks are in common/read_check.rs.

#![no_main]

#[path = "common/read_check.rs"]
mod read_check;

use dossier::read::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(read) = read_check::read_and_check(data, Format::Html) {
        read_check::check_meta(&read);
    }
});
