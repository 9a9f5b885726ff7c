//! The eframe desktop app. (Placeholder until the app lands: `run` reports that the window is missing.)

use std::path::PathBuf;

/// What the window starts with.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Articles to open at start.
    pub files: Vec<PathBuf>,
    /// Where dossiers are saved and the workspace is kept.
    pub dossier_dir: PathBuf,
}

/// Opens the window.
pub fn run(options: RunOptions) -> anyhow::Result<()> {
    anyhow::bail!("the window is not built yet ({} files given)", options.files.len())
}
