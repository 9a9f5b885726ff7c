//! Tokens, quotations, paragraphs and sentences of a text, in one linear pass each.
//!
//! Sentences survive abbreviations (Mr., Gen., U.S., Jan.), initials, quotations that span sentences,
//! and datelines ("MOSCOW:", "KABUL (Reuters) -"), which are left out of the first sentence.

use crate::model::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters, digits, and the apostrophes, hyphens and dots inside them ("don't", "al-Qaeda", "U.S.").
    Word,
    /// A possessive ending split from its word ("'s", "’s", or a lone "’" after a plural).
    Possessive,
    /// An opening quotation mark.
    Open,
    /// A closing quotation mark.
    Close,
    /// Any other punctuation character.
    Punct,
}

/// A token of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Index of the paragraph the token is in.
    pub para: u32,
}

impl Token {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Splits a text into tokens. Paragraphs are separated by line breaks.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut para = 0u32;
    let mut chars = text.char_indices().peekable();
    let mut straight_open = false;
    let mut curly_single_open = false;
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            para += 1;
            straight_open = false;
            curly_single_open = false;
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                // Inner apostrophes, hyphens and dots join a word when a letter or digit follows.
                if matches!(d, '\'' | '’' | '-' | '.' | '‑') {
                    let next = text[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(char::is_alphanumeric) {
                        let rest = &text[j + d.len_utf8()..];
                        // A possessive "'s" is its own token.
                        if matches!(d, '\'' | '’') && is_possessive_s(rest) {
                            break;
                        }
                        // "U.S." style: a dot joins only single letters or digits ("3.5").
                        if d == '.' && !dot_joins(&text[i..j], rest) {
                            break;
                        }
                        end = j + d.len_utf8();
                        chars.next();
                        continue;
                    }
                    // The last dot of "U.S." belongs to the word.
                    if d == '.' && is_dotted_abbreviation(&text[i..j]) {
                        end = j + 1;
                        chars.next();
                    }
                }
                break;
            }
            tokens.push(Token { start: i, end, kind: Kind::Word, para });
            continue;
        }
        let end = i + c.len_utf8();
        // Typewriter quotation marks: ``…'' and ''…'' (two apostrophes for a double quote).
        if matches!(c, '\'' | '`') && text[end..].starts_with(c) {
            chars.next();
            let opens = c == '`' || straight_opens(text, i, end + 1, straight_open);
            if c == '\'' {
                straight_open = opens;
            }
            tokens.push(Token { start: i, end: end + 1, kind: if opens { Kind::Open } else { Kind::Close }, para });
            continue;
        }
        let prev_is_word = tokens.last().is_some_and(|t: &Token| t.end == i && t.kind == Kind::Word);
        let kind = match c {
            '“' | '«' | '„' => Kind::Open,
            '”' | '»' => Kind::Close,
            '‘' => {
                curly_single_open = true;
                Kind::Open
            }
            '\'' | '’' if prev_is_word && is_possessive_s(&text[end..]) => {
                let s_end = end + 1;
                chars.next();
                tokens.push(Token { start: i, end: s_end, kind: Kind::Possessive, para });
                continue;
            }
            '’' if curly_single_open && !text[end..].starts_with(char::is_alphanumeric) => {
                curly_single_open = false;
                Kind::Close
            }
            '’' | '\'' if prev_is_word && text[..i].ends_with('s') => Kind::Possessive,
            '"' => {
                let opens = straight_opens(text, i, end, straight_open);
                straight_open = opens;
                if opens { Kind::Open } else { Kind::Close }
            }
            _ => Kind::Punct,
        };
        tokens.push(Token { start: i, end, kind, para });
    }
    tokens
}

/// Whether a straight quotation mark at `start..end` opens a quotation (rather than closing one), from the
/// characters around it and whether one is open.
fn straight_opens(text: &str, start: usize, end: usize, open: bool) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    match (before, after) {
        (_, None) => false,
        (None, _) => true,
        (Some(b), Some(a)) => {
            (b.is_whitespace() || "([{—–-".contains(b)) && !a.is_whitespace()
                || !open && !b.is_alphanumeric() && !".,!?;:".contains(b)
        }
    }
}

