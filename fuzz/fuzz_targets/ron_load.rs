//! Fuzzes the store's dossier parser with arbitrary bytes: it must return a dossier or an error, never
//! panic, and whatever it accepts must save and load again to the same text.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = Path::new("fuzz.ron");
    let Ok(dossier) = dossier::store::dossier_from_str(text, path) else { return };
    // Compared as text, not as values: NaN confidences are not equal to themselves.
    let saved = dossier::store::dossier_to_string(&dossier).unwrap_or_else(|e| panic!("loaded but cannot save: {e}"));
    let reloaded =
        dossier::store::dossier_from_str(&saved, path).unwrap_or_else(|e| panic!("saved text does not load: {e}"));
    let resaved = dossier::store::dossier_to_string(&reloaded).unwrap_or_else(|e| panic!("cannot save again: {e}"));
    assert_eq!(saved, resaved, "a save/load round trip changed the dossier");
});
