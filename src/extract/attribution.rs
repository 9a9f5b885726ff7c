//! Statements: every attribution cue with its speaker and content. Patterns: "X said (that) …",
//! "…, X said", "…, said X", "according to X, …", "X told …", colon quotes, two cues in one sentence,
//! quotations continued without a new cue, and partial quotes inside reported speech.

use crate::lexicon::{self, CueKind};
use crate::model::Span;

use super::tokens::{Kind, Layout, Quote, Sentence};
use super::words::{CueHit, Words};

/// Who a statement's speaker phrase is, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub enum Speaker {
    /// Tokens `start..end`, the phrase as written; resolved later against the phrases and actors.
    Phrase {
        start: usize,
        end: usize,
    },
    /// The subject of an earlier cue in the same sentence ("… and warned that …").
    SameAs(usize),
    None,
}

/// A statement before its speaker is resolved.
#[derive(Clone, Debug)]
pub struct Found {
    pub speaker: Speaker,
    pub cue: Option<CueHit>,
    pub content: Span,
    pub direct: bool,
    pub sentence: usize,
    pub confidence: f32,
    /// The name of the pattern that found it.
    pub rule: &'static str,
    /// "Farmers, who say …": the relative pronoun that stands for the speaker at the cue (the speaker
    /// phrase is its antecedent).
    pub relative: Option<usize>,
}

/// An attribution pattern: its name (what a card's `rule` reports) and how sure a match of it is, before
/// the speaker is resolved.
#[derive(Clone, Copy, Debug)]
pub struct Pattern {
    pub name: &'static str,
    pub confidence: f32,
}

/// "PENCE: Well, look …"
pub const TRANSCRIPT: Pattern = Pattern { name: "transcript line (NAME: …)", confidence: 0.7 };
/// "According to X, …", "…, according to X".
pub const ACCORDING_TO: Pattern = Pattern { name: "according to X", confidence: 0.8 };
/// "“…,” said X", "…, said the spokesman".
pub const INVERTED: Pattern = Pattern { name: "content, cue, speaker (…, said X)", confidence: 0.9 };
/// "“…,” she said", "…, officials claim".
pub const CONTENT_FIRST: Pattern = Pattern { name: "content, speaker, cue (…, X said)", confidence: 0.9 };
/// "X said: “…”".
pub const QUOTE_AFTER: Pattern = Pattern { name: "speaker, cue, quotation (X said: “…”)", confidence: 0.9 };
/// "X said (that) …".
pub const CLAUSE_AFTER: Pattern = Pattern { name: "subject of the cue (X said (that) …)", confidence: 0.85 };
/// "… and warned that …": the subject of the earlier cue.
pub const COORDINATED: Pattern = Pattern { name: "coordinated cue (X said … and warned …)", confidence: 0.85 };
/// "Farmers, who say …": the antecedent of the relative pronoun.
pub const RELATIVE: Pattern = Pattern { name: "relative clause (X, who said …)", confidence: 0.8 };
/// "Tom Harlow, who plays in place of Ben Castle says …": the noun phrase before an unclosed relative clause.
pub const UNCLOSED_RELATIVE: Pattern =
    Pattern { name: "subject, unclosed relative clause, cue (X, who … says …)", confidence: 0.8 };
/// "The Trade Minister, Jane Okafor, said …": a role and the name in apposition.
pub const ROLE_NAME: Pattern = Pattern { name: "role, name, cue (The minister, X, said …)", confidence: 0.88 };
/// "The plan was rejected by the council": the agent after "by" speaks about the passive subject.
pub const PASSIVE_AGENT: Pattern = Pattern { name: "passive with an agent (X was rejected by Y)", confidence: 0.75 };
/// "Ms Obi was quoted as saying …", "Ms Obi was quoted by the paper as saying …": the subject speaks.
pub const QUOTED_AS_SAYING: Pattern =
    Pattern { name: "passive quotation (X was quoted as saying …)", confidence: 0.85 };
/// How much less sure a statement is when its participle cue had no subject of its own and took the
/// sentence's subject ("… sent a release saying …").
const FALLBACK_DOUBT: f32 = 0.2;
/// A quotation with no cue of its own: the previous speaker goes on.
pub const CONTINUED: Pattern = Pattern { name: "continued quotation (no cue)", confidence: 0.6 };

/// Words between a subject and its verb that do not belong to the subject.
const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "is",
    "are",
    "were",
    "will",
    "would",
    "also",
    "later",
    "earlier",
    "then",
    "again",
    "today",
    "yesterday",
    "repeatedly",
    "previously",
    "publicly",
    "privately",
    "reportedly",
    "once",
    "further",
    "recently",
    "already",
    "had",
    "did",
    "does",
    "do",
    "been",
    "being",
    "himself",
    "herself",
    "itself",
    "themselves",
    "strongly",
    "firmly",
    "flatly",
    "quickly",
    "immediately",
    "formally",
    "officially",
    "simply",
    "clearly",
    "may",
    "might",
    "could",
    "should",
    "can",
    "not",
    "never",
    "subsequently",
    "separately",
    "similarly",
    "last",
    "night",
    "tonight",
    "on",
    "widely",
    "initially",
    "first",
    "finally",
    "just",
    "still",
    "openly",
    "categorically",
    "vehemently",
    "all",
    "both",
    "even",
    "now",
    "only",
    "actually",
    "personally",
    "specifically",
    "explicitly",
    "directly",
    "bluntly",
    "frankly",
    "long",
];

/// Is the lower-case word one of [`AUX`] or a day of the week ("said on Monday", "Monday said")?
fn is_aux(lower: &str) -> bool {
    AUX.contains(&lower) || lexicon::WEEKDAYS.contains(&lower)
}

/// Words before a cue that make it a noun, not a verb ("the claims", "a report").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those", "such", "any", "no", "of",
    "whose", "my", "your",
];

/// Words that start a clause and so end a subject when scanning left.
const CLAUSE_STARTS: &[&str] = &[
    "that",
    "and",
    "but",
    "while",
    "as",
    "when",
    "after",
    "before",
    "because",
    "although",
    "though",
    "since",
    "if",
    "where",
    "which",
    "who",
    "with",
    "meanwhile",
    "however",
    "so",
    "yet",
    "or",
    "whereas",
    "until",
    "unless",
    "nor",
];

/// Finds the statements of one sentence and appends them to `out` (the ones already there from this
/// sentence give a coordinated cue its speaker).
pub fn sentence_statements(
    w: &Words<'_>,
    s: &Sentence,
    index: usize,
    quotes: &[Quote],
    in_quote: &[bool],
    out: &mut Vec<Found>,
) {
    let first_new = out.len();
    if let Some(found) = transcript_line(w, s, index) {
        out.push(found);
        return;
    }
    let mut i = s.first;
    while i < s.end {
        if in_quote[i] {
            i += 1;
            continue;
        }
        let Some(cue) = w.cue_at(i) else {
            i += 1;
            continue;
        };
        i = cue.end;
        if let Some(found) = statement_at(w, s, index, quotes, in_quote, cue, &out[first_new..]) {
            // Cues inside a reported clause belong to its content ("said he welcomed …").
            if found.content.start >= w.tokens[cue.start].start {
                let c0 = w.tokens.partition_point(|t| t.start < found.content.start);
                let c1 = w.tokens.partition_point(|t| t.start < found.content.end);
                // "The report says Mr Jones says …": a reported clause that is itself an attribution
                // is a statement of its own as well.
                i = if nested_attribution(w, c0, c1, in_quote) { i.max(c0) } else { i.max(c1) };
            }
            out.push(found);
        }
    }
}

/// Whether the reported clause `start..end` opens with a subject and a speech verb of its own ("Mr Jones
/// says …", "the police said …"): a short subject of capitalised words or a determiner and a noun, then the
/// verb in a finite form, outside quotation marks.
fn nested_attribution(w: &Words<'_>, start: usize, end: usize, in_quote: &[bool]) -> bool {
    let limit = end.min(start + 6);
    (start + 1..limit).any(|k| {
        !in_quote[k]
            && w.cue_at(k).is_some_and(|c| c.kind == CueKind::Speech && !w.lower(k).ends_with("ing"))
            && (start..k).all(|t| w.is_cap(t) || DETERMINERS.contains(&w.lower(t)) || w.word(t) == ".")
            && (start..k).any(|t| w.is_cap(t) && !w.is_pronoun(t))
            && !w.is_pronoun(start)
    })
}

