//! The features both taggers read: hashed word, affix, shape, neighbour, previous-tag and gazetteer
//! features of one token, computed without allocating. Training (`src/bin/train.rs`) and tagging call the
//! same [`features`] function, so a model never sees features it was not trained on.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::{CountryForm, Entry, Lexicon, TitleWord, WordClass};

const NAMES: &str = include_str!("../../assets/names.tsv");
const WORLD_NAMES: &str = include_str!("../../assets/world_names.tsv");

/// Gazetteer and word-list facts about a token, one bit each.
pub type Flags = u16;

/// A common first name (US Census 1990, rank <= 300).
pub const FIRST_COMMON: Flags = 1;
/// Any first name of the census lists.
pub const FIRST: Flags = 1 << 1;
/// A common surname (rank <= 3000).
pub const LAST_COMMON: Flags = 1 << 2;
/// Any surname of the census list (rank <= 25000).
pub const LAST: Flags = 1 << 3;
/// Inside a country's name or alias ("Pakistan", "United States").
pub const COUNTRY: Flags = 1 << 4;
/// Inside a demonym or country adjective ("Afghan").
pub const DEMONYM: Flags = 1 << 5;
/// Inside a capital, city or seat-of-government metonym ("Kabul", "Kremlin").
pub const CITY: Flags = 1 << 6;
/// Inside a known organization's name.
pub const ORGANIZATION: Flags = 1 << 7;
/// A title word ("minister", "president") or a government body ("ministry").
pub const TITLE: Flags = 1 << 8;
/// An honorific ("Mr", "Sheikh").
pub const HONORIFIC: Flags = 1 << 9;
/// A common English word of the lexicon.
pub const COMMON: Flags = 1 << 10;
/// A word that starts a speech cue ("said", "told").
pub const CUE: Flags = 1 << 11;
/// A noun for unnamed sources ("officials", "analysts").
pub const SOURCE: Flags = 1 << 12;
/// A first name that is mostly male in the census.
pub const MALE: Flags = 1 << 13;
/// A first name that is mostly female in the census.
pub const FEMALE: Flags = 1 << 14;
/// A given name of another country, not in the census lists (`assets/world_names.tsv`). Evidence for the
/// actor pass only: the taggers' features leave it out ([`TAGGER_FLAGS`]).
pub const WORLD_FIRST: Flags = 1 << 15;
/// The flags the taggers read.
const TAGGER_FLAGS: Flags = !WORLD_FIRST;

/// What the census says about one lower-case name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NameInfo {
    /// 0 = not a first name; 1 = common, 2 = less common, 3 = rare.
    pub first: u8,
    /// The same bands for surnames.
    pub last: u8,
    /// [`MALE`], [`FEMALE`] or 0.
    pub gender: Flags,
}

/// The census name table (`assets/names.tsv`), parsed once.
pub fn names() -> &'static HashMap<String, NameInfo> {
    static NAMES_TABLE: OnceLock<HashMap<String, NameInfo>> = OnceLock::new();
    NAMES_TABLE.get_or_init(|| {
        let mut map = HashMap::default();
        for line in NAMES.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(name), Some(first), Some(last), Some(gender)) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let gender = match gender {
                "m" => MALE,
                "f" => FEMALE,
                _ => 0,
            };
            let info = NameInfo { first: first.parse().unwrap_or(0), last: last.parse().unwrap_or(0), gender };
            map.insert(name.to_owned(), info);
        }
        map
    })
}

/// The world given-name table (`assets/world_names.tsv`): lower-case names, parsed once.
fn world_names() -> &'static rustc_hash::FxHashSet<&'static str> {
    static WORLD: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    WORLD.get_or_init(|| {
        WORLD_NAMES.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split('\t').next()).collect()
    })
}

/// The flags of a word's lexicon classes; an honorific counts only when capitalised, as the extractor
/// reads it.
pub fn class_flags(c: WordClass, cap: bool) -> Flags {
    let mut f: Flags = 0;
    if c.common {
        f |= COMMON;
    }
    if c.honorific && cap {
        f |= HONORIFIC;
    }
    if c.cue {
        f |= CUE;
    }
    if c.source_noun {
        f |= SOURCE;
    }
    if matches!(c.title, Some(TitleWord::Head | TitleWord::Body)) {
        f |= TITLE;
    }
    f
}

/// The census flags of a capitalised word (others get none: only a capitalised word can be a name).
pub fn name_flags(word: &str, lower: &str) -> Flags {
    let mut f: Flags = 0;
    if word.chars().next().is_some_and(char::is_uppercase) {
        if let Some(n) = names().get(lower) {
            f |= match n.first {
                1 => FIRST_COMMON | FIRST,
                0 => 0,
                _ => FIRST,
            };
            f |= match n.last {
                1 => LAST_COMMON | LAST,
                0 => 0,
                _ => LAST,
            };
            f |= n.gender;
        }
        if f & FIRST == 0 && world_names().contains(lower) {
            f |= WORLD_FIRST;
        }
    }
    f
}

