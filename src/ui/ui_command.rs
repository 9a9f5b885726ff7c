//! The command table: every command the analyst can give from a menu, the command palette or the
//! keyboard, described once (label, shortcut, tooltip, menu, whether it is available now), as rerun's
//! `UICommand` does. The menus, the palette (Ctrl+K) and the keyboard help sheet (F1) are built from it,
//! so they cannot disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::state::{AppState, ViewState};

/// A command the analyst can give by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    OpenArticles,
    Save,
    ExportBriefing,
    ExportHtml,
    ExportToFolder,
    Quit,
    Undo,
    Redo,
    Preferences,
    SelectPrevious,
    SelectNext,
    SelectFirst,
    SelectLast,
    OpenSelected,
    RejectSelected,
    AddToDossier,
    SearchText,
    ToggleDossier,
    DismissNotices,
    CommandPalette,
    KeyboardHelp,
}

/// The menu an action is listed under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    Card,
    View,
    Help,
}

impl Menu {
    pub const ALL: [Menu; 5] = [Self::File, Self::Edit, Self::Card, Self::View, Self::Help];

    pub fn label(self) -> &'static str {
        match self {
            Self::File => "File",
            Self::Edit => "Edit",
            Self::Card => "Card",
            Self::View => "View",
            Self::Help => "Help",
        }
    }
}

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

impl Action {
    /// Every action, in menu order.
    pub const ALL: [Action; 21] = [
        Self::OpenArticles,
        Self::Save,
        Self::ExportBriefing,
        Self::ExportHtml,
        Self::ExportToFolder,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::Preferences,
        Self::SelectPrevious,
        Self::SelectNext,
        Self::SelectFirst,
        Self::SelectLast,
        Self::OpenSelected,
        Self::RejectSelected,
        Self::AddToDossier,
        Self::SearchText,
        Self::ToggleDossier,
        Self::DismissNotices,
        Self::CommandPalette,
        Self::KeyboardHelp,
    ];