fn statement_at(
    w: &Words<'_>,
    s: &Sentence,
    index: usize,
    quotes: &[Quote],
    in_quote: &[bool],
    cue: CueHit,
    earlier: &[Found],
) -> Option<Found> {
    let end = content_end(w, s);
    if cue.kind == CueKind::Noun {
        return according_to(w, s, index, cue, end);
    }
    // "The plan was rejected by the council": the agent speaks.
    if let Some(found) = passive_with_agent(w, s, index, quotes, in_quote, cue, end) {
        return Some(found);
    }
    if cue.kind == CueKind::Quote && !beside_quote(w, s, cue) && !asks_a_question(w, cue, s.end) {
        return None;
    }
    // A noun, not a verb: "the claims", "a report", "the Palestinian state".
    if cue.start > s.first
        && (DETERMINERS.contains(&w.lower(cue.start - 1)) || w.kind(cue.start - 1) == Some(Kind::Possessive))
    {
        return None;
    }
    if cue.start > s.first
        && w.country_at(cue.start - 1).is_some_and(|(_, form, _)| form == crate::lexicon::CountryForm::Adjective)
    {
        return None;
    }
    // "Initial reports said", "the claims suggest": a cue word right before a speech verb is its subject.
    if w.is_source_noun(cue.start)
        && w.cue_at(cue.end).is_some_and(|next| next.kind == CueKind::Speech && !w.lower(next.start).ends_with("ing"))
    {
        return None;
    }
    // "said in a statement": the tail is part of the cue.
    let cue = extend_cue(w, cue);
    // "X was quoted (by Y) as saying …": the verb group before "as saying" is the subject's, and with no agent
    // in it the cue is the whole group as written.
    let quoted = quoted_as_saying(w, s, cue, in_quote);
    let cue = match quoted {
        Some((q, false)) => CueHit { start: aux_start(w, s, q, in_quote), ..cue },
        _ => cue,
    };
    let lower = w.lower(cue.start).to_owned();
    // A participle with no verb group of its own ("…, saying …").
    let participle = lower.ends_with("ing") && quoted.is_none();
    // "(Reporting by …)": a credit line, not a statement.
    if participle && w.lower(cue.end) == "by" {
        return None;
    }
    let prev = cue.start.checked_sub(1).filter(|&p| p >= s.first);
    if other_sense(w, cue, prev) {
        return None;
    }
    // The verb group's first word: "has announced", "will also say" (auxiliaries and adverbs before the cue).
    let verb = quoted.map_or(cue.start, |(q, _)| q);
    let group = aux_start(w, s, verb, in_quote);
    // "The Trade Minister, Jane Okafor, said …": the role and the name are one subject.
    let role_name = role_name_subject(w, s, group, in_quote);
    // "Phil Smith, a spokesman for the union, said …": the subject is the name before the appositive.
    // (Not for a participle: "On Thursday, Mayor X closed the bridge, saying …" has no appositive.)
    let appositive_end =
        if role_name.is_some() || participle { None } else { appositive_subject_end(w, s, group, in_quote) };
    // "…,” said X" / "…, said X": the speaker follows the cue.
    let inverted = appositive_end.is_none()
        && role_name.is_none()
        && prev.is_some_and(|p| matches!(w.word(p), "," | "—" | "–") || w.kind(p) == Some(Kind::Close));
    // "…, told X" never inverts: X is the listener.
    if inverted && !participle && !cue.features.listener {
        let (sp_start, sp_end) = phrase_after(w, cue.end, s.end);
        // "…, said Robert McAtee" or "…, said the spokesman", but not "X, speaking in Y, said he would …".
        let name_like = w.is_cap(sp_start) && !w.is_pronoun(sp_start)
            || matches!(
                w.lower(sp_start),
                "the" | "a" | "an" | "one" | "another" | "some" | "many" | "several" | "his" | "her" | "their" | "its"
            )
            || w.lower(sp_start).chars().all(|c| c.is_ascii_digit())
            || w.title(sp_start).is_some()
            || w.is_source_noun(sp_start)
            // "…, said broker Anwar Qadri": a descriptor noun right before a name.
            || w.is_word(sp_start)
                && !w.is_common(sp_start)
                && sp_end == sp_start + 3
                && w.is_cap(sp_start + 1)
                && w.is_cap(sp_start + 2);
        if sp_end > sp_start && name_like {
            let (content, direct) = content_before(w, s, quotes, cue.start)?;
            return Some(Found {
                speaker: Speaker::Phrase { start: sp_start, end: sp_end },
                cue: Some(cue),
                content,
                direct,
                sentence: index,
                confidence: if direct { INVERTED.confidence } else { INVERTED.confidence - 0.1 },
                rule: INVERTED.name,
                relative: None,
            });
        }
    }
    // "was told to leave", "was recalled", "were not disclosed by the company": a passive is not the subject
    // speaking (one with an agent that speaks was taken above).
    let be_before = prev.is_some_and(|p| is_be(w.lower(p)))
        || (group..cue.start).any(|t| is_be(w.lower(t))) && agent_by(w, cue.end, end).is_some();
    if quoted.is_none() && be_before && !participle {
        return None;
    }
    // The subject to the left of the cue, over auxiliaries, adverbs and catenative verbs ("went on to say").
    let mut k = role_name.map_or_else(|| appositive_end.unwrap_or(verb), |(_, e)| e);
    loop {
        while k > s.first && is_aux(w.lower(k - 1)) && !in_quote[k - 1] {
            k -= 1;
        }
        if role_name.is_none() && k > s.first + 1 && w.lower(k - 1) == "to" && CATENATIVES.contains(&w.lower(k - 2)) {
            k -= 2;
            while k > s.first && CATENATIVES.contains(&w.lower(k - 1)) {
                k -= 1;
            }
            continue;
        }
        break;
    }
    // "Farmers, who say …": the relative pronoun stands for the noun phrase before its comma.
    let relative = (role_name.is_none()
        && k > s.first + 1
        && matches!(w.lower(k - 1), "who" | "which")
        && matches!(w.word(k - 2), "," | "—" | "–"))
    .then(|| k - 1)
    .filter(|&r| subject_start(w, s, r - 1, in_quote) < r - 1);
    // "Tom Harlow, who plays in place of Ben Castle says …": a relative clause the writer did not close
    // with a comma; the subject is the noun phrase that opens the sentence, not a name inside the clause.
    let unclosed = if role_name.is_none() && relative.is_none() && appositive_end.is_none() {
        unclosed_relative(w, s, k, in_quote)
    } else {
        None
    };
    // "Rep. Gwen Moore (D-Wis.) said": a parenthesis after a name is not the subject's end.
    if k > s.first + 2 && w.word(k - 1) == ")" {
        if let Some(open) = (k.saturating_sub(8).max(s.first + 1)..k - 1).rev().find(|&t| w.word(t) == "(") {
            if w.is_cap(open - 1) {
                k = open;
            }
        }
    }
    let after_quote = noun_phrase_after_quote(w, s, k, in_quote).filter(|_| unclosed.is_none());
    let coordinated = after_quote.is_none()
        && role_name.is_none()
        && unclosed.is_none()
        && relative.is_none()
        && (k > s.first && matches!(w.lower(k - 1), "and" | "but" | "," | "then")
            || participle
                && k > s.first + 1
                && (w.word(k - 1) == "," || w.kind(k - 1) == Some(Kind::Close) && w.word(k - 2) == ","));
    let speaker = if let Some((a, b)) = role_name {
        Speaker::Phrase { start: a, end: b }
    } else if let Some((a, b)) = unclosed {
        Speaker::Phrase { start: a, end: b }
    } else if let Some(r) = relative {
        Speaker::Phrase { start: subject_start(w, s, r - 1, in_quote), end: r - 1 }
    } else if let Some(start) = after_quote {
        Speaker::Phrase { start, end: k }
    } else if coordinated {
        match earlier.last() {
            Some(f) => match &f.speaker {
                Speaker::Phrase { start, end } => Speaker::Phrase { start: *start, end: *end },
                other => other.clone(),
            },
            None => subject_of_sentence(w, s, k, in_quote),
        }
    } else {
        let start = subject_start(w, s, k, in_quote);
        match described_subject(w, s, k, in_quote, cue.kind) {
            Some(d) if d < start || start == k => Speaker::Phrase { start: d, end: k },
            _ if start < k => Speaker::Phrase { start, end: k },
            _ => Speaker::None,
        }
    };
    let described = matches!(speaker, Speaker::Phrase { start, .. } if Some(start) == described_subject(w, s, k, in_quote, cue.kind));
    if speaker == Speaker::None && !participle {
        // A cue with no subject is most often not an attribution ("as reported", "said to be").
        return None;
    }
    // "… and hit back by accusing him of …", "… sent a release saying …": a participle with no subject of its
    // own speaks for the subject of the sentence, or else for the speaker before it in the sentence.
    let fallback = speaker == Speaker::None;
    let speaker = if fallback {
        match subject_of_sentence(w, s, k, in_quote) {
            Speaker::None => earlier.last().map_or(Speaker::None, |f| f.speaker.clone()),
            subject => subject,
        }
    } else {
        speaker
    };
    if let (Speaker::Phrase { start, end }, None, false, None, false) =
        (&speaker, after_quote, described, role_name, fallback)
    {
        let (start, end) = (*start, *end);
        // A subject with no name, pronoun, title or source noun is not a speaker ("the consecutive offers").
        let plausible = (start..end).any(|t| {
            (w.is_cap(t) && !(t == s.first && w.is_common(t)))
                || w.is_pronoun(t)
                || w.is_source_noun(t)
                || w.title(t).is_some()
        });
        if !plausible {
            return None;
        }
    }
    let mut speaker = speaker;
    let mut speaker_start = match speaker {
        Speaker::Phrase { start, .. } if !coordinated && relative.is_none() => start,
        _ => k,
    };
    // "“…,” he said" and "…, officials claim": the content is before the speaker.
    // In a headline in title case ("Okafor Says Talks Will Resume") capitalised words after the cue are content.
    let after_cue = if w.is_cap(cue.start) { cue.end } else { skip_cue_tail(w, cue.end, end) };
    // "…, analysts say; …" and "…, Spicer said, adding …" end the attribution as a sentence end does.
    let cue_ends_sentence = after_cue >= end
        || w.word(after_cue) == ";"
        || w.word(after_cue) == "," && w.lower(after_cue + 1).ends_with("ing") && w.cue_at(after_cue + 1).is_some()
        // "…” to drive up the price, she said, referencing …": any participle after the cue's comma.
        || w.word(after_cue) == ","
            && w.lower(after_cue + 1).ends_with("ing")
            && !w.is_cap(after_cue + 1)
            && !matches!(w.lower(after_cue + 1), "during" | "including" | "notwithstanding");
    // "…, Donald Trump's longtime adviser Roger Stone said.": a longer noun phrase back to the comma.
    if cue_ends_sentence && !coordinated && relative.is_none() && role_name.is_none() {
        if let Some(j) = phrase_back_to_comma(w, s, speaker_start, in_quote) {
            speaker_start = j;
            speaker = Speaker::Phrase { start: j, end: k };
        }
    }
    let before_is_comma_or_quote = speaker_start > s.first
        && (matches!(w.word(speaker_start - 1), "," | "—" | "–") || w.kind(speaker_start - 1) == Some(Kind::Close));
    let quote_before = speaker_start > s.first
        && (w.kind(speaker_start - 1) == Some(Kind::Close)
            || speaker_start > s.first + 1
                && w.word(speaker_start - 1) == ","
                && w.kind(speaker_start - 2) == Some(Kind::Close));
    if (cue_ends_sentence && before_is_comma_or_quote || quote_before) && !coordinated {
        let (content, direct) = content_before(w, s, quotes, speaker_start)?;
        return Some(Found {
            speaker,
            cue: Some(cue),
            content,
            direct,
            sentence: index,
            confidence: if direct { CONTENT_FIRST.confidence } else { CONTENT_FIRST.confidence - 0.08 },
            rule: CONTENT_FIRST.name,
            relative: None,
        });
    }
    // "X said: “…”" or "X said “…”": the quotation that follows.
    let mut q = after_cue;
    if matches!(w.word(q), ":" | ",") {
        q += 1;
    }
    if w.kind(q) == Some(Kind::Open) {
        // The quotation is the content when the sentence ends with it or a comma follows it; "said
        // ''there could be'' a line …" goes on as a clause.
        let whole = |quote: &&Quote| {
            quote.close.is_none_or(|c| c + 1 >= end || matches!(w.word(c + 1), "," | "." | ";" | ":" | "—" | "–"))
        };
        if let Some(quote) = quote_opening_at(quotes, q).filter(whole) {
            return Some(Found {
                speaker,
                cue: Some(cue),
                content: quote.inner(w.tokens),
                direct: true,
                sentence: index,
                confidence: QUOTE_AFTER.confidence - if fallback { FALLBACK_DOUBT } else { 0.0 },
                rule: if quoted.is_some() { QUOTED_AS_SAYING.name } else { QUOTE_AFTER.name },
                relative,
            });
        }
    }
    // "X said (that) …": the rest of the clause.
    let start = content_start(w, cue, after_cue, end);
    let stop = clause_end(w, start, end, in_quote);
    if stop <= start {
        return None;
    }
    let content = Span::new(w.tokens[start].start, w.tokens[stop - 1].end);
    let direct = (start..stop).any(|t| matches!(w.kind(t), Some(Kind::Open | Kind::Close)));
    let pattern = if coordinated {
        COORDINATED
    } else if unclosed.is_some() {
        UNCLOSED_RELATIVE
    } else if relative.is_some() {
        RELATIVE
    } else if role_name.is_some() {
        ROLE_NAME
    } else if quoted.is_some() {
        QUOTED_AS_SAYING
    } else {
        CLAUSE_AFTER
    };
    Some(Found {
        speaker,
        cue: Some(cue),
        content,
        direct,
        sentence: index,
        confidence: pattern.confidence - if fallback { FALLBACK_DOUBT } else { 0.0 },
        rule: pattern.name,
        relative,
    })
}

