//! The menu bar: File (open, recent files, save, export, quit) and Edit (undo, redo), each entry showing
//! its keyboard shortcut.

use std::path::PathBuf;

use egui::{Button, KeyboardShortcut, MenuBar, RichText};

use super::command::{self, UiCommand};
use super::state::{AppState, ViewState};

/// The menu bar.
pub fn menu_bar_ui(ui: &mut egui::Ui, state: &AppState, view: &ViewState, commands: &mut Vec<UiCommand>) {
    MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, state, view, commands));
        ui.menu_button("Edit", |ui| {
            let history = &state.history;
            if item(ui, "Undo", &command::UNDO, history.can_undo()) {
                commands.push(UiCommand::Undo);
            }
            if item(ui, "Redo", &command::REDO, history.can_redo()) {
                commands.push(UiCommand::Redo);
            }
        });
        if state.has_unsaved_changes() {
            ui.label(RichText::new("• unsaved changes").weak());
        }
    });
}

fn file_menu_ui(ui: &mut egui::Ui, state: &AppState, view: &ViewState, commands: &mut Vec<UiCommand>) {
    if item(ui, "Open articles…", &command::OPEN, !state.dialog_open) {
        commands.push(UiCommand::OpenDialog);
    }
    let recent = &state.workspace.recent;
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in recent {
                if ui.button(path).clicked() {
                    commands.push(UiCommand::OpenPaths(vec![PathBuf::from(path)]));
                    ui.close();
                }
            }
        });
    });
    ui.separator();
    if item(ui, "Save", &command::SAVE, true) {
        commands.push(UiCommand::Save);
    }
    let exportable = view.dossier.as_deref().is_some_and(|c| state.workspace.dossier(c).is_some());
    if item(ui, "Export briefing…", &command::EXPORT, exportable && !state.dialog_open) {
        commands.push(UiCommand::ExportDialog);
    }
    ui.separator();
    if ui.button("Quit").clicked() {
        commands.push(UiCommand::Quit);
        ui.close();
    }
}

/// A menu entry with its shortcut; true when clicked (and then the menu closes).
fn item(ui: &mut egui::Ui, label: &str, shortcut: &KeyboardShortcut, enabled: bool) -> bool {
    let shortcut = ui.ctx().format_shortcut(shortcut);
    let clicked = ui.add_enabled(enabled, Button::new(label).shortcut_text(shortcut)).clicked();
    if clicked {
        ui.close();
    }
    clicked
}
