//! The questions the app must ask before going on, as egui modals: unsaved changes on close, a recovery
//! file at start, and dossier files changed on disk by someone else.

use egui::{Id, Modal, RichText};

use super::command::{Answer, UiCommand};

/// A question on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Prompt {
    /// The window is closing with unsaved changes.
    Close,
    /// A recovery file newer than the workspace was found.
    Recovery,
    /// These dossier files changed on disk since they were loaded or saved.
    Conflict(Vec<Conflict>),
}

/// A dossier whose file changed on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub country: String,
    pub name: String,
    pub path: String,
}

/// Shows the prompt; an answer becomes a command.
pub fn prompt_ui(ctx: &egui::Context, prompt: &Prompt, commands: &mut Vec<UiCommand>) {
    let (id, title, body, buttons): (&str, &str, String, &[(&str, Answer)]) = match prompt {
        Prompt::Close => (
            "close_prompt",
            "Save changes before closing?",
            "Your dossiers or workspace have unsaved changes.".to_owned(),
            &[("Save", Answer::CloseSave), ("Discard", Answer::CloseDiscard), ("Cancel", Answer::CloseCancel)],
        ),
        Prompt::Recovery => (
            "recovery_prompt",
            "Restore unsaved changes?",
            "Dossier found changes from a session that ended without saving.".to_owned(),
            &[("Restore", Answer::RecoveryRestore), ("Discard", Answer::RecoveryDiscard)],
        ),
        Prompt::Conflict(files) => (
            "conflict_prompt",
            "Dossier files changed on disk",
            files
                .iter()
                .map(|c| format!("{}: {} was changed by another program since it was opened.", c.name, c.path))
                .collect::<Vec<_>>()
                .join("\n"),
            &[("Overwrite", Answer::ConflictOverwrite), ("Keep unsaved", Answer::ConflictKeep)],
        ),
    };
    Modal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(title);
        ui.add_space(4.0);
        ui.label(body);
        if matches!(prompt, Prompt::Conflict(_)) {
            ui.label(RichText::new("Overwrite replaces their version with yours.").weak());
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (label, answer) in buttons {
                if ui.button(*label).clicked() {
                    commands.push(UiCommand::Answer(*answer));
                }
            }
        });
    });
}