/// The first word of the verb group that ends at `verb`: auxiliaries and adverbs before it ("has also been").
fn aux_start(w: &Words<'_>, s: &Sentence, verb: usize, in_quote: &[bool]) -> usize {
    let mut group = verb;
    while group > s.first && is_aux(w.lower(group - 1)) && !in_quote[group - 1] {
        group -= 1;
    }
    group
}

/// Words that negate the verb after them ("did not say", "were never disclosed").
fn is_negation(lower: &str) -> bool {
    matches!(lower, "not" | "never" | "n't" | "n’t")
}

/// Forms of "be" that make a participle after them passive.
fn is_be(lower: &str) -> bool {
    matches!(lower, "was" | "were" | "been" | "being" | "be" | "is" | "are")
}

/// "X was quoted as saying …", "X is quoted by the paper as saying …": for a participle cue right after "as",
/// the token "quoted" (after a form of "be") and whether an agent ("by …") stands between them.
fn quoted_as_saying(w: &Words<'_>, s: &Sentence, cue: CueHit, in_quote: &[bool]) -> Option<(usize, bool)> {
    let as_ = cue.start.checked_sub(1).filter(|&a| a > s.first + 1 && w.lower(a) == "as")?;
    if !w.lower(cue.start).ends_with("ing") || in_quote[as_] {
        return None;
    }
    let q = (as_.saturating_sub(12).max(s.first + 1)..as_).rev().find(|&t| w.lower(t) == "quoted")?;
    let agent = q + 1 < as_;
    // Only an agent may stand between: "quoted by the Daily Courier as saying".
    if agent
        && (w.lower(q + 1) != "by"
            || (q + 2..as_).any(|t| in_quote[t] || !(w.is_word(t) || w.kind(t) == Some(Kind::Possessive))))
    {
        return None;
    }
    let group = aux_start(w, s, q, in_quote);
    (group..q).any(|t| is_be(w.lower(t))).then_some((q, agent))
}

/// Words that open the reported clause after a passive's agent: "was told by police that …", "was asked by a
/// caller whether …".
const CLAUSE_OPENERS: &[&str] = &["whether", "if", "what", "why", "how", "when", "where", "who", "to"];

/// Personal pronouns that can be a passive subject standing for what was talked about or to.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "you"];

