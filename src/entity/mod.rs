//! One actor across articles: knowledge outside the text (parties, offices, where an article is written
//! from) fills the countries the text leaves open, and entity resolution joins the actors of many articles
//! that are the same real-world actor.

pub mod duplicates;
pub mod knowledge;
pub mod resolve;

pub use knowledge::{Home, Knowledge, knowledge};
pub use resolve::{Entity, Overrides, Resolver, given_names_agree, normalise};

use crate::model::Article;

/// Resolves the actors of `articles` into entities (in order, so the ids are the same for the same input),
/// writes each actor's `entity`, and gives actors without a country their entity's country from another
/// article. Returns the resolver, to add more articles later.
pub fn resolve_articles(articles: &mut [Article], overrides: Overrides) -> Resolver {
    let mut refs: Vec<&mut Article> = articles.iter_mut().collect();
    resolve_refs(&mut refs, overrides)
}

/// [`resolve_articles`] over articles held elsewhere (the `extract` command's results).
pub fn resolve_refs(articles: &mut [&mut Article], overrides: Overrides) -> Resolver {
    let mut resolver = Resolver::new(overrides);
    for article in articles.iter_mut() {
        resolver.add_article(article);
    }
    for article in articles.iter_mut() {
        resolver.fill_countries(article);
    }
    resolver
}