fn is_possessive_s(rest: &str) -> bool {
    let mut it = rest.chars();
    matches!(it.next(), Some('s' | 'S')) && !it.next().is_some_and(char::is_alphanumeric)
}

/// Whether a dot between `word` and `rest` joins them: "U.S", "3.5", but not "end.Next".
fn dot_joins(word: &str, rest: &str) -> bool {
    let last_piece = word.rsplit('.').next().unwrap_or(word);
    let next_piece: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    let digits = last_piece.chars().all(|c| c.is_ascii_digit()) && next_piece.chars().all(|c| c.is_ascii_digit());
    // "Examplesoft.com", "un.org": a web address ends in a lower-case top-level domain.
    let domain = matches!(next_piece.as_str(), "com" | "org" | "net" | "gov" | "edu" | "int" | "info")
        && !rest[next_piece.len()..].starts_with(|c: char| c.is_alphanumeric());
    digits || domain || (last_piece.chars().count() == 1 && next_piece.chars().count() == 1)
}

/// "U.S" or "e.g" (single letters joined by dots), which take their final dot.
fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.') && word.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// A sentence: a range of token indices and its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    pub span: Span,
    pub para: u32,
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "capt", "cpt", "sgt", "maj", "adm", "gov", "sen", "rep",
    "rev", "st", "jr", "sr", "no", "vs", "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "brig", "cmdr", "pte", "cpl", "fig", "approx", "dept", "est", "mt", "ft",
    "hon",
];

/// Splits the tokens into sentences. A quotation closed within its paragraph is never split.
pub fn sentences(
    text: &str,
    tokens: &[Token],
    quotes: &[Quote],
    is_place: impl Fn(usize) -> bool,
    attribution_after: impl Fn(usize) -> bool,
) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quote_iter = quotes.iter().peekable();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        // Skip a dateline at the start of a paragraph.
        if i == start && (i == 0 || tokens[i - 1].para != token.para) {
            let skip = dateline_len(text, &tokens[i..]);
            // A dateline names a place or an agency; "PENCE:" opens a transcript line instead.
            let place = i == 0 || is_place(i) || tokens.get(i + 1).is_some_and(|t| t.text(text) == "(");
            if skip > 0 && place {
                i += skip;
                start = i;
                continue;
            }
        }
        let next_para = tokens.get(i + 1).is_some_and(|n| n.para != token.para);
        let mut boundary = next_para || i + 1 == tokens.len();
        if !boundary && token.kind == Kind::Punct && matches!(token.text(text), "." | "!" | "?" | "…") {
            boundary = ends_sentence(text, tokens, i);
        }
        // Never inside a quotation that closes in this paragraph.
        while quote_iter.peek().is_some_and(|q| q.close.is_some_and(|c| c < i) || q.close.is_none() && q.para_end <= i)
        {
            quote_iter.next();
        }
        if boundary && !next_para {
            if let Some(q) = quote_iter.peek() {
                // A quotation that ends with this full stop ends the sentence too, unless its attribution
                // follows ("“We are ready.” Mr. Okafor said.").
                let ends_here = q.close == Some(i + 1) && !attribution_after(i + 1);
                if q.open < i && q.close.is_some_and(|c| c > i) && !ends_here {
                    boundary = false;
                }
            }
        }
        if boundary {
            // A closing quotation mark right after the full stop belongs to this sentence.
            let mut end = i + 1;
            while !next_para && tokens.get(end).is_some_and(|t| t.kind == Kind::Close && t.para == token.para) {
                end += 1;
            }
            push_sentence(&mut out, tokens, start, end);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    if start < tokens.len() {
        push_sentence(&mut out, tokens, start, tokens.len());
    }
    out
}

fn push_sentence(out: &mut Vec<Sentence>, tokens: &[Token], first: usize, end: usize) {
    if first >= end {
        return;
    }
    out.push(Sentence {
        first,
        end,
        span: Span::new(tokens[first].start, tokens[end - 1].end),
        para: tokens[first].para,
    });
}

