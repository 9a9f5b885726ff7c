//! The menu bar, built from the command table (`ui_command.rs`): each menu lists its actions with their
//! shortcuts and tooltips, greyed out when they would do nothing now; File also has *Open recent*.

use std::path::PathBuf;

use egui::{Button, MenuBar, RichText};

use super::command::UiCommand;
use super::state::{AppState, ViewState};
use super::ui_command::{Action, Menu};

/// The menu bar.
pub fn menu_bar_ui(ui: &mut egui::Ui, state: &AppState, view: &ViewState, commands: &mut Vec<UiCommand>) {
    MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.label(), |ui| {
                for action in Action::ALL.into_iter().filter(|a| a.menu() == menu) {
                    if action == Action::Quit {
                        ui.separator();
                    }
                    action_item_ui(ui, action, state, view, commands);
                    if action == Action::OpenArticles {
                        recent_menu_ui(ui, state, view, commands);
                    }
                }
            });
        }
        if state.has_unsaved_changes() {
            ui.label(RichText::new("• unsaved changes").weak());
        }
    });
}

/// A menu entry for an action, with its shortcut and tooltip; clicking it runs the action and closes the
/// menu.
pub fn action_item_ui(
    ui: &mut egui::Ui,
    action: Action,
    state: &AppState,
    view: &ViewState,
    commands: &mut Vec<UiCommand>,
) {
    let mut button = Button::new(action.label());
    if let Some(shortcut) = action.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let response = ui.add_enabled(action.available(state, view), button).on_hover_text(action.tooltip());
    if response.clicked() {
        commands.push(UiCommand::Run(action));
        ui.close();
    }
}

/// *Open recent*: the recent files by title (the file name for one not opened in this session).
fn recent_menu_ui(ui: &mut egui::Ui, state: &AppState, view: &ViewState, commands: &mut Vec<UiCommand>) {
    let recent = &state.workspace.recent;
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in recent {
                let open = state.workspace.articles.iter().find(|a| a.source == *path).map(|a| a.display_name());
                let title = open.or_else(|| view.recent_titles.get(path).cloned());
                let file = std::path::Path::new(path).file_name().map(|f| f.to_string_lossy().into_owned());
                let label = title.or(file).unwrap_or_else(|| path.clone());
                if ui.button(label).on_hover_text(path).clicked() {
                    commands.push(UiCommand::OpenPaths(vec![PathBuf::from(path)]));
                    ui.close();
                }
            }
        });
    });
}