/// "The plan was rejected by the council", "Her death was confirmed by the family", "He was told by police
/// that …": a cue with the `passive` feature, in the passive, with a "by" agent. The agent is the speaker; the
/// content is the clause after the agent when one follows ("that …", a quotation, or for a verb of telling or
/// asking "to …" or "whether …"), else the passive subject (what the agent spoke about).
fn passive_with_agent(
    w: &Words<'_>,
    s: &Sentence,
    index: usize,
    quotes: &[Quote],
    in_quote: &[bool],
    cue: CueHit,
    end: usize,
) -> Option<Found> {
    if !cue.features.passive || in_quote[cue.start] || w.is_cap(cue.start) {
        return None;
    }
    let lower = w.lower(cue.start);
    if lower.ends_with("ing") || cue.end != cue.start + 1 {
        return None;
    }
    // The verb group: auxiliaries, and adverbs in "-ly" after one ("has been sharply criticised").
    let mut group = cue.start;
    while group > s.first
        && !in_quote[group - 1]
        && (is_aux(w.lower(group - 1))
            || group > s.first + 1
                && w.lower(group - 1).ends_with("ly")
                && !w.is_cap(group - 1)
                && is_aux(w.lower(group - 2)))
    {
        group -= 1;
    }
    // "were not disclosed by": a negated passive says the agent did not speak.
    if !(group..cue.start).any(|t| is_be(w.lower(t))) || (group..cue.start).any(|t| is_negation(w.lower(t))) {
        return None;
    }
    let by = agent_by(w, cue.end, end).filter(|&b| !in_quote[b])?;
    // The agent: a noun phrase, over "of" before a name ("the Ministry of Defence").
    let (a0, mut a1) = phrase_after(w, by + 1, end);
    // "asked by Imre whether …": the agent ends where the clause opens.
    a1 = (a0..a1).find(|&t| CLAUSE_OPENERS.contains(&w.lower(t))).unwrap_or(a1);
    while a1 > a0
        && a1 + 1 < end
        && w.lower(a1) == "of"
        && (w.is_cap(a1 + 1) || w.lower(a1 + 1) == "the" && w.is_cap(a1 + 2))
    {
        let (_, e) = phrase_after(w, a1 + 1, end);
        if e <= a1 + 1 {
            break;
        }
        a1 = e;
    }
    // "by saying …" is a means, not an agent ("by left-leaning economists" is one).
    let gerund = w.lower(a0).ends_with("ing") && !w.lower(a0).contains('-');
    if a1 <= a0 || in_quote[a0] || gerund || time_after_by(w, a0) {
        return None;
    }
    // "by the Trade Minister, Sara Obi": the role and the name in apposition are one agent.
    if (a0..a1).any(|t| w.title(t).is_some()) && w.word(a1) == "," && w.is_cap(a1 + 1) && !w.is_common(a1 + 1) {
        let mut e = a1 + 1;
        while e < end && (w.is_cap(e) || abbreviation_dot(w, e)) && !in_quote[e] {
            e += 1;
        }
        if e >= end || matches!(w.word(e), "," | ";") {
            a1 = e;
        }
    }
    let speaker = Speaker::Phrase { start: a0, end: a1 };
    // The cue is the verb group as written: "was rejected", "has been sharply criticised".
    let cue = CueHit { start: group, ..cue };
    let found = |content: Span, direct: bool| Found {
        speaker: speaker.clone(),
        cue: Some(cue),
        content,
        direct,
        sentence: index,
        confidence: PASSIVE_AGENT.confidence,
        rule: PASSIVE_AGENT.name,
        relative: None,
    };
    // A clause after the agent: "that …", a quotation, or "to …"/"whether …" after a verb of telling or asking.
    let mut c = a1;
    if matches!(w.word(c), "," | ":") && w.kind(c + 1) == Some(Kind::Open) {
        c += 1;
    }
    if c < end && w.kind(c) == Some(Kind::Open) {
        if let Some(q) = quote_opening_at(quotes, c) {
            return Some(found(q.inner(w.tokens), true));
        }
    }
    let addressed = cue.features.listener || cue.features.question;
    if c < end && (w.lower(c) == "that" || addressed && CLAUSE_OPENERS.contains(&w.lower(c))) {
        let start = if w.lower(c) == "that" { c + 1 } else { c };
        let stop = clause_end(w, start, end, in_quote);
        if stop <= start {
            return None;
        }
        let direct = (start..stop).any(|t| matches!(w.kind(t), Some(Kind::Open | Kind::Close)));
        return Some(found(Span::new(w.tokens[start].start, w.tokens[stop - 1].end), direct));
    }
    // Told or asked with no clause: the subject is who was spoken to, not what was said.
    if addressed {
        return None;
    }
    let start = passive_subject(w, s, group, in_quote)?;
    Some(found(Span::new(w.tokens[start].start, w.tokens[group - 1].end), false))
}

/// The "by" of a passive's agent right after the participle, over adverbs ("was rejected outright by", "was
/// first reported last week by").
fn agent_by(w: &Words<'_>, from: usize, end: usize) -> Option<usize> {
    let mut by = from;
    while by < end
        && by < from + 4
        && (is_aux(w.lower(by))
            || w.lower(by).ends_with("ly") && !w.is_cap(by)
            || matches!(w.lower(by), "week" | "month" | "year" | "morning" | "afternoon" | "evening" | "weekend"))
    {
        by += 1;
    }
    (by < end && w.lower(by) == "by").then_some(by)
}

/// "by now", "by Friday", "by 2030", "by the end of the year", "by a wide margin": "by" with a time or a
/// measure, not an agent.
fn time_after_by(w: &Words<'_>, t: usize) -> bool {
    let first = w.lower(t);
    let next = if matches!(first, "the" | "a" | "an") { w.lower(t + 1) } else { first };
    matches!(
        next,
        "now"
            | "then"
            | "far"
            | "late"
            | "early"
            | "noon"
            | "midnight"
            | "tomorrow"
            | "tonight"
            | "today"
            | "next"
            | "end"
            | "time"
            | "middle"
            | "margin"
    ) || lexicon::is_date_word(next)
        || first.len() == 4 && first.chars().all(|c| c.is_ascii_digit())
}

/// The passive subject that ends at `end` ("the proposal", "Her death", "the leader of the party"): the
/// noun phrase back to a determiner, a pronoun, a clause boundary or punctuation. Its first token, if it is
/// one a reader can take as the thing spoken about ("it" and relative pronouns are not).
fn passive_subject(w: &Words<'_>, s: &Sentence, end: usize, in_quote: &[bool]) -> Option<usize> {
    let limit = end.saturating_sub(12).max(s.first);
    let mut k = end;
    while k > limit {
        let t = k - 1;
        if in_quote[t] || !(matches!(w.kind(t), Some(Kind::Word | Kind::Possessive)) || abbreviation_dot(w, t)) {
            break;
        }
        let lower = w.lower(t);
        let between_names = lower == "and" && t > s.first && w.is_cap(t - 1) && w.is_cap(t + 1);
        // A cue word after a determiner is a noun of the phrase ("the offer", "the new report").
        let determined = |d: usize| DETERMINERS.contains(&w.lower(d)) || w.kind(d) == Some(Kind::Possessive);
        let noun = t > s.first
            && (determined(t - 1)
                || t > s.first + 1 && determined(t - 2) && w.cue_at(t - 1).is_none() && !is_aux(w.lower(t - 1)));
        if CLAUSE_STARTS.contains(&lower) && !between_names
            || !w.is_cap(t) && (w.cue_at(t).is_some() && !noun || is_aux(lower))
        {
            break;
        }
        // After a preposition the words are its object, not the subject ("plans to spend more by 2030 were
        // welcomed by …").
        if matches!(lower, "in" | "on" | "at" | "during" | "from" | "by" | "to" | "into" | "than") {
            return None;
        }
        if lower == "it" || lower == "there" {
            return None;
        }
        k = t;
        if SUBJECT_PRONOUNS.contains(&lower) {
            break;
        }
        // "the leader of the party", "the plan for the port": a determiner after "of" or "for" is inside the
        // phrase.
        if DETERMINERS.contains(&lower) && lower != "of" && !(t > s.first && matches!(w.lower(t - 1), "of" | "for")) {
            break;
        }
    }
    // Leading sentence adverbs are not part of it ("Yesterday the plan").
    while k + 1 < end && w.is_common(k) && !DETERMINERS.contains(&w.lower(k)) && !SUBJECT_PRONOUNS.contains(&w.lower(k))
    {
        k += 1;
    }
    (k < end && w.lower(k) != "of").then_some(k)
}

