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
//! - `ui_command.rs`: the command table (label, shortcut, tooltip, availability of every named command),
//!   from which `menu_bar.rs` and `palette.rs` (command palette, keyboard help sheet) are built.
//! - `drag.rs`: cards dragged onto dossiers and their sections, and within a dossier.
//! - `navigation.rs`: the keyboard in lists (arrows, Home/End, Enter, Delete, Ctrl+D).
//! - `search.rs`: the article list's filter and order, and the search over every article's text.
//! - `welcome.rs`: the first-run strip of the four steps over the sample.
//! - `preferences.rs`: theme, text size, dossier folder and panel sizes, kept between sessions.
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
mod drag;
mod entities;
mod highlight;
mod jobs;
mod menu_bar;
mod navigation;
mod notices;
mod palette;
mod preferences;
mod prompts;
mod reader;
mod search;
mod sidebar;
mod state;
mod ui_command;
mod welcome;

use std::path::PathBuf;

pub use crate::export::{civil_date, today};
pub use app::App;
pub use preferences::{Preferences, Theme};
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

/// Opens the Dossier window and runs it until the analyst closes it. The preferences come from the
/// user's configuration folder; their dossier folder is used when `options` has the default one.
pub fn run(mut options: RunOptions) -> anyhow::Result<()> {
    let preferences = Preferences::default_path();
    if options.dossier_dir == RunOptions::default().dossier_dir
        && let Some(folder) = preferences.as_deref().and_then(|p| Preferences::load(p).0.dossier_dir)
    {
        options.dossier_dir = PathBuf::from(folder);
    }
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app::TITLE)
            .with_app_id("dossier")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(app::TITLE, native, Box::new(|cc| Ok(Box::new(App::with_preferences(cc, options, preferences)))))
        .map_err(|e| anyhow::anyhow!("cannot open the Dossier window: {e}"))
}
