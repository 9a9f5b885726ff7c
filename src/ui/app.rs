//! The [`App`]: owns the document, the view state and the background work; runs one frame as "poll the
//! workers, collect input, draw the panels, apply the commands the panels emitted". Also the hooks the
//! kittest tests use to drive it without real dialogs or threads.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{CentralPanel, Panel, ViewportCommand};

use super::RunOptions;
use super::card_list::card_panel_ui;
use super::command::UiCommand;
use super::disk::Disk;
use super::dossier_view::dossier_ui;
use super::jobs::{DialogResult, Dialogs, OpenJob, RecoveryWriter};
use super::menu_bar::menu_bar_ui;
use super::notices::notices_ui;
use super::palette::{help_ui, palette_ui};
use super::preferences::{Preferences, PreferencesWriter, preferences_ui};
use super::prompts::{Prompt, prompt_ui};
use super::reader::reader_ui;
use super::sidebar::sidebar_ui;
use super::state::{AppState, Notice, ViewState};
use super::ui_command;
use super::welcome;
use crate::model::{Article, CardRef, Command, Workspace};

/// The window title; " •" is appended while there are unsaved changes.
pub const TITLE: &str = "Dossier";

/// How long after a change the recovery file is written.
pub(super) const RECOVERY_DELAY: Duration = Duration::from_millis(1500);

/// How often the progress bar is redrawn while files are being opened.
const PROGRESS_REPAINT: Duration = Duration::from_millis(100);

/// The Dossier desktop app.
pub struct App {
    pub(super) state: AppState,
    pub(super) view: ViewState,
    pub(super) disk: Disk,
    pub(super) ctx: egui::Context,
    pub(super) open_job: Option<OpenJob>,
    /// Files asked for while another batch was being opened.
    pub(super) queued_paths: Vec<PathBuf>,
    pub(super) dialogs: Dialogs,
    pub(super) recovery: RecoveryWriter,
    /// When the recovery file is next due to be written.
    pub(super) recovery_due: Option<Instant>,
    /// The recovered workspace, while the analyst is asked whether to restore it.
    pub(super) pending_recovery: Option<Workspace>,
    pub(super) prompt: Option<Prompt>,
    /// Close once the conflicts of a "save, then close" are resolved.
    pub(super) close_after_save: bool,
    /// The analyst chose to close: let the next close request through.
    pub(super) allow_close: bool,
    /// Test hook: the path the next save dialog answers with, instead of showing a dialog.
    pub(super) save_dialog_answer: Option<PathBuf>,
    pub(super) preferences: Preferences,
    preferences_writer: PreferencesWriter,
    title: String,
}

impl App {
    /// Restores the workspace of `options.dossier_dir` (or opens the sample article on a first run),
    /// loads its dossiers, offers to restore unsaved changes, and starts opening `options.files`.
    pub fn new(cc: &eframe::CreationContext<'_>, options: RunOptions) -> Self {
        Self::with_preferences(cc, options, None)
    }

    /// As [`App::new`], with the preferences kept in the file `preferences` (none: default preferences,
    /// kept in memory only).
    pub fn with_preferences(
        cc: &eframe::CreationContext<'_>,
        options: RunOptions,
        preferences: Option<PathBuf>,
    ) -> Self {
        let (loaded, preferences_error) = match &preferences {
            Some(path) => Preferences::load(path),
            None => (Preferences::default(), None),
        };
        loaded.apply(&cc.egui_ctx);
        let mut disk = Disk::new(options.dossier_dir.clone());
        let startup = disk.load();
        let recovery = RecoveryWriter::start(options.dossier_dir, disk.fs(), disk.owns_folder(), cc.egui_ctx.clone());
        let mut app = Self {
            state: AppState::default(),
            view: ViewState::default(),
            disk,
            ctx: cc.egui_ctx.clone(),
            open_job: None,
            queued_paths: Vec::new(),
            dialogs: Dialogs::default(),
            recovery,
            recovery_due: None,
            pending_recovery: None,
            prompt: None,
            close_after_save: false,
            allow_close: false,
            save_dialog_answer: None,
            preferences_writer: PreferencesWriter::new(preferences, loaded.clone()),
            preferences: loaded,
            title: TITLE.to_owned(),
        };
        app.state.errors_from(preferences_error);
        for error in startup.errors {
            app.state.error(error);
        }
        app.state.workspace = startup.workspace;
        if startup.first_run {
            // A new user sees cards at once. Not an undoable change, and nothing to save yet.
            let _ = app.state.workspace.apply(Command::AddArticles(vec![crate::pipeline::sample_article()]));
        }
        if let Some(recovered) = startup.recovery {
            app.pending_recovery = Some(recovered);
            app.prompt = Some(Prompt::Recovery);
        }
        app.view.article = app.state.workspace.articles.first().map(|a| a.hash.clone());
        if !options.files.is_empty() {
            app.run_command(UiCommand::OpenPaths(options.files));
        }
        app
    }

