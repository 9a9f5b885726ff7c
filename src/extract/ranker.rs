//! Speaker resolution as ranking: who "she said" refers to. The rules propose the candidates (the actors a
//! pronoun may refer to, by kind, gender and number) and a small log-linear model ranks them by features of
//! each candidate — how far back it was last mentioned, whether it spoke last, whether it opened its
//! sentence, how often it was mentioned, its kind and its agreement with the pronoun — each feature also
//! conjoined with the pronoun. The probability of the chosen candidate (a softmax over the candidates) is
//! the decision's score.
//!
//! The model is trained by `cargo run --release --bin train` (the speaker section) on GUM's coreference
//! chains and written to `assets/models/speaker.bin`; the same [`Candidate`] and [`features`] serve training
//! and extraction, so the two cannot drift apart.

use std::sync::OnceLock;

use super::linear::{Trainer, Weights};

/// The pronoun a speaker is referred to with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    It,
    They,
    /// "I", "we" outside a quotation (an interview's or a letter's writer).
    First,
}

impl Pronoun {
    /// The pronoun of a lower-case word, if it is a subject pronoun.
    pub fn of_word(lower: &str) -> Option<Self> {
        Some(match lower {
            "he" => Self::He,
            "she" => Self::She,
            "it" => Self::It,
            "they" => Self::They,
            "i" | "we" => Self::First,
            _ => return None,
        })
    }

    fn class(self) -> u32 {
        match self {
            Self::He => 1,
            Self::She => 2,
            Self::It => 3,
            Self::They => 4,
            Self::First => 5,
        }
    }
}

/// What kind of referent a candidate is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CandidateKind {
    /// A named person.
    Person,
    /// A referent described, not named ("the spokesman", "farmers").
    Described,
    Organization,
    /// A country or place.
    Place,
}

/// Whether a candidate's known gender agrees with the pronoun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    Agrees,
    Unknown,
    Clashes,
}

/// One candidate referent of a pronoun, described by what both the extractor and an annotated corpus can
/// tell about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Sentences between the candidate's latest mention and the pronoun (0: the same sentence).
    pub sentences_back: usize,
    /// 0 for the candidate mentioned last before the pronoun, 1 for the one before, …
    pub recency: usize,
    /// 0 for the latest speaker of a statement within the last three sentences, 1 for the one before, …;
    /// `None` when the candidate did not speak there.
    pub speaker_recency: Option<usize>,
    /// The latest mention opens its sentence (a determiner may come first): most often the subject.
    pub subject: bool,
    pub gender: Agreement,
    /// Plural (`Some(true)`), singular (`Some(false)`), or a collective such as an organization (`None`).
    pub plural: Option<bool>,
    pub kind: CandidateKind,
    /// Mentions of the candidate before the pronoun.
    pub mentions: usize,
    /// The latest mention is inside a quotation.
    pub in_quote: bool,
    /// The rules' choice: the latest speaker that fits, else the nearest mention (set by [`finish`]).
    pub rule: bool,
    /// Where the latest mention is (any increasing position: a token or byte offset).
    pub last_mention: usize,
    /// Where the candidate last spoke within the last three sentences (any increasing position).
    pub last_spoke: Option<usize>,
}

/// The hard constraints: whether the pronoun can refer to the candidate at all.
pub fn fits(p: Pronoun, c: &Candidate) -> bool {
    let kind = match p {
        Pronoun::He | Pronoun::She | Pronoun::First => {
            matches!(c.kind, CandidateKind::Person | CandidateKind::Described)
        }
        Pronoun::It => matches!(c.kind, CandidateKind::Organization | CandidateKind::Place),
        Pronoun::They => c.kind != CandidateKind::Person,
    };
    let number = match (p, c.kind) {
        (Pronoun::He | Pronoun::She, CandidateKind::Described) => c.plural != Some(true),
        (Pronoun::They, CandidateKind::Described) => c.plural == Some(true),
        _ => true,
    };
    kind && number && c.gender != Agreement::Clashes
}

/// Ranks candidates that fit (see [`fits`]) by their latest mention and their latest statement, and
/// marks the rules' choice: the latest speaker, else the nearest mention.
pub fn finish(candidates: &mut [Candidate]) {
    let mut by_mention: Vec<usize> = (0..candidates.len()).collect();
    by_mention.sort_by_key(|&i| std::cmp::Reverse(candidates[i].last_mention));
    for (r, &i) in by_mention.iter().enumerate() {
        candidates[i].recency = r;
    }
    let mut by_speech: Vec<(usize, usize)> =
        candidates.iter().enumerate().filter_map(|(i, c)| c.last_spoke.map(|s| (s, i))).collect();
    by_speech.sort_by_key(|&(s, _)| std::cmp::Reverse(s));
    for c in candidates.iter_mut() {
        c.speaker_recency = None;
        c.rule = false;
    }
    for (r, &(_, i)) in by_speech.iter().enumerate() {
        candidates[i].speaker_recency = Some(r);
    }
    let speaker = candidates.iter().enumerate().filter_map(|(i, c)| c.speaker_recency.map(|r| (r, i))).min();
    let nearest = candidates.iter().enumerate().min_by_key(|(_, c)| c.recency).map(|(i, _)| i);
    if let Some(i) = speaker.map(|(_, i)| i).or(nearest) {
        candidates[i].rule = true;
    }
}

