//! Dossier: news articles in, actor and statement cards out, assembled into per-country dossiers that
//! are saved as RON and exported as Markdown briefings.
//!
//! The library is the whole core and knows nothing of egui; `src/ui/` is a thin layer over it and
//! `src/main.rs` only parses arguments.

/// The headless commands' output (`dossier extract`) and its Markdown digest.
pub mod cli;
/// One actor across articles: countries from knowledge (parties, offices) and entity resolution.
pub mod entity;
/// Dossier → Markdown briefing note. Pure.
pub mod export;
/// Text → actors and statements. Pure; never fails, never panics.
pub mod extract;
/// The compiled-in gazetteers and word lists of `assets/` (countries, titles, cues, sources).
pub mod lexicon;
/// Plain data: articles, cards, dossiers, the workspace, and the one command type that changes them.
pub mod model;
/// Reading and analysing many files at once, in parallel: the path the app and the CLI share.
pub mod pipeline;
/// Files → articles (text, Markdown, web pages, MHTML, email, PDF, Word; encodings). The only input IO.
pub mod read;
/// RON files: versioned envelope, atomic saves, loading with clear errors. The only output IO.
pub mod store;
/// Learned part-of-speech and name taggers (averaged perceptrons; models in `assets/models/`).
pub mod tag;
/// The eframe desktop app.
#[cfg(feature = "gui")]
pub mod ui;
