//! The headless commands' data: the `extract` output of the contract (`../shared/eval/CONTRACT.md`
//! describes its JSON) and its Markdown digest.

use std::path::PathBuf;
use std::sync::atomic::AtomicUsize;

use serde::Serialize;

use crate::model::{Actor, Statement, Wording};

/// What `dossier extract` prints.
#[derive(Debug, Serialize)]
pub struct ExtractOutput {
    pub articles: Vec<ExtractedArticle>,
}

/// One input file's result, in input order. A file that could not be read has an `error` and no cards.
#[derive(Debug, Serialize)]
pub struct ExtractedArticle {
    pub source: String,
    pub title: Option<String>,
    /// Publication date (`YYYY-MM-DD`), authors, outlet and canonical address, where the file gives them.
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub text: String,
    pub countries: Vec<String>,
    pub actors: Vec<Actor>,
    pub statements: Vec<Statement>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The output and the read errors, each naming its file.
pub struct ExtractReport {
    pub output: ExtractOutput,
    pub errors: Vec<String>,
}

/// Reads and analyses `files` in parallel, keeping input order.
pub fn extract_report(files: &[PathBuf]) -> ExtractReport {
    let done = AtomicUsize::new(0);
    let mut results = crate::pipeline::open_articles(files, &done);
    // One actor across the files: shared entity ids, and countries found in another file.
    let mut opened: Vec<&mut crate::model::Article> = results.iter_mut().filter_map(|r| r.as_mut().ok()).collect();
    // Articles that name no country, in a collection mostly written from one: written from there too.
    crate::entity::knowledge::apply_collection(&mut opened);
    crate::entity::resolve_refs(&mut opened, crate::entity::Overrides::default());
    let mut errors = Vec::new();
    let articles = files
        .iter()
        .zip(results)
        .map(|(path, result)| match result {
            Ok(article) => ExtractedArticle {
                source: article.source,
                title: article.title,
                published: article.meta.published,
                authors: article.meta.authors,
                outlet: article.meta.outlet,
                url: article.meta.url,
                text: article.text,
                countries: article.analysis.countries,
                actors: article.analysis.actors,
                statements: article.analysis.statements,
                warnings: article.analysis.warnings,
                error: None,
            },
            Err(err) => {
                errors.push(err.to_string());
                ExtractedArticle {
                    source: path.to_string_lossy().into_owned(),
                    title: None,
                    published: None,
                    authors: Vec::new(),
                    outlet: None,
                    url: None,
                    text: String::new(),
                    countries: Vec::new(),
                    actors: Vec::new(),
                    statements: Vec::new(),
                    warnings: Vec::new(),
                    error: Some(err.to_string()),
                }
            }
        })
        .collect();
    ExtractReport { output: ExtractOutput { articles }, errors }
}

/// A readable digest of the extraction: per article its countries, actors and statements.
pub fn digest_markdown(output: &ExtractOutput) -> String {
    use std::fmt::Write as _;
    let mut md = String::new();
    for article in &output.articles {
        let _ = writeln!(md, "# {}\n", article.title.as_deref().unwrap_or(&article.source));
        if let Some(error) = &article.error {
            let _ = writeln!(md, "Error: {error}\n");
            continue;
        }
        let _ = writeln!(md, "Source: `{}`  \nCountries: {}\n", article.source, article.countries.join(", "));
        let _ = writeln!(md, "## Actors\n\n| Name | Kind | Role | Country | Mentions |\n|---|---|---|---|---|");
        for a in &article.actors {
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {} |",
                a.name,
                a.kind.label(),
                a.role.as_deref().unwrap_or(""),
                a.country.as_deref().unwrap_or(""),
                a.mentions.len()
            );
        }
        let _ = writeln!(md, "\n## Statements\n");
        for s in &article.statements {
            let speaker = s
                .speaker
                .as_deref()
                .and_then(|id| article.actors.iter().find(|a| a.id == id))
                .map_or("unknown", |a| a.name.as_str());
            let content = Wording::of(s.direct, &s.content).show(&s.content);
            let _ = writeln!(md, "- **{speaker}** *{}*: {content} ({:.2})", s.cue, s.confidence);
        }
        md.push('\n');
    }
    md
}
