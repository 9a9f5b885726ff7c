//! Toasts: the progress of files being opened, and errors and messages, drawn in a corner above the
//! panels so they never move the layout. Messages fade after a few seconds; errors stay until the
//! analyst dismisses them ("an error should never happen in silence").

use egui::{Align2, Area, Frame, Id, Order, ProgressBar, RichText};

use super::command::UiCommand;
use super::state::{AppState, NoticeKind, ViewState};

/// How long a message stays before it fades, in seconds.
pub const MESSAGE_SECONDS: f64 = 6.0;
/// How long the fade takes, in seconds.
const FADE_SECONDS: f64 = 1.0;
/// How many toasts are shown at once (the newest); the rest wait.
const SHOWN: usize = 6;
/// Frame interval while a message fades, in seconds.
const FADE_REPAINT: f64 = 0.05;

/// The toasts, in the bottom right corner of the window.
pub fn notices_ui(ctx: &egui::Context, state: &AppState, view: &mut ViewState, commands: &mut Vec<UiCommand>) {
    if state.progress.is_none() && state.notices.is_empty() {
        view.notice_times.clear();
        return;
    }
    let now = ctx.input(|i| i.time);
    view.notice_times.retain(|id, _| state.notices.iter().any(|n| n.id == *id));
    let mut next_repaint: Option<f64> = None;
    Area::new(Id::unique("toasts"))
        .order(Order::Foreground)
        .anchor(Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -12.0))
        .show(ctx, |ui| {
            ui.set_max_width(420.0);
            if let Some((done, total)) = state.progress {
                Frame::popup(ui.style()).show(ui, |ui| {
                    let fraction = if total == 0 { 1.0 } else { done as f32 / total as f32 };
                    let text = format!("Opening articles: {done} of {total}");
                    ui.add(ProgressBar::new(fraction).text(text).animate(true).desired_width(380.0));
                });
            }
            if state.notices.len() > 1 && ui.button("Dismiss all").clicked() {
                commands.push(UiCommand::DismissAllNotices);
            }
            let first = state.notices.len().saturating_sub(SHOWN);
            for notice in state.notices.iter().skip(first) {
                let since = *view.notice_times.entry(notice.id).or_insert(now);
                let age = now - since;
                let mut opacity = 1.0;
                if notice.kind == NoticeKind::Info {
                    if age >= MESSAGE_SECONDS + FADE_SECONDS {
                        commands.push(UiCommand::DismissNotice(notice.id));
                        continue;
                    }
                    if age > MESSAGE_SECONDS {
                        opacity = (1.0 - (age - MESSAGE_SECONDS) / FADE_SECONDS) as f32;
                        next_repaint = Some(FADE_REPAINT);
                    } else {
                        let due = MESSAGE_SECONDS - age;
                        next_repaint = Some(next_repaint.map_or(due, |d| d.min(due)));
                    }
                }
                ui.scope(|ui| {
                    ui.set_opacity(opacity);
                    toast_ui(ui, notice, commands);
                });
            }
            if first > 0 {
                ui.label(RichText::new(format!("…and {first} more")).weak());
            }
        });
    if let Some(seconds) = next_repaint {
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(seconds.max(FADE_REPAINT)));
    }
}

fn toast_ui(ui: &mut egui::Ui, notice: &super::state::Notice, commands: &mut Vec<UiCommand>) {
    let error = notice.kind == NoticeKind::Error;
    let mut frame = Frame::popup(ui.style());
    if error {
        frame = frame.stroke(egui::Stroke::new(1.0, ui.visuals().error_fg_color));
    }
    frame.show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.small_button("Dismiss").clicked() {
                commands.push(UiCommand::DismissNotice(notice.id));
            }
            let text = RichText::new(&notice.text);
            let text = if error { text.color(ui.visuals().error_fg_color) } else { text };
            ui.add(egui::Label::new(text).wrap());
        });
    });
}
