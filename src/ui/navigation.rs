//! The keyboard in lists: ↑/↓/Home/End move the selection in the list last clicked (articles, cards or
//! the dossier's cards), Enter opens the selection, Delete rejects a card or removes it from the dossier,
//! and Ctrl+D adds the selected card to the dossier shown. The moves change only the view; rejecting,
//! removing and adding are undoable commands.

use super::app::App;
use super::command::UiCommand;
use super::state::{CardRow, CardTab, ListFocus};
use super::ui_command::Action;
use crate::model::{Article, CardRef, Command};

/// Where a key moves the selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Previous,
    Next,
    First,
    Last,
}

impl Step {
    fn of(action: Action) -> Option<Self> {
        Some(match action {
            Action::SelectPrevious => Self::Previous,
            Action::SelectNext => Self::Next,
            Action::SelectFirst => Self::First,
            Action::SelectLast => Self::Last,
            _ => return None,
        })
    }

    /// The new index in a list of `len` rows, from `current` (none selected: the first or last row).
    fn apply(self, current: Option<usize>, len: usize) -> Option<usize> {
        let last = len.checked_sub(1)?;
        Some(match (self, current) {
            (Self::First, _) | (Self::Next, None) => 0,
            (Self::Last, _) | (Self::Previous, None) => last,
            (Self::Previous, Some(i)) => i.saturating_sub(1),
            (Self::Next, Some(i)) => (i + 1).min(last),
        })
    }
}

/// The card a card-list row shows.
pub fn row_card(article: &Article, row: CardRow, tab: CardTab) -> Option<CardRef> {
    let id = match tab {
        CardTab::Actors => &article.analysis.actors.get(row.card)?.id,
        CardTab::Statements => &article.analysis.statements.get(row.card)?.id,
    };
    Some(CardRef { article: article.hash.clone(), card: id.clone() })
}

impl App {
    /// The list keys and Ctrl+D; false when `action` is not one of them.
    pub(super) fn run_list_action(&mut self, action: Action) -> bool {
        if let Some(step) = Step::of(action) {
            match self.view.list_focus {
                ListFocus::Articles => self.step_articles(step),
                ListFocus::Cards => self.step_cards(step),
                ListFocus::Dossier => self.step_dossier(step),
            }
            return true;
        }
        match action {
            Action::OpenSelected => self.open_selected(),
            Action::RejectSelected => self.reject_selected(),
            Action::AddToDossier => self.add_selected_to_dossier(),
            _ => return false,
        }
        true
    }

    fn step_articles(&mut self, step: Step) {
        let articles = &self.state.workspace.articles;
        // In the order the list shows, filtered as it is.
        let all: Vec<usize>;
        let rows = match &self.view.article_rows {
            Some((_, rows)) => rows,
            None => {
                all = (0..articles.len()).collect();
                &all
            }
        };
        let hash_at = |i: &usize| articles.get(*i).map(|a| a.hash.as_str());
        let current = self.view.article.as_deref().and_then(|h| rows.iter().position(|i| hash_at(i) == Some(h)));
        let next = step.apply(current, rows.len()).and_then(|i| rows.get(i)).and_then(|&i| articles.get(i));
        if let Some(article) = next {
            let hash = article.hash.clone();
            self.view.select_article(&hash);
            self.view.scroll_list_to_article = true;
        }
    }

    fn step_cards(&mut self, step: Step) {
        let Some((key, rows)) = &self.view.card_rows else {
            return;
        };
        let tab = key.filter.tab;
        let articles = &self.state.workspace.articles;
        let card_of = |row: &CardRow| articles.get(row.article).and_then(|a| row_card(a, *row, tab));
        let current =
            self.view.card.as_ref().and_then(|card| rows.iter().position(|r| card_of(r).as_ref() == Some(card)));
        if let Some(card) = step.apply(current, rows.len()).and_then(|i| rows.get(i)).and_then(card_of) {
            self.view.select_card(card, true);
        }
    }

    fn step_dossier(&mut self, step: Step) {
        let Some(dossier) = self.view.dossier.as_deref().and_then(|c| self.state.workspace.dossier(c)) else {
            return;
        };
        // In the order the panel shows them: by section, then the analyst's order.
        let mut ids: Vec<&str> = Vec::with_capacity(dossier.cards.len());
        for section in crate::model::Section::ALL {
            ids.extend(dossier.cards.iter().filter(|c| c.section == section).map(|c| c.id.as_str()));
        }
        let current = self.view.dossier_card.as_deref().and_then(|id| ids.iter().position(|i| *i == id));
        if let Some(id) = step.apply(current, ids.len()).and_then(|i| ids.get(i)) {
            let id = (*id).to_owned();
            self.select_dossier_card(id);
        }
    }

    /// Selects a card of the dossier shown; its source card too when its article is open.
    pub(super) fn select_dossier_card(&mut self, id: String) {
        if let Some((article, card)) = id.split_once('/')
            && self.state.workspace.article(article).is_some()
        {
            self.view.select_card(CardRef { article: article.to_owned(), card: card.to_owned() }, true);
        }
        self.view.dossier_card = Some(id);
        self.view.list_focus = ListFocus::Dossier;
    }

    fn open_selected(&mut self) {
        match self.view.list_focus {
            ListFocus::Articles => {
                // Into the article's cards.
                self.view.list_focus = ListFocus::Cards;
                self.step_cards(Step::First);
            }
            ListFocus::Cards => self.view.scroll_to_card = true,
            ListFocus::Dossier => {
                if let Some(id) = self.view.dossier_card.clone() {
                    self.select_dossier_card(id);
                }
            }
        }
    }

    fn reject_selected(&mut self) {
        if self.view.list_focus == ListFocus::Dossier {
            if let (Some(country), Some(card)) = (self.view.dossier.clone(), self.view.dossier_card.take()) {
                self.run_command(UiCommand::apply(Command::RemoveCard { country, card }));
            }
            return;
        }
        let Some(card) = self.view.card.clone() else {
            return;
        };
        let rejected = self.state.workspace.article(&card.article).is_some_and(|a| a.is_rejected(&card.card));
        if !rejected {
            self.run_command(UiCommand::apply(Command::SetRejected {
                article: card.article,
                card: card.card,
                rejected: true,
            }));
        }
    }

    fn add_selected_to_dossier(&mut self) {
        let (Some(card), Some(country)) = (self.view.card.clone(), self.view.dossier.clone()) else {
            return;
        };
        let entities = super::entities::entities(&self.state, &mut self.view);
        let workspace = &self.state.workspace;
        let Some(dossier) = workspace.dossier(&country) else {
            return;
        };
        let name = dossier.name.clone();
        if let Some(card) = workspace.card_with(&card.article, &card.card, &country, &entities) {
            self.run_command(UiCommand::apply(Command::AddCard { country, name, card }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Step;

    #[test]
    fn steps_stop_at_the_ends() {
        assert_eq!(Step::Next.apply(None, 3), Some(0));
        assert_eq!(Step::Previous.apply(None, 3), Some(2));
        assert_eq!(Step::Next.apply(Some(2), 3), Some(2));
        assert_eq!(Step::Previous.apply(Some(0), 3), Some(0));
        assert_eq!(Step::Last.apply(Some(0), 3), Some(2));
        assert_eq!(Step::First.apply(Some(2), 3), Some(0));
        assert_eq!(Step::Next.apply(None, 0), None);
    }
}