    /// The name in menus and the palette; "…" when it opens a dialog.
    pub fn label(self) -> &'static str {
        match self {
            Self::OpenArticles => "Open articles…",
            Self::Save => "Save",
            Self::ExportBriefing => "Export briefing…",
            Self::ExportHtml => "Export HTML briefing…",
            Self::ExportToFolder => "Export to dossier folder",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::Preferences => "Preferences…",
            Self::SelectPrevious => "Select previous",
            Self::SelectNext => "Select next",
            Self::SelectFirst => "Select first",
            Self::SelectLast => "Select last",
            Self::OpenSelected => "Open selected",
            Self::RejectSelected => "Reject or remove selected",
            Self::AddToDossier => "Add card to the dossier shown",
            Self::SearchText => "Search the articles…",
            Self::ToggleDossier => "Show or hide the dossier",
            Self::DismissNotices => "Dismiss all messages",
            Self::CommandPalette => "Command palette…",
            Self::KeyboardHelp => "Keyboard shortcuts",
        }
    }

    /// One sentence on what it does.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::OpenArticles => "Read and analyse article files (.txt, .md, .html)",
            Self::Save => "Save every changed dossier and the workspace",
            Self::ExportBriefing => "Write the shown dossier's briefing note (Markdown) to a file you choose",
            Self::ExportHtml => "Write the shown dossier's briefing as one HTML page (prints to PDF from a browser)",
            Self::ExportToFolder => "Write <name>-briefing.md and .html beside the dossier files, without a dialog",
            Self::Quit => "Close Dossier (asks first when something is unsaved)",
            Self::Undo => "Undo the last change to articles, cards or dossiers",
            Self::Redo => "Redo the change just undone",
            Self::Preferences => "Theme, text size and the default dossier folder",
            Self::SelectPrevious => "The row above in the list last clicked (articles, cards or dossier)",
            Self::SelectNext => "The row below in the list last clicked (articles, cards or dossier)",
            Self::SelectFirst => "The first row of the list last clicked",
            Self::SelectLast => "The last row of the list last clicked",
            Self::OpenSelected => "Show the selected card in the article (or a dossier card's source)",
            Self::RejectSelected => "Reject the selected card, or remove the selected card from the dossier (undoable)",
            Self::AddToDossier => "Add the selected card to the dossier in the dossier panel",
            Self::SearchText => "Find words in the text of every open article and jump to the sentences",
            Self::ToggleDossier => "Show the last dossier, or hide the dossier panel",
            Self::DismissNotices => "Clear the errors and messages on screen",
            Self::CommandPalette => "Find any command by typing part of its name",
            Self::KeyboardHelp => "List every command and key",
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        Some(match self {
            Self::OpenArticles => command(Key::O),
            Self::Save => command(Key::S),
            Self::ExportBriefing => command(Key::E),
            Self::ExportHtml => KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::E),
            Self::Quit => command(Key::Q),
            Self::Undo => command(Key::Z),
            Self::Redo => KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
            Self::Preferences => command(Key::Comma),
            Self::SelectPrevious => plain(Key::ArrowUp),
            Self::SelectNext => plain(Key::ArrowDown),
            Self::SelectFirst => plain(Key::Home),
            Self::SelectLast => plain(Key::End),
            Self::OpenSelected => plain(Key::Enter),
            Self::RejectSelected => plain(Key::Delete),
            Self::AddToDossier => command(Key::D),
            Self::SearchText => KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::F),
            Self::ToggleDossier => command(Key::J),
            Self::CommandPalette => command(Key::K),
            Self::KeyboardHelp => plain(Key::F1),
            Self::ExportToFolder | Self::DismissNotices => return None,
        })
    }

    pub fn menu(self) -> Menu {
        match self {
            Self::OpenArticles
            | Self::Save
            | Self::ExportBriefing
            | Self::ExportHtml
            | Self::ExportToFolder
            | Self::Quit => Menu::File,
            Self::Undo | Self::Redo | Self::Preferences => Menu::Edit,
            Self::SelectPrevious
            | Self::SelectNext
            | Self::SelectFirst
            | Self::SelectLast
            | Self::OpenSelected
            | Self::RejectSelected
            | Self::AddToDossier => Menu::Card,
            Self::SearchText | Self::ToggleDossier | Self::DismissNotices | Self::CommandPalette => Menu::View,
            Self::KeyboardHelp => Menu::Help,
        }
    }

    /// Whether the action would do something now.
    pub fn available(self, state: &AppState, view: &ViewState) -> bool {
        let dossier_shown = view.dossier.as_deref().is_some_and(|c| state.workspace.dossier(c).is_some());
        match self {
            Self::OpenArticles => !state.dialog_open,
            Self::ExportBriefing | Self::ExportHtml => dossier_shown && !state.dialog_open,
            Self::ExportToFolder => dossier_shown,
            Self::Undo => state.history.can_undo(),
            Self::Redo => state.history.can_redo(),
            Self::ToggleDossier => dossier_shown || view.last_dossier.is_some() || !state.workspace.dossiers.is_empty(),
            Self::DismissNotices => !state.notices.is_empty(),
            Self::RejectSelected => view.card.is_some() || view.dossier_card.is_some(),
            Self::AddToDossier => {
                let card = view.card.as_ref().zip(view.dossier.as_deref());
                card.is_some_and(|(card, country)| {
                    state.workspace.dossier(country).is_some_and(|d| !d.contains(&card.key()))
                })
            }
            Self::SearchText => !state.workspace.articles.is_empty(),
            Self::SelectPrevious
            | Self::SelectNext
            | Self::SelectFirst
            | Self::SelectLast
            | Self::OpenSelected
            | Self::Save
            | Self::Quit
            | Self::Preferences
            | Self::CommandPalette
            | Self::KeyboardHelp => true,
        }
    }

    /// Whether its shortcut still works while a text field has the keyboard (the field has its own
    /// undo, and plain keys are typing).
    fn works_while_typing(self) -> bool {
        !matches!(self, Self::Undo | Self::Redo)
            && self.shortcut().is_some_and(|s| s.modifiers.command || s.logical_key == Key::F1)
    }

    /// Whether the palette shows it for `query`: every word of the query is in the label.
    pub fn matches(self, query: &str) -> bool {
        let label = self.label().to_lowercase();
        query.to_lowercase().split_whitespace().all(|word| label.contains(word))
    }
}

/// The actions whose shortcuts were pressed this frame (available or not: the caller decides). The
/// most specific shortcut is tried first, so Ctrl+Shift+Z is not also taken as Ctrl+Z.
pub fn pressed(ctx: &egui::Context, text_has_focus: bool) -> Vec<Action> {
    let mut actions: Vec<(Action, KeyboardShortcut)> =
        Action::ALL.iter().filter_map(|&a| Some((a, a.shortcut()?))).collect();
    actions.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
    ctx.input_mut(|input| {
        actions
            .into_iter()
            .filter(|(action, _)| !text_has_focus || action.works_while_typing())
            .filter(|(_, shortcut)| input.consume_shortcut(shortcut))
            .map(|(action, _)| action)
            .collect()
    })
}

fn modifier_count(modifiers: Modifiers) -> usize {
    [modifiers.alt, modifiers.ctrl, modifiers.shift, modifiers.mac_cmd, modifiers.command]
        .into_iter()
        .filter(|&m| m)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_is_given_once() {
        let shortcuts: Vec<KeyboardShortcut> = Action::ALL.iter().filter_map(|a| a.shortcut()).collect();
        for (i, a) in shortcuts.iter().enumerate() {
            assert!(!shortcuts[i + 1..].contains(a), "{a:?} is bound twice");
        }
    }

    #[test]
    fn palette_matches_words_of_the_label_in_any_case() {
        assert!(Action::ExportBriefing.matches("export BRIEF"));
        assert!(Action::ExportBriefing.matches("briefing export"));
        assert!(!Action::Save.matches("export"));
        assert!(Action::Quit.matches(""));
    }

    #[test]
    fn every_action_is_in_the_table_once() {
        for (i, a) in Action::ALL.iter().enumerate() {
            assert!(!Action::ALL[i + 1..].contains(a));
            assert!(!a.label().is_empty() && !a.tooltip().is_empty());
        }
    }
}