    /// The workspace as it is now.
    pub fn workspace(&self) -> &Workspace {
        &self.state.workspace
    }

    /// The errors and messages on screen, oldest first.
    pub fn notices(&self) -> &[Notice] {
        &self.state.notices
    }

    /// Whether closing now would lose changes.
    pub fn has_unsaved_changes(&self) -> bool {
        self.state.has_unsaved_changes()
    }

    /// The window title ("Dossier", or "Dossier •" with unsaved changes).
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The selected card, if any.
    pub fn selected_card(&self) -> Option<&CardRef> {
        self.view.card.as_ref()
    }

    /// The country of the dossier shown in the dossier panel, if any.
    pub fn shown_dossier(&self) -> Option<&str> {
        self.view.dossier.as_deref()
    }

    /// The dossier folder.
    pub fn dossier_dir(&self) -> &Path {
        self.disk.dir()
    }

    /// Test hook: sends saves through `fs` from now on (a full or read-only disk).
    pub fn use_file_system(&mut self, fs: std::sync::Arc<dyn crate::store::fs::Fs>) {
        self.wait_for_background();
        self.disk.set_fs(fs);
        let dir = self.disk.dir().to_owned();
        self.recovery = RecoveryWriter::start(dir, self.disk.fs(), self.disk.owns_folder(), self.ctx.clone());
    }

    /// Whether a workspace save is still being written on the worker.
    pub fn is_saving(&self) -> bool {
        self.recovery.saving()
    }

    /// Test hook: opens already analysed articles by the route the background reader's results take.
    pub fn add_articles(&mut self, articles: Vec<Article>) {
        let opened = articles.into_iter().map(|a| (PathBuf::from(&a.source), Ok(a))).collect();
        self.receive_opened(opened);
    }

    /// Test hook: applies a change to the workspace as a click does (undoable, caches made stale).
    pub fn apply_command(&mut self, command: Command) {
        self.apply(command);
    }

    /// Test hook: opens files as `OpenPaths` does, but on this thread, returning when they are open.
    pub fn open_paths_blocking(&mut self, paths: Vec<PathBuf>) {
        self.wait_for_background();
        let done = std::sync::atomic::AtomicUsize::new(0);
        let opened = crate::pipeline::open_articles(&paths, &done);
        self.receive_opened(paths.into_iter().zip(opened).collect());
    }

    /// Test hook: blocks until the files being opened are open and the recovery file is written.
    pub fn wait_for_background(&mut self) {
        while let Some(job) = self.open_job.take() {
            self.state.progress = None;
            match job.wait() {
                Ok(opened) => self.receive_opened(opened),
                Err(e) => self.state.error(e),
            }
            self.start_queued();
        }
        self.recovery.flush();
        self.poll_recovery_errors();
    }

    /// Test hook: the next save dialog (*Export briefing…*) answers `path` at once instead of showing.
    pub fn answer_next_save_dialog(&mut self, path: PathBuf) {
        self.save_dialog_answer = Some(path);
    }

    /// How many card rows fit in the card list as it is laid out now.
    pub fn card_rows_in_view(&self) -> usize {
        self.view.card_rows_in_view
    }

