//! Speaker resolution as ranking: pronoun speakers chosen among the candidates the rules allow, by the
//! shipped ranker (`assets/models/speaker.bin`), with the decision and its score in the card's `rule`.

use dossier::extract::extract;
use dossier::extract::ranker::{self, Agreement, Candidate, CandidateKind, Example, Pronoun};
use dossier::model::{Analysis, Statement};

fn speaker_name<'a>(analysis: &'a Analysis, statement: &Statement) -> Option<&'a str> {
    analysis.speaker(statement).map(|a| a.name.as_str())
}

/// The statement whose content starts with `start`.
fn statement<'a>(analysis: &'a Analysis, start: &str) -> &'a Statement {
    match analysis.statements.iter().find(|s| s.content.starts_with(start)) {
        Some(s) => s,
        None => panic!("no statement starting {start:?} in {:#?}", analysis.statements),
    }
}

fn person(sentences_back: usize, last_mention: usize, last_spoke: Option<usize>, subject: bool) -> Candidate {
    Candidate {
        sentences_back,
        recency: 0,
        speaker_recency: None,
        subject,
        gender: Agreement::Unknown,
        plural: Some(false),
        kind: CandidateKind::Person,
        mentions: 1,
        in_quote: false,
        rule: false,
        last_mention,
        last_spoke,
    }
}

fn example(pronoun: Pronoun, mut candidates: Vec<Candidate>, gold: usize) -> Example {
    ranker::finish(&mut candidates);
    Example { pronoun, candidates, gold }
}

#[test]
fn the_shipped_ranker_loads_and_decides_a_handwritten_fixture() {
    let Some(model) = ranker::shipped() else { panic!("assets/models/speaker.bin is not a speaker model") };
    let fixture = [
        // "X said …. “…,” he said.": the one who just spoke, not a person named in what he said.
        example(Pronoun::He, vec![person(1, 10, Some(10), true), person(1, 20, None, false)], 0),
        // "X met Y. She said …" where only Y can be "she".
        example(
            Pronoun::She,
            vec![person(1, 10, None, true), Candidate { gender: Agreement::Agrees, ..person(1, 20, None, false) }],
            1,
        ),
        // The subject of the sentence before, over a person mentioned three sentences back.
        example(Pronoun::He, vec![person(1, 30, None, true), person(3, 10, None, true)], 0),
        // The latest of two speakers.
        example(Pronoun::She, vec![person(2, 10, Some(10), true), person(1, 20, Some(20), true)], 1),
        // "it": an organization that just spoke, over a country named earlier.
        example(
            Pronoun::It,
            vec![
                Candidate { kind: CandidateKind::Organization, plural: None, ..person(1, 20, Some(20), true) },
                Candidate { kind: CandidateKind::Place, plural: None, ..person(2, 10, None, false) },
            ],
            0,
        ),
    ];
    let right = fixture
        .iter()
        .filter(|e| model.choose(e.pronoun, &e.candidates, ranker::OVERRULE).map(|c| c.0) == Some(e.gold))
        .count();
    assert!(right >= 4, "{right} of {} right", fixture.len());
}

#[test]
fn a_pronoun_after_a_quotation_is_the_speaker_not_the_person_he_named() {
    let text = "Prime Minister Tom Hale said on Monday he would meet President Carl Moss next week. \
                Mr Hale repeated his offer of talks with President Moss. \
                \u{201c}I am ready to sit down with him at any time,\u{201d} he said.";
    let analysis = extract(text);
    let s = statement(&analysis, "I am ready");
    assert_eq!(speaker_name(&analysis, s), Some("Tom Hale"), "{:#?}", analysis.statements);
}

#[test]
fn she_is_the_woman_when_a_man_was_named_after_her() {
    let text = "Finance Minister Anna Berg met the opposition leader, Tom Hale, on Monday. \
                \u{201c}We have agreed on the budget,\u{201d} she said.";
    let analysis = extract(text);
    let s = statement(&analysis, "We have agreed");
    assert_eq!(speaker_name(&analysis, s), Some("Anna Berg"), "{:#?}", analysis.statements);
}

#[test]
fn the_card_reports_the_ranked_decision_and_its_score_and_the_confidence_follows_it() {
    // Two men the pronoun may refer to: the score is the ranker's, below certainty.
    let text = "Prime Minister Tom Hale said on Monday he would meet President Carl Moss next week. \
                Mr Hale repeated his offer of talks with President Moss. \
                \u{201c}I am ready to sit down with him at any time,\u{201d} he said.";
    let analysis = extract(text);
    let s = statement(&analysis, "I am ready");
    assert!(s.rule.contains("pronoun 'he' → Tom Hale, score 0."), "{}", s.rule);
    let score: f32 = match s.rule.rsplit("score ").next().and_then(|x| x.parse().ok()) {
        Some(x) => x,
        None => panic!("no score in {}", s.rule),
    };
    assert!(score > 0.5 && score <= 1.0, "{score}");
    // The statement is as sure as its pattern and the speaker decision together.
    assert!(s.confidence <= score + 0.01 && s.confidence > 0.3, "{} with score {score}", s.confidence);
}

#[test]
fn it_is_the_organization_that_spoke_not_a_person() {
    let text = "The World Health Organization warned on Tuesday that the outbreak was spreading. \
                Health Minister Anna Berg visited the region. \
                It said the number of cases had doubled in a week.";
    let analysis = extract(text);
    let s = statement(&analysis, "the number of cases");
    assert_eq!(speaker_name(&analysis, s), Some("World Health Organization"), "{:#?}", analysis.statements);
}
