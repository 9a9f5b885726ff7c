//! Extraction throughput: the sample article, text written here, and (when present beside the project)
//! the BBC politics corpus of `../shared/corpus/`, which is read, never copied.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SAMPLE: &str = include_str!("../assets/sample-article.txt");

/// A synthetic news text of about 1 MB, built from sentences written for this benchmark.
fn written_text() -> String {
    let sentences = [
        "Kenyan Foreign Minister Jane Holloway said that the talks would resume in March.",
        "“We are ready to sign,” said Prime Minister Tom Okafor on Tuesday.",
        "According to officials in Nairobi, the border will reopen on Monday.",
        "Mr Okafor told reporters the deal was close, but the opposition rejected the plan.",
        "The United Nations called on both sides to exercise restraint.",
        "He warned that delays would be costly for the region and its neighbours.",
    ];
    let mut text = String::new();
    while text.len() < 1_000_000 {
        for s in sentences {
            text.push_str(s);
            text.push(' ');
        }
        text.push('\n');
    }
    text
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(SAMPLE.len() as u64));
    group.bench_function("sample_article", |b| b.iter(|| dossier::extract::extract(black_box(SAMPLE))));
    let written = written_text();
    group.throughput(Throughput::Bytes(written.len() as u64));
    group.sample_size(20);
    group.bench_function("written_1mb", |b| b.iter(|| dossier::extract::extract(black_box(&written))));
    if let Ok(dir) = std::fs::read_dir("../shared/corpus/bbc-politics") {
        let texts: Vec<String> = dir.flatten().filter_map(|e| std::fs::read_to_string(e.path()).ok()).collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("bbc_politics_corpus", |b| {
            b.iter(|| texts.iter().map(|t| dossier::extract::extract(black_box(t)).statements.len()).sum::<usize>())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
