//! The built-in sample article (the user's seed article, shipped in `assets/`): every statement found, with
//! the right speaker, cue, content and countries.

use dossier::extract::extract;
use dossier::model::{ActorKind, Analysis, Statement};

const SAMPLE: &str = include_str!("../assets/sample-article.txt");

fn speaker_name<'a>(analysis: &'a Analysis, statement: &Statement) -> Option<&'a str> {
    analysis.speaker(statement).map(|a| a.name.as_str())
}

#[test]
fn all_fourteen_statements_have_the_right_speaker() {
    let analysis = extract(SAMPLE);
    let expected: [(&str, &str, &str); 14] = [
        ("Russia", "offered", "to mediate escalating tensions between Pakistan and Afghanistan"),
        ("Maria Zakharova", "stated", "stability in the region is a priority"),
        ("Maria Zakharova", "described", "Pakistan and Afghanistan as “important partners”"),
        ("Maria Zakharova", "warned", "the current border tensions between them"),
        ("Maria Zakharova", "emphasized", "reconciliation efforts are essential"),
        ("Russian Foreign Ministry", "declared", "negotiations to be the “only sustainable solution"),
        ("Russian Foreign Ministry", "called on", "both nations to exercise restraint"),
        ("Russian Foreign Ministry", "demanded", "Pakistan and Afghanistan resolve their differences"),
        ("Abbas Araqchi", "stated", "Iran is ready to provide all possible assistance"),
        ("Diplomatic sources", "confirmed", "the discussions also covered bilateral relations"),
        ("Iran", "expressing serious concern", "over the ongoing friction"),
        ("Pakistan", "reported", "a steep rise in terrorist attacks"),
        ("Officials", "say", "the banned Tehreek-e-Taliban Pakistan (TTP) gained new space"),
        ("Officials", "claim", "Several militant factions continue to enjoy protection"),
    ];
    assert_eq!(analysis.statements.len(), expected.len(), "{:#?}", analysis.statements);
    for (statement, (speaker, cue, content)) in analysis.statements.iter().zip(expected) {
        assert_eq!(speaker_name(&analysis, statement), Some(speaker), "speaker of {:?}", statement.content);
        assert_eq!(statement.cue, cue);
        assert!(statement.content.starts_with(content), "{:?} should start with {content:?}", statement.content);
        assert_eq!(statement.content_span.text(SAMPLE), statement.content, "content span points at the content");
    }
}

#[test]
fn countries_and_actor_countries_come_from_the_text() {
    let analysis = extract(SAMPLE);
    assert_eq!(analysis.countries, ["RU", "IR", "PK", "AF"]);
    let actor =
        |name: &str| analysis.actors.iter().find(|a| a.name == name).unwrap_or_else(|| panic!("no actor {name}"));
    let zakharova = actor("Maria Zakharova");
    assert_eq!(zakharova.kind, ActorKind::Person);
    assert_eq!(zakharova.country.as_deref(), Some("RU"));
    assert_eq!(zakharova.country_evidence.as_deref(), Some("Russian"));
    assert_eq!(zakharova.role.as_deref(), Some("Foreign Ministry Spokesperson"));
    // Full name, surname and pronoun mentions merge into one actor.
    let mentions: Vec<&str> = zakharova.mentions.iter().map(|m| m.text(SAMPLE)).collect();
    assert_eq!(mentions, ["Maria Zakharova", "She", "Zakharova"]);
    assert_eq!(actor("Ishaq Dar").country.as_deref(), Some("PK"));
    // "his Afghan counterpart, Amir Khan Mottaki": the appositive ties him to Afghanistan.
    assert_eq!(actor("Amir Khan Mottaki").country.as_deref(), Some("AF"));
    // An acronym defined in parentheses is the same organization.
    let ttp = actor("Tehreek-e-Taliban Pakistan");
    assert_eq!(ttp.kind, ActorKind::Organization);
    assert!(ttp.mentions.iter().any(|m| m.text(SAMPLE) == "TTP"));
}

#[test]
fn statements_say_which_countries_they_concern() {
    let analysis = extract(SAMPLE);
    let offered = &analysis.statements[0];
    assert_eq!(offered.about, ["PK", "AF"]);
    assert!(!offered.direct);
    assert!(analysis.statements[2].direct, "a partial quote makes the statement direct");
    assert!(analysis.statements.iter().all(|s| (0.0..=1.0).contains(&s.confidence)));
}
