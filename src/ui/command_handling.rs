//! The one place where commands take effect: model commands through the undo history, and the UI
//! actions (opening files, dialogs, saving, exporting, answering prompts).

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context as _;
use egui::ViewportCommand;

use super::app::App;
use super::command::{Answer, UiCommand};
use super::disk::SaveError;
use super::jobs::Opened;
use super::prompts::{Conflict, Prompt};
use super::ui_command::Action;
use crate::export::today;
use crate::model::{Command, Dossier, History};

/// The briefing's default file name: `<dossier slug>-briefing.md`.
fn briefing_file_name(dossier: &Dossier) -> String {
    let file_name = dossier.file_name();
    let slug = file_name.strip_suffix(".ron").unwrap_or(&file_name);
    format!("{slug}-briefing.md")
}

impl App {
    /// Carries out one command.
    pub(super) fn run_command(&mut self, command: UiCommand) {
        match command {
            UiCommand::Apply(command) => self.apply(*command),
            UiCommand::OpenDialog => self.open_dialog(),
            UiCommand::OpenPaths(paths) => self.open_paths(paths),
            UiCommand::Save => {
                self.save_all();
            }
            UiCommand::ExportDialog => self.export_dialog(false),
            UiCommand::ExportHtmlDialog => self.export_dialog(true),
            UiCommand::ExportToFolder => self.export_to_folder(),
            UiCommand::Undo => {
                if self.state.history.undo(&mut self.state.workspace) {
                    self.changed();
                }
            }
            UiCommand::Redo => {
                if self.state.history.redo(&mut self.state.workspace) {
                    self.changed();
                }
            }
            UiCommand::Quit => self.ctx.send_viewport_cmd(ViewportCommand::Close),
            UiCommand::DismissNotice(id) => self.state.notices.retain(|n| n.id != id),
            UiCommand::DismissAllNotices => self.state.notices.clear(),
            UiCommand::Answer(answer) => self.answer(answer),
            UiCommand::Run(action) => self.run_action(action),
        }
    }

    /// Carries out a command of the command table, if it would do something now.
    fn run_action(&mut self, action: Action) {
        if !action.available(&self.state, &self.view) || self.run_list_action(action) {
            return;
        }
        let command = match action {
            Action::SelectPrevious
            | Action::SelectNext
            | Action::SelectFirst
            | Action::SelectLast
            | Action::OpenSelected
            | Action::RejectSelected
            | Action::AddToDossier => return,
            Action::OpenArticles => UiCommand::OpenDialog,
            Action::Save => UiCommand::Save,
            Action::ExportBriefing => UiCommand::ExportDialog,
            Action::ExportHtml => UiCommand::ExportHtmlDialog,
            Action::ExportToFolder => UiCommand::ExportToFolder,
            Action::Quit => UiCommand::Quit,
            Action::Undo => UiCommand::Undo,
            Action::Redo => UiCommand::Redo,
            Action::DismissNotices => UiCommand::DismissAllNotices,
            Action::ToggleDossier => {
                let view = &mut self.view;
                match view.dossier.take() {
                    Some(shown) => view.last_dossier = Some(shown),
                    None => {
                        let last = view.last_dossier.take().filter(|c| self.state.workspace.dossier(c).is_some());
                        view.dossier =
                            last.or_else(|| self.state.workspace.dossiers.first().map(|d| d.country.clone()));
                    }
                }
                return;
            }
            Action::CommandPalette => {
                self.view.palette = match self.view.palette {
                    Some(_) => None,
                    None => Some(Default::default()),
                };
                return;
            }
            Action::SearchText => {
                self.view.text_search = match self.view.text_search {
                    Some(_) => None,
                    None => Some(Default::default()),
                };
                return;
            }
            Action::Preferences => {
                self.view.preferences_open = !self.view.preferences_open;
                return;
            }
            Action::KeyboardHelp => {
                self.view.help_open = !self.view.help_open;
                return;
            }
        };
        self.run_command(command);
    }

    /// Applies a change to the workspace, undoably.
    pub(super) fn apply(&mut self, command: Command) {
        match self.state.history.apply(&mut self.state.workspace, command) {
            Ok(()) => self.changed(),
            Err(e) => self.state.error(format!("Could not make that change: {e}")),
        }
    }

    /// The workspace changed: caches are stale, there is something to save, recovery is due.
    fn changed(&mut self) {
        self.state.generation += 1;
        self.state.unsaved = true;
        self.recovery_due.get_or_insert_with(|| Instant::now() + super::app::RECOVERY_DELAY);
    }

