//! Learned taggers: part of speech and names (person / organization / place / other), both averaged
//! perceptrons over hashed features ([`features`]), decoded greedily left to right. The model files in
//! `assets/models/` are written by `cargo run --release --bin train` and compiled in; each is parsed once
//! on first use. Knows nothing of the extractor: it tags a [`View`] of words and flags.

pub mod features;
pub mod perceptron;

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

pub use features::{Flags, View};

/// Universal part-of-speech tags, in model order.
pub const POS_TAGS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ",
    "SYM", "VERB", "X",
];

/// Name tags (begin / inside of each type, and outside), in model order.
pub const NER_TAGS: [&str; 9] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-OTH", "I-OTH"];

/// A tag of a model: an index into its tag list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TagId(pub u8);

impl TagId {
    /// The "outside any name" tag of the name model (and the first tag of any model).
    pub const O: Self = Self(0);

    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// What a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityType {
    Person,
    Organization,
    Place,
    /// Events, works, nationalities, products and other names that are not actors.
    Other,
}

impl EntityType {
    pub const ALL: [Self; 4] = [Self::Person, Self::Organization, Self::Place, Self::Other];

    /// The type of a name tag, `None` for outside.
    pub fn of(tag: TagId) -> Option<Self> {
        match tag.0 {
            1 | 2 => Some(Self::Person),
            3 | 4 => Some(Self::Organization),
            5 | 6 => Some(Self::Place),
            7 | 8 => Some(Self::Other),
            _ => None,
        }
    }

    /// The begin (`true`) or inside tag of this type.
    pub fn tag(self, begin: bool) -> TagId {
        let base = match self {
            Self::Person => 1,
            Self::Organization => 3,
            Self::Place => 5,
            Self::Other => 7,
        };
        TagId(if begin { base } else { base + 1 })
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Place => "place",
            Self::Other => "other",
        }
    }
}

/// Is this name tag the first token of a name?
pub fn is_begin(tag: TagId) -> bool {
    tag.0 % 2 == 1
}

/// Why a model file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("model file {name}: {problem}")]
    Bad { name: String, problem: String },
}

/// File header: magic, version.
const MAGIC: &[u8; 4] = b"DTAG";
const VERSION: u8 = 1;
/// Magic, version, tag count, hash bits, reserved, scale (f32), temperature (f32).
const HEADER: usize = 16;

/// A trained tagger: a weight table of `2^bits` hashed feature buckets by tags, quantized to bytes.
pub struct Model {
    n_tags: usize,
    mask: usize,
    /// Multiplies a summed byte weight into a score.
    scale: f32,
    /// Multiplies a score before the softmax that gives a tag's probability (fitted on held-out text).
    temperature: f32,
    weights: Vec<i8>,
}

