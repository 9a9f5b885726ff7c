//! What a view can ask the app to do. Changes to articles, cards and dossiers travel as
//! [`UiCommand::Apply`] of a [`model::Command`]; everything else (dialogs, saving, undo) is a UI action.
//! Both are drained once per frame by `command_handling.rs`. The commands the analyst gives by name
//! (menus, palette, shortcuts) are described in the command table of `ui_command.rs`.

use std::path::PathBuf;

use super::ui_command::Action;
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
    /// Shows the save dialog for the selected dossier's HTML briefing.
    ExportHtmlDialog,
    /// Writes the selected dossier's briefing into the dossier folder, without a dialog (for systems
    /// where no file dialog is available).
    ExportToFolder,
    Undo,
    Redo,
    /// Asks the window to close (which asks about unsaved changes first).
    Quit,
    /// Removes one notice, by its id.
    DismissNotice(u64),
    DismissAllNotices,
    /// The answer to the question on screen.
    Answer(Answer),
    /// A command of the command table (from a menu, the palette or a shortcut).
    Run(Action),
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
