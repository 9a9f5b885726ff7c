//! Fuzzes the single-file page reader (`.mhtml`/`.mht`): MIME parts, quoted-printable and base64
//! bodies, charsets, then the page inside.
//! Each input is the whole file; the checks are in common/read_check.rs.

#![no_main]

#[path = "common/read_check.rs"]
mod read_check;

use dossier::read::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(read) = read_check::read_and_check(data, Format::Mhtml) {
        read_check::check_meta(&read);
    }
});