/// Verbs that take a speech verb as a "to"-infinitive and leave its subject the speaker: "went on to say",
/// "refused to say", "has taken to saying".
const CATENATIVES: &[&str] = &[
    "went",
    "go",
    "goes",
    "going",
    "on",
    "refused",
    "refuses",
    "declined",
    "declines",
    "continued",
    "continues",
    "taken",
    "took",
    "wanted",
    "wants",
    "tried",
    "tries",
    "seemed",
    "seems",
    "appeared",
    "used",
    "decided",
    "began",
    "begun",
    "rushed",
    "hastened",
    "moved",
    "sought",
    "seeks",
    "wrote",
    "tweeted",
    "called",
    "appeared",
];

/// A cue word in a sense that reports no speech: "added two points", "added to the list", "admitted to
/// hospital", "the figures add up", "did not say".
fn other_sense(w: &Words<'_>, cue: CueHit, prev: Option<usize>) -> bool {
    if !(cue.features.other_sense || cue.features.negation) {
        return false;
    }
    let next = w.lower(cue.end);
    let number = next.chars().next().is_some_and(|c| c.is_ascii_digit())
        || matches!(next, "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten" | "another");
    let article = matches!(w.lower(cue.end + 1), "the" | "a" | "an" | "its" | "his" | "her" | "their" | "this");
    // "The numbers add up": the phrasal verb with "up" reports no speech either.
    if cue.features.other_sense && (number || next == "to" && article || next == "up") {
        return true;
    }
    let negated = prev.is_some_and(|p| is_negation(w.lower(p)));
    cue.features.negation && negated
}

/// "The Trade Minister, Jane Okafor, said …", "Blue Tongue owner, Helen Gillies, says …": a role phrase that
/// opens the sentence, then a name between commas right before the cue. The whole subject, tokens.
fn role_name_subject(w: &Words<'_>, s: &Sentence, cue_start: usize, in_quote: &[bool]) -> Option<(usize, usize)> {
    let close = cue_start.checked_sub(1).filter(|&c| c > s.first + 2 && w.word(c) == ",")?;
    let mut open = close;
    while open > s.first && open + 7 > close {
        open -= 1;
        let t = open;
        if w.word(t) == "," {
            break;
        }
        // A lower-case word may open the name: "professor Helena Britt".
        let opener = t > s.first && w.word(t - 1) == "," && w.is_word(t);
        if !(w.is_cap(t) || w.title(t).is_some() || abbreviation_dot(w, t) || opener) || in_quote[t] {
            return None;
        }
    }
    if w.word(open) != "," || open + 1 >= close || open <= s.first || !w.is_cap(close - 1) {
        return None;
    }
    // The name must hold a word that is not a title ("Jane Okafor", not "the Minister").
    if !(open + 1..close).any(|t| w.is_cap(t) && w.title(t).is_none() && !w.is_common(t)) {
        return None;
    }
    // The role phrase runs back to the sentence start or to a quotation before it ("“…,” his wife,
    // Ana Lazar, wrote").
    let np_word = |t: usize| {
        let lower = w.lower(t);
        (matches!(w.kind(t), Some(Kind::Word | Kind::Possessive))
            || matches!(w.word(t), "(" | ")")
            || abbreviation_dot(w, t))
            && !in_quote[t]
            && w.cue_at(t).is_none()
            && !(CLAUSE_STARTS.contains(&lower) && lower != "and")
    };
    let mut first = open;
    while first > s.first && open - first < 14 && np_word(first - 1) {
        first -= 1;
    }
    // "However, a senior commander, X, said": a sentence adverb of up to three words and its comma may come first.
    let after_adverb = first > s.first + 1
        && first <= s.first + 4
        && w.word(first - 1) == ","
        && (s.first..first - 1).all(|t| w.is_word(t) && (t == s.first || !w.is_cap(t)) && w.cue_at(t).is_none())
        // "Meanwhile, the husband of crash victim, X, says": the name may belong to the "of" phrase.
        && (first..open).all(|t| w.lower(t) != "of");
    let opens_sentence =
        first == s.first || first == s.first + 1 && w.kind(s.first) == Some(Kind::Open) || after_adverb;
    let after_quote = first > s.first
        && (w.kind(first - 1) == Some(Kind::Close)
            || first > s.first + 1 && w.word(first - 1) == "," && w.kind(first - 2) == Some(Kind::Close));
    if first >= open || !(opens_sentence || after_quote) {
        return None;
    }
    let mut role = (first..open).any(|t| w.title(t).is_some() || w.is_source_noun(t));
    // The phrase ends in its head noun: a role word, or a lower-case noun after a name ("Acme owner").
    let head = open - 1;
    role |= w.is_word(head) && !w.is_cap(head) && (first..head).any(|t| w.is_cap(t));
    role.then_some((first, close))
}

/// "Tom Harlow, who is in the team in place of Ben Castle says …": a noun phrase opening the sentence, a
/// comma and "who" or "which", then a clause with no comma, quotation or other cue up to the verb group at
/// `end`. The noun phrase, tokens.
fn unclosed_relative(w: &Words<'_>, s: &Sentence, end: usize, in_quote: &[bool]) -> Option<(usize, usize)> {
    let from = end.saturating_sub(RELATIVE_REACH).max(s.first + 1);
    let comma = (from..end.saturating_sub(2)).rev().find(|&t| w.word(t) == ",")?;
    if !matches!(w.lower(comma + 1), "who" | "which") {
        return None;
    }
    // The clause has a verb of its own before the cue and nothing that would end it.
    if (comma + 2..end)
        .any(|t| in_quote[t] || w.cue_at(t).is_some() || !matches!(w.kind(t), Some(Kind::Word | Kind::Possessive)))
        || end < comma + 4
    {
        return None;
    }
    let start = subject_start(w, s, comma, in_quote);
    // The phrase opens the sentence, perhaps after a few lower-case modifiers ("Wing keeper Tom Harlow").
    let first = if w.kind(s.first) == Some(Kind::Open) { s.first + 1 } else { s.first };
    let opens = start >= first
        && start <= first + 3
        && (first..start).all(|t| w.is_word(t) && w.cue_at(t).is_none() && !in_quote[t])
        && (first..start).all(|t| !CLAUSE_STARTS.contains(&w.lower(t)) && !is_aux(w.lower(t)));
    let start = first.min(start);
    (opens && start < comma && (start..comma).any(|t| w.is_cap(t) || w.is_source_noun(t) || w.title(t).is_some()))
        .then_some((start, comma))
}

/// How far back from a cue an unclosed relative clause may open.
const RELATIVE_REACH: usize = 20;

/// "…, Donald Trump's longtime adviser Roger Stone said.": the start of a noun phrase of up to ten words
/// that runs back from `start` to a comma or a closing quotation mark.
fn phrase_back_to_comma(w: &Words<'_>, s: &Sentence, start: usize, in_quote: &[bool]) -> Option<usize> {
    let mut j = start;
    while j > s.first
        && j + 10 > start
        && matches!(w.kind(j - 1), Some(Kind::Word | Kind::Possessive))
        && !in_quote[j - 1]
        && !CLAUSE_STARTS.contains(&w.lower(j - 1))
        && !is_aux(w.lower(j - 1))
        && w.cue_at(j - 1).is_none()
    {
        j -= 1;
    }
    let boundary = j > s.first && (matches!(w.word(j - 1), "," | "—" | "–") || w.kind(j - 1) == Some(Kind::Close));
    (j < start && boundary).then_some(j)
}

