//! A dossier of 10,000 cards made from real extraction output: saved and loaded as RON through
//! `dossier::store` (the functions the app's save and startup call, on a real file in a temporary
//! folder, fsync and backup included), and exported as a Markdown briefing through `dossier::export`.
//! Targets: save and load each under 100 ms, export under 50 ms.

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dossier::store;

const CARDS: usize = 10_000;

fn bench(c: &mut Criterion) {
    let dossier = support::realistic_dossier(CARDS);
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("dossier_io: cannot create a temporary folder");
        return;
    };
    let path = dir.path().join(dossier.file_name());
    let Ok(mut stamp) = store::save_dossier_checked(&path, &dossier, None) else {
        eprintln!("dossier_io: cannot save to {}", path.display());
        return;
    };
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "dossier_io: {} cards, {:.1} MiB of RON at {}",
        dossier.cards.len(),
        bytes as f64 / 1048576.0,
        path.display()
    );

    let mut group = c.benchmark_group("dossier_10k");
    group.sample_size(20);
    // What the app's Save does: a checked, atomic save over the file it saved before.
    group.bench_function("save", |b| {
        b.iter(|| match store::save_dossier_checked(&path, black_box(&dossier), Some(&stamp)) {
            Ok(new) => stamp = new,
            Err(e) => panic!("save failed: {e}"),
        })
    });
    // What the app's startup does for each dossier file.
    group.bench_function("load", |b| {
        b.iter(|| match store::load_dossier_stamped(black_box(&path)) {
            Ok((loaded, _)) => loaded.cards.len(),
            Err(e) => panic!("load failed: {e}"),
        })
    });
    group.bench_function("export_markdown", |b| {
        b.iter(|| dossier::export::briefing(black_box(&dossier), "2026-01-01").len())
    });
    // The parts without the file system, to tell serialization from IO.
    group
        .bench_function("to_ron_string", |b| b.iter(|| store::dossier_to_string(black_box(&dossier)).map(|t| t.len())));
    let text = store::dossier_to_string(&dossier).unwrap_or_default();
    group.bench_function("from_ron_str", |b| {
        b.iter(|| store::dossier_from_str(black_box(&text), &path).map(|d| d.cards.len()))
    });
    // The file system's share of a save: the atomic write (temp file, fsync, backup link, rename, folder
    // fsync) and reading back the stamp of the file on disk.
    let other = dir.path().join("written.ron");
    group.bench_function("write_atomic", |b| b.iter(|| store::write_atomic(&other, black_box(&text))));
    group.bench_function("file_stamp", |b| {
        b.iter(|| store::FileStamp::read(black_box(&path)).map(|s| s.map(|s| s.len)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
