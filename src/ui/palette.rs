//! The command palette (Ctrl+K: type to filter, ↑/↓ to choose, Enter to run, Escape to close) and the
//! keyboard help sheet (F1), both built from the command table of `ui_command.rs`.

use egui::{Grid, Id, Key, Modal, Modifiers, RichText, ScrollArea, TextEdit};

use super::command::UiCommand;
use super::state::{AppState, ViewState};
use super::ui_command::Action;

/// The palette while it is open: what has been typed and which match is chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Palette {
    pub query: String,
    /// Index into the matching actions.
    pub chosen: usize,
}

/// The palette, when open. Closes itself (sets `view.palette` to `None`) when a command is run or the
/// analyst presses Escape or clicks beside it.
pub fn palette_ui(ctx: &egui::Context, state: &AppState, view: &mut ViewState, commands: &mut Vec<UiCommand>) {
    let Some(mut palette) = view.palette.take() else {
        return;
    };
    let find = |query: &str| -> Vec<Action> { Action::ALL.into_iter().filter(|a| a.matches(query)).collect() };
    let mut matches = find(&palette.query);
    let (down, up, enter) = ctx.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
            i.consume_key(Modifiers::NONE, Key::Enter),
        )
    });
    if down {
        palette.chosen = (palette.chosen + 1).min(matches.len().saturating_sub(1));
    }
    if up {
        palette.chosen = palette.chosen.saturating_sub(1);
    }
    palette.chosen = palette.chosen.min(matches.len().saturating_sub(1));
    let mut run = enter.then(|| matches.get(palette.chosen).copied()).flatten();

    let modal = Modal::new(Id::unique("command_palette")).show(ctx, |ui| {
        ui.set_width(460.0);
        let label = ui.label("Command");
        let field =
            TextEdit::singleline(&mut palette.query).hint_text("type to find a command").desired_width(f32::INFINITY);
        let field = ui.add(field).labelled_by(label.id);
        field.request_focus();
        if field.changed() {
            // The list follows the query in the frame that changed it, not one frame later.
            palette.chosen = 0;
            matches = find(&palette.query);
        }
        ui.separator();
        ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
            if matches.is_empty() {
                ui.label(RichText::new("No command by that name.").weak());
            }
            for (index, &action) in matches.iter().enumerate() {
                let available = action.available(state, view);
                let mut text = RichText::new(action.label());
                if !available {
                    text = text.weak();
                }
                let shortcut = action.shortcut().map(|s| ui.ctx().format_shortcut(&s)).unwrap_or_default();
                let row = ui.add(egui::Button::selectable(index == palette.chosen, text).right_text(shortcut));
                let row = row.on_hover_text(action.tooltip());
                if row.clicked() {
                    run = Some(action);
                }
            }
        });
    });
    if let Some(action) = run {
        if action.available(state, view) {
            commands.push(UiCommand::Run(action));
            return;
        }
        palette.chosen = matches.iter().position(|&a| a == action).unwrap_or(0);
    }
    if !modal.should_close() {
        view.palette = Some(palette);
    }
}

/// The keyboard help sheet, while `view.help_open`.
pub fn help_ui(ctx: &egui::Context, view: &mut ViewState) {
    let mut open = view.help_open;
    egui::Window::new("Keyboard shortcuts").open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
        Grid::new("shortcut_sheet").num_columns(3).striped(true).show(ui, |ui| {
            for action in Action::ALL {
                let shortcut = action.shortcut().map(|s| ctx.format_shortcut(&s)).unwrap_or_else(|| "—".to_owned());
                ui.label(RichText::new(shortcut).monospace());
                ui.label(action.label());
                ui.label(RichText::new(action.tooltip()).weak());
                ui.end_row();
            }
        });
    });
    view.help_open = open && !ctx.input(|i| i.key_pressed(Key::Escape));
}
