//! The eframe desktop app: a thin layer over the library core that shows articles, cards and dossiers and
//! turns the analyst's clicks into [`model::Command`](crate::model::Command)s.
//!
//! Architecture invariant: this is the only module that imports egui, eframe or rfd. Views are functions
//! that read [`state::AppState`], may change view-local state ([`state::ViewState`]: selection, filters)
//! and push [`command::UiCommand`]s; [`App`] applies them once per frame, in `command_handling.rs`, the one
//! place where the workspace changes. Slow work (reading files, file dialogs, recovery writes) runs on
//! worker threads (`jobs.rs`) and reports back over channels, so the UI never blocks.
//!
//! - `app.rs`: the [`App`], its frame loop and the hooks the tests drive it with.
//! - `command.rs` / `command_handling.rs`: the UI actions and where they (and model commands) are applied.
//! - `disk.rs`: where dossiers and the workspace live on disk, with the stamps that notice outside changes.
//! - `jobs.rs`: the background work: opening articles, file dialogs, recovery writes.
//! - `state.rs`: what the views read (`AppState`) and what they may change (`ViewState`).
//! - one file per panel: `menu_bar.rs`, `sidebar.rs`, `reader.rs` (+ `highlight.rs`), `card_list.rs`,
//!   `card_detail.rs`, `dossier_view.rs`, `notices.rs`, `prompts.rs`.

mod app;
mod card_detail;
mod card_list;
mod command;
mod command_handling;
mod disk;
mod dossier_view;
mod entities;
mod highlight;
mod jobs;
mod menu_bar;
mod notices;
mod prompts;
mod reader;
mod sidebar;
mod state;

use std::path::PathBuf;

pub use crate::export::{civil_date, today};
pub use app::App;
pub use state::{Notice, NoticeKind};

/// What the app starts with: given by `main.rs` from the command line.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Article files to open at start.
    pub files: Vec<PathBuf>,
    /// Where dossiers, the workspace and the recovery file are kept.
    pub dossier_dir: PathBuf,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self { files: Vec::new(), dossier_dir: PathBuf::from("dossiers") }
    }
}

/// Opens the Dossier window and runs it until the analyst closes it.
pub fn run(options: RunOptions) -> anyhow::Result<()> {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app::TITLE)
            .with_app_id("dossier")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(app::TITLE, native, Box::new(|cc| Ok(Box::new(App::new(cc, options)))))
        .map_err(|e| anyhow::anyhow!("cannot open the Dossier window: {e}"))
}