impl Model {
    /// Parses a model file; `name` is for the error message.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Self, ModelError> {
        let bad = |problem: &str| ModelError::Bad { name: name.to_owned(), problem: problem.to_owned() };
        if bytes.len() < HEADER || &bytes[..4] != MAGIC {
            return Err(bad("not a Dossier tagger model"));
        }
        if bytes[4] != VERSION {
            return Err(bad("written by another version of the trainer"));
        }
        let n_tags = usize::from(bytes[5]);
        let bits = u32::from(bytes[6]);
        if n_tags == 0 || n_tags > 64 || !(8..=24).contains(&bits) {
            return Err(bad("header out of range"));
        }
        let f32_at = |k: usize| f32::from_le_bytes([bytes[k], bytes[k + 1], bytes[k + 2], bytes[k + 3]]);
        let (scale, temperature) = (f32_at(8), f32_at(12));
        let len = (1usize << bits) * n_tags;
        if bytes.len() != HEADER + len {
            return Err(bad("truncated"));
        }
        let weights = bytes[HEADER..].iter().map(|&b| b as i8).collect();
        Ok(Self { n_tags, mask: (1 << bits) - 1, scale, temperature, weights })
    }

    /// Writes a model file from float weights (`2^bits * n_tags`, bucket-major): quantized to bytes with
    /// one scale, clipping the rare weights above the 99.99th percentile.
    pub fn to_bytes(weights: &[f32], n_tags: usize, bits: u32, temperature: f32) -> Vec<u8> {
        let mut mags: Vec<f32> = weights.iter().map(|w| w.abs()).filter(|&w| w > 0.0).collect();
        mags.sort_by(f32::total_cmp);
        let top = mags.get(mags.len().saturating_sub(1 + mags.len() / 10_000)).copied().unwrap_or(1.0).max(1e-6);
        let scale = top / 127.0;
        let mut out = Vec::with_capacity(HEADER + weights.len());
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.push(u8::try_from(n_tags).unwrap_or(u8::MAX));
        out.push(u8::try_from(bits).unwrap_or(u8::MAX));
        out.push(0);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&temperature.to_le_bytes());
        out.extend(weights.iter().map(|&w| ((w / scale).round().clamp(-127.0, 127.0) as i8) as u8));
        out
    }

    pub fn n_tags(&self) -> usize {
        self.n_tags
    }

    /// Adds the weights of `feats` into `scores` (one per tag).
    fn score(&self, feats: &[u64], scores: &mut [i32; 64]) {
        let n = self.n_tags;
        for s in &mut scores[..n] {
            *s = 0;
        }
        for &h in feats {
            let at = (h as usize & self.mask) * n;
            let Some(row) = self.weights.get(at..at + n) else { continue };
            for (s, &w) in scores[..n].iter_mut().zip(row) {
                *s += i32::from(w);
            }
        }
    }

    /// Tags the sentence `first..end` of `view`, writing each token's tag and its probability. With
    /// `names_only`, a token that starts with no capital letter right after an outside tag is outside
    /// without being scored (names start with a capital; this keeps the name tagger cheap).
    pub fn tag(
        &self,
        view: &View<'_>,
        first: usize,
        end: usize,
        names_only: bool,
        tags: &mut [TagId],
        probs: &mut [f32],
    ) {
        let headline = features::is_headline(&view.words[first..end]);
        let mut feats = [0u64; features::MAX_FEATURES];
        let mut scores = [0i32; 64];
        let (mut prev, mut prev2) = (u64::MAX, u64::MAX);
        for i in first..end {
            let gated = names_only
                && (prev == u64::MAX || prev == 0)
                && !view.words[i].chars().next().is_some_and(char::is_uppercase);
            let (tag, p) = if gated {
                (TagId::O, 1.0)
            } else {
                let n = features::features(view, first, end, i, headline, [prev, prev2], &mut feats);
                self.score(&feats[..n], &mut scores);
                let (best, &top) = scores[..self.n_tags]
                    .iter()
                    .enumerate()
                    .max_by_key(|(k, s)| (**s, -(*k as i64)))
                    .unwrap_or((0, &0));
                let k = self.scale * self.temperature;
                let sum: f32 = scores[..self.n_tags].iter().map(|&s| ((s - top) as f32 * k).exp()).sum();
                (TagId(u8::try_from(best).unwrap_or(0)), 1.0 / sum.max(1.0))
            };
            tags[i] = tag;
            probs[i] = p;
            prev2 = prev;
            prev = u64::from(tag.0);
        }
    }
}

/// Tags one sentence given as words (tests, tools): flags from the lexicon, then the model. With
/// `names_only`, lower-case words outside names are not scored (as the extractor tags).
pub fn tag_words(model: &Model, words: &[&str], names_only: bool) -> (Vec<TagId>, Vec<f32>) {
    let flags = features::sentence_flags(words, crate::lexicon::lexicon());
    let view = View { words, flags: &flags };
    let mut tags = vec![TagId::O; words.len()];
    let mut probs = vec![0f32; words.len()];
    model.tag(&view, 0, words.len(), names_only, &mut tags, &mut probs);
    (tags, probs)
}

const NER_MODEL: &[u8] = include_bytes!("../../assets/models/ner.bin");
const POS_MODEL: &[u8] = include_bytes!("../../assets/models/pos.bin");

/// The name tagger, parsed on first use (`None` when the compiled-in file is unusable: the extractor then
/// runs on its rules alone).
pub fn ner() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes("assets/models/ner.bin", NER_MODEL).ok()).as_ref()
}

/// The part-of-speech tagger, parsed on first use.
pub fn pos() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes("assets/models/pos.bin", POS_MODEL).ok()).as_ref()
}

/// A name found by the tagger: tokens `start..end`, its type and the mean probability of its tags.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Name {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    pub prob: f32,
}

/// The names of a tag sequence (a begin tag, or an inside tag of another type, starts a name).
pub fn names_of(tags: &[TagId], probs: &[f32]) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::new();
    let mut cur: Option<Name> = None;
    for (i, &t) in tags.iter().enumerate() {
        let kind = EntityType::of(t);
        match (cur.as_mut(), kind) {
            (Some(c), Some(k)) if !is_begin(t) && c.kind == k => {
                c.prob += probs[i];
                c.end = i + 1;
                continue;
            }
            _ => {}
        }
        if let Some(mut c) = cur.take() {
            c.prob /= (c.end - c.start) as f32;
            out.push(c);
        }
        if let Some(k) = kind {
            cur = Some(Name { start: i, end: i + 1, kind: k, prob: probs[i] });
        }
    }
    if let Some(mut c) = cur {
        c.prob /= (c.end - c.start) as f32;
        out.push(c);
    }
    out
}

