//! Entity resolution across articles: 500 analysed articles resolved at once (target < 100 ms), and one more
//! article added to a resolver that already holds 500 (target < 5 ms). The articles are the BBC politics
//! corpus of `../shared/corpus/bbc-politics` when present (read where they are, never copied; cycled to 500),
//! else written reports.

mod support;

use std::sync::atomic::AtomicUsize;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use dossier::entity::{Overrides, Resolver, resolve_articles};
use dossier::model::Article;

fn articles() -> Vec<Article> {
    let opened: Vec<Article> = match support::corpus_paths() {
        Some(paths) => {
            let done = AtomicUsize::new(0);
            dossier::pipeline::open_articles(&paths, &done).into_iter().flatten().collect()
        }
        None => (0..100).map(|i| support::written_article(i, 6)).collect(),
    };
    // Cycle to 501 articles, each with its own hash (the resolver tells articles apart by hash).
    (0..501)
        .filter_map(|i| {
            let mut article = opened.get(i % opened.len().max(1))?.clone();
            article.hash = format!("{}-{i}", article.hash);
            Some(article)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let all = articles();
    let (five_hundred, one_more) = all.split_at(all.len().saturating_sub(1));
    println!(
        "entity: {} articles, {} actors",
        five_hundred.len(),
        five_hundred.iter().map(|a| a.analysis.actors.len()).sum::<usize>()
    );
    c.bench_function("resolve 500 articles", |b| {
        b.iter_batched(
            || five_hundred.to_vec(),
            // The articles go back out, so dropping them is not timed.
            |mut articles| {
                let resolver = resolve_articles(&mut articles, Overrides::default());
                (articles, resolver)
            },
            BatchSize::LargeInput,
        );
    });
    let mut held = five_hundred.to_vec();
    let resolver: Resolver = resolve_articles(&mut held, Overrides::default());
    c.bench_function("add one article to 500", |b| {
        b.iter_batched(
            || (resolver.clone(), one_more.to_vec()),
            |(mut resolver, mut more)| {
                for article in &mut more {
                    resolver.add_article(article);
                    resolver.fill_countries(article);
                }
                (resolver, more)
            },
            BatchSize::LargeInput,
        );
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
