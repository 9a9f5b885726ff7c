//! Dossier → Markdown briefing note. Pure.

use crate::model::Dossier;

/// The Markdown briefing note of a dossier, dated `date` (YYYY-MM-DD).
pub fn briefing(dossier: &Dossier, date: &str) -> String {
    format!("# Briefing: {}\n\n{date}\n", dossier.name)
}
