//! The knowledge pass reads the words around every actor; curly quotation marks and other characters of
//! more than one byte right before a mention must not trip it (it once sliced inside one and panicked).

use dossier::model::{ArticleMeta, content_hash};

fn apply(text: &str) -> dossier::model::Article {
    let mut article = dossier::model::Article {
        source: "quotes.txt".to_owned(),
        title: None,
        meta: ArticleMeta::default(),
        hash: content_hash(text),
        analysis: dossier::extract::extract(text),
        text: text.to_owned(),
        rejected: Vec::new(),
    };
    dossier::entity::knowledge::apply(&mut article);
    article
}

#[test]
fn curly_quotes_and_dashes_before_a_mention_are_read_whole() {
    for text in [
        "“We will not give in,” Labour MP Jane Porter said on Monday.\n",
        "“We will not give in.” Tory leader Michael Grant said so too.\n",
        "Voters were “angry” — Conservative MP Alan Reed told the BBC — and “tired”.\n",
        "«Nein», sagte der SPD-Abgeordnete Karl Weber. “Not now”; Karl Weber left.\n",
    ] {
        let article = apply(text);
        assert!(!article.analysis.actors.is_empty(), "no actor found in {text:?}");
    }
}
