//! Finding things: the article list filtered by title, outlet and date and sorted; and a search over the
//! text of every open article that lists the matching sentences and jumps to them (Ctrl+Shift+F).

use egui::{ComboBox, RichText, ScrollArea, TextEdit, TextStyle};

use super::state::{AppState, ViewState};
use crate::model::{Article, CardRef, Span, Workspace};

/// How the article list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ArticleSort {
    /// As they were opened.
    #[default]
    Opened,
    Title,
    NewestFirst,
    OldestFirst,
}

impl ArticleSort {
    pub const ALL: [ArticleSort; 4] = [Self::Opened, Self::Title, Self::NewestFirst, Self::OldestFirst];

    pub fn label(self) -> &'static str {
        match self {
            Self::Opened => "As opened",
            Self::Title => "Title A–Z",
            Self::NewestFirst => "Newest first",
            Self::OldestFirst => "Oldest first",
        }
    }
}

/// The article list's filter and order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ArticleFilter {
    /// Words each of which the title, outlet or date must contain (any case).
    pub text: String,
    pub sort: ArticleSort,
}

/// The indices into `workspace.articles` the filter keeps, in its order.
pub fn article_rows(workspace: &Workspace, filter: &ArticleFilter) -> Vec<usize> {
    let words: Vec<String> = filter.text.to_lowercase().split_whitespace().map(str::to_owned).collect();
    let mut rows: Vec<usize> = (0..workspace.articles.len())
        .filter(|&i| {
            let article = &workspace.articles[i];
            let haystack = searchable(article);
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .collect();
    let articles = &workspace.articles;
    let date = |i: &usize| articles[*i].meta.published.clone();
    match filter.sort {
        ArticleSort::Opened => {}
        ArticleSort::Title => rows.sort_by_cached_key(|&i| articles[i].display_name().to_lowercase()),
        // Undated articles last either way.
        ArticleSort::NewestFirst => rows.sort_by_cached_key(|i| (date(i).is_none(), std::cmp::Reverse(date(i)))),
        ArticleSort::OldestFirst => rows.sort_by_cached_key(|i| (date(i).is_none(), date(i))),
    }
    rows
}

/// What the article filter looks in: the title, the outlet and the date, lower case.
fn searchable(article: &Article) -> String {
    let mut text = article.display_name();
    for extra in [&article.meta.outlet, &article.meta.published].into_iter().flatten() {
        text.push(' ');
        text.push_str(extra);
    }
    text.to_lowercase()
}

/// One sentence that holds the text searched for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The article's hash.
    pub article: String,
    pub sentence: Span,
}

/// At most this many sentences are listed.
pub const MAX_HITS: usize = 500;

/// The sentences of the open articles that contain `query` (any case), article by article.
pub fn search_text(workspace: &Workspace, query: &str) -> Vec<Hit> {
    let needle = query.trim().to_lowercase();
    let mut hits = Vec::new();
    if needle.chars().count() < 2 {
        return hits;
    }
    for article in &workspace.articles {
        let lower = article.text.to_lowercase();
        // Lower-casing can change byte lengths; search the original when it does not.
        if lower.len() != article.text.len() {
            search_sentences(article, &needle, &mut hits);
        } else {
            let mut last_end = 0;
            for (at, _) in lower.match_indices(&needle) {
                if at < last_end {
                    continue;
                }
                let sentence = sentence_around(&article.text, at, at + needle.len());
                last_end = sentence.end;
                hits.push(Hit { article: article.hash.clone(), sentence });
                if hits.len() >= MAX_HITS {
                    return hits;
                }
            }
        }
    }
    hits
}

/// The search for a text whose lower case differs in length: sentence by sentence.
fn search_sentences(article: &Article, needle: &str, hits: &mut Vec<Hit>) {
    let text = &article.text;
    let mut start = 0;
    while start < text.len() {
        let sentence = sentence_around(text, start, start);
        if text[sentence.start..sentence.end].to_lowercase().contains(needle) {
            hits.push(Hit { article: article.hash.clone(), sentence });
            if hits.len() >= MAX_HITS {
                return;
            }
        }
        start = sentence.end.max(start + 1);
        while start < text.len() && !text.is_char_boundary(start) {
            start += 1;
        }
    }
}

/// The sentence around the bytes `start..end`: from after the last sentence end (". ", "! ", "? " or a
/// line break) before `start` to the next one after `end`.
fn sentence_around(text: &str, start: usize, end: usize) -> Span {
    let bytes = text.as_bytes();
    let ends_sentence = |i: usize| {
        bytes[i] == b'\n'
            || (matches!(bytes[i], b'.' | b'!' | b'?') && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()))
    };
    let mut from = start.min(text.len());
    while from > 0 && !ends_sentence(from - 1) {
        from -= 1;
    }
    while from < text.len() && bytes[from].is_ascii_whitespace() {
        from += 1;
    }
    let mut to = end.min(text.len());
    while to < text.len() && !ends_sentence(to) {
        to += 1;
    }
    if to < text.len() && bytes[to] != b'\n' {
        to += 1;
    }
    // Spans are on character boundaries.
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    while to < text.len() && !text.is_char_boundary(to) {
        to += 1;
    }
    Span::new(from, to.max(from))
}