/// Feature templates (the high bits of a feature's key).
const SENTENCES_BACK: u32 = 1;
const RECENCY: u32 = 2;
const SPEAKER: u32 = 3;
const SUBJECT: u32 = 4;
const GENDER: u32 = 5;
const NUMBER: u32 = 6;
const KIND: u32 = 7;
const MENTIONS: u32 = 8;
const IN_QUOTE: u32 = 9;
const RULE: u32 = 10;

fn key(template: u32, value: u32, class: u32) -> u32 {
    (template << 16) | (value << 8) | class
}

/// The features of a candidate for a pronoun: each template's value alone and conjoined with the pronoun.
pub fn features(p: Pronoun, c: &Candidate, out: &mut Vec<u32>) {
    out.clear();
    let mentions = match c.mentions {
        0 | 1 => 0,
        2 => 1,
        3 => 2,
        4 | 5 => 3,
        _ => 4,
    };
    let values = [
        (SENTENCES_BACK, c.sentences_back.min(5) as u32),
        (RECENCY, c.recency.min(4) as u32),
        (SPEAKER, c.speaker_recency.map_or(0, |r| r.min(2) as u32 + 1)),
        (SUBJECT, u32::from(c.subject)),
        (GENDER, c.gender as u32),
        (NUMBER, c.plural.map_or(0, |p| 1 + u32::from(p))),
        (KIND, c.kind as u32),
        (MENTIONS, mentions),
        (IN_QUOTE, u32::from(c.in_quote)),
        (RULE, u32::from(c.rule)),
    ];
    for (t, v) in values {
        out.push(key(t, v, 0));
        out.push(key(t, v, p.class()));
    }
}

/// A trained ranker: one weight per feature key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranker {
    weights: Weights,
}

/// The model file's first bytes.
const MAGIC: &[u8; 4] = b"SPK1";

impl Ranker {
    /// The score of one candidate (higher is likelier).
    pub fn score(&self, p: Pronoun, c: &Candidate, buf: &mut Vec<u32>) -> f32 {
        features(p, c, buf);
        self.weights.score(buf)
    }

    /// The candidates' probabilities (a softmax over their scores), in their order.
    pub fn probabilities(&self, p: Pronoun, candidates: &[Candidate]) -> Vec<f32> {
        let mut buf = Vec::new();
        let scores: Vec<f32> = candidates.iter().map(|c| self.score(p, c, &mut buf)).collect();
        softmax(&scores)
    }

    /// The best candidate and its probability.
    pub fn best(&self, p: Pronoun, candidates: &[Candidate]) -> Option<(usize, f32)> {
        let probs = self.probabilities(p, candidates);
        probs.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0))).map(|(i, &q)| (i, q))
    }

    /// The decision: the rules' choice, unless the model gives another candidate at least `overrule`
    /// probability; with the chosen candidate's probability.
    pub fn choose(&self, p: Pronoun, candidates: &[Candidate], overrule: f32) -> Option<(usize, f32)> {
        let probs = self.probabilities(p, candidates);
        let rule = candidates.iter().position(|c| c.rule);
        let best = probs.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0))).map(|(i, _)| i);
        let pick = match (rule, best) {
            (Some(r), Some(b)) if probs[b] < overrule => r,
            (_, Some(b)) => b,
            (r, None) => r?,
        };
        Some((pick, probs[pick]))
    }

    /// The share of examples [`Ranker::choose`] gets right.
    pub fn choice_accuracy(&self, examples: &[Example], overrule: f32) -> f32 {
        let right = examples
            .iter()
            .filter(|e| self.choose(e.pronoun, &e.candidates, overrule).map(|b| b.0) == Some(e.gold))
            .count();
        right as f32 / examples.len().max(1) as f32
    }

    /// The model file: magic, the number of weights, then each key and weight (little endian), by key.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.weights.write(&mut out);
        out
    }

    /// Reads a model file; `None` when it is not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        Some(Self { weights: Weights::read(bytes.strip_prefix(MAGIC)?)? })
    }

    /// Trains on examples (the candidates of a pronoun and the index of the right one) by full-batch
    /// gradient descent on the log-likelihood with an L2 penalty (AdaGrad steps). Deterministic: no
    /// sampling, keys summed in a fixed order.
    pub fn train(examples: &[Example], iterations: usize, l2: f32) -> Self {
        let feats: Vec<(Vec<Vec<u32>>, usize)> = examples
            .iter()
            .map(|e| {
                let cands = e
                    .candidates
                    .iter()
                    .map(|c| {
                        let mut f = Vec::new();
                        features(e.pronoun, c, &mut f);
                        f
                    })
                    .collect();
                (cands, e.gold)
            })
            .collect();
        let mut trainer = Trainer::new(feats.iter().flat_map(|(c, _)| c.iter().flatten().copied()));
        let rows: Vec<(Vec<Vec<usize>>, usize)> =
            feats.iter().map(|(c, gold)| (c.iter().map(|f| trainer.slots(f)).collect(), *gold)).collect();
        let n = rows.len().max(1) as f32;
        for _ in 0..iterations {
            trainer.step(l2, |t, grad| {
                for (cands, gold) in &rows {
                    let scores: Vec<f32> = cands.iter().map(|f| t.score(f)).collect();
                    let probs = softmax(&scores);
                    for (i, f) in cands.iter().enumerate() {
                        let d = (probs[i] - if i == *gold { 1.0 } else { 0.0 }) / n;
                        for &k in f {
                            grad[k] += d;
                        }
                    }
                }
            });
        }
        Self { weights: trainer.weights() }
    }

    /// The share of examples whose right candidate ranks first.
    pub fn accuracy(&self, examples: &[Example]) -> f32 {
        let right =
            examples.iter().filter(|e| self.best(e.pronoun, &e.candidates).map(|b| b.0) == Some(e.gold)).count();
        right as f32 / examples.len().max(1) as f32
    }
}

