//! Entities in the app: under *All articles* the Actors list shows one card per entity, and the analyst
//! merges two entities (undoably) with "Same as".

mod ui_support;

use anyhow::ensure;
use dossier::model::{Actor, ActorKind, Analysis, Article, Span, Statement, content_hash};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ui_support::{click_card, harness};

type App = dossier::ui::App;

/// An article in which one person (named `name`) says something.
fn article(name: &str, text: &str) -> Article {
    let at = text.find(name).unwrap_or(0);
    let said = text.find("said").unwrap_or(0);
    let actor = Actor {
        id: "a1".into(),
        name: name.into(),
        kind: ActorKind::Person,
        role: None,
        country: Some("GB".into()),
        country_evidence: None,
        mentions: vec![Span::new(at, at + name.len())],
        confidence: 0.9,
        entity: None,
        rule: String::new(),
    };
    let statement = Statement {
        id: "s1".into(),
        speaker: Some("a1".into()),
        speaker_span: Some(Span::new(at, at + name.len())),
        cue: "said".into(),
        cue_span: Some(Span::new(said, said + 4)),
        content: text[said + 5..].trim_end().into(),
        content_span: Span::new(said + 5, text.trim_end().len()),
        direct: false,
        confidence: 0.8,
        about: Vec::new(),
        sentence_span: Span::new(0, text.trim_end().len()),
        rule: String::new(),
    };
    Article {
        source: format!("{}.txt", content_hash(text)),
        title: Some(text[..20].to_owned()),
        meta: Default::default(),
        hash: content_hash(text),
        text: text.to_owned(),
        analysis: Analysis {
            countries: vec!["GB".into()],
            actors: vec![actor],
            statements: vec![statement],
            warnings: Vec::new(),
        },
        rejected: Vec::new(),
    }
}

fn rows(harness: &Harness<'static, App>, text: &str) -> usize {
    harness.query_all_by(|n| n.role() == egui::Role::Button && n.label().is_some_and(|l| l.contains(text))).count()
}

/// Closes the built-in sample article (opened on a first start), then lists the actors of all articles.
fn all_actors(harness: &mut Harness<'static, App>) {
    harness.get_by_label_contains("Sample:").click();
    harness.run();
    harness.get_by_label("Close article").click();
    harness.run();
    harness.get_by_label("Actors").click();
    harness.run();
    harness.get_by_label("All articles").click();
    harness.run();
}

#[test]
fn two_articles_naming_the_same_person_give_one_entity_card() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = harness(dir.path(), Vec::new());
    harness.state_mut().add_articles(vec![
        article("Michael Howard", "Michael Howard said taxes would fall.\n"),
        article("Michael Howard", "On Monday Michael Howard said the plan was wrong.\n"),
    ]);
    harness.run();
    all_actors(&mut harness);
    ensure!(
        rows(&harness, "Michael Howard:") == 1,
        "one card for the entity, got {}",
        rows(&harness, "Michael Howard:")
    );
    let labels: Vec<String> = harness
        .query_all_by(|n| n.role() == egui::Role::Button)
        .filter_map(|n| {
            use egui_kittest::kittest::NodeT as _;
            n.accesskit_node().label()
        })
        .collect();
    ensure!(rows(&harness, "2 articles · 2 statements") == 1, "the card counts both articles: {labels:?}");
    Ok(())
}

#[test]
fn merging_two_entities_and_undoing_it() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = harness(dir.path(), Vec::new());
    harness.state_mut().add_articles(vec![
        article("Michael Howard", "Michael Howard said taxes would fall.\n"),
        article("the Tory leader", "Yesterday the Tory leader said the plan was wrong.\n"),
    ]);
    harness.run();
    all_actors(&mut harness);
    let labels: Vec<String> = harness
        .query_all_by(|n| n.role() == egui::Role::Button)
        .filter_map(|n| {
            use egui_kittest::kittest::NodeT as _;
            n.accesskit_node().label()
        })
        .collect();
    ensure!(
        rows(&harness, "Michael Howard:") == 1 && rows(&harness, "the Tory leader:") == 1,
        "two entities at first: {labels:?}"
    );

    click_card(&mut harness, "the Tory leader:");
    harness.get_by_label("Same as").click();
    harness.run();
    harness.get_by(|n| n.label().is_some_and(|l| l.starts_with("Michael Howard ("))).click();
    harness.run();
    ensure!(rows(&harness, "the Tory leader:") == 0, "merged into Michael Howard");
    ensure!(rows(&harness, "2 articles") == 1, "one entity in two articles");
    let aliases = &harness.state().workspace().entities.aliases;
    ensure!(aliases.len() == 1 && aliases[0].same_as == "Michael Howard", "remembered: {aliases:?}");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    ensure!(rows(&harness, "the Tory leader:") == 1 && rows(&harness, "Michael Howard:") == 1, "undone");
    ensure!(harness.state().workspace().entities.aliases.is_empty());
    Ok(())
}
