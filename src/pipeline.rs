//! Files → analysed articles, in parallel: the one route by which the app (dialog, drops, command line)
//! and the `extract` command open articles.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::model::{Article, ArticleMeta, content_hash};
use crate::read::{ReadError, read_article};

/// An article of `text`, analysed as every article is: the extractor's cards, then what world knowledge
/// adds (the countries of parties and offices, where the article is written from).
pub fn analysed(source: String, title: Option<String>, meta: ArticleMeta, text: String) -> Article {
    let mut article = Article {
        source,
        title,
        meta,
        hash: content_hash(&text),
        analysis: crate::extract::extract(&text),
        text,
        rejected: Vec::new(),
    };
    crate::entity::knowledge::apply(&mut article);
    article
}

/// Reads and analyses one file.
pub fn open_article(path: &Path) -> Result<Article, ReadError> {
    let read = read_article(path)?;
    let mut article = analysed(path.to_string_lossy().into_owned(), read.title, read.meta, read.text);
    article.analysis.warnings.splice(0..0, read.warnings);
    Ok(article)
}

/// Reads and analyses many files on all cores, in input order. `done` counts finished files, for a
/// progress bar. One bad file gives one error and never stops the others.
pub fn open_articles<P: AsRef<Path> + Sync>(paths: &[P], done: &AtomicUsize) -> Vec<Result<Article, ReadError>> {
    paths
        .par_iter()
        .map(|path| {
            let result = open_article(path.as_ref());
            done.fetch_add(1, Ordering::Relaxed);
            result
        })
        .collect()
}

/// The path shown for the built-in sample article.
pub const SAMPLE_PATH: &str = "assets/sample-article.txt";

/// The built-in sample article (a news report shipped in `assets/`), analysed.
pub fn sample_article() -> Article {
    let text = include_str!("../assets/sample-article.txt");
    let read = crate::read::parse_bytes(SAMPLE_PATH, text.as_bytes(), crate::read::Format::Text);
    let (title, meta, text) = match read {
        Ok(r) => (r.title, r.meta, r.text),
        Err(_) => (None, ArticleMeta::default(), text.to_owned()),
    };
    let title = title.or_else(|| Some("Sample: Russia offers to mediate between Pakistan and Afghanistan".to_owned()));
    analysed(SAMPLE_PATH.to_owned(), title, meta, text)
}