/// The flags of one word that depend on the word alone (word lists and names, not gazetteer phrases).
pub fn word_flags(word: &str, lower: &str, lex: &Lexicon) -> Flags {
    let cap = word.chars().next().is_some_and(char::is_uppercase);
    class_flags(lex.word_classes.get(lower).copied().unwrap_or_default(), cap) | name_flags(word, lower)
}

/// The flags a gazetteer entry gives the tokens it covers.
pub fn entry_flags(entry: Entry) -> Flags {
    match entry {
        Entry::Country(_, CountryForm::Name) => COUNTRY,
        Entry::Country(_, CountryForm::Adjective) => DEMONYM,
        Entry::Country(_, CountryForm::Place) => CITY,
        Entry::Organization(_) => ORGANIZATION,
    }
}

/// The flags of a sentence given as words (training data, tests): word lists, census names, and gazetteer
/// phrases matched on the words joined by spaces and aligned to whole tokens, as the extractor aligns them.
pub fn sentence_flags<S: AsRef<str>>(words: &[S], lex: &Lexicon) -> Vec<Flags> {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(words.len());
    for w in words {
        if !text.is_empty() {
            text.push(' ');
        }
        starts.push(text.len());
        text.push_str(w.as_ref());
    }
    let len = |k: usize| words[k].as_ref().len();
    let mut flags: Vec<Flags> = words.iter().map(|w| word_flags(w.as_ref(), &w.as_ref().to_lowercase(), lex)).collect();
    for m in lex.gazetteer.find_iter(&text) {
        let Ok(first) = starts.binary_search(&m.start()) else { continue };
        let mut last = first;
        while last < words.len() && starts[last] + len(last) < m.end() {
            last += 1;
        }
        if last >= words.len() || starts[last] + len(last) != m.end() {
            continue;
        }
        let f = entry_flags(lex.entries[m.pattern().as_usize()]);
        for slot in &mut flags[first..=last] {
            *slot |= f;
        }
    }
    flags
}

/// The tokens of a text as the taggers see them: each token's text and flags.
#[derive(Clone, Copy)]
pub struct View<'a> {
    pub words: &'a [&'a str],
    pub flags: &'a [Flags],
}

/// Most features one token can have (templates plus one per flag of three tokens).
pub const MAX_FEATURES: usize = 72;

// Feature templates: each is mixed into the hash so equal strings of two templates differ.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_SUF3: u64 = 3;
const T_SUF2: u64 = 4;
const T_PRE3: u64 = 5;
const T_SHAPE: u64 = 6;
const T_PREV_WORD: u64 = 7;
const T_NEXT_WORD: u64 = 8;
const T_PREV2_WORD: u64 = 9;
const T_NEXT2_WORD: u64 = 10;
const T_PREV_SHAPE: u64 = 11;
const T_NEXT_SHAPE: u64 = 12;
const T_PREV_TAG: u64 = 13;
const T_PREV_TAGS: u64 = 14;
const T_PREV_TAG_WORD: u64 = 15;
const T_FLAG: u64 = 16;
const T_PREV_FLAG: u64 = 17;
const T_NEXT_FLAG: u64 = 18;
const T_INITIAL_SHAPE: u64 = 19;
const T_HEADLINE_SHAPE: u64 = 20;
const T_BIGRAM: u64 = 21;
const T_PREV_TAG_SHAPE: u64 = 22;
const T_SUF1: u64 = 23;
const T_SHAPE_NEXT_SHAPE: u64 = 24;

/// 64-bit FNV-1a offset and prime.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A fixed, platform-independent hash (model files depend on it: never change it without retraining).
fn start(template: u64) -> u64 {
    (FNV_OFFSET ^ template).wrapping_mul(FNV_PRIME)
}

fn add_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

/// Adds the text in lower case (ASCII letters folded; other characters as written).
fn add_lower(mut h: u64, s: &str) -> u64 {
    for b in s.bytes() {
        h = add_byte(h, b.to_ascii_lowercase());
    }
    add_byte(h, 0xff)
}

fn add_u64(mut h: u64, v: u64) -> u64 {
    for b in v.to_le_bytes() {
        h = add_byte(h, b);
    }
    h
}

/// Final avalanche, so the low bits used as a bucket are well mixed.
fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The word's shape: character classes (upper, lower, digit, other) with runs collapsed, at most five,
/// packed into an integer; 0 for no token.
pub fn shape(word: &str) -> u64 {
    let mut code = 0u64;
    let mut last = 0u64;
    let mut n = 0;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            1
        } else if c.is_lowercase() {
            2
        } else if c.is_numeric() {
            3
        } else {
            4 + u64::from(c as u32 & 0xff)
        };
        if class != last {
            code = code.wrapping_mul(263).wrapping_add(class);
            last = class;
            n += 1;
            if n == 5 {
                break;
            }
        }
    }
    code.wrapping_add(u64::try_from(word.chars().count().min(4)).unwrap_or(4) << 40)
}

/// The last `n` characters of a word.
fn suffix(word: &str, n: usize) -> &str {
    match word.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &word[i..],
        None => word,
    }
}

