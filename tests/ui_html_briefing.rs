//! The HTML briefing: one self-contained file (its stylesheet inside, a print stylesheet, no outside
//! resources), footnotes that link to the sources, article text escaped; exported from the app by name.

mod ui_support;

use anyhow::{Context as _, ensure};
use dossier::model::{ActorKind, Dossier, DossierCard, Section, SourceRef};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use ui_support::{DAR_SAYS, add_to_dossier, with_border_article};

const HOSTILE: &str = "</li><script>alert(1)</script> <img src=x onerror=alert(2)> \"quoted\" & 'single'";

fn hostile_dossier() -> Dossier {
    let source = SourceRef {
        title: Some(HOSTILE.into()),
        path: "news/<evil>.html".into(),
        sentence: HOSTILE.into(),
        url: Some("javascript:alert(3)".into()),
        ..SourceRef::default()
    };
    let mut dossier = Dossier::new("PK", "Pakistan");
    dossier.notes = "<b>notes</b> stay text".into();
    dossier.cards = vec![DossierCard {
        id: "h/s1".into(),
        section: Section::StatementsAbout,
        name: HOSTILE.into(),
        kind: ActorKind::Person,
        role: Some(HOSTILE.into()),
        country: Some("IN".into()),
        country_evidence: None,
        cue: Some("said".into()),
        content: Some(HOSTILE.into()),
        direct: true,
        about: vec!["PK".into()],
        confidence: 0.9,
        source,
        entity: None,
        also: Vec::new(),
    }];
    dossier
}

#[test]
fn article_text_cannot_become_html() {
    let html = dossier::export::briefing_html(&hostile_dossier(), "2024-05-01");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(!html.contains("javascript:"), "only http(s) addresses become links: {html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    assert!(html.contains("&lt;b&gt;notes&lt;/b&gt; stay text"), "{html}");
    // Every tag opened is one of ours.
    let ours = [
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "h1", "p", "h2", "ul", "li", "h3", "span", "sup",
        "a", "ol", "div", "table", "thead", "tbody", "tr", "th", "td", "code",
    ];
    for tag in html.split('<').skip(1).map(|t| t.trim_start_matches('/')) {
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '!').collect();
        assert!(ours.contains(&name.as_str()), "unexpected tag {name:?} in {html}");
    }
}

#[test]
fn the_html_briefing_stands_alone_and_prints() {
    let html = dossier::export::briefing_html(&hostile_dossier(), "2024-05-01");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@media print"), "a print stylesheet");
    assert!(!html.contains("src=\"") && !html.contains("<link"), "nothing loaded from outside: {html}");
    assert!(html.contains("<sup><a href=\"#fn1\">1</a></sup>"), "a footnote reference");
    assert!(html.contains("<li id=\"fn1\">"), "and its note");
}

#[test]
fn an_html_briefing_is_exported_by_name_with_links_to_its_sources() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    add_to_dossier(&mut harness, DAR_SAYS, "PK");
    let path = dir.path().join("pakistan.html");
    harness.state_mut().answer_next_save_dialog(path.clone());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    harness.get_by_role_and_label(egui::Role::TextInput, "Command").type_text("html");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let html = std::fs::read_to_string(&path).context("the HTML briefing was written")?;
    let dossier = harness.state().workspace().dossier("PK").context("no PK dossier")?;
    ensure!(html.contains(DAR_SAYS) && html.contains("Ishaq Dar"));
    ensure!(html.contains(&dossier.cards[0].name));
    // The footnote links to the file by its absolute path, so the link works wherever the page is saved.
    let absolute = std::path::absolute("border-talks.txt")?;
    let href = format!("<a href=\"file://{}\">Border talks</a>", absolute.display());
    ensure!(html.contains(&href), "the footnote links to the file: {html}");
    Ok(())
}