/// "Phil Smith, a spokesman for the union, said …", "Scott Pruitt, the attorney general of Oklahoma, one of
/// the states suing, said …", "Dianne Feinstein, Democrat of California, said …": the end of the name
/// before one or more descriptive appositives that end with a comma right before the cue.
fn appositive_subject_end(w: &Words<'_>, s: &Sentence, cue_start: usize, in_quote: &[bool]) -> Option<usize> {
    let mut close = cue_start.checked_sub(1).filter(|&c| c > s.first && w.word(c) == ",")?;
    let mut found = None;
    loop {
        let limit = close.saturating_sub(16).max(s.first);
        let mut open = close;
        while open > limit {
            open -= 1;
            if w.word(open) == "," || in_quote[open] || !matches!(w.kind(open), Some(Kind::Word | Kind::Possessive)) {
                break;
            }
        }
        if open + 1 >= close || w.word(open) != "," || in_quote[open] || open <= s.first {
            break;
        }
        let first = open + 1;
        // "South Carolina director for Sanders": capitalised words before a lower-case role noun.
        let role_noun =
            (first..close).any(|t| w.is_word(t) && !w.is_cap(t) && (w.title(t).is_some() || w.is_source_noun(t)));
        let descriptive = w.is_word(first) && !w.is_cap(first)
            || w.title(first).is_some()
            || w.is_cap(first) && w.lower(first + 1) == "of"
            || w.is_cap(first) && role_noun;
        if !descriptive || (first..close).any(|t| w.cue_at(t).is_some()) {
            break;
        }
        if !w.is_cap(open - 1) && w.kind(open - 1) != Some(Kind::Word) && w.word(open - 1) != ")" {
            break;
        }
        if w.is_cap(open - 1) || w.word(open - 1) == ")" {
            found = Some(open);
        }
        close = open;
    }
    found
}

/// "The bank said", "The Democratic presidential nominee says": an article and up to four words right
/// before a speech cue, opening the sentence or a clause, name a speaker even without a name or title. Its
/// first token.
fn described_subject(w: &Words<'_>, s: &Sentence, end: usize, in_quote: &[bool], kind: CueKind) -> Option<usize> {
    if kind != CueKind::Speech {
        return None;
    }
    (1..=4).filter_map(|n| end.checked_sub(n + 1)).filter(|&d| d >= s.first).find(|&d| {
        (d == s.first || matches!(w.word(d - 1), "," | ";") || w.kind(d - 1) == Some(Kind::Close))
            && (d..end).all(|t| !in_quote[t])
            && described_noun_phrase(w, d, end)
    })
}

/// "the bank", "a Labour Party spokesman": an article, then up to four words with no verb, clause word or
/// second article in them, ending in a noun rather than a participle.
pub fn described_noun_phrase(w: &Words<'_>, start: usize, end: usize) -> bool {
    let last = w.lower(end.saturating_sub(1));
    matches!(w.lower(start), "the" | "a" | "an")
        && end > start + 1
        && end <= start + 5
        && !last.ends_with("ing")
        && (start + 1..end).all(|t| {
            matches!(w.kind(t), Some(Kind::Word | Kind::Possessive))
                && (!w.lower(t).ends_with("ed") || w.is_cap(t))
                && w.cue_at(t).is_none()
                && !CLAUSE_STARTS.contains(&w.lower(t))
                && !is_aux(w.lower(t))
                && !DETERMINERS.contains(&w.lower(t))
        })
}

/// "asked whether …", "asked the minister what …", "asked him to resign": "ask" with a question or a
/// request after it (and maybe a listener first) reports speech even with no quotation.
fn asks_a_question(w: &Words<'_>, cue: CueHit, end: usize) -> bool {
    cue.features.question
        && (cue.end..(cue.end + 5).min(end)).take_while(|&t| w.is_word(t) || w.kind(t) == Some(Kind::Possessive)).any(
            |t| {
                matches!(
                    w.lower(t),
                    "whether" | "if" | "what" | "which" | "who" | "how" | "why" | "when" | "where" | "to"
                )
            },
        )
}

/// Whether a quote-only cue ("asked", "continued") stands beside a quotation: "“…?” she asked" or
/// "he continued: “…”".
fn beside_quote(w: &Words<'_>, s: &Sentence, cue: CueHit) -> bool {
    let mut next = cue.end;
    if matches!(w.word(next), ":" | ",") {
        next += 1;
    }
    if w.kind(next) == Some(Kind::Open) {
        return true;
    }
    let mut k = cue.start;
    while k > s.first
        && k + 8 > cue.start
        && (matches!(w.kind(k - 1), Some(Kind::Word | Kind::Possessive)) || abbreviation_dot(w, k - 1))
    {
        k -= 1;
    }
    if k > s.first && w.word(k - 1) == "," {
        k -= 1;
    }
    k > s.first && w.kind(k - 1) == Some(Kind::Close)
}

/// "“…,” the ad's narrator says": a short noun phrase with an article, right after a quotation and
/// ending at `end`, is the speaker even with no name, title or source noun in it. Its first token.
fn noun_phrase_after_quote(w: &Words<'_>, s: &Sentence, end: usize, in_quote: &[bool]) -> Option<usize> {
    let mut t = end;
    while t > s.first && t + 7 > end && matches!(w.kind(t - 1), Some(Kind::Word | Kind::Possessive)) && !in_quote[t - 1]
    {
        t -= 1;
    }
    let after_close = t > s.first
        && (w.kind(t - 1) == Some(Kind::Close)
            || t > s.first + 1 && w.word(t - 1) == "," && w.kind(t - 2) == Some(Kind::Close));
    let np = t < end
        && matches!(w.lower(t), "the" | "a" | "an" | "one" | "another")
        && (t..end).all(|x| !CLAUSE_STARTS.contains(&w.lower(x)) && w.cue_at(x).is_none());
    (after_close && np).then_some(t)
}

/// A transcript line, "PENCE: Well, look …": a name and a colon open the paragraph, the rest is speech.
fn transcript_line(w: &Words<'_>, s: &Sentence, index: usize) -> Option<Found> {
    let para_start = s.first == 0 || w.tokens[s.first - 1].para != w.tokens[s.first].para;
    if !para_start {
        return None;
    }
    // A transcript pasted as one quotation per line may open each line with a quotation mark.
    let first = if w.kind(s.first) == Some(Kind::Open) { s.first + 1 } else { s.first };
    let colon = (first..(first + 5).min(s.end)).find(|&t| w.word(t) == ":")?;
    if colon == first || !(first..colon).all(|t| w.is_cap(t) && !w.is_common(t) || w.word(t) == ".") {
        return None;
    }
    // "WATCH: …", "READ MORE: …": a label of the page, not a speaker.
    if (first..colon).any(|t| LABELS.contains(&w.lower(t))) {
        return None;
    }
    let para = w.tokens[s.first].para;
    let mut end = colon + 1;
    while end < w.len() && w.tokens[end].para == para {
        end += 1;
    }
    if end <= colon + 1 {
        return None;
    }
    Some(Found {
        speaker: Speaker::Phrase { start: first, end: colon },
        cue: Some(CueHit { start: colon, end: colon + 1, kind: CueKind::Speech, features: Default::default() }),
        content: Span::new(w.tokens[colon + 1].start, w.tokens[end - 1].end),
        direct: true,
        sentence: index,
        confidence: TRANSCRIPT.confidence,
        rule: TRANSCRIPT.name,
        relative: None,
    })
}

/// Words of page labels before a colon ("WATCH:", "READ MORE:", "UPDATE:"): never a speaker.
const LABELS: &[&str] = &[
    "watch",
    "read",
    "more",
    "update",
    "updated",
    "photos",
    "photo",
    "video",
    "videos",
    "listen",
    "related",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "note",
    "correction",
    "see",
    "also",
    "click",
    "editor",
    "editor's",
    "live",
    "advertisement",
    "subscribe",
    "share",
    "tags",
    "topics",
    "source",
    "sources",
    "credit",
    "image",
    "caption",
];

/// Extends a verb cue over a tail that belongs to it: "said in a statement".
fn extend_cue(w: &Words<'_>, cue: CueHit) -> CueHit {
    let e = cue.end;
    if w.lower(e) == "in" && w.lower(e + 1) == "a" {
        let s = if matches!(w.lower(e + 2), "joint" | "written" | "brief" | "separate") { e + 3 } else { e + 2 };
        if w.lower(s) == "statement" {
            return CueHit { end: s + 1, ..cue };
        }
    }
    cue
}

