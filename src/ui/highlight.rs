//! The reader's highlighting: which parts of an article's text are actor mentions, cues and reported
//! content, turned into an egui `LayoutJob`, and the way back from a clicked byte to the card there.
//! Spans that do not lie on the text (a bad extractor result) are skipped, never a panic.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke};

use crate::model::{ActorKind, Article, Span};

/// The reader's colours.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub text: Color32,
    pub person: Color32,
    pub organization: Color32,
    pub country: Color32,
    pub anonymous: Color32,
    pub cue: Color32,
    pub quote_background: Color32,
    pub reported_background: Color32,
    pub selected_background: Color32,
    pub sentence_background: Color32,
}

impl Palette {
    pub fn new(dark_mode: bool, text: Color32) -> Self {
        if dark_mode {
            Self {
                text,
                person: Color32::from_rgb(110, 180, 255),
                organization: Color32::from_rgb(240, 170, 90),
                country: Color32::from_rgb(120, 210, 130),
                anonymous: Color32::from_rgb(200, 150, 230),
                cue: Color32::from_rgb(250, 220, 110),
                quote_background: Color32::from_rgb(40, 60, 45),
                reported_background: Color32::from_rgb(38, 48, 66),
                selected_background: Color32::from_rgb(95, 80, 20),
                sentence_background: Color32::from_rgb(55, 50, 30),
            }
        } else {
            Self {
                text,
                person: Color32::from_rgb(20, 80, 180),
                organization: Color32::from_rgb(170, 80, 0),
                country: Color32::from_rgb(20, 120, 40),
                anonymous: Color32::from_rgb(120, 50, 160),
                cue: Color32::from_rgb(150, 100, 0),
                quote_background: Color32::from_rgb(220, 242, 222),
                reported_background: Color32::from_rgb(222, 232, 250),
                selected_background: Color32::from_rgb(255, 220, 110),
                sentence_background: Color32::from_rgb(255, 244, 200),
            }
        }
    }

    pub fn kind(&self, kind: ActorKind) -> Color32 {
        match kind {
            ActorKind::Person => self.person,
            ActorKind::Organization => self.organization,
            ActorKind::Country => self.country,
            ActorKind::Anonymous => self.anonymous,
        }
    }
}

/// The layers a stretch of text can belong to; later ones win the background.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layer {
    Mention(ActorKind),
    Cue,
    Quote,
    Reported,
    Sentence,
    Selected,
}

const LAYERS: usize = 9;

fn slot(layer: Layer) -> usize {
    match layer {
        Layer::Mention(ActorKind::Person) => 0,
        Layer::Mention(ActorKind::Organization) => 1,
        Layer::Mention(ActorKind::Country) => 2,
        Layer::Mention(ActorKind::Anonymous) => 3,
        Layer::Cue => 4,
        Layer::Quote => 5,
        Layer::Reported => 6,
        Layer::Sentence => 7,
        Layer::Selected => 8,
    }
}

