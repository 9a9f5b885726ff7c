//! Trains the part-of-speech and name taggers and writes `assets/models/{pos,ner}.bin`; with `--eval`,
//! measures the shipped models on GUM dev instead.
//!
//! ```sh
//! cargo run --release --bin train                      # reads ../shared/training, writes assets/models/
//! cargo run --release --bin train -- --eval            # POS accuracy and name F1 on GUM dev
//! cargo run --release --bin train -- --data DIR --out DIR
//! cargo run --release --bin train -- --conll FILE   # name F1 of the shipped model on a CoNLL-2003 file
//! cargo run --release --bin train -- --speaker      # only the speaker ranker (assets/models/speaker.bin)
//! ```
//!
//! Training data (never a dev or test split): GUM `train/` (part of speech from UPOS; names from the
//! `Entity=` mentions whose head is a proper noun or that carry a Wikipedia identity), wikigold, and re3d.
//! Deterministic: files in sorted order, a fixed seed for the order of sentences in each epoch.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context as _, Result, bail};

use dossier::lexicon::{Lexicon, lexicon};
use dossier::tag::features::{self, Flags, MAX_FEATURES, View};
use dossier::tag::perceptron::Trainer;
use dossier::tag::{EntityType, Model, NER_TAGS, POS_TAGS, TagId, names_of};

/// Hash bits of each model's table.
const NER_BITS: u32 = 18;
const POS_BITS: u32 = 18;
const NER_EPOCHS: usize = 10;
const POS_EPOCHS: usize = 8;
const SEED: u64 = 0x5eed_d055_1e55;

/// One training or test sentence.
struct Sentence {
    words: Vec<String>,
    flags: Vec<Flags>,
    /// UPOS tag indices, when the source has them.
    pos: Option<Vec<u8>>,
    /// Name tags (BIO over person/organization/place/other), when the source has them.
    ner: Option<Vec<u8>>,
    /// Which document the sentence is from (for held-out splits and document consistency).
    doc: usize,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let mut data = PathBuf::from("../shared/training");
    let mut out = PathBuf::from("assets/models");
    let mut eval = false;
    let mut conll: Option<PathBuf> = None;
    let mut speaker_only = false;
    let mut cue_only = false;
    let mut polnear = PathBuf::from("../shared/evaldata/polnear");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--eval" => eval = true,
            "--speaker" => speaker_only = true,
            "--cue" => cue_only = true,
            "--polnear" => polnear = args.next().context("--polnear needs a folder")?.into(),
            "--conll" => conll = Some(PathBuf::from(args.next().context("--conll needs a file")?)),
            "--data" => data = args.next().context("--data needs a folder")?.into(),
            "--out" => out = args.next().context("--out needs a folder")?.into(),
            _ => bail!(
                "unknown argument {a} (use --eval, --conll FILE, --speaker, --cue, --data DIR, --polnear DIR, --out DIR)"
            ),
        }
    }
    let lex = lexicon();
    if let Some(file) = conll {
        return evaluate_conll(&file, &out, lex);
    }
    if eval {
        return evaluate(&data.join("gum/dev"), &out, lex);
    }
    if speaker_only {
        return train_speaker(&data, &polnear, &out);
    }
    if cue_only {
        return train_cue(&polnear, &out);
    }
    let started = Instant::now();
    let mut docs = 0;
    let gum = read_gum_dir(&data.join("gum/train"), lex, &mut docs)?;
    let wiki = read_wikigold(&data.join("wikigold/wikigold.conll.txt"), lex, &mut docs)?;
    let re3d = read_re3d(&data.join("re3d"), lex, &mut docs)?;
    println!(
        "read {} GUM, {} wikigold, {} re3d sentences ({docs} documents) in {:.1}s",
        gum.len(),
        wiki.len(),
        re3d.len(),
        started.elapsed().as_secs_f32()
    );
    let all: Vec<Sentence> = gum.into_iter().chain(wiki).chain(re3d).collect();
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;

    // Part of speech.
    let pos: Vec<&Sentence> = all.iter().filter(|s| s.pos.is_some()).collect();
    let bytes = train_model(&pos, |s| s.pos.as_deref(), POS_TAGS.len(), POS_BITS, POS_EPOCHS, false);
    write(&out.join("pos.bin"), &bytes)?;
    println!("part of speech: {} sentences, {} bytes, {:.1}s", pos.len(), bytes.len(), started.elapsed().as_secs_f32());

    // Names.
    let ner: Vec<&Sentence> = all.iter().filter(|s| s.ner.is_some()).collect();
    let bytes = train_model(&ner, |s| s.ner.as_deref(), NER_TAGS.len(), NER_BITS, NER_EPOCHS, true);
    write(&out.join("ner.bin"), &bytes)?;
    println!("names: {} sentences, {} bytes, {:.1}s", ner.len(), bytes.len(), started.elapsed().as_secs_f32());
    train_cue(&polnear, &out)?;
    train_speaker(&data, &polnear, &out)
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// The examples of documents split into those to fit on and those held out: every `every`th document is
/// held out (the last of each run of `every`).
fn hold_out<T: Clone>(docs: &[Vec<T>], every: usize) -> (Vec<T>, Vec<T>) {
    let (mut fit, mut held) = (Vec::new(), Vec::new());
    for (i, doc) in docs.iter().enumerate() {
        if i % every == every - 1 { &mut held } else { &mut fit }.extend(doc.iter().cloned());
    }
    (fit, held)
}