    fn open_dialog(&mut self) {
        if self.state.dialog_open {
            return;
        }
        let directory = self.state.workspace.recent.first().and_then(|p| Path::new(p).parent()).map(Path::to_owned);
        let directory = directory.filter(|d| d.is_dir());
        self.state.dialog_open = true;
        self.dialogs.pick_articles(self.ctx.clone(), directory);
    }

    /// Starts reading files in the background (after the batch being read, if any).
    fn open_paths(&mut self, paths: Vec<PathBuf>) {
        self.queued_paths.extend(paths);
        self.start_queued();
    }

    /// What the background reader found: articles are added (one undoable step), errors shown.
    pub(super) fn receive_opened(&mut self, opened: Vec<Opened>) {
        let mut articles = Vec::new();
        for (_, result) in opened {
            match result {
                Ok(article) => {
                    self.view.recent_titles.insert(article.source.clone(), article.display_name());
                    articles.push(article);
                }
                Err(e) => self.state.error(e.to_string()),
            }
        }
        // As `dossier extract` does with its files: articles of a batch mostly written from one country
        // that name none are written from there too (weak evidence, said so on the card).
        crate::entity::knowledge::apply_collection(&mut articles.iter_mut().collect::<Vec<_>>());
        let Some(first) = articles.first().map(|a| a.hash.clone()) else {
            return;
        };
        let already = articles.iter().filter(|a| self.state.workspace.article(&a.hash).is_some()).count();
        if already > 0 {
            let s = if already == 1 { " was" } else { "s were" };
            self.state.info(format!("{already} article{s} already open."));
        }
        self.apply(Command::AddArticles(articles));
        self.view.select_article(&first);
    }

    /// Saves every changed dossier and the workspace. True when everything was saved.
    pub(super) fn save_all(&mut self) -> bool {
        let mut saved = true;
        let mut conflicts = Vec::new();
        let countries: Vec<String> = self.state.workspace.dirty.iter().cloned().collect();
        for country in countries {
            let result = match self.state.workspace.dossier(&country) {
                Some(dossier) => self.disk.save_dossier(dossier, false).map(|_| ()).map_err(|e| match e {
                    SaveError::Conflict(path) => {
                        let path = path.display().to_string();
                        conflicts.push(Conflict { country: country.clone(), name: dossier.name.clone(), path });
                        None
                    }
                    SaveError::Store(e) => Some(format!("Could not save the {} dossier: {e}", dossier.name)),
                }),
                None => self
                    .disk
                    .forget_dossier(&country)
                    .map(|_| ())
                    .map_err(|e| Some(format!("Could not delete the file of a deleted dossier: {e}"))),
            };
            match result {
                Ok(()) => {
                    self.state.workspace.dirty.remove(&country);
                }
                Err(error) => {
                    saved = false;
                    if let Some(error) = error {
                        self.state.error(error);
                    }
                }
            }
        }
        // Written on the worker (the snapshot shares the articles); `poll_saves` takes the outcome.
        match self.disk.workspace_save_path() {
            Ok(path) => {
                self.recovery.save_workspace(self.state.workspace.clone(), path, self.state.generation);
                self.recovery_due = None;
            }
            Err(e) => {
                saved = false;
                self.state.error(format!("Could not save the workspace: {e}"));
            }
        }
        if !conflicts.is_empty() {
            self.prompt = Some(Prompt::Conflict(conflicts));
        }
        saved
    }

    /// The dossier shown in the dossier panel; without one, a notice asking to pick one.
    fn dossier_to_export(&mut self) -> Option<&Dossier> {
        let country = self.view.dossier.clone().filter(|c| self.state.workspace.dossier(c).is_some());
        if country.is_none() {
            self.state.info("Select a dossier on the left to export its briefing.");
        }
        self.state.workspace.dossier(&country?)
    }

    /// The save dialog for the shown dossier's briefing: Markdown, or HTML when `html`. The format
    /// follows the file name's extension.
    fn export_dialog(&mut self, html: bool) {
        if self.state.dialog_open {
            return;
        }
        let Some(dossier) = self.dossier_to_export() else {
            return;
        };
        let file_name =
            if html { crate::export::briefing_html_file_name(dossier) } else { briefing_file_name(dossier) };
        let country = dossier.country.clone();
        if let Some(path) = self.save_dialog_answer.take() {
            self.export_and_report(&country, &path);
            return;
        }
        let directory = std::path::absolute(self.disk.dir()).unwrap_or_else(|_| self.disk.dir().to_owned());
        self.state.dialog_open = true;
        self.dialogs.save_briefing(self.ctx.clone(), country, file_name, directory);
    }

