//! Text → actors and statements, in passes, one file each; pure, linear in the text, never fails and
//! never panics (problems become warnings). [`analyse`] reads as the pipeline:
//!
//! 1. [`tokens`]: tokens, quotations, sentences; [`words`]: what the lexicon says of each token.
//! 2. [`tagging`]: the name tagger's reading of each sentence (`src/tag/`).
//! 3. [`entities`]: name phrases, merged into one actor per referent ([`actors`]: the phrase grammar and
//!    the registry of actors), with their [`roles`] and the article's countries as they come.
//! 4. [`attribution`]: cues, speakers as written and contents, by named patterns; [`cue_sense`]: the
//!    learned judgement of whether a reported statement's cue is speech or another sense of its word.
//! 5. [`countries`]: the countries of actors the text leaves open.
//! 6. [`resolution`]: each speaker resolved to an actor (names, role nouns, pronouns with the learned
//!    [`ranker`], unnamed sources).
//! 7. [`output`]: ids, mentions, confidence and the card's `rule`: the [`Analysis`].

mod actors;
mod attribution;
mod countries;
pub mod cue_sense;
mod entities;
mod linear;
mod output;
pub(crate) mod places;
pub mod ranker;
mod resolution;
mod roles;
mod tagging;
mod tokens;
mod words;

use crate::lexicon::lexicon;
use crate::model::Analysis;

use resolution::Recorder;
use words::Words;

/// Analyses a text: its countries, actors and statements.
pub fn extract(text: &str) -> Analysis {
    analyse(text, &mut None)
}

/// The speaker ranker's training examples in a text, labelled by gender alone: each "he" or "she" speaker
/// whose candidates all have a gender known from their names, honorifics or titles, and exactly one of
/// them the pronoun's. The example hides the genders, so the ranker learns from the rest (distance, who
/// spoke last, who opened the sentence) what decides when gender cannot (`train`, speaker section).
pub fn pronoun_examples(text: &str) -> Vec<ranker::Example> {
    let mut rec = Some(Recorder::default());
    analyse(text, &mut rec);
    rec.map(|r| r.examples).unwrap_or_default()
}

/// The cue-sense model's training examples in a text: every reported statement the patterns find, with
/// its features and content (`train`, cue section, labels them by PolNeAR's attributions).
pub fn cue_examples(text: &str) -> Vec<cue_sense::Example> {
    let mut rec = Some(Recorder::default());
    analyse(text, &mut rec);
    rec.map(|r| r.cues).unwrap_or_default()
}

fn analyse(text: &str, rec: &mut Option<Recorder>) -> Analysis {
    // 1. Tokens, quotations and sentences.
    let toks = tokens::tokenize(text);
    let quotes = tokens::quotes(&toks);
    let w = Words::new(text, &toks, lexicon());
    let sents = tokens::sentences(
        text,
        &toks,
        &quotes,
        |i| w.country_at(i).is_some(),
        |i| attribution::quotation_attribution_after(&w, i, toks.len()),
    );
    let layout = tokens::Layout::new(&toks, &quotes, &sents);
    // 2. The name tagger's reading.
    let tagged = tagging::Tagged::new(&w, &sents);
    // 3. Names, with their roles and the article's countries.
    let mut names = entities::scan(&w, &tagged, &sents);
    // 4. Statements as the text attributes them, less those whose cue is another sense of its word.
    let mut found = attribution::statements(&w, &sents, &quotes, &layout);
    let pos = cue_sense::parts_of_speech(&w, &tagged, &sents, &found);
    if let Some(r) = rec.as_mut() {
        r.cues = cue_sense::examples(&w, &pos, &found);
    }
    cue_sense::judge(&w, &pos, &mut found);
    // 5. Countries of the actors the text leaves open.
    countries::of_actors(&w, &mut names, &sents);
    // 6. Speakers resolved to actors.
    let resolved = resolution::speakers(&w, &tagged, &mut names, &mut found, &layout, &sents, rec);
    // 7. The analysis.
    output::build(text, &w, names.reg, found, resolved, names.countries, &sents)
}