/// Trains on every tenth document held out to fit the softmax temperature, then on all, and returns the
/// model file.
fn train_model(
    sents: &[&Sentence],
    gold: impl Fn(&Sentence) -> Option<&[u8]> + Copy,
    n_tags: usize,
    bits: u32,
    epochs: usize,
    names_only: bool,
) -> Vec<u8> {
    let (fit, held): (Vec<&Sentence>, Vec<&Sentence>) = sents.iter().partition(|s| s.doc % 10 != 7);
    let weights = train(&fit, gold, n_tags, bits, epochs, names_only);
    let temperature = fit_temperature(&weights, &held, gold, n_tags, bits, names_only);
    println!("  temperature {temperature:.3} (fitted on {} held-out sentences)", held.len());
    let weights = train(sents, gold, n_tags, bits, epochs, names_only);
    Model::to_bytes(&weights, n_tags, bits, temperature)
}

/// A small deterministic generator for the order of sentences (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Does the tagger skip this token without scoring it (see [`Model::tag`])?
fn gated(names_only: bool, prev: u64, word: &str) -> bool {
    names_only && (prev == u64::MAX || prev == 0) && !word.chars().next().is_some_and(char::is_uppercase)
}

fn train(
    sents: &[&Sentence],
    gold: impl Fn(&Sentence) -> Option<&[u8]>,
    n_tags: usize,
    bits: u32,
    epochs: usize,
    names_only: bool,
) -> Vec<f32> {
    let mut trainer = Trainer::new(n_tags, bits);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut rng = Rng(SEED);
    let mut feats = [0u64; MAX_FEATURES];
    for epoch in 0..epochs {
        for k in (1..order.len()).rev() {
            let j = (rng.next() % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        let (mut right, mut seen) = (0usize, 0usize);
        for &s in &order {
            let sent = sents[s];
            let Some(truth) = gold(sent) else { continue };
            let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
            let view = View { words: &words, flags: &sent.flags };
            let headline = features::is_headline(&words);
            let (mut prev, mut prev2) = (u64::MAX, u64::MAX);
            for i in 0..words.len() {
                let guess = if gated(names_only, prev, words[i]) {
                    0
                } else {
                    let n = features::features(&view, 0, words.len(), i, headline, [prev, prev2], &mut feats);
                    let guess = trainer.predict(&feats[..n]);
                    trainer.update(&feats[..n], usize::from(truth[i]), guess);
                    trainer.tick();
                    seen += 1;
                    right += usize::from(guess == usize::from(truth[i]));
                    guess
                };
                prev2 = prev;
                prev = guess as u64;
            }
        }
        println!("  epoch {}: {:.4} of scored tokens right", epoch + 1, right as f64 / seen.max(1) as f64);
    }
    trainer.averaged()
}

/// The temperature that makes the tag probabilities fit the held-out sentences best (least log loss).
fn fit_temperature(
    weights: &[f32],
    held: &[&Sentence],
    gold: impl Fn(&Sentence) -> Option<&[u8]>,
    n_tags: usize,
    bits: u32,
    names_only: bool,
) -> f32 {
    let mask = (1usize << bits) - 1;
    // (scores, truth) of every scored held-out token, decoded greedily.
    let mut examples: Vec<(Vec<f32>, usize)> = Vec::new();
    let mut feats = [0u64; MAX_FEATURES];
    for sent in held {
        let Some(truth) = gold(sent) else { continue };
        let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
        let view = View { words: &words, flags: &sent.flags };
        let headline = features::is_headline(&words);
        let (mut prev, mut prev2) = (u64::MAX, u64::MAX);
        for i in 0..words.len() {
            let guess = if gated(names_only, prev, words[i]) {
                0
            } else {
                let n = features::features(&view, 0, words.len(), i, headline, [prev, prev2], &mut feats);
                let mut s = vec![0f32; n_tags];
                for &h in &feats[..n] {
                    let at = (h as usize & mask) * n_tags;
                    for (x, w) in s.iter_mut().zip(&weights[at..at + n_tags]) {
                        *x += w;
                    }
                }
                let best = (0..n_tags).fold(0, |b, t| if s[t] > s[b] { t } else { b });
                examples.push((s, usize::from(truth[i])));
                best
            };
            prev2 = prev;
            prev = guess as u64;
        }
    }
    let loss = |t: f32| -> f64 {
        examples
            .iter()
            .map(|(s, truth)| {
                let top = s.iter().copied().fold(f32::MIN, f32::max);
                let sum: f64 = s.iter().map(|&x| f64::from((x - top) * t).exp()).sum();
                -(f64::from((s[*truth] - top) * t) - sum.ln())
            })
            .sum()
    };
    let mut best = (1.0f32, f64::MAX);
    for k in 1..=200 {
        let t = k as f32 * 0.02;
        let l = loss(t);
        if l < best.1 {
            best = (t, l);
        }
    }
    best.0
}

// ---------------------------------------------------------------- reading the corpora

fn sentence_flags(words: &[String], lex: &Lexicon) -> Vec<Flags> {
    features::sentence_flags(words, lex)
}

fn sorted_files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    Ok(files)
}

fn read_gum_dir(dir: &Path, lex: &Lexicon, docs: &mut usize) -> Result<Vec<Sentence>> {
    let mut out = Vec::new();
    for path in sorted_files(dir, "conllu")? {
        let text = read_text(&path)?;
        read_gum(&text, *docs, lex, &mut out);
        *docs += 1;
    }
    Ok(out)
}

/// A GUM token: form, UPOS, head (1-based in the sentence, 0 for the root), MISC.
struct GumToken {
    form: String,
    upos: u8,
    head: usize,
    misc: String,
}

fn read_gum(text: &str, doc: usize, lex: &Lexicon, out: &mut Vec<Sentence>) {
    let mut toks: Vec<GumToken> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !toks.is_empty() {
                out.push(gum_sentence(&toks, doc, lex));
                toks.clear();
            }
            continue;
        }
        let Some(cols) = conllu_columns(line) else { continue };
        let upos = POS_TAGS.iter().position(|&t| t == cols[3]).unwrap_or(POS_TAGS.len() - 1);
        toks.push(GumToken {
            form: cols[1].to_owned(),
            upos: u8::try_from(upos).unwrap_or(0),
            head: cols[6].parse().unwrap_or(0),
            misc: cols[9].to_owned(),
        });
    }
}

