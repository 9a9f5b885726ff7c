//! The right panel: the cards of the selected article (or of all articles) under two tabs, "Actors" and
//! "Statements", filtered by text, country and kind and sorted by confidence. The list is virtualised
//! (`ScrollArea::show_rows` over a cached, filtered index) so a frame costs the same with 10,000 cards.
//! The selected card's fields and buttons are shown below the list by `card_detail.rs`.

use egui::text::LayoutJob;
use egui::{Align2, ComboBox, Panel, RichText, ScrollArea, Sense, TextEdit, TextStyle, WidgetInfo};

use super::card_detail::card_detail_ui;
use super::command::UiCommand;
use super::drag::Dragged;
use super::navigation::row_card;
use super::preferences::PanelSizes;
use super::state::{
    AppState, CardFilter, CardRow, CardSort, CardTab, ListFocus, RowsKey, ViewState, country_label, dossier_name,
};
use crate::model::{ActorKind, Article, CardRef, Command, Wording, Workspace};

/// The card panel: tabs, filters, the list, and the selected card.
pub fn card_panel_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    view: &mut ViewState,
    sizes: &mut PanelSizes,
    commands: &mut Vec<UiCommand>,
) {
    let height = ui.available_height();
    let detail = Panel::bottom("card_detail")
        .resizable(true)
        .default_size(sizes.card_detail.min(height * 0.4))
        .min_size(80.0)
        .show(ui, |ui| {
            ScrollArea::vertical().id_salt("card_detail_scroll").auto_shrink(false).show(ui, |ui| {
                card_detail_ui(ui, state, view, commands);
            });
        });
    if super::preferences::resize_ended(ui.ctx()) {
        sizes.card_detail = detail.response.rect.height();
    }
    let countries = view.countries(state);
    filter_ui(ui, &countries.all, &mut view.filter);
    ui.separator();
    card_list_ui(ui, state, view, commands);
}

fn filter_ui(ui: &mut egui::Ui, countries: &[String], filter: &mut CardFilter) {
    ui.horizontal(|ui| {
        ui.selectable_value(&mut filter.tab, CardTab::Actors, "Actors");
        ui.selectable_value(&mut filter.tab, CardTab::Statements, "Statements");
        ui.separator();
        ui.checkbox(&mut filter.all_articles, "All articles");
        ui.checkbox(&mut filter.show_rejected, "Show rejected");
    });
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(TextEdit::singleline(&mut filter.text).hint_text("name, speaker or words").desired_width(f32::INFINITY))
            .labelled_by(label.id);
    });
    // Each label before its box, as a form reads; the sort order on a line of its own.
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Country");
        let selected = filter.country.as_deref().map_or_else(|| "Any".to_owned(), country_label);
        let combo = ComboBox::from_id_salt("filter_country").selected_text(selected).show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.country, None, "Any");
            for code in countries {
                ui.selectable_value(&mut filter.country, Some(code.clone()), country_label(code));
            }
        });
        combo.response.labelled_by(label.id);
        let label = ui.label("Kind");
        let selected = filter.kind.map_or("Any", ActorKind::label);
        let combo = ComboBox::from_id_salt("filter_kind").selected_text(selected).show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.kind, None, "Any");
            for kind in ActorKind::ALL {
                ui.selectable_value(&mut filter.kind, Some(kind), kind.label());
            }
        });
        combo.response.labelled_by(label.id);
        let label = ui.label("Sort");
        let combo =
            ComboBox::from_id_salt("filter_sort").width(160.0).selected_text(filter.sort.label()).show_ui(ui, |ui| {
                for sort in CardSort::ALL {
                    ui.selectable_value(&mut filter.sort, sort, sort.label());
                }
            });
        combo.response.labelled_by(label.id);
    });
}

