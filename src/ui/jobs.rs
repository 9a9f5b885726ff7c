//! Work that must not run on the UI thread: reading and analysing files, native file dialogs, writing
//! the recovery file and saving the workspace. Each runs on a worker thread and reports back over a
//! channel; the worker wakes the UI with `request_repaint` when it is done.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::JoinHandle;

use crate::model::{Article, Workspace};
use crate::read::ReadError;
use crate::store::fs::Fs;

/// What opening one file gave.
pub type Opened = (PathBuf, Result<Article, ReadError>);

/// Files being read and analysed on a worker thread (which uses every core through the pipeline).
pub struct OpenJob {
    total: usize,
    done: Arc<AtomicUsize>,
    results: Receiver<Vec<Opened>>,
    thread: Option<JoinHandle<()>>,
}

impl OpenJob {
    pub fn start(paths: Vec<PathBuf>, ctx: egui::Context) -> Self {
        let total = paths.len();
        let done = Arc::new(AtomicUsize::new(0));
        let (tx, results) = mpsc::channel();
        let counter = Arc::clone(&done);
        let thread = std::thread::Builder::new()
            .name("open-articles".to_owned())
            .spawn(move || {
                let opened = crate::pipeline::open_articles(&paths, &counter);
                let _ = tx.send(paths.into_iter().zip(opened).collect());
                ctx.request_repaint();
            })
            .ok();
        Self { total, done, results, thread }
    }

    /// (files finished, files in the job).
    pub fn progress(&self) -> (usize, usize) {
        (self.done.load(Ordering::Relaxed).min(self.total), self.total)
    }

    /// The results, once the worker is done. `Some(Err)` when the worker died without any.
    pub fn try_finish(&mut self) -> Option<Result<Vec<Opened>, String>> {
        match self.results.try_recv() {
            Ok(opened) => Some(Ok(opened)),
            Err(TryRecvError::Empty) if self.thread.is_some() => None,
            Err(_) => Some(Err("opening the files failed unexpectedly".to_owned())),
        }
    }

    /// Blocks until the worker is done.
    pub fn wait(mut self) -> Result<Vec<Opened>, String> {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.results.try_recv().map_err(|_| "opening the files failed unexpectedly".to_owned())
    }
}

/// What a file dialog gave back.
#[derive(Debug)]
pub enum DialogResult {
    Open(Vec<PathBuf>),
    Export {
        country: String,
        path: PathBuf,
    },
    /// The dialog was cancelled (or no dialog backend is available).
    Cancelled,
}

/// Native file dialogs (rfd), each shown from a worker thread.
pub struct Dialogs {
    tx: Sender<DialogResult>,
    rx: Receiver<DialogResult>,
}

impl Default for Dialogs {
    fn default() -> Self {
        let (tx, rx) = mpsc::channel();
        Self { tx, rx }
    }
}

impl Dialogs {
    /// The open dialog for articles (several files).
    pub fn pick_articles(&self, ctx: egui::Context, directory: Option<PathBuf>) {
        let tx = self.tx.clone();
        self.spawn(ctx, move || {
            let mut dialog = rfd::AsyncFileDialog::new()
                .set_title("Open articles")
                .add_filter("Articles", &crate::read::Format::EXTENSIONS);
            if let Some(directory) = directory {
                dialog = dialog.set_directory(directory);
            }
            let picked = pollster::block_on(dialog.pick_files());
            let result = match picked {
                Some(files) if !files.is_empty() => {
                    DialogResult::Open(files.iter().map(|f| f.path().to_owned()).collect())
                }
                _ => DialogResult::Cancelled,
            };
            let _ = tx.send(result);
        });
    }

    /// The save dialog for a dossier's briefing.
    pub fn save_briefing(&self, ctx: egui::Context, country: String, file_name: String, directory: PathBuf) {
        let tx = self.tx.clone();
        self.spawn(ctx, move || {
            let dialog = rfd::AsyncFileDialog::new()
                .set_title("Export briefing")
                .add_filter("Markdown", &["md"])
                .set_directory(directory)
                .set_file_name(file_name);
            let result = match pollster::block_on(dialog.save_file()) {
                Some(file) => DialogResult::Export { country, path: file.path().to_owned() },
                None => DialogResult::Cancelled,
            };
            let _ = tx.send(result);
        });
    }

    fn spawn(&self, ctx: egui::Context, show: impl FnOnce() + Send + 'static) {
        let tx = self.tx.clone();
        let spawned = std::thread::Builder::new().name("file-dialog".to_owned()).spawn(move || {
            show();
            ctx.request_repaint();
        });
        if spawned.is_err() {
            let _ = tx.send(DialogResult::Cancelled);
        }
    }

    /// The results of dialogs that closed since the last call.
    pub fn poll(&self) -> Vec<DialogResult> {
        self.rx.try_iter().collect()
    }
}

enum RecoveryJob {
    Save(Box<Workspace>),
    Clear,
    /// Saves the workspace file at the path, then (when that worked) retires the recovery file.
    /// The number is the workspace's generation, handed back with the outcome.
    SaveWorkspace(Box<Workspace>, PathBuf, u64),
    Flush(Sender<()>),
}