/// The card to show for a hit: a statement of that sentence, else an actor named in it.
pub fn card_in(article: &Article, sentence: Span) -> Option<CardRef> {
    let inside = |span: &Span| span.start >= sentence.start && span.start < sentence.end.max(sentence.start + 1);
    let statement = article.analysis.statements.iter().find(|s| inside(&s.sentence_span) || inside(&s.content_span));
    let id = match statement {
        Some(statement) => statement.id.clone(),
        None => article.analysis.actors.iter().find(|a| a.mentions.iter().any(&inside))?.id.clone(),
    };
    Some(CardRef { article: article.hash.clone(), card: id })
}

/// The text search, while open.
#[derive(Clone, Debug, Default)]
pub struct TextSearch {
    pub query: String,
    /// The hits, with the generation and query they were found for.
    pub hits: Option<((u64, String), Vec<Hit>)>,
}

/// The search window: a field, the matching sentences, and a click to jump to one.
pub fn text_search_ui(ctx: &egui::Context, state: &AppState, view: &mut ViewState) {
    let Some(mut search) = view.text_search.take() else {
        return;
    };
    let mut open = true;
    let mut jump = None;
    egui::Window::new("Search the articles").open(&mut open).default_width(520.0).default_height(420.0).show(
        ctx,
        |ui| {
            let label = ui.label("Find in the text");
            let field = TextEdit::singleline(&mut search.query)
                .hint_text("words in the text of every open article")
                .desired_width(f32::INFINITY);
            let field = ui.add(field).labelled_by(label.id);
            if search.hits.is_none() {
                field.request_focus();
            }
            let key = (state.generation, search.query.clone());
            let hits = match search.hits.take() {
                Some((cached, hits)) if cached == key => hits,
                _ => search_text(&state.workspace, &search.query),
            };
            let more = if hits.len() >= MAX_HITS { " (the first ones)" } else { "" };
            let s = if hits.len() == 1 { "" } else { "s" };
            ui.label(RichText::new(format!("{} sentence{s}{more}", hits.len())).weak());
            ui.separator();
            let row_height = 2.0 * ui.text_style_height(&TextStyle::Body) + 6.0;
            ScrollArea::vertical().id_salt("search_hits").auto_shrink(false).show_rows(
                ui,
                row_height,
                hits.len(),
                |ui, range| {
                    for hit in &hits[range] {
                        let Some(article) = state.workspace.article(&hit.article) else {
                            continue;
                        };
                        let sentence = article.text.get(hit.sentence.start..hit.sentence.end).unwrap_or_default();
                        let text = format!("{}: {}", article.display_name(), sentence.trim());
                        let row = ui
                            .add_sized([ui.available_width(), row_height], egui::Button::new(text).wrap().frame(false));
                        if row.clicked() {
                            jump = Some(hit.clone());
                        }
                    }
                },
            );
            search.hits = Some((key, hits));
        },
    );
    if let Some(hit) = jump {
        view.select_article(&hit.article);
        if let Some(card) = state.workspace.article(&hit.article).and_then(|a| card_in(a, hit.sentence)) {
            view.select_card(card, true);
        }
    }
    if open {
        view.text_search = Some(search);
    }
}

/// The filter and sort above the article list.
pub fn article_filter_ui(ui: &mut egui::Ui, filter: &mut ArticleFilter) {
    ui.horizontal(|ui| {
        let label = ui.label("Find");
        let width = (ui.available_width() - 4.0).max(60.0);
        let field = TextEdit::singleline(&mut filter.text).hint_text("title, outlet or date").desired_width(width);
        ui.add(field).labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let label = ui.label("Order");
        ComboBox::from_id_salt("article_sort")
            .selected_text(filter.sort.label())
            .show_ui(ui, |ui| {
                for sort in ArticleSort::ALL {
                    ui.selectable_value(&mut filter.sort, sort, sort.label());
                }
            })
            .response
            .labelled_by(label.id);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_cut_at_stops_and_line_breaks() {
        let text = "First one. Second one here! Third?\nFourth line";
        let at = text.find("one here").unwrap_or(0);
        assert_eq!(sentence_around(text, at, at + 3).text(text), "Second one here!");
        let at = text.find("Fourth").unwrap_or(0);
        assert_eq!(sentence_around(text, at, at).text(text), "Fourth line");
        let at = text.find("Third").unwrap_or(0);
        assert_eq!(sentence_around(text, at, at).text(text), "Third?");
    }
}
