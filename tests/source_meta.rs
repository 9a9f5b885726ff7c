//! A card's source carries the article's outlet, date and address from the page it was read from into
//! the dossier, the saved file and the briefing; the analyst's correction follows it and is undoable; a
//! dossier saved before these fields existed loads with them empty.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may panic on what they did not expect.

use std::path::Path;

use dossier::model::{Article, ArticleMeta, Command, Dossier, DossierCard, Workspace};
use dossier::{export, pipeline, store};

const PAGE: &str = r#"<html><head><title>Border to reopen after talks - The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-05-12T08:30:00Z">
<link rel="canonical" href="https://example.com/world/border-to-reopen">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/video">Video</a></nav><article>
<h1>Border to reopen after talks</h1>
<p>Pakistan's Foreign Minister Ishaq Dar said the crossing would reopen on Monday after talks in Islamabad.</p>
<p>Traders welcomed the decision, saying the closure had cost them millions over three weeks.</p>
</article></body></html>"#;

fn page_article(dir: &Path) -> Article {
    let path = dir.join("border.html");
    std::fs::write(&path, PAGE).expect("write the page");
    pipeline::open_article(&path).expect("the page opens")
}

fn dossier_of(article: &Article) -> Dossier {
    let mut dossier = Dossier::new("PK", "Pakistan");
    let actor = article.analysis.actors.first().expect("an actor card");
    dossier.cards.push(DossierCard::from_actor(article, actor));
    dossier
}

#[test]
fn the_briefing_of_web_page_cards_cites_outlet_title_date_and_address_not_the_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = page_article(dir.path());
    let dossier = dossier_of(&article);
    let source = &dossier.cards[0].source;
    assert_eq!(source.outlet.as_deref(), Some("The Daily Example"));
    assert_eq!(source.published.as_deref(), Some("2024-05-12"));
    assert_eq!(source.url.as_deref(), Some("https://example.com/world/border-to-reopen"));

    let briefing = export::briefing(&dossier, "2024-06-01");
    assert!(
        briefing.contains(
            "The Daily Example, Border to reopen after talks, 2024-05-12, <https://example.com/world/border-to-reopen> (sentence: "
        ),
        "{briefing}"
    );
    assert!(!briefing.contains("border.html"), "no local path: {briefing}");
    assert!(briefing.contains("Sources published on 2024-05-12."), "the date range: {briefing}");
}

#[test]
fn correcting_the_source_updates_the_article_and_its_dossier_cards_and_undoes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = page_article(dir.path());
    let dossier = dossier_of(&article);
    let hash = article.hash.clone();
    let mut workspace = Workspace::default();
    workspace.apply(Command::AddArticles(vec![article])).expect("add");
    workspace.dossiers.push(dossier.into());

    let corrected = ArticleMeta {
        published: Some("2024-05-11".into()),
        authors: vec!["Jane Smith".into()],
        outlet: Some("Daily Example".into()),
        url: Some("https://example.com/b".into()),
    };
    let title = Some("Border reopens".to_owned());
    let undo = workspace
        .apply(Command::EditMeta { article: hash.clone(), title: title.clone(), meta: corrected.clone() })
        .expect("edit");
    let edited = workspace.article(&hash).expect("article");
    assert_eq!((&edited.title, &edited.meta), (&title, &corrected));
    let card = &workspace.dossier("PK").expect("dossier").cards[0];
    assert_eq!(card.source.outlet.as_deref(), Some("Daily Example"));
    assert_eq!(card.source.published.as_deref(), Some("2024-05-11"));
    assert_eq!(card.source.title, title);
    assert!(workspace.dirty.contains("PK"), "the dossier must be saved again");

    workspace.apply(undo).expect("undo");
    let restored = workspace.article(&hash).expect("article");
    assert_eq!(restored.meta.outlet.as_deref(), Some("The Daily Example"));
    assert_eq!(workspace.dossier("PK").expect("dossier").cards[0].source.published.as_deref(), Some("2024-05-12"));
    assert!(workspace.apply(Command::EditMeta { article: "nope".into(), title: None, meta: corrected }).is_err());
}

#[test]
fn a_dossier_saved_without_source_fields_loads_with_them_empty() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dossier = dossier_of(&page_article(dir.path()));
    let text = store::dossier_to_string(&dossier).expect("write");
    // The file as Dossier wrote it before sources had an outlet, a date and an address.
    let old: String = text
        .lines()
        .filter(|l| !["outlet:", "published:", "url:"].iter().any(|f| l.trim_start().starts_with(f)))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(old, text, "the fields were in the file");
    let loaded = store::dossier_from_str(&old, Path::new("old.ron")).expect("an old file loads");
    let source = &loaded.cards[0].source;
    assert_eq!((&source.outlet, &source.published, &source.url), (&None, &None, &None));
    assert_eq!(source.hash, dossier.cards[0].source.hash, "the rest is kept");
}