fn card_list_ui(ui: &mut egui::Ui, state: &AppState, view: &mut ViewState, commands: &mut Vec<UiCommand>) {
    let key =
        RowsKey { articles: state.articles_fingerprint(), article: view.article.clone(), filter: view.filter.clone() };
    let rows = match view.card_rows.take() {
        Some((cached, rows)) if cached == key => rows,
        previous => {
            if let Some(previous) = previous {
                view.recent_rows.push(previous);
                if view.recent_rows.len() > RECENT_ROWS {
                    view.recent_rows.remove(0);
                }
            }
            if let Some(at) = view.recent_rows.iter().position(|(k, _)| *k == key) {
                view.recent_rows.remove(at).1
            } else {
                // The longest earlier filter text this one extends: only its rows can still match.
                let base = view
                    .recent_rows
                    .iter()
                    .filter(|(k, _)| key.narrows(k))
                    .max_by_key(|(k, _)| k.filter.text.len())
                    .map(|(_, rows)| rows.as_slice());
                let rows = rows_among(&state.workspace, view.article.as_deref(), &view.filter, base);
                if entity_mode(&view.filter) {
                    let resolver = super::entities::entities(state, view);
                    super::entities::one_row_per_entity(rows, &state.workspace, &resolver)
                } else if view.filter.all_articles {
                    // The same statement in several articles is one row.
                    let repeats = super::entities::repeats(ui, state, view);
                    super::entities::one_row_per_statement(rows, &repeats)
                } else {
                    rows
                }
            }
        }
    };
    let noun = match view.filter.tab {
        CardTab::Actors if entity_mode(&view.filter) => "entity",
        CardTab::Actors => "actor",
        CardTab::Statements => "statement",
    };
    let resolver = entity_mode(&view.filter).then(|| super::entities::entities(state, view));
    let repeats = (view.filter.all_articles && view.filter.tab == CardTab::Statements)
        .then(|| super::entities::repeats(ui, state, view));
    ui.label(RichText::new(format!("{} {noun} card{}", rows.len(), if rows.len() == 1 { "" } else { "s" })).weak());

    let body = ui.text_style_height(&TextStyle::Body);
    let row_height = 2.0 * body + 6.0;
    let mut area = ScrollArea::vertical().id_salt("card_list").auto_shrink(false);
    // A card chosen in the reader or a dossier: bring its row to the middle of the list.
    if std::mem::take(&mut view.scroll_list_to_card) {
        let index = view.card.as_ref().and_then(|card| {
            rows.iter().position(|row| {
                state.workspace.articles.get(row.article).is_some_and(|a| {
                    a.hash == card.article && row_card_id(a, *row, view.filter.tab) == Some(card.card.as_str())
                })
            })
        });
        if let Some(index) = index {
            let spacing = ui.spacing().item_spacing.y;
            let offset = index as f32 * (row_height + spacing) - (ui.available_height() - row_height) / 2.0;
            area = area.vertical_scroll_offset(offset.max(0.0));
        }
    }
    let output = area.show_rows(ui, row_height, rows.len(), |ui, range| {
        for row in &rows[range] {
            let Some(article) = state.workspace.articles.get(row.article) else {
                continue;
            };
            let found = row_ui(ui, article, *row, view, row_height, resolver.as_deref(), repeats.as_deref());
            let Some((clicked, rect)) = found else {
                continue;
            };
            if let Some(card) = clicked {
                view.list_focus = ListFocus::Cards;
                view.select_card(card, true);
                // The clicked row is in view already.
                view.scroll_list_to_card = false;
            }
            add_hint_ui(ui, state, article, *row, view, rect, commands);
        }
    });
    let step = row_height + ui.spacing().item_spacing.y;
    view.card_rows_in_view = ((output.inner_rect.height() + ui.spacing().item_spacing.y) / step).floor() as usize;
    view.card_rows = Some((key, rows));
}

/// The id of the card a row shows.
fn row_card_id(article: &Article, row: CardRow, tab: CardTab) -> Option<&str> {
    match tab {
        CardTab::Actors => article.analysis.actors.get(row.card).map(|a| a.id.as_str()),
        CardTab::Statements => article.analysis.statements.get(row.card).map(|s| s.id.as_str()),
    }
}

/// Under *All articles*, the Actors list shows one card per entity across the articles.
fn entity_mode(filter: &CardFilter) -> bool {
    filter.all_articles && filter.tab == CardTab::Actors
}

