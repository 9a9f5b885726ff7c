//! The strip under the menu bar: the progress of files being opened, and errors and messages that stay
//! until the analyst dismisses them ("an error should never happen in silence").

use egui::{ProgressBar, RichText};

use super::command::UiCommand;
use super::state::{AppState, NoticeKind};

/// Whether the strip has anything to show.
pub fn has_content(state: &AppState) -> bool {
    state.progress.is_some() || !state.notices.is_empty()
}

/// The progress bar and the notices.
pub fn notices_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<UiCommand>) {
    if let Some((done, total)) = state.progress {
        let fraction = if total == 0 { 1.0 } else { done as f32 / total as f32 };
        ui.add(ProgressBar::new(fraction).text(format!("Opening articles: {done} of {total}")).animate(true));
    }
    if state.notices.len() > 1 && ui.button("Dismiss all").clicked() {
        commands.push(UiCommand::DismissAllNotices);
    }
    // The newest first, and not too many: the rest stay until those are dismissed.
    for (index, notice) in state.notices.iter().enumerate().rev().take(8) {
        ui.horizontal(|ui| {
            if ui.small_button("Dismiss").clicked() {
                commands.push(UiCommand::DismissNotice(index));
            }
            let text = RichText::new(&notice.text);
            let text = match notice.kind {
                NoticeKind::Error => text.color(ui.visuals().error_fg_color),
                NoticeKind::Info => text,
            };
            ui.add(egui::Label::new(text).wrap());
        });
    }
    if state.notices.len() > 8 {
        ui.label(RichText::new(format!("…and {} more", state.notices.len() - 8)).weak());
    }
}
