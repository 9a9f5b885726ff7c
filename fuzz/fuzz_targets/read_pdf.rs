//! Fuzzes the PDF reader: pdf-extract behind our limits (object bombs, panics caught), columns,
//! running headers and page numbers.
//! Each input is the whole file; the checks are in common/read_check.rs.

#![no_main]

#[path = "common/read_check.rs"]
mod read_check;

use dossier::read::Format;
use libfuzzer_sys::fuzz_target;

// pdf-extract panics on some malformed files; the reader catches those panics (`catch_unwind`) and
// reports the file as unreadable. libFuzzer's hook would abort on the caught panic, so the target puts
// the standard hook back: a panic that escapes the reader still aborts (libfuzzer-sys does that).
fuzz_target!(init: drop(std::panic::take_hook()), |data: &[u8]| {
    if let Some(read) = read_check::read_and_check(data, Format::Pdf) {
        read_check::check_meta(&read);
    }
});
