//! The first-run strip over the sample article: the four steps of an analyst's work, each ticked off
//! once done, until the analyst dismisses it (remembered in the preferences).

use egui::RichText;

use super::state::{AppState, ViewState};

/// Whether the strip is shown: not dismissed, and the sample article open.
pub fn shows(state: &AppState, dismissed: bool) -> bool {
    !dismissed && state.workspace.articles.iter().any(|a| a.source == crate::pipeline::SAMPLE_PATH)
}

/// The strip; sets `dismissed` when the analyst closes it.
pub fn welcome_ui(ui: &mut egui::Ui, state: &AppState, view: &ViewState, dismissed: &mut bool) {
    let steps = [
        ("Open articles", !state.workspace.articles.is_empty()),
        ("Pick a card", view.card.is_some()),
        ("Add it to a country", state.workspace.dossiers.iter().any(|d| !d.cards.is_empty())),
        ("Export the briefing", view.exported),
    ];
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Getting started:").strong());
        for (number, (step, done)) in steps.into_iter().enumerate() {
            if number > 0 {
                ui.label(RichText::new("·").weak());
            }
            let text = format!("{} {step}{}", number + 1, if done { " (done)" } else { "" });
            ui.label(if done { RichText::new(text).weak().strikethrough() } else { RichText::new(text) });
        }
        if ui.small_button("Got it").on_hover_text("Hide these steps (Preferences can show them again)").clicked() {
            *dismissed = true;
        }
    });
}
