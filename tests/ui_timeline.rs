//! A dossier built from three dated articles: key actors once per entity, statements by speaker and on a
//! timeline by date, and the same quote in two articles as one card with two sources, which the exported
//! briefing cites both of.

mod ui_support;

use anyhow::{Context as _, ensure};
use dossier::model::{Actor, ActorKind, Analysis, Article, ArticleMeta, Span, Statement, content_hash};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ui_support::{click_card, country, harness};

type App = dossier::ui::App;

/// An article of `outlet` dated `date` in which each `(name, content)` says its content, in a sentence of
/// its own: "<name> said <content>."
fn article(outlet: &str, date: &str, said: &[(&str, &str)]) -> Article {
    let mut text = String::new();
    let mut actors: Vec<Actor> = Vec::new();
    let mut statements = Vec::new();
    for (name, content) in said {
        let start = text.len();
        text.push_str(&format!("{name} said {content}.\n"));
        let name_span = Span::new(start, start + name.len());
        let cue = start + name.len() + 1;
        let content_span = Span::new(cue + 5, cue + 5 + content.len());
        let speaker = match actors.iter().find(|a| a.name == *name) {
            Some(actor) => actor.id.clone(),
            None => {
                let id = format!("a{}", actors.len() + 1);
                actors.push(Actor {
                    id: id.clone(),
                    name: (*name).to_owned(),
                    kind: ActorKind::Person,
                    role: None,
                    country: Some("GB".into()),
                    country_evidence: None,
                    mentions: vec![name_span],
                    confidence: 0.9,
                    entity: None,
                    rule: String::new(),
                });
                id
            }
        };
        statements.push(Statement {
            id: format!("s{}", statements.len() + 1),
            speaker: Some(speaker),
            speaker_span: Some(name_span),
            cue: "said".into(),
            cue_span: Some(Span::new(cue, cue + 4)),
            content: (*content).to_owned(),
            content_span,
            direct: true,
            confidence: 0.8,
            about: vec!["GB".into()],
            sentence_span: Span::new(start, text.len() - 1),
            rule: String::new(),
        });
    }
    Article {
        source: format!("{}.txt", outlet.to_lowercase()),
        title: Some(format!("{outlet} report")),
        meta: ArticleMeta {
            published: Some(date.to_owned()),
            outlet: Some(outlet.to_owned()),
            ..ArticleMeta::default()
        },
        hash: content_hash(&text),
        text,
        analysis: Analysis { countries: vec!["GB".into()], actors, statements, warnings: Vec::new() },
        rejected: Vec::new(),
    }
}

const BORDER: &str = "the border will stay closed until the election";
/// The same statement as another outlet words it.
const BORDER_REWORDED: &str = "the border would stay closed until the election";
const TALKS: &str = "the talks had failed";
const HARBOUR: &str = "the harbour would reopen in June";

/// Three articles, opened out of date order: BBC and Reuters (12 May) report the same quote of Anna Berg;
/// the Courier (3 May) has another statement of hers and one of Paul Meyer.
fn three_articles() -> Vec<Article> {
    vec![
        article("BBC", "2024-05-12", &[("Anna Berg", BORDER)]),
        article("Reuters", "2024-05-12", &[("Anna Berg", BORDER_REWORDED)]),
        article("Courier", "2024-05-03", &[("Anna Berg", TALKS), ("Paul Meyer", HARBOUR)]),
    ]
}

/// The labels of the buttons whose label holds `text`, top to bottom.
fn buttons(harness: &Harness<'static, App>, text: &str) -> Vec<String> {
    let mut found: Vec<(f32, String)> = harness
        .query_all_by(|n| n.role() == egui::Role::Button && n.label().is_some_and(|l| l.contains(text)))
        .map(|n| {
            use egui_kittest::kittest::NodeT as _;
            (n.rect().min.y, n.accesskit_node().label().unwrap_or_default())
        })
        .collect();
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    found.into_iter().map(|(_, label)| label).collect()
}

/// Closes the built-in sample article (opened on a first start), then lists the cards of all articles
/// on `tab` ("Actors" or "Statements").
fn all_articles(harness: &mut Harness<'static, App>, tab: &str) {
    harness.get_by_label_contains("Sample:").click();
    harness.run();
    harness.get_by_label("Close article").click();
    harness.run();
    harness.get_by_label(tab).click();
    harness.run();
    harness.get_by_label("All articles").click();
    harness.run();
}

/// Selects the card-list row holding `text` and adds it to the United Kingdom's dossier.
fn add(harness: &mut Harness<'static, App>, text: &str) {
    click_card(harness, text);
    harness.get_by_label(&format!("Add to {}", country("GB"))).click();
    harness.run();
}