/// "according to X, …" and "…, according to X".
fn according_to(w: &Words<'_>, s: &Sentence, index: usize, cue: CueHit, end: usize) -> Option<Found> {
    let (sp_start, sp_end) = phrase_after(w, cue.end, end);
    if sp_end <= sp_start {
        return None;
    }
    let speaker = Speaker::Phrase { start: sp_start, end: sp_end };
    let at_start = (s.first..cue.start).all(|t| w.is_common(t) && !w.is_cap(t) || t == s.first && w.is_common(t));
    let (a, b) = if at_start {
        let mut a = sp_end;
        while a < end && w.word(a) == "," {
            a += 1;
        }
        (a, end)
    } else {
        let mut b = cue.start;
        while b > s.first && matches!(w.word(b - 1), "," | "—" | "–") {
            b -= 1;
        }
        (s.first, b)
    };
    if b <= a {
        return None;
    }
    let content = Span::new(w.tokens[a].start, w.tokens[b - 1].end);
    let direct = (a..b).any(|t| matches!(w.kind(t), Some(Kind::Open | Kind::Close)));
    Some(Found {
        speaker,
        cue: Some(cue),
        content,
        direct,
        sentence: index,
        confidence: ACCORDING_TO.confidence,
        rule: ACCORDING_TO.name,
        relative: None,
    })
}

/// One past the last token of a sentence's content: the final full stop left out.
fn content_end(w: &Words<'_>, s: &Sentence) -> usize {
    let mut end = s.end;
    while end > s.first && (w.kind(end - 1) == Some(Kind::Close) || matches!(w.word(end - 1), "." | "!" | "?" | "…"))
    {
        if w.kind(end - 1) == Some(Kind::Close) {
            // Keep a closing mark whose opening mark is in the content.
            let opened = (s.first..end - 1).rev().find(|&t| matches!(w.kind(t), Some(Kind::Open | Kind::Close)));
            if opened.is_some_and(|t| w.kind(t) == Some(Kind::Open)) {
                break;
            }
        }
        end -= 1;
    }
    end
}

/// Words after a cue that belong to it rather than to the content: "in a statement", "on Tuesday", "to
/// reporters" are skipped when a "that" or a quotation follows them.
fn skip_cue_tail(w: &Words<'_>, from: usize, end: usize) -> usize {
    let mut k = from;
    // A tail before "that" is an adverbial: "said on Monday that", "said in an interview that", not "said
    // they share the belief that".
    let adverbial = is_aux(w.lower(from))
        || matches!(
            w.lower(from),
            "in" | "at" | "during" | "after" | "before" | "to" | "with" | "from" | "via" | "through" | "over" | "this"
        );
    let limit = (from + 12).min(end);
    while k < limit {
        // "said: “…”", "said Tuesday “…”", "told reporters: “…”", but not "says his “friend” …".
        let one_word = k == from + 1 && (w.word(k) == ":" || is_aux(w.lower(from)) || w.is_cap(from));
        if w.lower(k) == "that" && (k == from || adverbial)
            || (matches!(w.kind(k), Some(Kind::Open)) || w.word(k) == ":") && (k == from || one_word)
        {
            return k;
        }
        if w.cue_at(k).is_some() {
            break;
        }
        if matches!(w.word(k), "," | ";") {
            break;
        }
        k += 1;
    }
    // A short tail of adverbials after the cue, up to the end of the sentence ("…, officials said on Monday").
    let mut k2 = from;
    while k2 < end && k2 < from + 8 && !matches!(w.word(k2), "," | ";" | ":") && w.kind(k2) != Some(Kind::Open) {
        if !(w.is_common(k2) || w.is_cap(k2) || w.lower(k2).chars().all(|c| c.is_ascii_digit())) {
            return from;
        }
        k2 += 1;
    }
    if k2 >= end { end } else { from }
}

/// Where the content of "X CUE …" starts: after "that", after the object of "told", or right away.
fn content_start(w: &Words<'_>, cue: CueHit, after: usize, end: usize) -> usize {
    let mut k = after;
    if w.lower(k) == "that" {
        return k + 1;
    }
    if cue.features.listener {
        // "told reporters (that) …": skip the listener.
        let limit = (k + 10).min(end);
        if let Some(t) = (k..limit).find(|&t| w.lower(t) == "that") {
            return t + 1;
        }
        // A named listener ("Channel Seven"), or one noun ("reporters").
        if w.is_cap(k) {
            while k < end && w.is_cap(k) {
                k += 1;
            }
        } else if !w.is_pronoun(k) && !matches!(w.lower(k), "the" | "a" | "an") {
            k += 1;
        }
        return k;
    }
    k
}

/// Where a reported clause ends: the sentence end, or before a coordinated second cue ("… and warned"),
/// or before ", citing …".
fn clause_end(w: &Words<'_>, start: usize, end: usize, in_quote: &[bool]) -> usize {
    let mut k = start;
    while k < end {
        // "… in a position to win,” adding that …": a participle cue after a quoted comma.
        if w.kind(k) == Some(Kind::Close)
            && k > start
            && w.word(k - 1) == ","
            && w.lower(k + 1).ends_with("ing")
            && w.cue_at(k + 1).is_some()
        {
            return k + 1;
        }
        if !in_quote[k] {
            if ATTRIBUTION_JOINS.contains(&w.lower(k)) && k > start && next_attribution(w, k, end) {
                let mut stop = k;
                if w.word(stop - 1) == "," {
                    stop -= 1;
                }
                return stop;
            }
            if w.word(k) == "," && w.lower(k + 1).ends_with("ing") && w.is_word(k + 1) && !w.is_cap(k + 1) {
                return k;
            }
            if w.word(k) == ";" {
                return k;
            }
            // "…, after the vote", "…, although no date was set": an adverbial clause of the main sentence.
            if w.word(k) == "," && matches!(w.lower(k + 1), "after" | "before" | "although" | "while" | "whereas") {
                return k;
            }
        }
        k += 1;
    }
    end
}

/// Words that can join a second attribution to a clause: "…, but Pakistan denies …", "…, though she noted …".
const ATTRIBUTION_JOINS: &[&str] = &["and", "but", "with", "while", ",", "though", "although", "whereas"];

/// Whether a new attribution starts after the conjunction or comma at `k`: "…, but Pakistan denies …",
/// "… and warned …", "…, with Iran expressing concern …".
pub fn next_attribution(w: &Words<'_>, k: usize, end: usize) -> bool {
    let mut n = k + 1;
    while n < end && ATTRIBUTION_JOINS.contains(&w.lower(n)) {
        n += 1;
    }
    let subject_start = n;
    while n < end
        && n < subject_start + 6
        && (w.is_cap(n)
            || w.is_pronoun(n)
            || matches!(w.lower(n), "the" | "a" | "an")
            || w.kind(n) == Some(Kind::Possessive)
            || w.is_source_noun(n)
            || w.title(n).is_some()
            || abbreviation_dot(w, n))
        && w.cue_at(n).is_none()
    {
        n += 1;
    }
    let coordinated_verb = matches!(w.lower(k), "and" | "but") && n == subject_start;
    if n == subject_start && !coordinated_verb {
        return false;
    }
    while n < end && is_aux(w.lower(n)) {
        n += 1;
    }
    w.cue_at(n).is_some_and(|c| c.kind != crate::lexicon::CueKind::Noun)
}

/// Does the attribution of the quotation that closes at token `k` follow it ("“We are ready.” Mr. Okafor
/// said.")? Not when the cue after it takes a content of its own: "“… even for him.” She says it shows
/// that …" starts a new sentence.
pub fn quotation_attribution_after(w: &Words<'_>, k: usize, end: usize) -> bool {
    if !next_attribution(w, k, end) {
        return false;
    }
    let Some(cue) = (k + 1..end.min(k + 12)).find_map(|n| w.cue_at(n)) else { return true };
    let next = w.lower(cue.end);
    let own_content = matches!(next, "that" | "it" | "he" | "she" | "they" | "we" | "i" | "there" | "this")
        || w.kind(cue.end) == Some(Kind::Open);
    !own_content
}

/// The quotation whose opening mark is token `open` (quotations are in text order and do not nest).
fn quote_opening_at(quotes: &[Quote], open: usize) -> Option<&Quote> {
    quotes.get(quotes.partition_point(|q| q.open < open)).filter(|q| q.open == open)
}

/// The quotation whose closing mark is token `close`: the last one opened before it.
fn quote_closing_at(quotes: &[Quote], close: usize) -> Option<&Quote> {
    quotes[..quotes.partition_point(|q| q.open < close)].last().filter(|q| q.close == Some(close))
}