/// One card row: two lines, fixed height. Returns the card when clicked, and the row's rectangle;
/// `None` when the row's card is gone. `entities`: the row stands for the actor's entity across the
/// articles.
fn row_ui(
    ui: &mut egui::Ui,
    article: &Article,
    row: CardRow,
    view: &ViewState,
    height: f32,
    entities: Option<&crate::entity::Resolver>,
    repeats: Option<&crate::entity::duplicates::Repeats>,
) -> Option<(Option<CardRef>, egui::Rect)> {
    let entity = match view.filter.tab {
        CardTab::Actors => entities
            .zip(article.analysis.actors.get(row.card))
            .and_then(|(resolver, actor)| resolver.entity_of(&article.hash, &actor.id)),
        CardTab::Statements => None,
    };
    let (id, title, detail, confidence, kind) = match view.filter.tab {
        CardTab::Actors if entity.is_some() => {
            let actor = article.analysis.actors.get(row.card)?;
            let entity = entity?;
            let detail = super::entities::entity_detail(entity);
            (&actor.id, entity.name.clone(), detail, actor.confidence, Some(actor.kind))
        }
        CardTab::Actors => {
            let actor = article.analysis.actors.get(row.card)?;
            let mut detail = vec![actor.kind.label().to_owned()];
            detail.extend(actor.role.clone());
            detail.extend(actor.country.as_deref().map(country_label));
            detail.push(format!(
                "{} mention{}",
                actor.mentions.len(),
                if actor.mentions.len() == 1 { "" } else { "s" }
            ));
            (&actor.id, actor.name.clone(), detail.join(" · "), actor.confidence, Some(actor.kind))
        }
        CardTab::Statements => {
            let statement = article.analysis.statements.get(row.card)?;
            let speaker = statement.speaker.as_deref().and_then(|s| article.analysis.actor(s));
            let name = speaker.map_or("unknown speaker", |a| a.name.as_str());
            let mut content = Wording::of(statement.direct, &statement.content).show(&statement.content);
            if let Some(n) = repeats.and_then(|r| r.articles.get(&(row.article, row.card))) {
                content = format!("{n} articles · {content}");
            }
            (&statement.id, format!("{name} {}", statement.cue), content, statement.confidence, speaker.map(|a| a.kind))
        }
    };
    let card = CardRef { article: article.hash.clone(), card: id.clone() };
    let selected = view.card.as_ref() == Some(&card);
    let rejected = article.is_rejected(id);

    let (rect, response) = ui.allocate_exact_size(egui::vec2(ui.available_width(), height), Sense::click_and_drag());
    response.dnd_set_drag_payload(Dragged::Card { card: card.clone(), label: title.clone() });
    let label = format!("{title}: {detail}{}", if rejected { " (rejected)" } else { "" });
    response.widget_info(|| WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        let fill = if selected {
            visuals.selection.bg_fill
        } else if response.hovered() {
            visuals.widgets.hovered.weak_bg_fill
        } else {
            visuals.faint_bg_color
        };
        ui.painter().rect_filled(rect, 3.0, fill);
        let strong = if rejected { visuals.weak_text_color() } else { visuals.strong_text_color() };
        let weak = visuals.weak_text_color();
        let kind_color = match kind {
            Some(kind) if !rejected => super::highlight::Palette::new(visuals.dark_mode, strong).kind(kind),
            _ => strong,
        };
        let inner = rect.shrink2(egui::vec2(6.0, 3.0));
        let confidence = format!("{confidence:.2}{}", if rejected { "  rejected" } else { "" });
        let font = TextStyle::Body.resolve(ui.style());
        let small = TextStyle::Small.resolve(ui.style());
        let right = ui.painter().text(inner.right_top(), Align2::RIGHT_TOP, confidence, small, weak);
        let first = one_line(&title, font.clone(), kind_color, inner.width() - right.width() - 8.0);
        let second = one_line(&detail, font, if rejected { weak } else { visuals.text_color() }, inner.width());
        let first = ui.painter().layout_job(first);
        let line_height = first.size().y;
        ui.painter().galley(inner.left_top(), first, kind_color);
        let second = ui.painter().layout_job(second);
        ui.painter().galley(inner.left_top() + egui::vec2(0.0, line_height + 1.0), second, weak);
    }
    Some((response.clicked().then_some(card), rect))
}

fn one_line(text: &str, font: egui::FontId, color: egui::Color32, width: f32) -> LayoutJob {
    let mut job = LayoutJob::simple_singleline(text.to_owned(), font, color);
    job.wrap.max_width = width.max(10.0);
    job.wrap.max_rows = 1;
    job.wrap.break_anywhere = true;
    job
}

