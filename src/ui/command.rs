//! What a view can ask the app to do. Changes to articles, cards and dossiers travel as
//! [`UiCommand::Apply`] of a [`model::Command`]; everything else (dialogs, saving, undo) is a UI action.
//! Both are drained once per frame by `command_handling.rs`.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::Command;

/// A user action, collected during a frame and applied after it.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum UiCommand {
    /// Changes the workspace (undoable). Boxed: a command can carry whole articles.
    Apply(Box<Command>),
    /// Shows the open dialog (on a worker thread).
    OpenDialog,
    /// Reads and analyses these files in the background.
    OpenPaths(Vec<PathBuf>),
    /// Saves every changed dossier and the workspace.
    Save,
    /// Shows the save dialog for the selected dossier's briefing.
    ExportDialog,
    /// Writes the selected dossier's briefing into the dossier folder, without a dialog (for systems
    /// where no file dialog is available).
    ExportToFolder,
    Undo,
    Redo,
    /// Asks the window to close (which asks about unsaved changes first).
    Quit,
    /// Removes one notice, by index.
    DismissNotice(usize),
    DismissAllNotices,
    /// The answer to the question on screen.
    Answer(Answer),
}

impl UiCommand {
    /// A change to the workspace.
    pub fn apply(command: Command) -> Self {
        Self::Apply(Box::new(command))
    }
}

/// The answers to the modal questions of `prompts.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Closing with unsaved changes: save, then close.
    CloseSave,
    /// Closing with unsaved changes: close without saving.
    CloseDiscard,
    /// Closing with unsaved changes: stay.
    CloseCancel,
    /// A recovery file was found: restore it.
    RecoveryRestore,
    /// A recovery file was found: delete it.
    RecoveryDiscard,
    /// Dossier files changed on disk: overwrite them with the app's version.
    ConflictOverwrite,
    /// Dossier files changed on disk: leave them, and the dossiers unsaved.
    ConflictKeep,
}

pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);

/// The commands bound to keyboard shortcuts that were pressed this frame. Undo and redo are left to a
/// focused text field (it has its own undo) when `text_has_focus`.
pub fn shortcuts(ctx: &egui::Context, text_has_focus: bool) -> Vec<UiCommand> {
    ctx.input_mut(|input| {
        let mut commands = Vec::new();
        // The most specific shortcut first: Ctrl+Shift+Z also matches Ctrl+Z.
        if !text_has_focus && input.consume_shortcut(&REDO) {
            commands.push(UiCommand::Redo);
        }
        if !text_has_focus && input.consume_shortcut(&UNDO) {
            commands.push(UiCommand::Undo);
        }
        if input.consume_shortcut(&OPEN) {
            commands.push(UiCommand::OpenDialog);
        }
        if input.consume_shortcut(&SAVE) {
            commands.push(UiCommand::Save);
        }
        if input.consume_shortcut(&EXPORT) {
            commands.push(UiCommand::ExportDialog);
        }
        commands
    })
}