/// The content before a speaker: the quotation that closes just before it, or the clause from the sentence
/// start to the comma.
fn content_before(w: &Words<'_>, s: &Sentence, quotes: &[Quote], before: usize) -> Option<(Span, bool)> {
    let mut b = before;
    while b > s.first && matches!(w.word(b - 1), "," | "—" | "–") {
        b -= 1;
    }
    if b > s.first && w.kind(b - 1) == Some(Kind::Close) {
        if let Some(q) = quote_closing_at(quotes, b - 1) {
            // "“Part one,” she said, “part two.”": the longer part.
            return Some((q.inner(w.tokens), true));
        }
    }
    let mut a = s.first;
    while a < b && matches!(w.word(a), "," | "-" | "—") {
        a += 1;
    }
    if b <= a {
        return None;
    }
    let span = Span::new(w.tokens[a].start, w.tokens[b - 1].end);
    let direct = (a..b).any(|t| matches!(w.kind(t), Some(Kind::Open | Kind::Close)));
    Some((span, direct))
}

/// The subject phrase ending at `end`: scans left over the words of a noun phrase.
fn subject_start(w: &Words<'_>, s: &Sentence, end: usize, in_quote: &[bool]) -> usize {
    let mut k = end;
    let limit = end.saturating_sub(14).max(s.first);
    let head = end.saturating_sub(1);
    let noun_head = w.is_source_noun(head) || w.title(head).is_some();
    while k > limit {
        let t = k - 1;
        let lower_ok = noun_head
            || w.is_cap(t)
            || w.is_pronoun(t)
            || matches!(w.lower(t), "the" | "a" | "an" | "and" | "of" | "for" | "-")
            || w.kind(t) == Some(Kind::Possessive)
            || w.title(t).is_some()
            || w.country_at(t).is_some()
            || w.hit_of(t).is_some()
            || abbreviation_dot(w, t);
        if !lower_ok {
            break;
        }
        if in_quote[t]
            || !matches!(w.kind(t), Some(Kind::Word | Kind::Possessive)) && w.word(t) != "-" && !abbreviation_dot(w, t)
        {
            break;
        }
        let lower = w.lower(t);
        if CLAUSE_STARTS.contains(&lower)
            && !(lower == "and" && t > s.first && (w.is_cap(t - 1) || w.country_at(t - 1).is_some()) && w.is_cap(t + 1))
        {
            break;
        }
        // Stop at a verb-like lower-case word that is neither a name part nor a noun-phrase word.
        // ("Initial reports said": a source noun that is also a cue word heads the subject.)
        if !w.is_cap(t) && w.cue_at(t).is_some() && !(t + 1 == end && w.is_source_noun(t)) {
            break;
        }
        k = t;
    }
    // Leading adverbs and prepositions are not part of the subject ("Meanwhile Pakistan").
    while k < end
        && (w.is_common(k)
            && !w.is_source_noun(k)
            && !matches!(
                w.lower(k),
                "the" | "a" | "an" | "he" | "she" | "it" | "they" | "we" | "i" | "his" | "her" | "its" | "their"
            )
            || w.word(k) == "-")
        && k + 1 < end
    {
        k += 1;
    }
    k
}

/// The subject of a sentence's main clause, for a cue coordinated with an earlier verb ("Russia has
/// followed Iran's lead and offered …").
fn subject_of_sentence(w: &Words<'_>, s: &Sentence, before: usize, in_quote: &[bool]) -> Speaker {
    let mut k = s.first;
    // Skip leading adverbial phrases that end with a comma ("Recently, however, it …").
    while let Some(comma) = (k..before).find(|&t| w.word(t) == ",") {
        let adverbial = matches!(
            w.lower(k),
            "on" | "in" | "at" | "after" | "before" | "during" | "later" | "earlier" | "last" | "then" | "since"
        ) && comma <= k + 6;
        // After the first phrase only a sentence adverb of a word or two ("however", "in turn").
        let short = k == s.first || comma <= k + 2;
        if ((k..comma).all(|t| !w.is_cap(t) || t == s.first) || adverbial) && short && comma + 1 < before {
            k = comma + 1;
        } else {
            break;
        }
    }
    while k < before && w.is_common(k) && !matches!(w.lower(k), "he" | "she" | "it" | "they" | "the") {
        k += 1;
    }
    let mut e = k;
    while e < before
        && !in_quote[e]
        && (w.is_cap(e)
            || w.kind(e) == Some(Kind::Possessive)
            || matches!(w.lower(e), "the" | "he" | "she" | "it" | "they")
            || w.title(e).is_some()
            || w.is_source_noun(e))
    {
        e += 1;
        if w.kind(e - 1) == Some(Kind::Possessive) {
            break;
        }
        if matches!(w.lower(e - 1), "he" | "she" | "it" | "they") {
            break;
        }
    }
    if e > k && w.kind(e - 1) != Some(Kind::Possessive) { Speaker::Phrase { start: k, end: e } } else { Speaker::None }
}

/// The dot of "Mr." or "Sen." inside a name phrase: it follows an honorific or a title with no space.
fn abbreviation_dot(w: &Words<'_>, t: usize) -> bool {
    t > 0
        && w.word(t) == "."
        && w.tokens[t - 1].end == w.tokens[t].start
        && (w.is_honorific(t - 1) || w.title(t - 1).is_some())
}

/// The phrase right after a cue ("said chief negotiator Saeb Erakat on CNN" → "chief … Erakat"): words up to
/// a comma, a preposition or the sentence end.
fn phrase_after(w: &Words<'_>, from: usize, end: usize) -> (usize, usize) {
    // "said at a Washington event", "said Friday": no speaker follows.
    if lexicon::WEEKDAYS.contains(&w.lower(from)) {
        return (from, from);
    }
    let mut k = from;
    while k < end && k < from + 12 {
        let lower = w.lower(k);
        if !(matches!(w.kind(k), Some(Kind::Word | Kind::Possessive)) || abbreviation_dot(w, k) && w.is_cap(k + 1)) {
            break;
        }
        if matches!(
            lower,
            "on" | "in"
                | "at"
                | "during"
                | "after"
                | "before"
                | "when"
                | "while"
                | "who"
                | "which"
                | "that"
                | "told"
                | "said"
                | "adding"
                | "saying"
                | "as"
                | "to"
                | "from"
                | "of"
                | "last"
                | "this"
                | "yesterday"
                | "today"
                | "earlier"
                | "later"
        ) {
            break;
        }
        k += 1;
    }
    (from, k)
}

/// Quotations that stand alone in a sentence with no cue: the previous speaker goes on talking.
pub(super) fn add_continuations(
    w: &Words<'_>,
    sents: &[Sentence],
    quotes: &[Quote],
    sentence_of: &[usize],
    found: &mut Vec<Found>,
) {
    // Tokens some statement's content covers already (one pass, so the check per quotation is local).
    let token_range = |span: Span| {
        w.tokens.partition_point(|t| t.start < span.start)..w.tokens.partition_point(|t| t.start < span.end)
    };
    let mut covered = vec![false; w.len()];
    for f in found.iter() {
        for slot in &mut covered[token_range(f.content)] {
            *slot = true;
        }
    }
    let mut extra = Vec::new();
    for q in quotes {
        let inner = q.inner(w.tokens);
        if inner.is_empty() || covered[token_range(inner)].iter().any(|&c| c) {
            continue;
        }
        let n = sentence_of[q.open];
        let s = sents[n];
        // The quotation must open its sentence (a dateline or dash may come first).
        if q.open > s.first + 1 {
            continue;
        }
        // The speaker of the nearest earlier statement within three sentences.
        // `found` is in sentence order here.
        let before = found.partition_point(|f| f.sentence < n);
        let Some(prev) =
            found[..before].iter().rev().take_while(|f| f.sentence + 3 >= n).max_by_key(|f| f.content.start)
        else {
            continue;
        };
        extra.push(Found {
            speaker: Speaker::SameAs(prev.content.start),
            cue: None,
            content: inner,
            direct: true,
            sentence: n,
            confidence: CONTINUED.confidence,
            rule: CONTINUED.name,
            relative: None,
        });
    }
    found.extend(extra);
}

/// Pass 4: the statements of `sents` as the text attributes them (cues, speakers as written, contents),
/// and quotations that go on with the previous speaker; in text order.
pub fn statements(w: &Words<'_>, sents: &[Sentence], quotes: &[Quote], layout: &Layout) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for (n, s) in sents.iter().enumerate() {
        sentence_statements(w, s, n, quotes, &layout.in_quote, &mut found);
    }
    add_continuations(w, sents, quotes, &layout.sentence_of, &mut found);
    found.sort_by_key(|f| f.content.start);
    found
}
