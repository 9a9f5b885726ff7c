//! Text → actors and statements. Pure; never fails, never panics.

use crate::model::Analysis;

/// Analyses a text.
pub fn extract(_text: &str) -> Analysis {
    Analysis::default()
}
