//! `dossier`: with no arguments opens the window; `dossier FILE...` opens those articles in it;
//! `dossier extract` and `dossier export` work headless. This file only parses arguments and dispatches.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(name = "dossier", version, about = "Build per-country dossiers from news articles")]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,
    /// Articles to open in the window (.txt, .md, .html, .htm, .xhtml, .mhtml, .mht, .eml, .pdf, .docx).
    files: Vec<PathBuf>,
    /// Folder where dossiers are saved and the workspace is kept.
    #[arg(long, default_value = "dossiers")]
    dossier_dir: PathBuf,
}

#[derive(Subcommand)]
enum Cmd {
    /// Analyse articles and print their actor and statement cards.
    Extract {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Article files (.txt, .md, .html, .htm, .xhtml, .mhtml, .mht, .eml, .pdf, .docx).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write the Markdown briefing note of a saved dossier.
    Export {
        /// The dossier file (.ron).
        dossier: PathBuf,
        /// Where to write the briefing (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Ron,
    Markdown,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Cmd::Extract { format, files }) => extract(format, &files),
        Some(Cmd::Export { dossier, output }) => export(&dossier, output.as_deref()),
        None => dossier::ui::run(dossier::ui::RunOptions { files: cli.files, dossier_dir: cli.dossier_dir })
            .map(|()| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("dossier: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn extract(format: Format, files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    use std::io::Write as _;
    let report = dossier::cli::extract_report(files);
    for error in &report.errors {
        eprintln!("dossier: {error}");
    }
    let text = match format {
        Format::Json => serde_json::to_string(&report.output)?,
        Format::Ron => ron::ser::to_string_pretty(&report.output, ron::ser::PrettyConfig::new())?,
        Format::Markdown => dossier::cli::digest_markdown(&report.output),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.write_all(b"\n")?;
    Ok(if report.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) })
}

fn export(path: &std::path::Path, output: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let dossier = dossier::store::load_dossier(path)?;
    let markdown = dossier::export::briefing(&dossier, &dossier::export::today());
    match output {
        Some(out) => dossier::store::write_atomic(out, &markdown)?,
        None => print!("{markdown}"),
    }
    Ok(ExitCode::SUCCESS)
}