#[test]
fn the_same_quote_in_two_articles_is_one_card_with_two_sources_cited_in_the_briefing() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = harness(dir.path(), Vec::new());
    harness.state_mut().add_articles(three_articles());
    harness.run();
    all_articles(&mut harness, "Statements");

    let rows = buttons(&harness, "the border w");
    ensure!(rows.len() == 1, "one row for the quote in two articles: {rows:?}");
    ensure!(rows[0].contains("2 articles"), "the row says so: {rows:?}");
    add(&mut harness, "the border w");

    let dossier = harness.state().workspace().dossier("GB").context("no United Kingdom dossier")?;
    ensure!(dossier.cards.len() == 1, "one card: {:?}", dossier.cards);
    let outlets: Vec<&str> = dossier.cards[0].sources().filter_map(|s| s.outlet.as_deref()).collect();
    ensure!(outlets == ["BBC", "Reuters"], "with both sources: {outlets:?}");
    ensure!(dossier.cards[0].entity.as_deref() == Some("Anna Berg"), "and its speaker's entity");

    harness.get_by_label("Export to dossier folder").click();
    harness.run();
    let dossier = harness.state().workspace().dossier("GB").context("no United Kingdom dossier")?;
    let slug = dossier.file_name().trim_end_matches(".ron").to_owned();
    let briefing = std::fs::read_to_string(dir.path().join(format!("{slug}-briefing.md")))?;
    ensure!(
        briefing.contains("[^1][^2] (reported by BBC, 12 May 2024; Reuters, 12 May 2024)"),
        "the statement cites both: {briefing}"
    );
    ensure!(
        briefing.contains("[^1]: BBC, BBC report, 2024-05-12") && briefing.contains("[^2]: Reuters, Reuters report"),
        "a footnote for each: {briefing}"
    );
    let html = dossier::export::briefing_html(dossier, "2024-06-01");
    ensure!(html.contains("(reported by BBC, 12 May 2024; Reuters, 12 May 2024)"), "and the HTML one: {html}");
    Ok(())
}

#[test]
fn a_dossier_from_three_articles_lists_each_key_actor_once_and_statements_by_date() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = harness(dir.path(), Vec::new());
    harness.state_mut().add_articles(three_articles());
    harness.run();
    all_articles(&mut harness, "Statements");
    // In the analyst's order: the newest first.
    for text in ["the border w", TALKS, HARBOUR] {
        add(&mut harness, text);
    }
    // Anna Berg from each article she appears in, then Paul Meyer: the per-article actor cards.
    harness.get_by_label("All articles").click();
    harness.run();
    harness.get_by_label("Actors").click();
    harness.run();
    for outlet in ["BBC", "Reuters", "Courier"] {
        harness.get_by_label_contains(&format!("{outlet} report")).click();
        harness.run();
        add(&mut harness, "Anna Berg:");
    }
    add(&mut harness, "Paul Meyer:");

    let dossier = harness.state().workspace().dossier("GB").context("no United Kingdom dossier")?.clone();
    let actors: Vec<&str> = dossier.cards.iter().filter(|c| !c.is_statement()).map(|c| c.name.as_str()).collect();
    ensure!(actors == ["Anna Berg", "Paul Meyer"], "one key actor card per entity: {actors:?}");

    let listed = buttons(&harness, "Anna Berg (person");
    ensure!(listed.len() == 1, "Anna Berg is listed once: {listed:?}");
    ensure!(listed[0].contains("3 articles"), "with the articles she appears in: {listed:?}");

    // By speaker (the default): each speaker's heading once, her statements under it.
    let headings = harness.query_all_by_label_contains("Anna Berg (United Kingdom)").count();
    ensure!(headings == 1, "one heading for Anna Berg's statements, got {headings}");
    let under = format!("said: “{TALKS}”");
    ensure!(buttons(&harness, &under).contains(&under), "her statement under it, without her name again");

    harness.get_by_label("Timeline").click();
    harness.run();
    let timeline = buttons(&harness, "2024 · ");
    let expected = [
        format!("3 May 2024 · Anna Berg said: “{TALKS}”"),
        format!("3 May 2024 · Paul Meyer said: “{HARBOUR}”"),
        format!("12 May 2024 · Anna Berg said: “{BORDER}”"),
    ];
    ensure!(timeline == expected, "the statements by date: {timeline:?}");

    let briefing = dossier::export::briefing(&dossier, "2024-06-01");
    let anna = briefing.find("### Anna Berg").context("Anna Berg's statements")?;
    let (talks, border) = (briefing.find(TALKS).context("talks")?, briefing.find(BORDER).context("border")?);
    ensure!(anna < talks && talks < border, "her statements oldest first: {briefing}");
    ensure!(briefing.contains("- 3 May 2024 — **said**"), "with dates: {briefing}");
    ensure!(briefing.matches("| Anna Berg").count() == 1, "a key actor once: {briefing}");
    Ok(())
}