    /// Whether the command palette is open.
    pub fn palette_open(&self) -> bool {
        self.view.palette.is_some()
    }

    /// Test hook: writes the recovery file now instead of in a moment.
    pub fn write_recovery_now(&mut self) {
        self.recovery_due = None;
        self.recovery.save(self.state.workspace.clone());
        self.recovery.flush();
    }

    fn poll_background(&mut self) {
        if let Some(job) = &mut self.open_job {
            self.state.progress = Some(job.progress());
            if let Some(result) = job.try_finish() {
                self.open_job = None;
                self.state.progress = None;
                match result {
                    Ok(opened) => self.receive_opened(opened),
                    Err(e) => self.state.error(e),
                }
                self.start_queued();
            }
        }
        for result in self.dialogs.poll() {
            self.state.dialog_open = false;
            match result {
                DialogResult::Open(paths) => self.run_command(UiCommand::OpenPaths(paths)),
                DialogResult::Export { country, path } => self.export_and_report(&country, &path),
                DialogResult::Cancelled => {}
            }
        }
        self.poll_recovery_errors();
    }

    /// Takes in the outcomes of workspace saves done on the worker. False when one failed (the
    /// workspace is unsaved again, and the error is shown).
    pub(super) fn poll_saves(&mut self) -> bool {
        let mut all_saved = true;
        for (generation, result) in self.recovery.saved() {
            match result {
                // Saved what is on screen now: nothing left to save (unless a dossier failed).
                Ok(()) if generation == self.state.generation => self.state.unsaved = false,
                Ok(()) => {}
                Err(e) => {
                    all_saved = false;
                    self.state.error(e);
                }
            }
        }
        all_saved
    }

    fn poll_recovery_errors(&mut self) {
        self.poll_saves();
        for error in self.recovery.errors() {
            if self.state.notices.last().is_none_or(|n| n.text != error) {
                self.state.error(error);
            }
        }
    }

    /// Starts the files that waited for the previous batch.
    pub(super) fn start_queued(&mut self) {
        if self.open_job.is_none() && !self.queued_paths.is_empty() {
            let paths = std::mem::take(&mut self.queued_paths);
            self.state.progress = Some((0, paths.len()));
            self.open_job = Some(OpenJob::start(paths, self.ctx.clone()));
        }
    }

    /// Forgets selections of things that are gone (closed articles, undone dossiers).
    fn tidy_view(&mut self) {
        let workspace = &self.state.workspace;
        let view = &mut self.view;
        if view.article.as_deref().is_none_or(|hash| workspace.article(hash).is_none()) {
            view.article = workspace.articles.first().map(|a| a.hash.clone());
        }
        if view.card.as_ref().is_some_and(|c| workspace.article(&c.article).is_none()) {
            view.card = None;
            view.edit = None;
        }
        if view.dossier.as_deref().is_some_and(|c| workspace.dossier(c).is_none()) {
            view.dossier = None;
        }
    }

