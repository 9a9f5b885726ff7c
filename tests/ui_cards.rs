//! Working with cards: reject and restore, edit in place, merge actors, filter, the reader's highlights,
//! and arranging a dossier (order, removal, notes), each change undoable.

mod ui_support;

use anyhow::{Context as _, ensure};
use dossier::model::{CardRef, Section, Span, content_hash};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ui_support::{DAR_SAYS, OFFICIALS_SAY, border_article, click_card, country, harness, shows, with_border_article};

type App = dossier::ui::App;

fn card_rows(harness: &Harness<'static, App>, text: &str) -> usize {
    harness.query_all_by(|n| n.role() == egui::Role::Button && n.label().is_some_and(|l| l.contains(text))).count()
}

fn undo_from_menu(harness: &mut Harness<'static, App>) {
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains("Undo").click();
    harness.run();
}

#[test]
fn rejected_cards_are_hidden_until_restored() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    let hash = border_article().hash;
    click_card(&mut harness, OFFICIALS_SAY);
    harness.get_by_label("Reject").click();
    harness.run();
    let rejected =
        |h: &Harness<'static, App>| h.state().workspace().article(&hash).is_some_and(|a| a.is_rejected("s2"));
    ensure!(rejected(&harness));
    ensure!(card_rows(&harness, OFFICIALS_SAY) == 0, "hidden from the list");

    harness.get_by_label("Show rejected").click();
    harness.run();
    ensure!(card_rows(&harness, "(rejected)") == 1, "shown greyed when asked for");
    harness.get_by_label("Restore").click();
    harness.run();
    ensure!(!rejected(&harness));
    undo_from_menu(&mut harness);
    ensure!(rejected(&harness), "restoring is undoable");
    Ok(())
}

#[test]
fn actors_are_edited_in_place() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    let hash = border_article().hash;
    harness.get_by_label("Actors").click();
    harness.run();
    click_card(&mut harness, "Afghan officials");
    harness.get_by_label("Edit card").click();
    harness.run();
    harness.get_by_label("Role").focus();
    harness.get_by_label("Role").type_text("Interior Ministry");
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    let role = |h: &Harness<'static, App>| {
        h.state().workspace().article(&hash).and_then(|a| a.analysis.actor("a2")).and_then(|a| a.role.clone())
    };
    ensure!(role(&harness).as_deref() == Some("Interior Ministry"), "got {:?}", role(&harness));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    ensure!(role(&harness).is_none(), "undone");
    Ok(())
}

#[test]
fn an_actor_merges_into_another() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    let hash = border_article().hash;
    harness.get_by_label("Actors").click();
    harness.run();
    click_card(&mut harness, "Afghan officials");
    harness.get_by_role_and_label(egui::Role::ComboBox, "Merge into…").click();
    harness.run();
    harness.get_by_label("Ishaq Dar").click();
    harness.run();
    let article = harness.state().workspace().article(&hash).context("article gone")?;
    ensure!(article.analysis.actors.len() == 1);
    ensure!(article.analysis.statement("s2").and_then(|s| s.speaker.as_deref()) == Some("a1"));
    ensure!(harness.state().selected_card().map(|c| c.card.as_str()) == Some("a1"), "the kept actor is selected");
    Ok(())
}

#[test]
fn the_list_filters_by_text() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    ensure!(card_rows(&harness, DAR_SAYS) == 1 && card_rows(&harness, OFFICIALS_SAY) == 1);
    harness.get_by_label("Filter").focus();
    harness.get_by_label("Filter").type_text("REOPEN");
    harness.run();
    ensure!(card_rows(&harness, DAR_SAYS) == 1 && card_rows(&harness, OFFICIALS_SAY) == 0);
    ensure!(shows(&harness, "1 statement card"));
    Ok(())
}