/// Document-level consistency: a name keeps the type it has most often in the document (weighted by
/// probability), and a surname alone takes the type of the full name it ends. Rewrites `tags`.
pub fn harmonize(words: &[&str], tags: &mut [TagId], probs: &mut [f32]) {
    let names = names_of(tags, probs);
    if names.is_empty() {
        return;
    }
    let key = |n: &Name| -> String {
        let mut k = String::new();
        for w in &words[n.start..n.end] {
            if !k.is_empty() {
                k.push(' ');
            }
            k.extend(w.chars().flat_map(char::to_lowercase));
        }
        k
    };
    let mut votes: HashMap<String, [f32; 4]> = HashMap::default();
    let mut surnames: HashMap<String, f32> = HashMap::default();
    for n in &names {
        let v = votes.entry(key(n)).or_default();
        v[EntityType::ALL.iter().position(|&t| t == n.kind).unwrap_or(3)] += n.prob;
        if n.kind == EntityType::Person && n.end - n.start >= 2 {
            let last = words[n.end - 1].to_lowercase();
            let best = surnames.entry(last).or_default();
            *best = best.max(n.prob);
        }
    }
    let retag = |tags: &mut [TagId], probs: &mut [f32], n: &Name, kind: EntityType, p: f32| {
        for k in n.start..n.end {
            tags[k] = kind.tag(k == n.start);
            probs[k] = probs[k].max(p);
        }
    };
    for n in &names {
        if n.end - n.start == 1 {
            if let Some(&p) = surnames.get(&words[n.start].to_lowercase()) {
                retag(tags, probs, n, EntityType::Person, p);
                continue;
            }
        }
        let Some(v) = votes.get(&key(n)) else { continue };
        let (best, &score) = v.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).unwrap_or((0, &0.0));
        let total: f32 = v.iter().sum();
        let kind = EntityType::ALL[best];
        if kind != n.kind {
            retag(tags, probs, n, kind, score / total.max(1e-6));
        }
    }
    coordinated_people(words, tags, probs);
    // A capitalised word the tagger left outside, which is the surname of a person named in full.
    for i in 0..words.len() {
        if tags[i] == TagId::O
            && words[i].chars().next().is_some_and(char::is_uppercase)
            && (i == 0 || tags[i - 1] == TagId::O)
            && tags.get(i + 1).is_none_or(|&t| t == TagId::O || is_begin(t))
        {
            if let Some(&p) = surnames.get(&words[i].to_lowercase()) {
                tags[i] = EntityType::Person.tag(true);
                probs[i] = p * 0.9;
            }
        }
    }
}

/// A person reading at least this sure types the names coordinated with it.
const SURE_PERSON: f32 = 0.6;
/// A reading of another type below this gives way to a coordinated person.
const WEAK_READING: f32 = 0.5;

/// "Cedric Pioline and Fabrice Santoro", "Given, Breen, Staunton": names joined by "and", "or" or a comma
/// are most often of one type, so a weak reading of another type next to a sure person becomes a person.
/// Runs both ways along a list. Rewrites `tags`.
fn coordinated_people(words: &[&str], tags: &mut [TagId], probs: &mut [f32]) {
    let joined = |a: &Name, b: &Name| {
        let between = &words[a.end..b.start];
        matches!(between, [","] | ["and"] | ["or"] | [",", "and"] | [",", "or"] | ["&"])
    };
    let mut names = names_of(tags, probs);
    for forward in [true, false] {
        for k in 0..names.len().saturating_sub(1) {
            let (sure, weak) = if forward { (k, k + 1) } else { (names.len() - 1 - k, names.len() - 2 - k) };
            let (a, b) = if forward { (names[sure], names[weak]) } else { (names[weak], names[sure]) };
            let (s, w) = (names[sure], names[weak]);
            let p = s.prob * 0.9;
            let gives_way = if w.kind == EntityType::Person { w.prob < p } else { w.prob < WEAK_READING };
            if !joined(&a, &b) || s.kind != EntityType::Person || s.prob < SURE_PERSON || !gives_way {
                continue;
            }
            for k in w.start..w.end {
                tags[k] = EntityType::Person.tag(k == w.start);
                probs[k] = p;
            }
            names[weak] = Name { kind: EntityType::Person, prob: p, ..w };
        }
    }
}
