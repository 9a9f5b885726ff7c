//! Cue sense: whether a cue the attribution patterns found reports speech or a stated position ("said that
//! …", "denied the charge") or is another sense of its word ("claimed a third victory", "maintained a lead",
//! "the promises he made"). A logistic model over the words around the cue and the shape of the content
//! — the words and their parts of speech (the part-of-speech tagger reads a few words around each reported
//! statement's cue) — gives the probability that the statement is an attribution; a reported (not quoted) statement below the
//! model's threshold is dropped. Quotations keep their cue: beside a quotation a cue verb reports speech.
//!
//! The model is trained by `cargo run --release --bin train` (the cue section) on the attributions of
//! PolNeAR `train/`, written to `assets/models/cue.bin` with the threshold chosen on held-out training
//! documents; the same [`features`] serve training and extraction.

use std::sync::OnceLock;

use super::attribution::{Found, Speaker};
use super::linear::{Trainer, Weights};
use super::tagging::Tagged;
use super::tokens::Sentence;
use super::words::Words;
use crate::model::Span;
use crate::tag::{self, POS_TAGS, TagId, View};

/// A trained cue-sense model: a weight per hashed feature, and the probability below which a reported
/// statement is dropped.
#[derive(Clone, Debug, PartialEq)]
pub struct Sense {
    weights: Weights,
    pub threshold: f32,
}

/// One statement the patterns found, as the trainer sees it: its features and its content.
#[derive(Clone, Debug)]
pub struct Example {
    pub features: Vec<u32>,
    pub content: Span,
}

/// 32-bit FNV-1a of the parts, with a separator between them (fixed: model files depend on it).
fn key(parts: &[&str]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for p in parts {
        for b in p.bytes() {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
        h = (h ^ 0xff).wrapping_mul(0x0100_0193);
    }
    h
}

/// The class of a token's shape: how the word after a cue begins.
fn class(word: &str) -> &'static str {
    match word.chars().next() {
        None => "none",
        Some(c) if c.is_uppercase() => "cap",
        Some(c) if c.is_lowercase() => "lower",
        Some(c) if c.is_numeric() => "digit",
        Some('"' | '“' | '”' | '\'' | '‘' | '’') => "quote",
        Some(_) => "punct",
    }
}

/// How long a content is, in words, by bands.
fn length_band(words: usize) -> &'static str {
    match words {
        0..=1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        11..=20 => "11-20",
        _ => "21+",
    }
}

/// How many tokens before a cue and after it the part-of-speech tagger reads.
const POS_WINDOW: usize = 4;

/// The part of speech of the tokens around each reported statement's cue (`None` elsewhere, and when the
/// model is missing): the tagger reads a window of [`POS_WINDOW`] tokens on either side of the cue, inside
/// its sentence, which is all the features look at and a fraction of the text.
pub(crate) fn parts_of_speech(
    w: &Words<'_>,
    tagged: &Tagged,
    sents: &[Sentence],
    found: &[Found],
) -> Vec<Option<&'static str>> {
    let mut out = vec![None; w.len()];
    let Some(model) = tag::pos() else { return out };
    let windows: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| judged(f))
        .filter_map(|f| {
            let (cue, s) = (f.cue?, sents.get(f.sentence)?);
            let first = cue.start.saturating_sub(POS_WINDOW).max(s.first);
            Some((first, (cue.end + POS_WINDOW).min(s.end).min(w.len())))
        })
        .filter(|(a, b)| a < b)
        .collect();
    if windows.is_empty() {
        return out;
    }
    let words: Vec<&str> = (0..w.len()).map(|i| w.word(i)).collect();
    let view = View { words: &words, flags: &tagged.flags };
    let mut tags = vec![TagId::O; w.len()];
    let mut probs = vec![0f32; w.len()];
    for (first, end) in windows {
        model.tag(&view, first, end, false, &mut tags, &mut probs);
        for i in first..end {
            out[i] = POS_TAGS.get(usize::from(tags[i].0)).copied();
        }
    }
    out
}