/// The rows the filter lets through, in the filter's order.
/// Every row the filter keeps.
#[cfg(test)]
fn rows(workspace: &Workspace, article: Option<&str>, filter: &CardFilter) -> Vec<CardRow> {
    rows_among(workspace, article, filter, None)
}

/// How many earlier card-row lists the card panel keeps.
const RECENT_ROWS: usize = 4;

/// The rows of `filter`, checking only `among` when given (the rows of a filter this one narrows).
fn rows_among(
    workspace: &Workspace,
    article: Option<&str>,
    filter: &CardFilter,
    among: Option<&[CardRow]>,
) -> Vec<CardRow> {
    let needle = filter.text.trim().to_lowercase();
    let speaker_filter = !needle.is_empty() || filter.country.is_some() || filter.kind.is_some();
    // The row's card and confidence when the filter keeps it.
    let check = |row: CardRow| -> Option<(CardRow, f32)> {
        let a = workspace.articles.get(row.article)?;
        let analysis = &a.analysis;
        match filter.tab {
            CardTab::Actors => {
                let actor = analysis.actors.get(row.card)?;
                let text = [Some(actor.name.as_str()), actor.role.as_deref(), actor.country.as_deref()];
                let country = filter.country.as_deref().is_none_or(|c| actor.country.as_deref() == Some(c));
                keep(a, &actor.id, filter, &needle, &text, country, Some(actor.kind)).then_some((row, actor.confidence))
            }
            CardTab::Statements => {
                let statement = analysis.statements.get(row.card)?;
                // Looked up only when the filter asks about the speaker: with no filter, listing every card
                // of 500 articles then touches no actor at all.
                let speaker = statement.speaker.as_deref().filter(|_| speaker_filter).and_then(|id| analysis.actor(id));
                let text =
                    [speaker.map(|s| s.name.as_str()), Some(statement.cue.as_str()), Some(statement.content.as_str())];
                let country = filter.country.as_deref().is_none_or(|c| {
                    speaker.and_then(|s| s.country.as_deref()) == Some(c) || statement.about.iter().any(|a| a == c)
                });
                let kind = speaker.map(|s| s.kind);
                keep(a, &statement.id, filter, &needle, &text, country, kind).then_some((row, statement.confidence))
            }
        }
    };
    let mut rows: Vec<(CardRow, f32)> = match among {
        Some(among) => among.iter().filter_map(|&row| check(row)).collect(),
        None => {
            let mut rows = Vec::new();
            for (index, a) in workspace.articles.iter().enumerate() {
                if !filter.all_articles && article != Some(a.hash.as_str()) {
                    continue;
                }
                let count = match filter.tab {
                    CardTab::Actors => a.analysis.actors.len(),
                    CardTab::Statements => a.analysis.statements.len(),
                };
                rows.extend((0..count).filter_map(|card| check(CardRow { article: index, card })));
            }
            rows
        }
    };
    if among.is_some() {
        // The rows came in the order of the earlier list; text order is by article, then card.
        rows.sort_by_key(|(row, _)| (row.article, row.card));
    }
    match filter.sort {
        CardSort::TextOrder => {}
        CardSort::ConfidenceHighFirst => rows.sort_by(|a, b| b.1.total_cmp(&a.1)),
        CardSort::ConfidenceLowFirst => rows.sort_by(|a, b| a.1.total_cmp(&b.1)),
    }
    rows.into_iter().map(|(row, _)| row).collect()
}

fn keep(
    article: &Article,
    id: &str,
    filter: &CardFilter,
    needle: &str,
    text: &[Option<&str>],
    country: bool,
    kind: Option<ActorKind>,
) -> bool {
    let visible = filter.show_rejected || !article.is_rejected(id);
    let kind = filter.kind.is_none_or(|k| kind == Some(k));
    visible && country && kind && (needle.is_empty() || text.iter().flatten().any(|t| contains_lowercase(t, needle)))
}

