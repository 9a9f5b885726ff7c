//! The readable text of a Markdown file: markup stripped, one block a paragraph.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Returns the first heading as the title, and the text.
pub fn readable(source: &str) -> (Option<String>, String) {
    let mut text = String::new();
    let mut title: Option<String> = None;
    let mut heading: Option<String> = None;
    for event in Parser::new(source) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = heading.take() {
                    if title.is_none() && !h.trim().is_empty() {
                        title = Some(h.trim().to_owned());
                    }
                }
                end_block(&mut text);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::CodeBlock) => {
                end_block(&mut text)
            }
            Event::Text(t) | Event::Code(t) => {
                text.push_str(&t);
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::SoftBreak => text.push(' '),
            Event::HardBreak => text.push('\n'),
            _ => {}
        }
    }
    (title, text.trim_end().to_owned() + "\n")
}

fn end_block(text: &mut String) {
    let trimmed = text.trim_end_matches([' ', '\n']).len();
    text.truncate(trimmed);
    if !text.is_empty() {
        text.push_str("\n\n");
    }
}