/// The features of a statement with a cue: the pattern, the cue's words, the words right before and after
/// it and their parts of speech, how the content begins and how long it is, each also joined with the cue's
/// first word. Empty for a statement without a cue.
pub(crate) fn features(w: &Words<'_>, pos: &[Option<&'static str>], f: &Found, out: &mut Vec<u32>) {
    out.clear();
    let Some(cue) = f.cue else { return };
    let pos_at = |k: usize| pos.get(k).copied().flatten().unwrap_or("-");
    let (cue_pos, next_pos, next2_pos) = (pos_at(cue.start), pos_at(cue.end), pos_at(cue.end + 1));
    let first = w.lower(cue.start);
    // Most cues are one word: no joined copy for them.
    let cue_text: std::borrow::Cow<'_, str> = if cue.end <= cue.start + 1 {
        first.into()
    } else {
        (cue.start..cue.end).map(|k| w.lower(k)).collect::<Vec<&str>>().join(" ").into()
    };
    let next = if cue.end < w.len() { w.lower(cue.end) } else { "</s>" };
    let next_class = if cue.end < w.len() { class(w.word(cue.end)) } else { "none" };
    let prev = if cue.start > 0 { w.lower(cue.start - 1) } else { "<s>" };
    let content = f.content.text(w.text);
    let content_first = content.split_whitespace().next().unwrap_or("").to_lowercase();
    let band = length_band(content.split_whitespace().take(21).count());
    let speaker = match f.speaker {
        Speaker::Phrase { .. } => "phrase",
        Speaker::SameAs(_) => "same",
        Speaker::None => "none",
    };
    let direct = if f.direct { "direct" } else { "reported" };
    for parts in [
        &["bias"][..],
        &["rule", f.rule],
        &["direct", direct],
        &["speaker", speaker],
        &["cue", &cue_text],
        &["first", first],
        &["next", next],
        &["first+next", first, next],
        &["next-class", next_class],
        &["first+next-class", first, next_class],
        &["prev", prev],
        &["first+prev", first, prev],
        &["content-first", &content_first],
        &["first+content-first", first, &content_first],
        &["length", band],
        &["first+length", first, band],
        &["rule+direct", f.rule, direct],
        &["first+speaker", first, speaker],
        &["cue-pos", cue_pos],
        &["first+cue-pos", first, cue_pos],
        &["next-pos", next_pos],
        &["first+next-pos", first, next_pos],
        &["next-pos+next2-pos", next_pos, next2_pos],
        &["first+next-pos+next2-pos", first, next_pos, next2_pos],
    ] {
        out.push(key(parts));
    }
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

const MAGIC: &[u8; 4] = b"CUE1";

impl Sense {
    /// The probability that a statement with these features is an attribution.
    pub fn prob(&self, feats: &[u32]) -> f32 {
        sigmoid(self.weights.score(feats))
    }

    /// Trains on examples (features, whether it is an attribution) by full-batch gradient descent on the
    /// log-likelihood with an L2 penalty (AdaGrad steps). Deterministic: keys summed in a fixed order.
    pub fn train(examples: &[(Vec<u32>, bool)], iterations: usize, l2: f32, threshold: f32) -> Self {
        let mut trainer = Trainer::new(examples.iter().flat_map(|(f, _)| f.iter().copied()));
        let rows: Vec<(Vec<usize>, f32)> =
            examples.iter().map(|(f, y)| (trainer.slots(f), if *y { 1.0 } else { 0.0 })).collect();
        let n = rows.len().max(1) as f32;
        for _ in 0..iterations {
            trainer.step(l2, |t, grad| {
                for (f, y) in &rows {
                    let d = (sigmoid(t.score(f)) - y) / n;
                    for &i in f {
                        grad[i] += d;
                    }
                }
            });
        }
        Self { weights: trainer.weights(), threshold }
    }

    /// The model file: magic, the threshold, the number of weights, then each key and weight (little
    /// endian), by key.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&self.threshold.to_le_bytes());
        self.weights.write(&mut out);
        out
    }

    /// Reads a model file; `None` when it is not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let threshold = f32::from_le_bytes(rest.get(..4)?.try_into().ok()?);
        let weights = Weights::read(rest.get(4..)?)?;
        threshold.is_finite().then_some(Self { weights, threshold })
    }
}

const CUE_MODEL: &[u8] = include_bytes!("../../assets/models/cue.bin");

/// The shipped model, parsed once; `None` if the compiled-in file is not a model (every cue then stays).
pub fn shipped() -> Option<&'static Sense> {
    static MODEL: OnceLock<Option<Sense>> = OnceLock::new();
    MODEL.get_or_init(|| Sense::from_bytes(CUE_MODEL)).as_ref()
}

/// Does the model weigh this statement? Only a reported statement with a cue: quotations and statements
/// without a cue always stay.
fn judged(f: &Found) -> bool {
    !f.direct && f.cue.is_some()
}

/// Drops the reported statements whose cue the shipped model reads in another sense.
pub(crate) fn judge(w: &Words<'_>, pos: &[Option<&'static str>], found: &mut Vec<Found>) {
    let Some(model) = shipped() else { return };
    let mut feats = Vec::new();
    found.retain(|f| {
        if !judged(f) {
            return true;
        }
        features(w, pos, f, &mut feats);
        model.prob(&feats) >= model.threshold
    });
}

/// The features and content of every statement the patterns find, before the model judges them.
pub(crate) fn examples(w: &Words<'_>, pos: &[Option<&'static str>], found: &[Found]) -> Vec<Example> {
    found
        .iter()
        .filter(|f| judged(f))
        .map(|f| {
            let mut features = Vec::new();
            self::features(w, pos, f, &mut features);
            Example { features, content: f.content }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_file_reads_back_as_written_and_learns_a_sense() {
        let speech = vec![key(&["bias"]), key(&["first+next", "claimed", "that"])];
        let other = vec![key(&["bias"]), key(&["first+next", "claimed", "a"])];
        let mut examples = Vec::new();
        for _ in 0..10 {
            examples.push((speech.clone(), true));
            examples.push((other.clone(), false));
        }
        let m = Sense::train(&examples, 100, 0.001, 0.3);
        assert!(m.prob(&speech) > 0.8, "{}", m.prob(&speech));
        assert!(m.prob(&other) < 0.2, "{}", m.prob(&other));
        assert_eq!(Sense::from_bytes(&m.to_bytes()), Some(m));
        assert!(Sense::from_bytes(b"CUE1\0\0\0\0\x05\0\0\0").is_none());
    }
}