/// The first `n` characters of a word.
fn prefix(word: &str, n: usize) -> &str {
    match word.char_indices().nth(n) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

/// Is a sentence written in capitals (a headline or a dateline)? Three or more words, most of them in
/// capitals.
pub fn is_headline(words: &[&str]) -> bool {
    let mut n = 0;
    let mut caps = 0;
    for w in words {
        if w.chars().next().is_some_and(char::is_alphabetic) {
            n += 1;
            if w.chars().all(|c| !c.is_lowercase()) {
                caps += 1;
            }
        }
    }
    n >= 3 && caps * 10 >= n * 7
}

/// Writes the feature hashes of token `i` of the sentence `first..end` of `view` into `out`, given the
/// previous two tags (`[previous, the one before]`, `u64::MAX` before the sentence), and returns how many
/// it wrote.
pub fn features(
    view: &View<'_>,
    first: usize,
    end: usize,
    i: usize,
    headline: bool,
    prev_tags: [u64; 2],
    out: &mut [u64; MAX_FEATURES],
) -> usize {
    let [prev, prev2] = prev_tags;
    let word_at = |k: isize| -> &str {
        let j = i as isize + k;
        if j < first as isize {
            "<s>"
        } else if j >= end as isize {
            "</s>"
        } else {
            view.words[j as usize]
        }
    };
    let flags_at = |k: isize| -> Flags {
        let j = i as isize + k;
        if j < first as isize || j >= end as isize { 0 } else { view.flags[j as usize] & TAGGER_FLAGS }
    };
    let w = view.words[i];
    let sh = shape(w);
    let prev_shape = if i > first { shape(word_at(-1)) } else { 0 };
    let next_shape = if i + 1 < end { shape(word_at(1)) } else { 0 };
    let mut n = 0;
    let mut push = |h: u64| {
        if n < MAX_FEATURES {
            out[n] = finish(h);
            n += 1;
        }
    };
    push(start(T_BIAS));
    push(add_lower(start(T_WORD), w));
    push(add_lower(start(T_SUF3), suffix(w, 3)));
    push(add_lower(start(T_SUF2), suffix(w, 2)));
    push(add_lower(start(T_SUF1), suffix(w, 1)));
    push(add_lower(start(T_PRE3), prefix(w, 3)));
    push(add_u64(start(T_SHAPE), sh));
    push(add_lower(start(T_PREV_WORD), word_at(-1)));
    push(add_lower(start(T_NEXT_WORD), word_at(1)));
    push(add_lower(start(T_PREV2_WORD), word_at(-2)));
    push(add_lower(start(T_NEXT2_WORD), word_at(2)));
    push(add_u64(start(T_PREV_SHAPE), prev_shape));
    push(add_u64(start(T_NEXT_SHAPE), next_shape));
    push(add_u64(add_u64(start(T_SHAPE_NEXT_SHAPE), sh), next_shape));
    push(add_u64(start(T_PREV_TAG), prev));
    push(add_u64(add_u64(start(T_PREV_TAGS), prev), prev2));
    push(add_lower(add_u64(start(T_PREV_TAG_WORD), prev), w));
    push(add_u64(add_u64(start(T_PREV_TAG_SHAPE), prev), sh));
    push(add_lower(add_lower(start(T_BIGRAM), word_at(-1)), w));
    if i == first {
        push(add_u64(start(T_INITIAL_SHAPE), sh));
    }
    if headline {
        push(add_u64(start(T_HEADLINE_SHAPE), sh));
    }
    for (template, flags) in [(T_FLAG, flags_at(0)), (T_PREV_FLAG, flags_at(-1)), (T_NEXT_FLAG, flags_at(1))] {
        let mut bits = flags;
        while bits != 0 {
            let bit = bits.trailing_zeros();
            bits &= bits - 1;
            push(add_u64(start(template), u64::from(bit)));
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_tell_names_numbers_and_acronyms_apart() {
        assert_eq!(shape("Karzai"), shape("Mottak"));
        assert_ne!(shape("Karzai"), shape("KARZAI"));
        assert_ne!(shape("NATO"), shape("1996"));
        assert_eq!(suffix("Zurbarán", 3), "rán");
        assert_eq!(prefix("Zu", 3), "Zu");
    }

    #[test]
    fn census_names_are_flagged_only_when_capitalised() {
        let lex = crate::lexicon::lexicon();
        assert_ne!(word_flags("Mary", "mary", lex) & FIRST_COMMON, 0);
        assert_ne!(word_flags("Mary", "mary", lex) & FEMALE, 0);
        assert_eq!(word_flags("mary", "mary", lex) & FIRST, 0);
        assert_ne!(word_flags("Johnson", "johnson", lex) & LAST_COMMON, 0);
    }

    #[test]
    fn headlines_are_mostly_capitals() {
        assert!(is_headline(&["TALIBAN", "REJECT", "TALKS", "-", "paper"]));
        assert!(!is_headline(&["The", "Taliban", "rejected", "talks"]));
    }
}