    /// Dropped files, keyboard shortcuts and the close button.
    fn input(&mut self, ctx: &egui::Context, commands: &mut Vec<UiCommand>) {
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect());
        if !dropped.is_empty() {
            commands.push(UiCommand::OpenPaths(dropped));
        }
        if self.prompt.is_none() {
            // While the palette is open the keys are its own, but Ctrl+K still closes it.
            let typing = ctx.egui_wants_keyboard_input() || self.view.palette.is_some();
            let actions = ui_command::pressed(ctx, typing);
            let actions =
                actions.into_iter().filter(|a| self.view.palette.is_none() || *a == ui_command::Action::CommandPalette);
            commands.extend(actions.map(UiCommand::Run));
        }
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            let layer = egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop_overlay"));
            let painter = ctx.layer_painter(layer);
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(150));
            let font = egui::FontId::proportional(24.0);
            painter.text(rect.center(), egui::Align2::CENTER_CENTER, "Drop to open", font, egui::Color32::WHITE);
        }
        let close_requested = ctx.input(|i| i.viewport().close_requested());
        if close_requested && !self.allow_close && self.state.has_unsaved_changes() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.prompt = Some(Prompt::Close);
        }
    }

    /// The panels: the menu bar; the articles and dossiers on the left and the cards on the right, both
    /// the full height of the window; the reader in the middle with the dossier (collapsible) under it.
    /// Every divider can be dragged, and the sizes are kept in the preferences.
    fn panels_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<UiCommand>) {
        let state = &self.state;
        let view = &mut self.view;
        let sizes = &mut self.preferences.panels;
        let welcome_dismissed = &mut self.preferences.welcome_dismissed;
        let window = ui.ctx().content_rect();
        Panel::top("menu_bar").show(ui, |ui| menu_bar_ui(ui, state, view, commands));
        let sidebar = Panel::left("sidebar")
            .resizable(true)
            .default_size(sizes.sidebar.min(window.width() * 0.25))
            .min_size(160.0)
            .show(ui, |ui| sidebar_ui(ui, state, view, commands));
        let cards = Panel::right("cards")
            .resizable(true)
            .default_size(sizes.cards.min(window.width() * 0.38))
            .min_size(300.0)
            .show(ui, |ui| card_panel_ui(ui, state, view, sizes, commands));
        let dossier = view.dossier.is_some().then(|| {
            let collapsed = view.dossier_collapsed;
            let panel = if collapsed {
                Panel::bottom("dossier_collapsed").resizable(false)
            } else {
                Panel::bottom("dossier").resizable(true).default_size(sizes.dossier.min(window.height() * 0.4))
            };
            let shown = panel.min_size(if collapsed { 0.0 } else { 120.0 }).show(ui, |ui| {
                // The panel keeps the size its contents take: let them take all of it.
                if !collapsed {
                    ui.set_min_height(ui.available_height());
                }
                dossier_ui(ui, state, view, sizes, commands);
            });
            (collapsed, shown.response.rect.height())
        });
        if welcome::shows(state, *welcome_dismissed) {
            Panel::top("welcome").show(ui, |ui| welcome::welcome_ui(ui, state, view, welcome_dismissed));
        }
        CentralPanel::default().show(ui, |ui| reader_ui(ui, state, view, commands));
        // Remember the sizes when the analyst lets go of a divider (only then: a panel laid out smaller
        // than asked for on its first frame must not become the size asked for next).
        if super::preferences::resize_ended(ui.ctx()) {
            sizes.sidebar = sidebar.response.rect.width();
            sizes.cards = cards.response.rect.width();
            if let Some((false, height)) = dossier {
                sizes.dossier = height;
            }
        }
    }

    /// The title, and the repaints and recovery writes that time (not input) calls for.
    fn after_frame(&mut self, ctx: &egui::Context) {
        let title = if self.state.has_unsaved_changes() { format!("{TITLE} •") } else { TITLE.to_owned() };
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if self.open_job.is_some() {
            ctx.request_repaint_after(PROGRESS_REPAINT);
        }
        if let Some(due) = self.recovery_due {
            let now = Instant::now();
            if now >= due {
                self.recovery_due = None;
                self.recovery.save(self.state.workspace.clone());
            } else {
                ctx.request_repaint_after(due - now);
            }
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_background();
        self.tidy_view();
        let mut commands = Vec::new();
        self.input(&ctx, &mut commands);
        self.panels_ui(ui, &mut commands);
        if let Some(prompt) = &self.prompt {
            prompt_ui(&ctx, prompt, &mut commands);
        } else {
            palette_ui(&ctx, &self.state, &mut self.view, &mut commands);
        }
        help_ui(&ctx, &mut self.view);
        super::search::text_search_ui(&ctx, &self.state, &mut self.view);
        preferences_ui(&ctx, &mut self.view.preferences_open, &mut self.preferences);
        notices_ui(&ctx, &self.state, &mut self.view, &mut commands);
        super::drag::drag_preview_ui(&ctx);
        for command in commands {
            self.run_command(command);
        }
        self.after_frame(&ctx);
        self.preferences_writer.save(&self.preferences);
        for error in self.preferences_writer.errors() {
            self.state.error(error);
        }
    }
}
