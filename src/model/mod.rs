//! Plain data: articles, the cards extracted from them, dossiers and the workspace that holds them.
//!
//! Everything here is serde data with no behaviour beyond small accessors; the one place that changes a
//! workspace is [`Workspace::apply`](crate::model::Workspace::apply) in `command.rs`.

mod article;
mod command;
mod dossier;
mod workspace;

pub use article::{Actor, ActorKind, Analysis, Article, ArticleMeta, Span, Statement, Wording, content_hash};
pub use command::{Command, CommandError, History};
pub use dossier::{CardRef, Dossier, DossierCard, Report, Section, SourceRef};
pub use workspace::{ActorRef, EntityAlias, EntityDecisions, Workspace};