#[test]
fn clicking_a_highlight_selects_its_card() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut article = border_article();
    // Text that starts with a mention, so the click point is known without knowing the font.
    article.text = format!("Ishaq Dar {}", "spoke. ".repeat(20));
    article.hash = content_hash(&article.text);
    article.analysis.statements.clear();
    article.analysis.actors.truncate(1);
    article.analysis.actors[0].mentions = vec![Span::new(0, 9)];
    let hash = article.hash.clone();
    let mut harness = harness(dir.path(), Vec::new());
    harness.state_mut().add_articles(vec![article.clone()]);
    harness.run();

    let reader = harness.get_by(|n| n.role() == egui::Role::Label && n.value().as_deref() == Some(&*article.text));
    let point = reader.rect().left_top() + egui::vec2(4.0, 6.0);
    harness.hover_at(point);
    harness.event(egui::Event::PointerButton {
        pos: point,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.event(egui::Event::PointerButton {
        pos: point,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    ensure!(harness.state().selected_card() == Some(&CardRef { article: hash, card: "a1".into() }));
    ensure!(shows(&harness, "Mentions"), "the actor's card is shown");
    ensure!(card_rows(&harness, "Ishaq Dar") == 1, "the list switched to the actors, where the card is");
    Ok(())
}

#[test]
fn a_new_dossier_takes_a_country_name_or_code() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    harness.get_by_label("New dossier").focus();
    harness.get_by_label("New dossier").type_text("Kenya");
    harness.run();
    harness.get_by_label("Create").click();
    harness.run();
    ensure!(harness.state().workspace().dossier("KE").is_some(), "a name finds the country");
    harness.get_by_label("New dossier").focus();
    harness.get_by_label("New dossier").type_text("ug");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    ensure!(harness.state().workspace().dossier("UG").is_some(), "so does a code, with Enter");
    harness.get_by_label("New dossier").focus();
    harness.get_by_label("New dossier").type_text("Atlantis");
    harness.run();
    ensure!(shows(&harness, "No country by that name or code."));
    ensure!(harness.state().workspace().dossiers.len() == 2);
    Ok(())
}

#[test]
fn selecting_a_card_scrolls_the_reader_to_it() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut article = border_article();
    let padding = "Nothing was said in this paragraph.\n".repeat(200);
    let shift = padding.len();
    article.text = format!("{padding}{}", article.text);
    article.hash = content_hash(&article.text);
    let moved = |span: Span| Span::new(span.start + shift, span.end + shift);
    for actor in &mut article.analysis.actors {
        actor.mentions = actor.mentions.iter().map(|&m| moved(m)).collect();
    }
    for statement in &mut article.analysis.statements {
        statement.content_span = moved(statement.content_span);
        statement.sentence_span = moved(statement.sentence_span);
        statement.cue_span = statement.cue_span.map(moved);
        statement.speaker_span = statement.speaker_span.map(moved);
    }
    let mut harness = harness(dir.path(), Vec::new());
    harness.state_mut().add_articles(vec![article.clone()]);
    harness.run();
    let top = |h: &Harness<'static, App>| {
        h.get_by(|n| n.role() == egui::Role::Label && n.value().as_deref() == Some(&*article.text)).rect().top()
    };
    let before = top(&harness);
    click_card(&mut harness, OFFICIALS_SAY);
    let after = top(&harness);
    ensure!(after < before - 1000.0, "the reader scrolled down to the sentence ({before} → {after})");
    Ok(())
}

#[test]
fn dossier_cards_are_ordered_removed_and_annotated() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut harness = with_border_article(dir.path());
    let pakistan = country("PK");
    let hash = border_article().hash;
    harness.get_by_label("Actors").click();
    harness.run();
    for name in ["Ishaq Dar", "Afghan officials"] {
        click_card(&mut harness, name);
        harness.get_by_label(&format!("Add to {pakistan}")).click();
        harness.run();
    }
    let order = |h: &Harness<'static, App>| -> Vec<String> {
        h.state()
            .workspace()
            .dossier("PK")
            .map(|d| d.cards.iter().map(|c| c.name.clone()).collect())
            .unwrap_or_default()
    };
    ensure!(order(&harness) == ["Ishaq Dar", "Afghan officials"]);
    ensure!(harness.state().shown_dossier() == Some("PK"), "adding a card shows its dossier");
    ensure!(shows(&harness, Section::KeyActors.title()));

    harness.get_all_by_label("Down").next().context("no Down button")?.click();
    harness.run();
    ensure!(order(&harness) == ["Afghan officials", "Ishaq Dar"], "moved down");
    harness.get_all_by_label("Remove").next().context("no Remove button")?.click();
    harness.run();
    ensure!(order(&harness) == ["Ishaq Dar"], "removed");

    harness.get_by_label("Analyst notes").focus();
    harness.get_by_label("Analyst notes").type_text("Watch the crossings.");
    harness.run();
    let notes = |h: &Harness<'static, App>| h.state().workspace().dossier("PK").map(|d| d.notes.clone());
    ensure!(notes(&harness).as_deref() == Some("Watch the crossings."));
    undo_from_menu(&mut harness);
    ensure!(notes(&harness).as_deref() == Some(""), "typing the notes is one undo step");
    undo_from_menu(&mut harness);
    ensure!(order(&harness) == ["Afghan officials", "Ishaq Dar"], "the removal is undone");
    ensure!(harness.state().workspace().article(&hash).is_some());
    Ok(())
}

#[test]
fn ten_thousand_cards_draw_only_the_visible_rows() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut article = border_article();
    let template = article.analysis.statements[0].clone();
    article.analysis.statements = (0..10_000)
        .map(|i| {
            let mut statement = template.clone();
            statement.id = format!("s{i}");
            statement.confidence = (i % 100) as f32 / 100.0;
            statement
        })
        .collect();
    let mut harness = harness(dir.path(), Vec::new());
    harness.state_mut().add_articles(vec![article]);
    harness.run();
    ensure!(shows(&harness, "10000 statement cards"));
    let drawn = card_rows(&harness, DAR_SAYS);
    ensure!(drawn > 0 && drawn < 100, "{drawn} rows drawn");
    Ok(())
}
