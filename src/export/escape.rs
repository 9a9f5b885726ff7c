//! Escaping text that comes from articles before it goes into Markdown: article text is data, and must
//! never become structure (headings, lists, links, tables, HTML) in the briefing, whatever it contains.
//! Only what would change the rendering is escaped, so the raw file stays readable: "U.S. (TTP) said."
//! stays as it is, `*`, `` ` ``, `[`, `]`, `|`, `$`, `~` and `^` are always escaped, and the rest only
//! where they would mean something (a `#`, `-`, `+` or `1.` opening the text, `==`, `%%`, an `_` at a
//! word's edge, `<` opening a tag, `&` opening an entity, `\` before punctuation).

/// Characters that mean something to CommonMark, GitHub or Obsidian anywhere in a line: emphasis, code,
/// links, images and footnotes (`[`), tables, math, strikethrough and subscript (`~`), superscript and
/// block references (`^`), tags (`#`).
const ALWAYS: &str = "`*[]|$~^#";

/// `text` as one line of inline Markdown that renders as exactly that text: Markdown punctuation is
/// backslash-escaped where it would otherwise mean something, `<` and `&` become HTML entities where they
/// would start a tag or an entity, line breaks become single spaces, other control characters are
/// dropped, and the ends are trimmed.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let after = chars.get(i + 1).copied();
        // Nothing but spaces written yet: this character opens the line (where lists, headings and
        // quotes start).
        let opening = out.trim_start_matches(' ').is_empty();
        match c {
            // Most characters of a briefing: tested first, in one step.
            'a'..='z' | 'A'..='Z' | '0'..='9' | ' ' => out.push(c),
            '\n' | '\r' | '\t' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            '<' if after.is_some_and(|a| a.is_alphabetic() || matches!(a, '/' | '!' | '?')) => out.push_str("&lt;"),
            '>' if opening => out.push_str("&gt;"),
            '&' if opens_entity(&chars[i + 1..]) => out.push_str("&amp;"),
            '\\' if after.is_none_or(|a| a.is_ascii_punctuation()) => out.push_str("\\\\"),
            c if ALWAYS.contains(c) => escaped(&mut out, c),
            '_' if !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)) => {
                escaped(&mut out, c)
            }
            '=' | '%' if before == Some(c) || after == Some(c) => escaped(&mut out, c),
            '-' | '+' if opening => escaped(&mut out, c),
            // "1." or "1)" opening the text would start an ordered list.
            '.' | ')' if !opening && out.trim_start_matches(' ').chars().all(|d| d.is_ascii_digit()) => {
                escaped(&mut out, c)
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

fn escaped(out: &mut String, c: char) {
    out.push('\\');
    out.push(c);
}

/// Whether the text after an `&` would make it an HTML entity (`amp;`, `#39;`, `#x27;`).
fn opens_entity(rest: &[char]) -> bool {
    let name = rest.iter().take(33).take_while(|c| c.is_ascii_alphanumeric() || **c == '#').count();
    name > 0 && rest.get(name) == Some(&';')
}

/// Quotation marks that can open or close a quotation.
const QUOTES: [char; 8] = ['"', '\'', '“', '”', '‘', '’', '«', '»'];

/// `text` between “ and ”, unless it already starts or ends with a quotation mark (no doubled marks);
/// a text wholly between straight or curly marks loses them first.
pub fn quoted(text: &str) -> String {
    let trimmed = text.trim();
    let mut inner = trimmed.chars();
    let (first, last) = (inner.next(), inner.next_back());
    let enclosed = first.is_some_and(|f| QUOTES.contains(&f))
        && last.is_some_and(|l| QUOTES.contains(&l))
        && !inner.as_str().contains(QUOTES);
    let unwrapped = if enclosed { inner.as_str().trim() } else { trimmed };
    // A quotation mark left at either end belongs to an inner quotation: wrapping it again would double it.
    let starts = unwrapped.chars().next().is_some_and(|c| QUOTES.contains(&c));
    let ends = unwrapped.chars().next_back().is_some_and(|c| QUOTES.contains(&c));
    if starts || ends { unwrapped.to_owned() } else { format!("“{unwrapped}”") }
}

#[cfg(test)]
mod tests {
    use super::{escape_inline, quoted};

    #[test]
    fn escapes_structure() {
        assert_eq!(escape_inline("# Title"), "\\# Title");
        assert_eq!(escape_inline("[a](b)"), "\\[a\\](b)");
        assert_eq!(escape_inline("a | b"), "a \\| b");
        assert_eq!(escape_inline("<b>&amp;</b>"), "&lt;b>&amp;amp;&lt;/b>");
        assert_eq!(escape_inline("  one\r\ntwo\n\n- three  "), "one two - three");
        assert_eq!(escape_inline("- item"), "\\- item");
        assert_eq!(escape_inline("12. twelve"), "12\\. twelve");
        assert_eq!(escape_inline("tab\tand\u{7}bell"), "tab andbell");
        assert_eq!(escape_inline("==mark== %%c%% a=b 5%"), "\\=\\=mark\\=\\= \\%\\%c\\%\\% a=b 5%");
        assert_eq!(escape_inline("_it_ snake_case"), "\\_it\\_ snake_case");
        assert_eq!(escape_inline(r"C:\path \*"), r"C:\path \\\*");
    }

    #[test]
    fn leaves_what_renders_as_itself_alone() {
        for plain in [
            "Ishaq Dar, 日本語 “quoted” 'it's' 🙂",
            "U.S. officials (TTP) said 2024-05-01 in dawn.txt! Really? Yes: 5 < 6 & 7 > 3.",
            "AT&T and 3+4",
        ] {
            assert_eq!(escape_inline(plain), plain);
        }
    }

    #[test]
    fn quotations_are_not_doubled() {
        assert_eq!(quoted("We are ready."), "“We are ready.”");
        assert_eq!(quoted("\"We are ready.\""), "“We are ready.”");
        assert_eq!(quoted("“We are ready.”"), "“We are ready.”");
        assert_eq!(quoted("Mr. Dar said: \"We are ready.\""), "Mr. Dar said: \"We are ready.\"");
        assert_eq!(quoted("“Premature,” he said."), "“Premature,” he said.");
        assert_eq!(quoted("\"a\" and \"b\""), "\"a\" and \"b\"");
    }
}
