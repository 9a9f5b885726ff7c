//! Opening many articles the way the app does (`pipeline::open_articles`: read, decode, extract, on all
//! cores with rayon): the 417 BBC politics articles of `../shared/corpus/bbc-politics` when present (read
//! where they are, never copied), else 417 written reports in a temporary folder. Target: all 417 opened
//! and extracted in under 1 second of wall time on the 2-core machine.

mod support;

use std::path::PathBuf;
use std::sync::atomic::AtomicUsize;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The files to open, and the temporary folder holding them when the corpus is absent.
fn files() -> (Vec<PathBuf>, Option<tempfile::TempDir>) {
    if let Some(paths) = support::corpus_paths() {
        println!("open_corpus: {} files of {}", paths.len(), support::CORPUS_DIR);
        return (paths, None);
    }
    let Ok(dir) = tempfile::tempdir() else {
        return (Vec::new(), None);
    };
    let paths: Vec<PathBuf> = (0..417)
        .filter_map(|i| {
            let path = dir.path().join(format!("{i:03}.txt"));
            std::fs::write(&path, support::written_article_text(i, 6)).ok().map(|_| path)
        })
        .collect();
    println!("open_corpus: corpus absent; {} written files in {}", paths.len(), dir.path().display());
    (paths, Some(dir))
}

fn bench(c: &mut Criterion) {
    let (paths, _dir) = files();
    let bytes: u64 = paths.iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum();

    // The very first call, as the app's first open pays it (rayon's thread pool starts here).
    let done = AtomicUsize::new(0);
    let start = Instant::now();
    let opened = dossier::pipeline::open_articles(&paths, &done);
    let first = start.elapsed();
    let ok: Vec<_> = opened.iter().filter_map(|r| r.as_ref().ok()).collect();
    let cards: usize = ok.iter().map(|a| a.analysis.actors.len() + a.analysis.statements.len()).sum();
    println!(
        "open_corpus: first call {:.1} ms wall for {} files ({} opened, {cards} cards, {:.2} MiB) on {} threads",
        first.as_secs_f64() * 1000.0,
        paths.len(),
        ok.len(),
        bytes as f64 / 1048576.0,
        rayon::current_num_threads(),
    );

    let mut group = c.benchmark_group("open_articles");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function(format!("{}_files", paths.len()), |b| {
        b.iter(|| {
            let done = AtomicUsize::new(0);
            dossier::pipeline::open_articles(&paths, &done).len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
