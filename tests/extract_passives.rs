//! Cue verbs in the passive (issue 9, phenomenon 6), on text written for these tests: a "by" agent of a verb
//! that allows it speaks; "X was quoted as saying" is X speaking; other passives report no speech.

use dossier::extract::extract;

/// (speaker name, cue, content, rule) of every statement.
fn statements(text: &str) -> Vec<(String, String, String, String)> {
    let analysis = extract(text);
    analysis
        .statements
        .iter()
        .map(|s| {
            let speaker = analysis.speaker(s).map_or("?", |a| a.name.as_str());
            (speaker.to_owned(), s.cue.clone(), s.content.clone(), s.rule.clone())
        })
        .collect()
}

fn one(text: &str) -> (String, String, String, String) {
    let all = statements(text);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.into_iter().next().unwrap_or_default()
}

#[test]
fn the_agent_of_a_rejection_speaks_about_the_passive_subject() {
    let (speaker, cue, content, rule) =
        one("Trade Minister Nadia Brenner arrived in Oslo. The offer was rejected by Brenner on Tuesday.");
    assert_eq!((speaker.as_str(), cue.as_str(), content.as_str()), ("Nadia Brenner", "was rejected", "The offer"));
    assert!(rule.starts_with("passive with an agent"), "{rule}");
}

#[test]
fn the_whole_verb_group_is_the_cue_and_adverbs_may_stand_before_the_agent() {
    let text = "Opposition leader Marcus Ode spoke in Accra. The new budget has been sharply criticised \
                repeatedly by Ode.";
    let (speaker, cue, content, _) = one(text);
    assert_eq!(
        (speaker.as_str(), cue.as_str(), content.as_str()),
        ("Marcus Ode", "has been sharply criticised", "The new budget")
    );
    let (speaker, _, content, _) =
        one("Governor Ida Lund toured the site. The merger was first reported last week by Lund.");
    assert_eq!((speaker.as_str(), content.as_str()), ("Ida Lund", "The merger"));
}

#[test]
fn an_announcement_by_a_role_and_a_name_in_apposition() {
    let (speaker, cue, content, _) =
        one("The new port fees were announced by the Transport Minister, Ruth Amadi, in Lagos.");
    assert_eq!(
        (speaker.as_str(), cue.as_str(), content.as_str()),
        ("Ruth Amadi", "were announced", "The new port fees")
    );
}

#[test]
fn the_subject_keeps_its_of_phrase() {
    let (speaker, _, content, _) =
        one("Senator Ivo Marsh visited the plant. The closure of the northern plant was condemned by Marsh.");
    assert_eq!((speaker.as_str(), content.as_str()), ("Ivo Marsh", "The closure of the northern plant"));
    let (_, _, content, _) = one("The plan for the old harbour was praised by Mayor Ana Kohl.");
    assert_eq!(content, "The plan for the old harbour");
}

#[test]
fn a_clause_after_the_agent_is_the_content() {
    let (speaker, cue, content, _) =
        one("Mayor Lucy Tran met the families. They were told by Tran that the shelter would stay open.");
    assert_eq!(
        (speaker.as_str(), cue.as_str(), content.as_str()),
        ("Lucy Tran", "were told", "the shelter would stay open")
    );
    let (speaker, _, content, _) =
        one("Governor Paul Imre held a press conference. He was asked by Imre whether the road would reopen.");
    assert_eq!((speaker.as_str(), content.as_str()), ("Paul Imre", "whether the road would reopen"));
}

#[test]
fn quoted_as_saying_is_the_subject_speaking() {
    let (speaker, cue, content, rule) =
        one("Central bank governor Elsa Moritz was quoted as saying that rates would stay low.");
    assert_eq!(
        (speaker.as_str(), cue.as_str(), content.as_str()),
        ("Elsa Moritz", "was quoted as saying", "rates would stay low")
    );
    assert!(rule.starts_with("passive quotation"), "{rule}");
}

#[test]
fn quoted_by_an_outlet_as_saying_is_still_the_subject_speaking() {
    let (speaker, _, content, rule) =
        one("Coach Daniel Ferro is quoted by the Harbour Gazette as saying the team would not sell players.");
    assert_eq!((speaker.as_str(), content.as_str()), ("Daniel Ferro", "the team would not sell players"));
    assert!(rule.starts_with("passive quotation"), "{rule}");
}

#[test]
fn passives_that_report_no_speech() {
    for text in [
        // Told with no agent: an order, no speaker.
        "The driver was told to leave the area.",
        // A cue verb without the passive feature, in another sense.
        "The ambassador was recalled last week.",
        "The ambassador was recalled by the foreign ministry last week.",
        // A passive with no agent.
        "Two hikers were reported missing on Sunday.",
        "The plan was rejected at the last minute.",
        // "by" with a time, not an agent.
        "The bill should have been approved and announced by now.",
        "The results will be announced by Friday.",
        // Negated: the agent did not speak.
        "The fees were not disclosed by the company.",
        // "by" with a means, not an agent.
        "The rule was denounced by refusing to sign it.",
        // The words before the passive are a preposition's object, not its subject.
        "Plans to buy new trucks by 2030 were warmly welcomed by the unions.",
    ] {
        let all = statements(text);
        assert!(all.is_empty(), "{text}: {all:#?}");
    }
}

#[test]
fn an_active_attribution_with_a_passive_in_its_content_is_one_statement() {
    // The passive inside the reported clause has no agent: only the outer cue speaks.
    let (speaker, cue, content, _) = one("Finance Minister Omar Hale said the levy was rejected last year.");
    assert_eq!(
        (speaker.as_str(), cue.as_str(), content.as_str()),
        ("Omar Hale", "said", "the levy was rejected last year")
    );
}