/// Whether `text`, lower-cased, contains `needle` (already lower case). The filter runs over every card
/// on each keystroke, so an ASCII needle is searched for in the bytes of the text, ASCII case folded,
/// without lower-casing (and allocating) the text: the only characters outside ASCII whose lower case
/// holds ASCII letters are `İ` and the Kelvin sign, and a text with either takes the long way.
fn contains_lowercase(text: &str, needle: &str) -> bool {
    let special = |c: char| memchr::memmem::find(text.as_bytes(), c.encode_utf8(&mut [0; 4]).as_bytes()).is_some();
    if needle.is_ascii() && (text.is_ascii() || !(special('\u{130}') || special('\u{212a}'))) {
        return contains_ascii_folded(text.as_bytes(), needle.as_bytes());
    }
    text.to_lowercase().contains(needle)
}

/// Whether `text` contains `needle` (ASCII, lower case), ASCII letters compared without case.
fn contains_ascii_folded(text: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let mut from = 0;
    while let Some(found) = memchr::memchr2(first, first.to_ascii_uppercase(), &text[from..]) {
        let start = from + found;
        let Some(candidate) = text.get(start + 1..start + needle.len()) else {
            return false;
        };
        if candidate.eq_ignore_ascii_case(rest) {
            return true;
        }
        from = start + 1;
    }
    false
}

