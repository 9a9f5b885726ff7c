//! Shared by the benchmarks: news text written for them, realistic dossier cards made from real extraction
//! output, and the BBC politics corpus of `../shared/corpus/`, which is read where it is, never copied.

#![allow(dead_code)] // Each benchmark uses a different part.

use std::path::PathBuf;

use dossier::model::{Article, Dossier, DossierCard, Section, content_hash};

/// Where the BBC politics corpus lies when it is present beside the project.
pub const CORPUS_DIR: &str = "../shared/corpus/bbc-politics";

/// The corpus articles (`*.txt`, sorted), or `None` when the corpus is not there.
pub fn corpus_paths() -> Option<Vec<PathBuf>> {
    let entries = std::fs::read_dir(CORPUS_DIR).ok()?;
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    (!paths.is_empty()).then_some(paths)
}

const FIRST_NAMES: [&str; 12] =
    ["Jane", "Tom", "Amina", "Carlos", "Mei", "Olu", "Priya", "Lars", "Fatima", "Diego", "Ingrid", "Kwame"];
const SURNAMES: [&str; 16] = [
    "Holloway", "Okafor", "Rahman", "Silva", "Tanaka", "Adeyemi", "Kapoor", "Berg", "Haddad", "Moreno", "Larsen",
    "Mensah", "Novak", "Castillo", "Ibrahim", "Fischer",
];
const COUNTRIES: [(&str, &str); 10] = [
    ("Kenya", "Kenyan"),
    ("Pakistan", "Pakistani"),
    ("Brazil", "Brazilian"),
    ("Japan", "Japanese"),
    ("Germany", "German"),
    ("Nigeria", "Nigerian"),
    ("India", "Indian"),
    ("France", "French"),
    ("Egypt", "Egyptian"),
    ("Mexico", "Mexican"),
];
const TOPICS: [&str; 6] = ["trade", "the border", "water rights", "fishing quotas", "energy prices", "refugees"];

/// One paragraph of a written news report; `n` varies the people, countries and topic.
fn paragraph(n: usize) -> String {
    let person = |k: usize| format!("{} {}", FIRST_NAMES[k % FIRST_NAMES.len()], SURNAMES[(k / 3) % SURNAMES.len()]);
    let surname = |k: usize| SURNAMES[(k / 3) % SURNAMES.len()];
    let (country, adjective) = COUNTRIES[n % COUNTRIES.len()];
    let (other, other_adjective) = COUNTRIES[(n + 3) % COUNTRIES.len()];
    let topic = TOPICS[n % TOPICS.len()];
    let (minister, premier) = (2 * n, 2 * n + 1);
    format!(
        "{adjective} Foreign Minister {} said that the talks on {topic} would resume in March. \
         “We are ready to sign,” said {other_adjective} Prime Minister {} on Tuesday. \
         According to officials in {country}, the border will reopen on Monday. \
         {} told reporters the deal was close, but the opposition rejected the plan. \
         The United Nations called on {country} and {other} to exercise restraint. \
         {} warned that delays over {topic} would be costly for the region.\n\n",
        person(minister),
        person(premier),
        surname(minister),
        surname(premier),
    )
}

/// A written news report of `paragraphs` paragraphs with a title line; `seed` makes it differ from others.
pub fn written_article_text(seed: usize, paragraphs: usize) -> String {
    let mut text = format!("Talks on {} resume, report {seed}\n\n", TOPICS[seed % TOPICS.len()]);
    for k in 0..paragraphs {
        text.push_str(&paragraph(seed * 7 + k));
    }
    text
}

/// A written article analysed by the same extractor the pipeline uses.
pub fn written_article(seed: usize, paragraphs: usize) -> Article {
    let text = written_article_text(seed, paragraphs);
    Article {
        source: format!("written/report-{seed:04}.txt"),
        title: text.lines().next().map(str::to_owned),
        meta: Default::default(),
        hash: content_hash(&text),
        analysis: dossier::extract::extract(&text),
        text,
        rejected: Vec::new(),
    }
}

/// Every card of an article as a dossier card for `country`'s dossier.
pub fn article_cards(article: &Article, country: &str) -> Vec<DossierCard> {
    let analysis = &article.analysis;
    let mut cards: Vec<DossierCard> =
        analysis.actors.iter().map(|actor| DossierCard::from_actor(article, actor)).collect();
    for statement in &analysis.statements {
        let speaker = statement.speaker.as_deref().and_then(|id| analysis.actor(id));
        let section = Section::for_statement(speaker.and_then(|a| a.country.as_deref()), country);
        cards.push(DossierCard::from_statement(article, statement, section));
    }
    cards
}

/// A dossier of exactly `n` cards made from real extraction output: the built-in sample article and a
/// written report, repeated as copies with distinct paths and hashes (so every card id is distinct).
pub fn realistic_dossier(n: usize) -> Dossier {
    let originals = [dossier::pipeline::sample_article(), written_article(0, 12)];
    let mut dossier = Dossier::new("PK", "Pakistan");
    dossier.notes = "Talks resume next week; watch the border crossings.\n\nSee the sources below.".to_owned();
    let mut copy = 0;
    while dossier.cards.len() < n {
        for original in &originals {
            let mut article = original.clone();
            article.source = format!("articles/{copy:05}/{}", original.source);
            article.hash = format!("{:016x}", u64::from_str_radix(&original.hash, 16).unwrap_or(0) ^ copy as u64);
            dossier.cards.extend(article_cards(&article, "PK"));
            copy += 1;
        }
    }
    dossier.cards.truncate(n);
    dossier
}

/// Peak resident memory of this process so far (VmHWM), in MiB, where /proc tells it.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}
