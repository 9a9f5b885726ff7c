//! Escaping text that comes from articles before it goes into Markdown: article text is data, and must
//! never become structure (headings, lists, links, tables, HTML) in the briefing, whatever it contains.

/// ASCII punctuation that means something to CommonMark, GitHub or Obsidian somewhere in a line: emphasis,
/// code, links and images, footnotes, tables, headings, list markers, strikethrough, math (`$`),
/// highlights (`==`), comments (`%%`) and block references (`^`). Escaping all of them is harmless: a
/// backslash before any ASCII punctuation is a valid escape and renders as the character itself.
const MARKDOWN_PUNCTUATION: &str = "\\`*_{}[]()#+-.!|~$=%^";

/// `text` as one line of inline Markdown that renders as exactly that text: Markdown punctuation is
/// backslash-escaped, `&`, `<` and `>` become HTML entities (so no tag or entity gets through), line
/// breaks become single spaces, other control characters are dropped, and the ends are trimmed.
///
/// One exception keeps file names, dates and abbreviations readable in the raw file: `-` and `.` between
/// two letters or digits (`2024-05-01`, `dawn.txt`) are left as they are; there they can never start a
/// list, a heading underline or a rule.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut previous = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let between_alphanumerics =
            previous.is_some_and(char::is_alphanumeric) && chars.peek().is_some_and(|next| next.is_alphanumeric());
        previous = Some(c);
        match c {
            '-' | '.' if between_alphanumerics => out.push(c),
            '\n' | '\r' | '\t' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if MARKDOWN_PUNCTUATION.contains(c) => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim_matches(' ').to_owned()
}

#[cfg(test)]
mod tests {
    use super::escape_inline;

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
    fn leaves_plain_text_alone() {
        assert_eq!(escape_inline("Ishaq Dar, 日本語 “quoted” 'it's' 🙂"), "Ishaq Dar, 日本語 “quoted” 'it's' 🙂");
    }
}
