//! Drag and drop of cards: a card row dragged from the card list onto a dossier in the sidebar, onto the
//! dossier panel or onto one of its sections (so can a highlight or a statement's sentence in the reader);
//! a dossier card dragged onto another place in its dossier.
//! What a drop means is decided here, as model commands, so the views only say where it landed.

use egui::{Area, Frame, Id, Order, RichText};

use super::command::UiCommand;
use crate::model::{Article, CardRef, Command, Section, Statement, Workspace};

/// What is being dragged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dragged {
    /// A card of an open article, from the card list or the reader.
    Card { card: CardRef, label: String },
    /// A card of a dossier, from the dossier panel.
    DossierCard { country: String, id: String, label: String },
}

impl Dragged {
    /// What a drag starting at `byte` of `article`'s text carries: the card of the highlight there (the
    /// card a click there selects), or else the statement whose sentence holds it; nothing elsewhere.
    pub fn from_text(article: &Article, byte: usize) -> Option<Self> {
        let analysis = &article.analysis;
        let card = super::highlight::card_at(article, byte).or_else(|| {
            let sentence = |s: &&Statement| s.sentence_span.start <= byte && byte < s.sentence_span.end;
            let statements = analysis.statements.iter().filter(|s| !article.is_rejected(&s.id));
            statements.filter(sentence).min_by_key(|s| s.sentence_span.len()).map(|s| s.id.clone())
        })?;
        let label = match analysis.statements.iter().find(|s| s.id == card) {
            Some(statement) => {
                let speaker = statement.speaker.as_deref().and_then(|s| analysis.actor(s));
                let name = speaker.map_or("unknown speaker", |a| a.name.as_str());
                format!("{name} {}: {}", statement.cue, statement.content)
            }
            None => analysis.actor(&card)?.name.clone(),
        };
        Some(Self::Card { card: CardRef { article: article.hash.clone(), card }, label })
    }

    fn label(&self) -> &str {
        match self {
            Self::Card { label, .. } | Self::DossierCard { label, .. } => label,
        }
    }
}

/// Where in a dossier something was dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    /// The section it was dropped on; `None`: the dossier as a whole (the card's own section).
    pub section: Option<Section>,
    /// The index in the dossier's cards of the card it was dropped on.
    pub at_card: Option<usize>,
}

/// The commands a drop of `dragged` on `country`'s dossier asks for.
pub fn drop_commands(
    (workspace, entities): (&Workspace, &crate::entity::Resolver),
    dragged: &Dragged,
    country: &str,
    target: Target,
) -> Vec<UiCommand> {
    let mut commands = Vec::new();
    match dragged {
        Dragged::Card { card, .. } => {
            let Some(mut dossier_card) = workspace.card_with(&card.article, &card.card, country, entities) else {
                return commands;
            };
            let is_statement = dossier_card.cue.is_some();
            let wanted = target.section.filter(|s| is_statement == (*s != Section::KeyActors));
            let name = super::state::dossier_name(workspace, country);
            match workspace.dossier(country).filter(|d| d.contains(&dossier_card.id)) {
                // Already there: a drop on another section moves it.
                Some(_) => {
                    if let Some(section) = wanted {
                        commands.push(set_section(country, &dossier_card.id, section));
                    }
                }
                None => {
                    if let Some(section) = wanted {
                        dossier_card.section = section;
                    }
                    commands.push(UiCommand::apply(Command::AddCard {
                        country: country.to_owned(),
                        name,
                        card: dossier_card,
                    }));
                }
            }
        }
        Dragged::DossierCard { country: from, id, .. } => {
            let Some(dossier) = workspace.dossier(country).filter(|_| from == country) else {
                return commands;
            };
            let Some(card) = dossier.cards.iter().find(|c| c.id == *id) else {
                return commands;
            };
            let is_statement = card.cue.is_some();
            let section = target.section.filter(|s| is_statement == (*s != Section::KeyActors));
            if let Some(section) = section.filter(|s| *s != card.section) {
                commands.push(set_section(country, id, section));
            }
            if let Some(index) = target.at_card.filter(|&i| dossier.cards.get(i).is_some_and(|c| c.id != *id)) {
                let place = Command::PlaceCard { country: country.to_owned(), card: id.clone(), index };
                commands.push(UiCommand::apply(place));
            }
        }
    }
    commands
}

fn set_section(country: &str, card: &str, section: Section) -> UiCommand {
    UiCommand::apply(Command::SetSection { country: country.to_owned(), card: card.to_owned(), section })
}

/// While a card is dragged: its label beside the pointer.
pub fn drag_preview_ui(ctx: &egui::Context) {
    let Some(dragged) = egui::DragAndDrop::payload::<Dragged>(ctx) else {
        return;
    };
    let Some(pointer) = ctx.pointer_interact_pos() else {
        return;
    };
    Area::new(Id::unique("drag_preview"))
        .order(Order::Tooltip)
        .fixed_pos(pointer + egui::vec2(14.0, 10.0))
        .interactable(false)
        .show(ctx, |ui| {
            Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(320.0);
                ui.add(egui::Label::new(RichText::new(dragged.label()).strong()).truncate());
            });
        });
}