fn valid(text: &str, span: Span) -> bool {
    span.start < span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Every highlighted span of the article's cards that are not rejected, with its layer.
fn layers(article: &Article, selected: Option<&str>) -> Vec<(Span, Layer)> {
    let analysis = &article.analysis;
    let mut spans = Vec::new();
    for actor in analysis.actors.iter().filter(|a| !article.is_rejected(&a.id)) {
        let chosen = selected == Some(actor.id.as_str());
        for &mention in &actor.mentions {
            spans.push((mention, Layer::Mention(actor.kind)));
            if chosen {
                spans.push((mention, Layer::Selected));
            }
        }
    }
    for statement in analysis.statements.iter().filter(|s| !article.is_rejected(&s.id)) {
        let content = if statement.direct { Layer::Quote } else { Layer::Reported };
        spans.push((statement.content_span, content));
        if let Some(cue) = statement.cue_span {
            spans.push((cue, Layer::Cue));
        }
        if selected == Some(statement.id.as_str()) {
            spans.push((statement.sentence_span, Layer::Sentence));
            spans.push((statement.content_span, Layer::Selected));
        }
    }
    spans.retain(|(span, _)| valid(&article.text, *span));
    spans
}

/// The article's text laid out with its highlights; `selected` is the id of the selected card.
pub fn reader_job(article: &Article, selected: Option<&str>, palette: &Palette, font: FontId, width: f32) -> LayoutJob {
    let text = article.text.as_str();
    let mut events: Vec<(usize, bool, Layer)> = Vec::new();
    for (span, layer) in layers(article, selected) {
        events.push((span.start, true, layer));
        events.push((span.end, false, layer));
    }
    events.sort_by_key(|&(pos, _, _)| pos);

    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let mut counts = [0_u32; LAYERS];
    let mut start = 0;
    let mut events = events.into_iter().peekable();
    while start < text.len() {
        while let Some(&(pos, opens, layer)) = events.peek() {
            if pos > start {
                break;
            }
            let count = &mut counts[slot(layer)];
            *count = if opens { *count + 1 } else { count.saturating_sub(1) };
            events.next();
        }
        let end = events.peek().map_or(text.len(), |&(pos, _, _)| pos).min(text.len());
        job.append(&text[start..end], 0.0, format(&counts, palette, font.clone()));
        start = end;
    }
    job
}

fn format(counts: &[u32; LAYERS], palette: &Palette, font_id: FontId) -> TextFormat {
    let on = |layer| counts[slot(layer)] > 0;
    let mention = ActorKind::ALL.into_iter().find(|&kind| on(Layer::Mention(kind)));
    let color = match mention {
        Some(kind) => palette.kind(kind),
        None if on(Layer::Cue) => palette.cue,
        None => palette.text,
    };
    let background = if on(Layer::Selected) {
        palette.selected_background
    } else if on(Layer::Sentence) {
        palette.sentence_background
    } else if on(Layer::Quote) {
        palette.quote_background
    } else if on(Layer::Reported) {
        palette.reported_background
    } else {
        Color32::TRANSPARENT
    };
    let underline = mention.map_or(Stroke::NONE, |kind| Stroke::new(1.0, palette.kind(kind)));
    TextFormat { font_id, color, background, underline, ..Default::default() }
}

/// The card at a byte of the text: the narrowest actor mention there, else the narrowest statement
/// (content, cue or speaker). Rejected cards are not found.
pub fn card_at(article: &Article, byte: usize) -> Option<String> {
    let inside = |span: &Span| span.start <= byte && byte < span.end;
    let analysis = &article.analysis;
    let actor = analysis
        .actors
        .iter()
        .filter(|a| !article.is_rejected(&a.id))
        .flat_map(|a| a.mentions.iter().filter(|m| inside(m)).map(move |m| (m.len(), &a.id)))
        .min_by_key(|(len, _)| *len);
    if let Some((_, id)) = actor {
        return Some(id.clone());
    }
    analysis
        .statements
        .iter()
        .filter(|s| !article.is_rejected(&s.id))
        .flat_map(|s| {
            let spans = [Some(s.content_span), s.cue_span, s.speaker_span];
            spans.into_iter().flatten().filter(|span| inside(span)).map(move |span| (span.len(), &s.id))
        })
        .min_by_key(|(len, _)| *len)
        .map(|(_, id)| id.clone())
}

/// Where the reader scrolls to for a card: a statement's sentence, an actor's first mention.
pub fn focus_span(article: &Article, card: &str) -> Option<Span> {
    let analysis = &article.analysis;
    let span = if let Some(statement) = analysis.statement(card) {
        if valid(&article.text, statement.sentence_span) { statement.sentence_span } else { statement.content_span }
    } else {
        *analysis.actor(card)?.mentions.first()?
    };
    valid(&article.text, span).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Analysis, Statement, content_hash};

    fn article() -> Article {
        let text = "Maria Zakharova said peace matters. Ok é".to_owned();
        let actor = Actor {
            id: "a1".into(),
            name: "Maria Zakharova".into(),
            kind: ActorKind::Person,
            role: None,
            country: Some("RU".into()),
            country_evidence: None,
            mentions: vec![Span::new(0, 15), Span::new(38, 100)],
            confidence: 0.9,
            entity: None,
            rule: String::new(),
        };
        let statement = Statement {
            id: "s1".into(),
            speaker: Some("a1".into()),
            speaker_span: Some(Span::new(0, 15)),
            cue: "said".into(),
            cue_span: Some(Span::new(16, 20)),
            content: "peace matters".into(),
            content_span: Span::new(21, 34),
            direct: false,
            confidence: 0.8,
            about: vec![],
            sentence_span: Span::new(0, 35),
            rule: String::new(),
        };
        Article {
            source: "a.txt".into(),
            title: None,
            meta: Default::default(),
            hash: content_hash(&text),
            text,
            analysis: Analysis { actors: vec![actor], statements: vec![statement], ..Default::default() },
            rejected: vec![],
        }
    }

    #[test]
    fn job_covers_the_whole_text_once() {
        let article = article();
        let palette = Palette::new(false, Color32::BLACK);
        for selected in [None, Some("a1"), Some("s1")] {
            let job = reader_job(&article, selected, &palette, FontId::default(), 300.0);
            assert_eq!(job.text, article.text);
            let covered: usize = job.sections.iter().map(|s| s.byte_range.end.0 - s.byte_range.start.0).sum();
            assert_eq!(covered, article.text.len());
        }
    }

    #[test]
    fn clicks_find_actor_first_then_statement() {
        let mut article = article();
        assert_eq!(card_at(&article, 3).as_deref(), Some("a1"));
        assert_eq!(card_at(&article, 17).as_deref(), Some("s1"));
        assert_eq!(card_at(&article, 25).as_deref(), Some("s1"));
        assert_eq!(card_at(&article, 36), None);
        article.rejected.push("a1".into());
        assert_eq!(card_at(&article, 3).as_deref(), Some("s1"));
    }

    #[test]
    fn focus_is_the_sentence_or_first_mention() {
        let article = article();
        assert_eq!(focus_span(&article, "s1"), Some(Span::new(0, 35)));
        assert_eq!(focus_span(&article, "a1"), Some(Span::new(0, 15)));
        assert_eq!(focus_span(&article, "zz"), None);
    }
}
