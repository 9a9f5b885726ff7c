//! Escaping text that comes from articles before it goes into Markdown: article text is data, and must
//! never become structure (headings, lists, links, tables, HTML) in the briefing, whatever it contains.

/// ASCII punctuation that means something to CommonMark, GitHub or Obsidian somewhere in a line: emphasis,
/// code, links and images, footnotes, tables, headings, list markers, strikethrough, math (`$`),
/// highlights (`==`), comments (`%%`) and block references (`^`). Escaping all of them is harmless: a
/// backslash before any ASCII punctuation is a valid escape and renders as the character itself.
const MARKDOWN_PUNCTUATION: &str = "\\`*_{}[]()#+-.!|~$=%^";

/// [`MARKDOWN_PUNCTUATION`] as a bit set over ASCII: one test per character instead of a search.
const PUNCTUATION_SET: u128 = {
    let bytes = MARKDOWN_PUNCTUATION.as_bytes();
    let mut set = 0;
    let mut i = 0;
    while i < bytes.len() {
        set |= 1 << bytes[i];
        i += 1;
    }
    set
};

fn is_markdown_punctuation(c: char) -> bool {
    (c as u32) < 128 && PUNCTUATION_SET & (1 << c as u32) != 0
}

/// `text` as one line of inline Markdown that renders as exactly that text: Markdown punctuation is
/// backslash-escaped, `&`, `<` and `>` become HTML entities (so no tag or entity gets through), line
/// breaks become single spaces, other control characters are dropped, and the ends are trimmed.
///
/// One exception keeps file names, dates and abbreviations readable in the raw file: `-` and `.` between
/// two letters or digits (`2024-05-01`, `dawn.txt`) are left as they are; there they can never start a
/// list, a heading underline or a rule.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let before = previous.replace(c);
        match c {
            // Most characters of a briefing: tested first, in one step.
            'a'..='z' | 'A'..='Z' | '0'..='9' | ' ' => out.push(c),
            '-' | '.'
                if before.is_some_and(char::is_alphanumeric)
                    && chars.peek().is_some_and(|next| next.is_alphanumeric()) =>
            {
                out.push(c)
            }
            '\n' | '\r' | '\t' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if is_markdown_punctuation(c) => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.truncate(out.trim_end_matches(' ').len());
    let leading = out.len() - out.trim_start_matches(' ').len();
    out.drain(..leading);
    out
}

#[cfg(test)]
mod tests {
    use super::{MARKDOWN_PUNCTUATION, escape_inline, is_markdown_punctuation};

    #[test]
    fn escapes_structure() {
        assert_eq!(escape_inline("# Title"), "\\# Title");
        assert_eq!(escape_inline("[a](b)"), "\\[a\\]\\(b\\)");
        assert_eq!(escape_inline("a | b"), "a \\| b");
        assert_eq!(escape_inline("<b>&amp;</b>"), "&lt;b&gt;&amp;amp;&lt;/b&gt;");
        assert_eq!(escape_inline("  one\r\ntwo\n\n- three  "), "one two \\- three");
        assert_eq!(escape_inline("tab\tand\u{7}bell"), "tab andbell");
        assert_eq!(escape_inline("-1. 2024-05-01 dawn.txt U.S. end."), r"\-1\. 2024-05-01 dawn.txt U.S\. end\.");
    }

    #[test]
    fn the_set_is_the_list() {
        for c in (0..=255_u8).map(char::from) {
            assert_eq!(is_markdown_punctuation(c), MARKDOWN_PUNCTUATION.contains(c), "{c:?}");
        }
    }

    #[test]
    fn leaves_plain_text_alone() {
        assert_eq!(escape_inline("Ishaq Dar, 日本語 “quoted” 'it's' 🙂"), "Ishaq Dar, 日本語 “quoted” 'it's' 🙂");
    }
}