/// A training example: a pronoun, its fitting candidates, and which one it refers to.
#[derive(Clone, Debug)]
pub struct Example {
    pub pronoun: Pronoun,
    pub candidates: Vec<Candidate>,
    pub gold: usize,
}

/// The share of examples where the rules' choice is the right one.
pub fn rule_accuracy(examples: &[Example]) -> f32 {
    let right = examples.iter().filter(|e| e.candidates.get(e.gold).is_some_and(|c| c.rule)).count();
    right as f32 / examples.len().max(1) as f32
}

fn softmax(scores: &[f32]) -> Vec<f32> {
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exp: Vec<f32> = scores.iter().map(|s| (s - max).exp()).collect();
    let sum: f32 = exp.iter().sum();
    exp.iter().map(|e| e / sum.max(f32::MIN_POSITIVE)).collect()
}

/// How sure the model must be of another candidate to overrule the rules' choice (chosen on held-out
/// training documents; see `train`).
pub const OVERRULE: f32 = 0.8;

const SPEAKER_MODEL: &[u8] = include_bytes!("../../assets/models/speaker.bin");

/// The shipped ranker, parsed once; `None` if the compiled-in file is not a model (the rules then decide).
pub fn shipped() -> Option<&'static Ranker> {
    static MODEL: OnceLock<Option<Ranker>> = OnceLock::new();
    MODEL.get_or_init(|| Ranker::from_bytes(SPEAKER_MODEL)).as_ref()
}

/// Whether a word marks a woman (`Some(true)`) or a man: an honorific, title or pronoun ("Mrs",
/// "spokesman", "she"), else a given name.
pub fn female_word(lower: &str) -> Option<bool> {
    use super::actors::Gender;
    Gender::of_word(lower).or_else(|| super::words::given_name_gender(lower)).map(|g| g == Gender::Female)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(recency: usize, speaker: Option<usize>) -> Candidate {
        Candidate {
            sentences_back: recency,
            recency,
            speaker_recency: None,
            last_mention: 10 - recency,
            last_spoke: speaker,
            subject: false,
            gender: Agreement::Unknown,
            plural: Some(false),
            kind: CandidateKind::Person,
            mentions: 1,
            in_quote: false,
            rule: false,
        }
    }

    #[test]
    fn a_model_file_reads_back_as_written() {
        let mut examples = Vec::new();
        for _ in 0..5 {
            let mut c = vec![cand(0, None), cand(1, Some(0))];
            finish(&mut c);
            assert!(c[1].rule);
            examples.push(Example { pronoun: Pronoun::She, candidates: c, gold: 1 });
        }
        let r = Ranker::train(&examples, 50, 0.01);
        assert!((r.accuracy(&examples) - 1.0).abs() < f32::EPSILON);
        assert_eq!(Ranker::from_bytes(&r.to_bytes()), Some(r));
        assert!(Ranker::from_bytes(b"SPK1\x05\0\0\0").is_none());
    }

    #[test]
    fn a_clashing_gender_or_kind_does_not_fit() {
        let mut c = cand(0, None);
        assert!(fits(Pronoun::She, &c));
        assert!(!fits(Pronoun::It, &c));
        assert!(!fits(Pronoun::They, &c));
        c.gender = Agreement::Clashes;
        assert!(!fits(Pronoun::She, &c));
    }
}