/// A mention of a GUM entity: tokens `start..=end`, its type and whether it carries an identity.
struct Mention {
    start: usize,
    end: usize,
    etype: String,
    identity: bool,
}

fn gum_sentence(toks: &[GumToken], doc: usize, lex: &Lexicon) -> Sentence {
    // Mentions from the brackets of `Entity=`: "(3-organization-new-…-Identity", "3)", "(5-object-…)".
    let mut open: Vec<(String, usize, String, bool)> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let Some(ent) = t.misc.split('|').find_map(|f| f.strip_prefix("Entity=")) else { continue };
        let bytes = ent.as_bytes();
        let mut k = 0;
        while k < bytes.len() {
            if bytes[k] == b'(' {
                let rest = &ent[k + 1..];
                let stop = rest.find(['(', ')']).unwrap_or(rest.len());
                let fields: Vec<&str> = rest[..stop].split('-').collect();
                let id = fields.first().copied().unwrap_or("").to_owned();
                let etype = fields.get(1).copied().unwrap_or("").to_owned();
                let identity = fields.len() > 7 && !fields[7..].join("-").is_empty();
                if rest[stop..].starts_with(')') {
                    mentions.push(Mention { start: i, end: i, etype, identity });
                    k += 1 + stop + 1;
                } else {
                    open.push((id, i, etype, identity));
                    k += 1 + stop;
                }
            } else if bytes[k].is_ascii_digit() {
                let rest = &ent[k..];
                let stop = rest.find(')').unwrap_or(rest.len());
                let id = &rest[..stop];
                if let Some(p) = open.iter().rposition(|o| o.0 == id) {
                    let (_, start, etype, identity) = open.remove(p);
                    mentions.push(Mention { start, end: i, etype, identity });
                }
                k += stop + 1;
            } else {
                k += 1;
            }
        }
    }
    let propn = POS_TAGS.iter().position(|&t| t == "PROPN").unwrap_or(11) as u8;
    let mut ner = vec![0u8; toks.len()];
    mentions.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.start));
    for m in &mentions {
        // The head: the first token whose head lies outside the mention.
        let head =
            (m.start..=m.end).find(|&k| toks[k].head == 0 || toks[k].head - 1 < m.start || toks[k].head - 1 > m.end);
        // An identity alone is not enough: pronouns of a named chain carry it too ("His", "We").
        let has_propn = (m.start..=m.end).any(|k| toks[k].upos == propn);
        let named = head.is_some_and(|h| toks[h].upos == propn) || m.identity && has_propn;
        // Dates and amounts are not names.
        if !named || matches!(m.etype.as_str(), "time" | "quantity") {
            continue;
        }
        // The name inside the mention: from the first to the last proper noun (capitalised word if none).
        let is_name = |k: usize| toks[k].upos == propn;
        let is_cap = |k: usize| toks[k].form.chars().next().is_some_and(char::is_uppercase);
        let (mut s, mut e) =
            match ((m.start..=m.end).find(|&k| is_name(k)), (m.start..=m.end).rev().find(|&k| is_name(k))) {
                (Some(s), Some(e)) => (s, e),
                _ => match ((m.start..=m.end).find(|&k| is_cap(k)), (m.start..=m.end).rev().find(|&k| is_cap(k))) {
                    (Some(s), Some(e)) => (s, e),
                    _ => continue,
                },
            };
        while s < e && !is_cap(s) {
            s += 1;
        }
        while e > s && !is_cap(e) && !toks[e].form.chars().next().is_some_and(char::is_numeric) {
            e -= 1;
        }
        if e - s >= 10 || ner[s..=e].iter().any(|&t| t != 0) {
            continue;
        }
        let kind = match m.etype.as_str() {
            "person" => EntityType::Person,
            "organization" => EntityType::Organization,
            "place" => EntityType::Place,
            _ => EntityType::Other,
        };
        for (k, slot) in ner[s..=e].iter_mut().enumerate() {
            *slot = kind.tag(k == 0).0;
        }
    }
    let words: Vec<String> = toks.iter().map(|t| t.form.clone()).collect();
    let flags = sentence_flags(&words, lex);
    Sentence { words, flags, pos: Some(toks.iter().map(|t| t.upos).collect()), ner: Some(ner), doc }
}

/// Name tags from IOB labels ("I-PER", "B-Organisation", "O"), with a type map; an inside label after
/// another type starts a name (IOB1); lower-case words at either edge of a name are left out ("the").
fn bio_from_labels(words: &[String], labels: &[&str], kind_of: impl Fn(&str) -> Option<EntityType>) -> Vec<u8> {
    let mut spans: Vec<(usize, usize, EntityType)> = Vec::new();
    for (i, l) in labels.iter().enumerate() {
        let (prefix, ty) = l.split_once('-').unwrap_or(("O", ""));
        let kind = if prefix == "O" { None } else { kind_of(ty) };
        let Some(kind) = kind else { continue };
        match spans.last_mut() {
            Some(last) if prefix == "I" && last.1 == i && last.2 == kind => last.1 = i + 1,
            _ => spans.push((i, i + 1, kind)),
        }
    }
    let mut out = vec![0u8; words.len()];
    let starts_cap = |k: usize| words[k].chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric());
    for (mut s, mut e, kind) in spans {
        while s < e && !starts_cap(s) {
            s += 1;
        }
        while e > s && !starts_cap(e - 1) {
            e -= 1;
        }
        for (k, slot) in out[s..e].iter_mut().enumerate() {
            *slot = kind.tag(k == 0).0;
        }
    }
    out
}