    fn export_to_folder(&mut self) {
        let Some(dossier) = self.dossier_to_export() else {
            return;
        };
        let (country, markdown) = (dossier.country.clone(), briefing_file_name(dossier));
        let html = crate::export::briefing_html_file_name(dossier);
        self.export_and_report(&country, &self.disk.dir().join(markdown));
        self.export_and_report(&country, &self.disk.dir().join(html));
    }

    /// Writes the briefing of `country`'s dossier, dated today, to `path`: what the export dialog's
    /// answer does (also a test hook). A path ending in `.html` or `.htm` gets the HTML briefing, any
    /// other the Markdown one.
    pub fn export_briefing(&mut self, country: &str, path: &Path) -> anyhow::Result<()> {
        let dossier =
            self.state.workspace.dossier(country).with_context(|| format!("there is no {country} dossier"))?;
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        let text = if matches!(extension.as_deref(), Some("html" | "htm")) {
            // The page links to its sources: relative paths (to where the app runs) would not resolve
            // from where the page is saved.
            let mut linked = dossier.clone();
            for card in &mut linked.cards {
                if let Ok(absolute) = std::path::absolute(&card.source.path) {
                    card.source.path = absolute.to_string_lossy().into_owned();
                }
            }
            crate::export::briefing_html(&linked, &today())
        } else {
            crate::export::briefing(dossier, &today())
        };
        crate::store::write_atomic(path, &text)?;
        Ok(())
    }

    pub(super) fn export_and_report(&mut self, country: &str, path: &Path) {
        match self.export_briefing(country, path) {
            Ok(()) => {
                self.view.exported = true;
                self.state.info(format!("Briefing written to {}", path.display()));
            }
            Err(e) => self.state.error(format!("Could not export the briefing: {e:#}")),
        }
    }

    fn answer(&mut self, answer: Answer) {
        let prompt = self.prompt.take();
        match answer {
            Answer::CloseSave => {
                if self.save_all() && self.finish_saves() {
                    self.close_now();
                } else {
                    self.close_after_save = matches!(self.prompt, Some(Prompt::Conflict(_)));
                }
            }
            Answer::CloseDiscard => {
                self.recovery.clear();
                self.recovery_due = None;
                self.close_now();
            }
            Answer::CloseCancel => {}
            Answer::RecoveryRestore => {
                if let Some(recovered) = self.pending_recovery.take() {
                    self.state.workspace = recovered;
                    self.state.history = History::default();
                    let countries = self.state.workspace.dossiers.iter().map(|d| d.country.clone()).collect();
                    self.state.workspace.dirty = countries;
                    self.view.card = None;
                    self.view.edit = None;
                    self.changed();
                }
            }
            Answer::RecoveryDiscard => {
                self.pending_recovery = None;
                self.recovery.clear();
            }
            Answer::ConflictOverwrite => {
                if let Some(Prompt::Conflict(conflicts)) = prompt {
                    self.overwrite(conflicts);
                }
            }
            Answer::ConflictKeep => self.close_after_save = false,
        }
    }

    /// Saves dossiers over files that changed on disk, as the analyst asked.
    fn overwrite(&mut self, conflicts: Vec<Conflict>) {
        let mut saved = true;
        for conflict in conflicts {
            let Some(dossier) = self.state.workspace.dossier(&conflict.country) else {
                continue;
            };
            match self.disk.save_dossier(dossier, true) {
                Ok(_) => {
                    self.state.workspace.dirty.remove(&conflict.country);
                }
                Err(SaveError::Conflict(path)) => {
                    saved = false;
                    self.state.error(format!("{} changed again while saving; not overwritten.", path.display()));
                }
                Err(SaveError::Store(e)) => {
                    saved = false;
                    self.state.error(format!("Could not save the {} dossier: {e}", conflict.name));
                }
            }
        }
        if saved && self.close_after_save && !self.state.has_unsaved_changes() {
            self.close_now();
        }
        self.close_after_save = false;
    }

    /// Waits for the workspace save on the worker. False when it failed.
    fn finish_saves(&mut self) -> bool {
        self.recovery.flush();
        self.poll_saves()
    }

    fn close_now(&mut self) {
        self.allow_close = true;
        self.ctx.send_viewport_cmd(ViewportCommand::Close);
    }
}