/// Writes the workspace file and writes (and clears) the recovery file on one worker thread, in order, so
/// that a clear after a save is never overtaken by a recovery write that started before it. The
/// workspace given to it is a snapshot: its articles are shared (`Arc`), so taking one copies the
/// dossiers and a pointer per article, and the serializing and writing (149 ms for 14 MiB) happen here.
pub struct RecoveryWriter {
    jobs: Option<Sender<RecoveryJob>>,
    errors: Receiver<String>,
    /// Workspace saves sent and not yet reported back.
    saves_in_flight: Arc<AtomicUsize>,
    saved: Receiver<(u64, Result<(), String>)>,
    /// For saving on this thread when the worker could not be started.
    saved_tx: Sender<(u64, Result<(), String>)>,
    fs: Arc<dyn Fs>,
}

impl RecoveryWriter {
    /// Starts the worker writing the recovery file of `dir` through `fs`. With `enabled` false (another
    /// window holds the folder, and its recovery file is not ours to write or retire) it writes nothing.
    pub fn start(dir: PathBuf, fs: Arc<dyn Fs>, enabled: bool, ctx: egui::Context) -> Self {
        let (jobs, rx) = mpsc::channel::<RecoveryJob>();
        let (error_tx, errors) = mpsc::channel();
        let (saved_tx, saved) = mpsc::channel();
        let saves_in_flight = Arc::new(AtomicUsize::new(0));
        let in_flight = Arc::clone(&saves_in_flight);
        let (worker_fs, worker_saved) = (Arc::clone(&fs), saved_tx.clone());
        let spawned = std::thread::Builder::new().name("recovery".to_owned()).spawn(move || {
            for job in rx {
                let result = match job {
                    RecoveryJob::SaveWorkspace(workspace, path, generation) => {
                        let result = crate::store::save_workspace_with(&*worker_fs, &path, &workspace)
                            .map_err(|e| format!("Could not save the workspace: {e}"));
                        let cleared = result.is_ok() && enabled;
                        drop(workspace);
                        in_flight.fetch_sub(1, Ordering::AcqRel);
                        let _ = worker_saved.send((generation, result));
                        ctx.request_repaint();
                        if cleared { crate::store::clear_recovery_with(&*worker_fs, &dir) } else { Ok(()) }
                    }
                    RecoveryJob::Save(_) | RecoveryJob::Clear if !enabled => Ok(()),
                    RecoveryJob::Save(workspace) => crate::store::save_recovery_with(&*worker_fs, &dir, &workspace),
                    RecoveryJob::Clear => crate::store::clear_recovery_with(&*worker_fs, &dir),
                    RecoveryJob::Flush(done) => {
                        let _ = done.send(());
                        Ok(())
                    }
                };
                if let Err(e) = result {
                    let _ = error_tx.send(format!("Could not write the recovery file: {e}"));
                }
            }
        });
        Self { jobs: spawned.ok().map(|_| jobs), errors, saves_in_flight, saved, saved_tx, fs }
    }

    /// Saves `workspace` (a snapshot, of the workspace's `generation`) to `path` on the worker, then
    /// retires the recovery file. The outcome comes back through [`RecoveryWriter::saved`].
    pub fn save_workspace(&self, workspace: Workspace, path: PathBuf, generation: u64) {
        self.saves_in_flight.fetch_add(1, Ordering::AcqRel);
        let job = RecoveryJob::SaveWorkspace(Box::new(workspace), path, generation);
        let Some(jobs) = &self.jobs else {
            return self.save_here(job);
        };
        if let Err(mpsc::SendError(job)) = jobs.send(job) {
            self.save_here(job);
        }
    }

    /// No worker: saves on this thread rather than not at all.
    fn save_here(&self, job: RecoveryJob) {
        if let RecoveryJob::SaveWorkspace(workspace, path, generation) = job {
            let result = crate::store::save_workspace_with(&*self.fs, &path, &workspace)
                .map_err(|e| format!("Could not save the workspace: {e}"));
            let _ = self.saved_tx.send((generation, result));
        }
        self.saves_in_flight.fetch_sub(1, Ordering::AcqRel);
    }

    /// Whether a workspace save is still being written.
    pub fn saving(&self) -> bool {
        self.saves_in_flight.load(Ordering::Acquire) > 0
    }

    /// The outcomes of workspace saves finished since the last call, with the generation each saved.
    pub fn saved(&self) -> Vec<(u64, Result<(), String>)> {
        self.saved.try_iter().collect()
    }

    pub fn save(&self, workspace: Workspace) {
        self.send(RecoveryJob::Save(Box::new(workspace)));
    }

    pub fn clear(&self) {
        self.send(RecoveryJob::Clear);
    }

    /// Blocks until every job sent so far is done.
    pub fn flush(&self) {
        let (tx, rx) = mpsc::channel();
        self.send(RecoveryJob::Flush(tx));
        let _ = rx.recv();
    }

    /// Errors since the last call.
    pub fn errors(&self) -> Vec<String> {
        self.errors.try_iter().collect()
    }

    /// Hands `job` to the worker; false when there is no worker (it could not be started).
    fn send(&self, job: RecoveryJob) -> bool {
        self.jobs.as_ref().is_some_and(|jobs| jobs.send(job).is_ok())
    }
}

impl Drop for RecoveryWriter {
    /// A save still being written when the app closes is finished, not cut off.
    fn drop(&mut self) {
        self.flush();
    }
}