fn read_wikigold(path: &Path, lex: &Lexicon, docs: &mut usize) -> Result<Vec<Sentence>> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let kind_of = |t: &str| match t {
        "PER" => Some(EntityType::Person),
        "ORG" => Some(EntityType::Organization),
        "LOC" => Some(EntityType::Place),
        "MISC" => Some(EntityType::Other),
        _ => None,
    };
    for line in text.lines().chain(std::iter::once("")) {
        if line.starts_with("-DOCSTART-") {
            *docs += 1;
            continue;
        }
        let mut cols = line.split_whitespace();
        match (cols.next(), cols.last()) {
            (Some(w), Some(l)) => {
                words.push(w.to_owned());
                labels.push(l.to_owned());
            }
            _ => {
                if !words.is_empty() {
                    let l: Vec<&str> = labels.iter().map(String::as_str).collect();
                    let ner = bio_from_labels(&words, &l, kind_of);
                    let flags = sentence_flags(&words, lex);
                    out.push(Sentence {
                        words: std::mem::take(&mut words),
                        flags,
                        pos: None,
                        ner: Some(ner),
                        doc: *docs,
                    });
                    labels.clear();
                }
            }
        }
    }
    *docs += 1;
    Ok(out)
}

fn read_re3d(dir: &Path, lex: &Lexicon, docs: &mut usize) -> Result<Vec<Sentence>> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    let kind_of = |t: &str| match t {
        "Person" => Some(EntityType::Person),
        "Organisation" => Some(EntityType::Organization),
        "Location" => Some(EntityType::Place),
        "Nationality" | "MilitaryPlatform" | "Weapon" | "DocumentReference" => Some(EntityType::Other),
        _ => None,
    };
    let mut out = Vec::new();
    for folder in folders {
        for path in sorted_files(&folder, "conll")? {
            let text = read_text(&path)?;
            let mut words: Vec<String> = Vec::new();
            let mut labels: Vec<String> = Vec::new();
            for line in text.lines().chain(std::iter::once("")) {
                match line.split_once('\t') {
                    Some((w, l)) if !w.is_empty() => {
                        words.push(w.to_owned());
                        labels.push(l.trim().to_owned());
                    }
                    _ => {
                        if !words.is_empty() {
                            let l: Vec<&str> = labels.iter().map(String::as_str).collect();
                            let ner = bio_from_labels(&words, &l, kind_of);
                            let flags = sentence_flags(&words, lex);
                            out.push(Sentence {
                                words: std::mem::take(&mut words),
                                flags,
                                pos: None,
                                ner: Some(ner),
                                doc: *docs,
                            });
                            labels.clear();
                        }
                    }
                }
            }
            *docs += 1;
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------- measuring

/// Part-of-speech accuracy and name F1 (exact span and type) of the models in `models` on GUM dev.
fn evaluate(dev: &Path, models: &Path, lex: &Lexicon) -> Result<()> {
    let load = |name: &str| -> Result<Model> {
        let path = models.join(name);
        let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        Ok(Model::from_bytes(&path.display().to_string(), &bytes)?)
    };
    let (pos, ner) = (load("pos.bin")?, load("ner.bin")?);
    let mut docs = 0;
    let sents = read_gum_dir(dev, lex, &mut docs)?;
    let started = Instant::now();
    let (mut right, mut total) = (0usize, 0usize);
    // Per type: true positives, predicted, gold; [4] is any type with the span right.
    let mut counts = [[0usize; 3]; 5];
    let mut counts_doc = [[0usize; 3]; 5];
    let mut tokens = 0;
    let mut doc_words: Vec<String> = Vec::new();
    let mut doc_tags: Vec<TagId> = Vec::new();
    let mut doc_probs: Vec<f32> = Vec::new();
    let mut doc_gold: Vec<TagId> = Vec::new();
    let mut current_doc = usize::MAX;
    let mut show: usize = std::env::var("TRAIN_SHOW").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let flush = |words: &mut Vec<String>,
                 tags: &mut Vec<TagId>,
                 probs: &mut Vec<f32>,
                 gold: &mut Vec<TagId>,
                 counts: &mut [[usize; 3]; 5]| {
        let w: Vec<&str> = words.iter().map(String::as_str).collect();
        dossier::tag::harmonize(&w, tags, probs);
        count_names(tags, probs, gold, counts);
        words.clear();
        tags.clear();
        probs.clear();
        gold.clear();
    };
    for s in &sents {
        if s.doc != current_doc {
            flush(&mut doc_words, &mut doc_tags, &mut doc_probs, &mut doc_gold, &mut counts_doc);
            current_doc = s.doc;
        }
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let view = View { words: &words, flags: &s.flags };
        let n = words.len();
        tokens += n;
        let mut tags = vec![TagId::O; n];
        let mut probs = vec![0f32; n];
        if let Some(gold) = &s.pos {
            pos.tag(&view, 0, n, false, &mut tags, &mut probs);
            right += tags.iter().zip(gold).filter(|(t, g)| t.0 == **g).count();
            total += n;
        }
        if let Some(gold) = &s.ner {
            ner.tag(&view, 0, n, true, &mut tags, &mut probs);
            let gold: Vec<TagId> = gold.iter().map(|&g| TagId(g)).collect();
            count_names(&tags, &probs, &gold, &mut counts);
            if show > 0 && tags != gold {
                show -= 1;
                let line: Vec<String> = words
                    .iter()
                    .zip(tags.iter().zip(&gold))
                    .map(|(w, (t, g))| match (t.0, g.0) {
                        (0, 0) => (*w).to_owned(),
                        (t, g) if t == g => format!("{w}/{}", NER_TAGS[usize::from(t)]),
                        (t, g) => format!("{w}/{}!{}", NER_TAGS[usize::from(t)], NER_TAGS[usize::from(g)]),
                    })
                    .collect();
                println!("{}", line.join(" "));
            }
            doc_words.extend(s.words.iter().cloned());
            doc_tags.extend(&tags);
            doc_probs.extend(&probs);
            doc_gold.extend(gold);
        }
    }
    flush(&mut doc_words, &mut doc_tags, &mut doc_probs, &mut doc_gold, &mut counts_doc);
    println!(
        "GUM dev: {} documents, {} sentences, {tokens} tokens ({:.2}s)",
        docs,
        sents.len(),
        started.elapsed().as_secs_f32()
    );
    println!("part of speech accuracy: {:.4}", right as f64 / total.max(1) as f64);
    for (label, counts) in [("tagger alone", counts), ("with document consistency", counts_doc)] {
        println!("names ({label}), exact span and type: P / R / F1");
        print_name_counts(&counts);
    }
    Ok(())
}

/// Name F1 of the model on a CoNLL-2003 style file (to measure only: never train on it).
fn evaluate_conll(file: &Path, models: &Path, lex: &Lexicon) -> Result<()> {
    let path = models.join("ner.bin");
    let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let ner = Model::from_bytes(&path.display().to_string(), &bytes)?;
    let mut docs = 0;
    let sents = read_wikigold(file, lex, &mut docs)?;
    let mut counts = [[0usize; 3]; 5];
    for s in &sents {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let view = View { words: &words, flags: &s.flags };
        let mut tags = vec![TagId::O; words.len()];
        let mut probs = vec![0f32; words.len()];
        ner.tag(&view, 0, words.len(), true, &mut tags, &mut probs);
        let gold: Vec<TagId> = s.ner.iter().flatten().map(|&g| TagId(g)).collect();
        count_names(&tags, &probs, &gold, &mut counts);
    }
    println!(
        "{}: {} sentences; names (tagger alone, sentence by sentence), exact span and type:",
        file.display(),
        sents.len()
    );
    print_name_counts(&counts);
    Ok(())
}

/// One line per name type (and all together): precision, recall and F1 from `[right, predicted, gold]`.
fn print_name_counts(counts: &[[usize; 3]; 5]) {
    for (k, name) in ["person", "organization", "place", "other", "all (span and type)"].iter().enumerate() {
        let [tp, pred, gold] = counts[k];
        let p = tp as f64 / pred.max(1) as f64;
        let r = tp as f64 / gold.max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        println!("  {name:<22} {p:.3} / {r:.3} / {f:.3}  (gold {gold})");
    }
}

fn count_names(tags: &[TagId], probs: &[f32], gold: &[TagId], counts: &mut [[usize; 3]; 5]) {
    let pred = names_of(tags, probs);
    let ones = vec![1f32; gold.len()];
    let truth = names_of(gold, &ones);
    let type_index = |k: EntityType| EntityType::ALL.iter().position(|&t| t == k).unwrap_or(3);
    for p in &pred {
        counts[type_index(p.kind)][1] += 1;
        counts[4][1] += 1;
        if truth.iter().any(|g| g.start == p.start && g.end == p.end && g.kind == p.kind) {
            counts[type_index(p.kind)][0] += 1;
            counts[4][0] += 1;
        }
    }
    for g in &truth {
        counts[type_index(g.kind)][2] += 1;
        counts[4][2] += 1;
    }
}

// ---------------------------------------------------------------- cue sense

/// Training rounds of the cue-sense model, its L2 penalty, and which documents are held out to choose its
/// threshold (every fifth).
const CUE_ITERATIONS: usize = 300;
const CUE_L2: f32 = 0.001;
const CUE_HOLD_OUT: usize = 5;
/// The share of right held-out statements the threshold must keep. The model learns PolNeAR's idea of an
/// attribution, which counts fewer kinds than ours (GUIDELINES.md): the threshold with the best held-out F1
/// (0.6) dropped 2% of gold-dev's statements, so it only drops what it is nearly sure of.
const CUE_MIN_RECALL: f64 = 0.995;
/// The thresholds tried: the lowest probability at which a reported statement stays.
const CUE_THRESHOLDS: [f32; 10] = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/// The content spans of a PolNeAR annotation file (brat standoff, code-point offsets), as byte spans of
/// `text`.
fn polnear_contents(ann: &str, text: &str) -> Vec<(usize, usize)> {
    let mut bytes = Vec::with_capacity(text.len() + 1);
    let mut at = 0;
    for c in text.chars() {
        bytes.push(at);
        at += c.len_utf8();
    }
    bytes.push(at);
    let byte = |cp: usize| bytes.get(cp).copied().unwrap_or(at);
    let mut out = Vec::new();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let Some(mid) = line.split('\t').nth(1) else { continue };
        let Some(offsets) = mid.strip_prefix("Content ") else { continue };
        for fragment in offsets.split(';') {
            let mut nums = fragment.split_whitespace().filter_map(|n| n.parse::<usize>().ok());
            if let (Some(a), Some(b)) = (nums.next(), nums.next()) {
                out.push((byte(a), byte(b)));
            }
        }
    }
    out
}

/// Does a predicted content match a gold one, as `score.py` matches them (half of the shorter span
/// covered, intersection over union at least 0.25)?
fn contents_match(p: (usize, usize), g: (usize, usize)) -> bool {
    let inter = p.1.min(g.1).saturating_sub(p.0.max(g.0)) as f64;
    let shorter = (p.1 - p.0).min(g.1 - g.0) as f64;
    let union = (p.1.max(g.1) - p.0.min(g.0)) as f64;
    inter > 0.0 && shorter > 0.0 && inter / shorter >= 0.5 && inter / union >= 0.25
}

/// Trains the cue-sense model on PolNeAR train: every reported statement the patterns find is an example,
/// right when its content matches an annotated attribution's. The threshold is the highest of
/// [`CUE_THRESHOLDS`] that keeps [`CUE_MIN_RECALL`] of the right statements of held-out documents.
fn train_cue(polnear: &Path, out: &Path) -> Result<()> {
    use dossier::extract::cue_sense::Sense;
    let started = Instant::now();
    let text_dir = polnear.join("data/train/text");
    let ann_dir = polnear.join("data/train/attributions");
    // One annotator per article, the first by file name (as `score.py` reads them).
    let mut anns: std::collections::BTreeMap<String, PathBuf> = std::collections::BTreeMap::new();
    for path in sorted_files(&ann_dir, "ann")? {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let stem = name.rfind('_').map_or(name, |k| &name[..k]).to_owned();
        anns.entry(stem).or_insert(path);
    }
    let mut docs: Vec<Vec<(Vec<u32>, bool)>> = Vec::new();
    for path in sorted_files(&text_dir, "txt")? {
        let text = read_text(&path)?;
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let Some(ann_path) = anns.get(stem) else { continue };
        let ann = read_text(ann_path)?;
        let gold = polnear_contents(&ann, &text);
        let doc = dossier::extract::cue_examples(&text)
            .into_iter()
            .map(|e| {
                let right = gold.iter().any(|&g| contents_match((e.content.start, e.content.end), g));
                (e.features, right)
            })
            .collect();
        docs.push(doc);
    }
    let (fit, held) = hold_out(&docs, CUE_HOLD_OUT);
    let part = Sense::train(&fit, CUE_ITERATIONS, CUE_L2, 0.0);
    let right = held.iter().filter(|e| e.1).count();
    println!(
        "cue sense: {} reported statements of {} PolNeAR train documents ({} right) to train on; held out (every {}th document): {} ({right} right)",
        fit.len(),
        docs.len(),
        fit.iter().filter(|e| e.1).count(),
        CUE_HOLD_OUT,
        held.len()
    );
    let mut chosen = 0.0f32;
    for threshold in CUE_THRESHOLDS {
        let kept: Vec<&(Vec<u32>, bool)> = held.iter().filter(|e| part.prob(&e.0) >= threshold).collect();
        let tp = kept.iter().filter(|e| e.1).count() as f64;
        let (p, r) = (tp / kept.len().max(1) as f64, tp / right.max(1) as f64);
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        println!(
            "  threshold {threshold:.2}: keeps {} of {}, precision {p:.3}, recall {r:.3}, F1 {f:.3}",
            kept.len(),
            held.len()
        );
        if r >= CUE_MIN_RECALL {
            chosen = threshold;
        }
    }
    let all: Vec<(Vec<u32>, bool)> = docs.into_iter().flatten().collect();
    let model = Sense::train(&all, CUE_ITERATIONS, CUE_L2, chosen);
    let bytes = model.to_bytes();
    write(&out.join("cue.bin"), &bytes)?;
    println!(
        "cue sense: threshold {chosen:.2} (held-out recall at least {CUE_MIN_RECALL}), {} bytes, {:.1}s",
        bytes.len(),
        started.elapsed().as_secs_f32()
    );
    Ok(())
}

// ---------------------------------------------------------------- speaker ranker

/// Training rounds of the speaker ranker and its L2 penalty.
const SPEAKER_ITERATIONS: usize = 300;
const SPEAKER_L2: f32 = 0.001;
/// How many times a news example counts against one of GUM's (news is what the extractor reads: who
/// spoke last matters more there than in GUM's essays and guides).
const SPEAKER_NEWS_WEIGHT: usize = 3;
/// Every how many GUM train documents one is held out to report the ranker's accuracy on unseen text.
const SPEAKER_HOLD_OUT: usize = 5;
/// How many sentences back a pronoun's candidates are taken (as the extractor does).
const SPEAKER_WINDOW: usize = 4;
/// Verbs of speech (lemmas) whose subject counts as having spoken.
const SPEECH_LEMMAS: &[&str] = &[
    "say",
    "tell",
    "add",
    "state",
    "announce",
    "claim",
    "explain",
    "note",
    "argue",
    "insist",
    "warn",
    "report",
    "write",
    "ask",
    "reply",
    "respond",
    "suggest",
    "comment",
    "confirm",
    "deny",
    "admit",
    "acknowledge",
    "declare",
    "describe",
    "urge",
    "predict",
    "believe",
    "think",
    "recall",
    "reveal",
    "complain",
    "emphasize",
    "stress",
    "point",
    "call",
    "agree",
    "accuse",
    "criticize",
    "praise",
    "vow",
    "promise",
    "estimate",
];

/// Trains the speaker ranker on GUM train's coreference (pronoun → its chain among the fitting candidate
/// referents) and on PolNeAR train's "he"/"she" speakers that the candidates' genders decide (see
/// `dossier::extract::pronoun_examples`), reports its accuracy and the rules' on held-out train documents
/// and on GUM dev, and writes `speaker.bin`.
fn train_speaker(data: &Path, polnear: &Path, out: &Path) -> Result<()> {
    use dossier::extract::ranker::{Example, OVERRULE, Ranker, rule_accuracy};
    let started = Instant::now();
    let read = |dir: &Path, ext: &str, examples: &dyn Fn(&str) -> Vec<Example>| -> Result<Vec<Vec<Example>>> {
        let mut docs = Vec::new();
        for path in sorted_files(dir, ext)? {
            let text = read_text(&path)?;
            docs.push(examples(&text));
        }
        Ok(docs)
    };
    let gum = read(&data.join("gum/train"), "conllu", &speaker_examples)?;
    let gum_dev: Vec<Example> =
        read(&data.join("gum/dev"), "conllu", &speaker_examples)?.into_iter().flatten().collect();
    // PolNeAR train only (its dev split is what `score.py polnear` reports).
    let news = read(&polnear.join("data/train/text"), "txt", &dossier::extract::pronoun_examples)?;
    let (gum_fit, gum_held) = hold_out(&gum, SPEAKER_HOLD_OUT);
    let (news_fit, news_held) = hold_out(&news, SPEAKER_HOLD_OUT);
    let weighted = |gum: Vec<Example>, news: Vec<Example>| -> Vec<Example> {
        let n = news.len() * SPEAKER_NEWS_WEIGHT;
        gum.into_iter().chain(news.into_iter().cycle().take(n)).collect()
    };
    let fit = weighted(gum_fit, news_fit);
    let part = Ranker::train(&fit, SPEAKER_ITERATIONS, SPEAKER_L2);
    println!(
        "speaker ranker: {} examples (news counted {SPEAKER_NEWS_WEIGHT} times) to train on; held out (every {}th document):",
        fit.len(),
        SPEAKER_HOLD_OUT
    );
    for (name, held) in [("GUM train, coreference", &gum_held), ("PolNeAR train, decided by gender", &news_held)] {
        println!(
            "  {name}: {} pronouns, ranker {:.3}, rules {:.3}, rules overruled at {OVERRULE} {:.3}",
            held.len(),
            part.accuracy(held),
            rule_accuracy(held),
            part.choice_accuracy(held, OVERRULE)
        );
    }
    let all = weighted(gum.into_iter().flatten().collect(), news.into_iter().flatten().collect());
    let model = Ranker::train(&all, SPEAKER_ITERATIONS, SPEAKER_L2);
    println!(
        "speaker ranker on GUM dev ({} pronouns): ranker {:.3}, rules {:.3}, rules overruled at {OVERRULE} {:.3}",
        gum_dev.len(),
        model.accuracy(&gum_dev),
        rule_accuracy(&gum_dev),
        model.choice_accuracy(&gum_dev, OVERRULE)
    );
    // Measured only: PolNeAR dev's gender-decided pronouns (never trained on).
    let news_dev: Vec<Example> = read(&polnear.join("data/dev/text"), "txt", &dossier::extract::pronoun_examples)?
        .into_iter()
        .flatten()
        .collect();
    println!(
        "speaker ranker on PolNeAR dev, decided by gender ({} pronouns): ranker {:.3}, rules {:.3}, rules overruled at {OVERRULE} {:.3}",
        news_dev.len(),
        model.accuracy(&news_dev),
        rule_accuracy(&news_dev),
        model.choice_accuracy(&news_dev, OVERRULE)
    );
    let bytes = model.to_bytes();
    write(&out.join("speaker.bin"), &bytes)?;
    println!(
        "speaker ranker: {} weighted examples, {} bytes, {:.1}s",
        all.len(),
        bytes.len(),
        started.elapsed().as_secs_f32()
    );
    Ok(())
}

/// A token of a GUM document for the speaker ranker.
struct CorefToken {
    lower: String,
    upos: String,
    xpos: String,
    lemma: String,
    head: usize,
    deprel: String,
    sentence: usize,
    first_of_sentence: usize,
    in_quote: bool,
}

/// A mention of a GUM coreference chain: tokens `start..=end` of the document.
struct CorefMention {
    chain: String,
    etype: String,
    start: usize,
    end: usize,
}

/// The pronoun subjects of a GUM document with their fitting candidate referents, where the right one is
/// among them.
fn speaker_examples(text: &str) -> Vec<dossier::extract::ranker::Example> {
    use dossier::extract::ranker::{Agreement, Candidate, CandidateKind, Example, Pronoun, female_word, finish, fits};
    // Tokens and mentions over the whole document.
    let mut toks: Vec<CorefToken> = Vec::new();
    let mut mentions: Vec<CorefMention> = Vec::new();
    let mut open: Vec<(String, String, usize)> = Vec::new();
    let mut sentence = 0;
    let mut first = 0;
    let mut sentence_start = 0;
    let mut quote = false;
    for line in text.lines() {
        if line.trim().is_empty() {
            if toks.len() > first {
                sentence += 1;
                first = toks.len();
            }
            continue;
        }
        let Some(cols) = conllu_columns(line) else { continue };
        if cols[0] == "1" {
            sentence_start = toks.len();
        }
        let i = toks.len();
        let form = cols[1];
        let was_in = quote;
        match form {
            "\"" => quote = !quote,
            "“" => quote = true,
            "”" => quote = false,
            _ => {}
        }
        toks.push(CorefToken {
            lower: form.to_lowercase(),
            upos: cols[3].to_owned(),
            xpos: cols[4].to_owned(),
            lemma: cols[2].to_lowercase(),
            head: cols[6].parse::<usize>().map_or(0, |h| if h == 0 { 0 } else { sentence_start + h }),
            deprel: cols[7].to_owned(),
            sentence,
            first_of_sentence: sentence_start,
            in_quote: was_in && quote,
        });
        let Some(ent) = cols[9].split('|').find_map(|f| f.strip_prefix("Entity=")) else { continue };
        let b = ent.as_bytes();
        let mut k = 0;
        while k < b.len() {
            if b[k] == b'(' {
                let body_end = ent[k + 1..].find(['(', ')']).map_or(b.len(), |e| k + 1 + e);
                let body = &ent[k + 1..body_end];
                let mut fields = body.split('-');
                let chain = fields.next().unwrap_or("").to_owned();
                let etype = fields.next().unwrap_or("").to_owned();
                if b.get(body_end) == Some(&b')') {
                    mentions.push(CorefMention { chain, etype, start: i, end: i });
                    k = body_end + 1;
                } else {
                    open.push((chain, etype, i));
                    k = body_end;
                }
            } else if b[k].is_ascii_digit() {
                let e = ent[k..].find(')').map_or(b.len(), |e| k + e);
                let chain = &ent[k..e];
                if let Some(pos) = open.iter().rposition(|(c, _, _)| c == chain) {
                    let (chain, etype, start) = open.remove(pos);
                    mentions.push(CorefMention { chain, etype, start, end: i });
                }
                k = e + 1;
            } else {
                k += 1;
            }
        }
    }
    mentions.sort_by_key(|m| (m.start, m.end));
    let pronominal = |m: &CorefMention| m.start == m.end && toks[m.start].upos == "PRON";
    // Where each mention spoke: its tokens hold the subject of a speech verb.
    let spoke = |m: &CorefMention| {
        (m.start..=m.end).any(|t| {
            toks[t].deprel.starts_with("nsubj")
                && toks[t].head > 0
                && toks.get(toks[t].head - 1).is_some_and(|h| SPEECH_LEMMAS.contains(&h.lemma.as_str()))
        })
    };
    let mut out = Vec::new();
    for pm in mentions.iter().filter(|m| pronominal(m)) {
        let t = pm.start;
        let Some(p) = Pronoun::of_word(&toks[t].lower) else { continue };
        if p == Pronoun::First || !toks[t].deprel.starts_with("nsubj") {
            continue;
        }
        let s = toks[t].sentence;
        let mut chains: Vec<&str> = Vec::new();
        for m in mentions.iter().filter(|m| m.end < t) {
            let near = toks[m.start].sentence + SPEAKER_WINDOW >= s && !pronominal(m) && !toks[m.start].in_quote;
            let spoke_lately = toks[m.start].sentence + 3 >= s && spoke(m);
            let kind_ok = matches!(m.etype.as_str(), "person" | "organization" | "place");
            if (near || spoke_lately) && kind_ok && !chains.contains(&m.chain.as_str()) {
                chains.push(&m.chain);
            }
        }
        let mut candidates = Vec::new();
        let mut gold = None;
        for chain in chains {
            let before: Vec<&CorefMention> = mentions.iter().filter(|m| m.chain == chain && m.end < t).collect();
            let Some(last) = before.iter().max_by_key(|m| m.start) else { continue };
            let named_words: Vec<&CorefMention> = before.iter().copied().filter(|m| !pronominal(m)).collect();
            let named = named_words.iter().any(|m| (m.start..=m.end).any(|k| toks[k].upos == "PROPN"));
            let etype = last.etype.as_str();
            let (kind, plural) = match etype {
                "person" if named => (CandidateKind::Person, Some(false)),
                "person" => {
                    let plural = named_words.last().is_some_and(|m| toks[m.end].xpos.starts_with("NNS"))
                        || before.iter().any(|m| pronominal(m) && toks[m.start].lower == "they");
                    (CandidateKind::Described, Some(plural))
                }
                "organization" => (CandidateKind::Organization, None),
                _ => (CandidateKind::Place, None),
            };
            // Gender from the chain's earlier words: honorifics, titles, given names, pronouns.
            let female =
                before.iter().flat_map(|m| &toks[m.start..=m.end]).filter_map(|t| female_word(&t.lower)).next_back();
            let gender = match (p, female) {
                (Pronoun::He | Pronoun::She, Some(f)) if f == (p == Pronoun::She) => Agreement::Agrees,
                (Pronoun::He | Pronoun::She, Some(_)) => Agreement::Clashes,
                _ => Agreement::Unknown,
            };
            let ft = toks[last.start].first_of_sentence;
            let subject =
                last.start == ft || last.start == ft + 1 && matches!(toks[ft].lower.as_str(), "the" | "a" | "an");
            let last_spoke =
                before.iter().filter(|m| toks[m.start].sentence + 3 >= s && spoke(m)).map(|m| m.start).max();
            let c = Candidate {
                sentences_back: s - toks[last.start].sentence,
                recency: 0,
                speaker_recency: None,
                subject,
                gender,
                plural,
                kind,
                mentions: before.len(),
                in_quote: toks[last.start].in_quote,
                rule: false,
                last_mention: last.start,
                last_spoke,
            };
            if fits(p, &c) {
                if chain == pm.chain {
                    gold = Some(candidates.len());
                }
                candidates.push(c);
            }
        }
        let Some(gold) = gold else { continue };
        finish(&mut candidates);
        out.push(Example { pronoun: p, candidates, gold });
    }
    out
}

/// The columns of a CoNLL-U token line; `None` for a comment, a multi-word token or an empty node (ids
/// "3-4", "5.1"). Blank lines, which end a sentence, are the caller's.
fn conllu_columns(line: &str) -> Option<Vec<&str>> {
    if line.starts_with('#') {
        return None;
    }
    let cols: Vec<&str> = line.split('\t').collect();
    (cols.len() >= 10 && !cols[0].contains('-') && !cols[0].contains('.')).then_some(cols)
}