/// Whether the full stop at `i` ends a sentence.
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let mut j = i + 1;
    while tokens.get(j).is_some_and(|t| t.kind == Kind::Close) {
        j += 1;
    }
    let Some(next) = tokens.get(j) else { return true };
    let next_text = next.text(text);
    let starts_upper = next_text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if !(starts_upper || next.kind == Kind::Open) {
        return false;
    }
    if tokens[i].text(text) != "." || i == 0 {
        return true;
    }
    let prev = tokens[i - 1];
    if prev.end != tokens[i].start || prev.kind != Kind::Word {
        return true;
    }
    let word = prev.text(text);
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // An initial ("George W. Bush").
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false;
    }
    true
}

/// The number of tokens of a dateline at the start of a paragraph: "MOSCOW:", "KABUL (Reuters) -",
/// "WASHINGTON, Jan 3 (AP) —". Zero when there is none.
fn dateline_len(text: &str, tokens: &[Token]) -> usize {
    let mut i = 0;
    while tokens.get(i).is_some_and(|t| t.kind == Kind::Word && is_all_caps(t.text(text))) {
        i += 1;
    }
    if i == 0 || i > 4 {
        return 0;
    }
    let limit = tokens.len().min(i + 12);
    for (j, token) in tokens.iter().enumerate().take(limit).skip(i) {
        let t = token.text(text);
        if matches!(t, ":" | "-" | "—" | "–") {
            return j + 1;
        }
        if token.kind == Kind::Word && t.chars().next().is_some_and(char::is_lowercase) {
            return 0;
        }
        if matches!(t, "." | "!" | "?") || token.kind == Kind::Open {
            return 0;
        }
    }
    0
}

fn is_all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// A quotation: the token indices of its marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    pub open: usize,
    /// The closing mark, or `None` when the quotation runs to the end of its paragraph (and continues in
    /// the next paragraph, which opens with a quotation mark, by the newspaper convention).
    pub close: Option<usize>,
    /// One past the last token of the paragraph the quotation opens in.
    pub para_end: usize,
}

impl Quote {
    /// The byte span of the words inside the marks.
    pub fn inner(&self, tokens: &[Token]) -> Span {
        let start = tokens.get(self.open + 1).map_or(tokens[self.open].end, |t| t.start);
        let end = match self.close {
            Some(c) => tokens[c - 1].end.max(start),
            None => tokens[self.para_end - 1].end.max(start),
        };
        Span::new(start, end)
    }

    /// One past the last token of the quotation (its closing mark included).
    pub fn end(&self) -> usize {
        self.close.map_or(self.para_end, |c| c + 1)
    }
}

/// Pairs opening and closing marks within each paragraph.
pub fn quotes(tokens: &[Token]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            Kind::Open if open.is_none() => open = Some(i),
            // A new quotation opening after a full stop while one is open: the first ran to this sentence's end
            // without a closing mark (a quotation continued into a new paragraph, with the line breaks lost).
            Kind::Open if i > 0 && tokens[i - 1].kind == Kind::Punct => {
                if let Some(o) = open.take() {
                    out.push(Quote { open: o, close: None, para_end: i });
                }
                open = Some(i);
            }
            Kind::Close => {
                if let Some(o) = open.take() {
                    out.push(Quote { open: o, close: Some(i), para_end: i + 1 });
                }
            }
            _ => {}
        }
        let last_of_para = tokens.get(i + 1).is_none_or(|n| n.para != t.para);
        if last_of_para {
            if let Some(o) = open.take() {
                if o < i {
                    out.push(Quote { open: o, close: None, para_end: i + 1 });
                }
            }
        }
    }
    out
}

/// Where each token stands: inside a quotation or not, and in which sentence.
pub struct Layout {
    pub in_quote: Vec<bool>,
    pub sentence_of: Vec<usize>,
}

impl Layout {
    pub fn new(toks: &[Token], quotes: &[Quote], sents: &[Sentence]) -> Self {
        let mut in_quote = vec![false; toks.len()];
        for q in quotes {
            for slot in &mut in_quote[q.open..q.end().min(toks.len())] {
                *slot = true;
            }
        }
        let mut sentence_of = vec![0usize; toks.len()];
        for (n, s) in sents.iter().enumerate() {
            for slot in &mut sentence_of[s.first..s.end] {
                *slot = n;
            }
        }
        Self { in_quote, sentence_of }
    }
}