/// On the selected or hovered row, "+ to <Country>": adds the card to the dossier shown, or else to the
/// country it concerns most (its actor's or speaker's country, then what it is about), without opening
/// the card first.
fn add_hint_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    article: &Article,
    row: CardRow,
    view: &mut ViewState,
    rect: egui::Rect,
    commands: &mut Vec<UiCommand>,
) {
    let (workspace, generation) = (&state.workspace, state.generation);
    let Some(card) = row_card(article, row, view.filter.tab) else {
        return;
    };
    let hovered = ui.rect_contains_pointer(rect);
    if !hovered && view.card.as_ref() != Some(&card) {
        return;
    }
    let key = card.key();
    let own = match view.filter.tab {
        CardTab::Actors => article.analysis.actor(&card.card).and_then(|a| a.country.clone()),
        CardTab::Statements => article.analysis.statement(&card.card).and_then(|s| {
            let speaker = article.analysis.speaker(s).and_then(|a| a.country.clone());
            speaker.or_else(|| s.about.first().cloned())
        }),
    };
    let country = view.dossier.clone().or(own).filter(|c| !view.dossier_holds(workspace, generation, c, &key));
    let Some(country) = country else {
        return;
    };
    let name = dossier_name(workspace, &country);
    let font = TextStyle::Small.resolve(ui.style());
    let text = format!("+ to {name}");
    let padding = 2.0 * ui.spacing().button_padding.x + 2.0;
    let width = ui.painter().layout_no_wrap(text.clone(), font, ui.visuals().text_color()).size().x + padding;
    let at = egui::Rect::from_min_size(
        egui::pos2(rect.right() - width - 6.0, rect.bottom() - ui.spacing().interact_size.y * 0.8 - 3.0),
        egui::vec2(width, ui.spacing().interact_size.y * 0.8),
    );
    let button = ui.put(at, egui::Button::new(RichText::new(text).small()).wrap_mode(egui::TextWrapMode::Extend));
    if button.on_hover_text(format!("Add this card to the {name} dossier")).clicked()
        && let Some(dossier_card) =
            workspace.card_with(&card.article, &card.card, &country, &super::entities::entities(state, view))
    {
        commands.push(UiCommand::apply(Command::AddCard { country, name, card: dossier_card }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Analysis, Span, Statement};

    fn actor(id: &str, kind: ActorKind, country: &str, confidence: f32) -> Actor {
        Actor {
            id: id.into(),
            name: format!("Actor {id}"),
            kind,
            role: None,
            country: Some(country.into()),
            country_evidence: None,
            mentions: vec![Span::new(0, 1)],
            confidence,
            entity: None,
            rule: String::new(),
        }
    }

    fn statement(id: &str, speaker: &str, content: &str, about: &[&str], confidence: f32) -> Statement {
        Statement {
            id: id.into(),
            speaker: Some(speaker.into()),
            speaker_span: None,
            cue: "said".into(),
            cue_span: None,
            content: content.into(),
            content_span: Span::new(0, 1),
            direct: false,
            confidence,
            about: about.iter().map(|&c| c.to_owned()).collect(),
            sentence_span: Span::new(0, 1),
            rule: String::new(),
        }
    }

    fn workspace() -> Workspace {
        let analysis = Analysis {
            countries: vec!["PK".into(), "AF".into()],
            actors: vec![actor("a1", ActorKind::Person, "PK", 0.5), actor("a2", ActorKind::Anonymous, "AF", 0.9)],
            statements: vec![
                statement("s1", "a1", "The border will reopen", &["AF"], 0.4),
                statement("s2", "a2", "Crossings were closed", &[], 0.8),
                statement("s3", "a1", "Talks continue", &[], 0.6),
            ],
            warnings: vec![],
        };
        let article = Article {
            source: "a.txt".into(),
            title: None,
            meta: Default::default(),
            text: "x".into(),
            hash: "h".into(),
            analysis,
            rejected: vec!["s3".into()],
        };
        Workspace { articles: vec![article.into()], ..Default::default() }
    }

    fn cards(filter: CardFilter) -> Vec<usize> {
        rows(&workspace(), Some("h"), &filter).into_iter().map(|r| r.card).collect()
    }

    #[test]
    fn text_matches_as_lower_case() {
        for (text, needle) in [
            ("Ishaq Dar", "dar"),
            ("ISHAQ DAR", "haq d"),
            ("Kabul “said”", "said"),
            ("İstanbul", "i̇st"),
            ("İstanbul", "i"),
            ("200 \u{212a}", "k"),
            ("Zürich", "zü"),
            ("ZÜRICH", "zü"),
            ("abc", ""),
            ("ab", "abc"),
            ("Mr Okafor", "okafor said"),
            ("Mr Okafor", "r ok"),
            ("PAKISTAN and pakistan", "kistan"),
            ("“Pakistan”", "pakistan”"),
            ("a-b", "-b"),
            ("aaab", "aab"),
        ] {
            assert_eq!(contains_lowercase(text, needle), text.to_lowercase().contains(needle), "{text:?} {needle:?}");
        }
    }

    #[test]
    fn filters_and_sorts() {
        let base = CardFilter::default();
        assert_eq!(cards(base.clone()), [0, 1], "rejected cards hidden");
        assert_eq!(cards(CardFilter { show_rejected: true, ..base.clone() }), [0, 1, 2]);
        assert_eq!(cards(CardFilter { text: "BORDER".into(), ..base.clone() }), [0]);
        assert_eq!(cards(CardFilter { text: "actor a2".into(), ..base.clone() }), [1], "by speaker name");
        // A statement is about a country when its speaker is from there or it names it.
        assert_eq!(cards(CardFilter { country: Some("AF".into()), ..base.clone() }), [0, 1]);
        assert_eq!(cards(CardFilter { country: Some("PK".into()), ..base.clone() }), [0]);
        assert_eq!(cards(CardFilter { kind: Some(ActorKind::Anonymous), ..base.clone() }), [1]);
        assert_eq!(cards(CardFilter { sort: CardSort::ConfidenceHighFirst, ..base.clone() }), [1, 0]);
        let actors = CardFilter { tab: CardTab::Actors, sort: CardSort::ConfidenceLowFirst, ..base.clone() };
        assert_eq!(cards(actors.clone()), [0, 1]);
        assert_eq!(cards(CardFilter { country: Some("AF".into()), ..actors }), [1]);
        assert!(rows(&workspace(), Some("other"), &base).is_empty(), "only the selected article");
        assert_eq!(rows(&workspace(), None, &CardFilter { all_articles: true, ..base }).len(), 2);
    }

    #[test]
    fn a_longer_filter_text_narrows_the_rows_of_the_shorter_one() {
        let ws = workspace();
        for sort in CardSort::ALL {
            let short = CardFilter { text: "c".into(), sort, show_rejected: true, ..CardFilter::default() };
            let long = CardFilter { text: "cr".into(), ..short.clone() };
            let key = |filter: &CardFilter| RowsKey { articles: 1, article: Some("h".into()), filter: filter.clone() };
            assert!(key(&long).narrows(&key(&short)) && !key(&short).narrows(&key(&long)));
            let narrowed = rows_among(&ws, Some("h"), &long, Some(&rows(&ws, Some("h"), &short)));
            assert_eq!(narrowed, rows(&ws, Some("h"), &long), "{sort:?}");
            assert!(!RowsKey { articles: 2, ..key(&long) }.narrows(&key(&short)), "not across a change");
        }
    }
}
