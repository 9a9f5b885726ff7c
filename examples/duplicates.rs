//! Measures the same-statement test on real articles: every pair of statements from different articles by
//! one speaker entity, with its content-word similarity, as a histogram and (for the pairs over 0.3) as
//! text to read. `cargo run --release --example duplicates -- FILE...`

use std::sync::atomic::AtomicUsize;

use dossier::entity::duplicates::{Repeats, same_statement, similarity};
use dossier::entity::{Overrides, resolve_articles};
use dossier::model::Article;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let mut articles: Vec<Article> =
        dossier::pipeline::open_articles(&paths, &AtomicUsize::new(0)).into_iter().filter_map(Result::ok).collect();
    let start = std::time::Instant::now();
    resolve_articles(&mut articles, Overrides::default());
    let resolved = start.elapsed();
    let start = std::time::Instant::now();
    let refs: Vec<&Article> = articles.iter().collect();
    let repeats = Repeats::of(&refs, |article, actor| article.analysis.actor(actor).and_then(|a| a.entity.clone()));
    let found = start.elapsed();
    // (entity, article index, content) of every statement with a named speaker.
    let mut said: Vec<(String, usize, &str)> = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        for statement in &article.analysis.statements {
            let speaker = statement.speaker.as_deref().and_then(|s| article.analysis.actor(s));
            if let Some(entity) =
                speaker.filter(|s| s.kind != dossier::model::ActorKind::Anonymous).and_then(|s| s.entity.clone())
            {
                said.push((entity, a, &statement.content));
            }
        }
    }
    let mut histogram = [0usize; 11];
    let mut joined = 0;
    let mut pairs = 0;
    for (i, x) in said.iter().enumerate() {
        for y in &said[i + 1..] {
            if x.0 != y.0 || x.1 == y.1 {
                continue;
            }
            pairs += 1;
            let sim = similarity(x.2, y.2);
            histogram[(sim * 10.0).floor() as usize] += 1;
            let same = same_statement(x.2, y.2);
            joined += usize::from(same);
            if sim >= 0.3 {
                println!("{sim:.2} {} | {} | {}", if same { "SAME" } else { "apart" }, x.2, y.2);
            }
        }
    }
    println!(
        "{} articles, {} statements with a named speaker, {pairs} pairs of one entity in two articles",
        articles.len(),
        said.len()
    );
    for (bucket, n) in histogram.iter().enumerate() {
        println!("similarity {:.1}–{:.1}: {n}", bucket as f32 / 10.0, (bucket + 1) as f32 / 10.0);
    }
    println!("joined as the same statement: {joined}");
    println!(
        "entity resolution {:.1} ms; repeated statements across the articles {:.1} ms ({} statements repeat another)",
        resolved.as_secs_f64() * 1000.0,
        found.as_secs_f64() * 1000.0,
        repeats.first_of.len()
    );
}
