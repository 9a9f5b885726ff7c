//! Attribution patterns on text written for these tests: each asserts speaker, cue, content and countries.

use dossier::extract::extract;
use dossier::model::Analysis;

/// (speaker name, cue, content, direct) of every statement.
fn statements(text: &str) -> Vec<(String, String, String, bool)> {
    let analysis = extract(text);
    analysis
        .statements
        .iter()
        .map(|s| {
            let speaker = analysis.speaker(s).map_or("?", |a| a.name.as_str());
            (speaker.to_owned(), s.cue.clone(), s.content.clone(), s.direct)
        })
        .collect()
}

fn one(text: &str) -> (String, String, String, bool) {
    let all = statements(text);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.into_iter().next().unwrap_or_default()
}

fn actor_country(analysis: &Analysis, name: &str) -> Option<String> {
    analysis.actors.iter().find(|a| a.name == name).and_then(|a| a.country.clone())
}

#[test]
fn subject_said_that() {
    let (speaker, cue, content, direct) =
        one("Kenyan Foreign Minister Jane Holloway said that the talks would resume in March.");
    assert_eq!((speaker.as_str(), cue.as_str(), direct), ("Jane Holloway", "said", false));
    assert_eq!(content, "the talks would resume in March");
}

#[test]
fn content_then_speaker_and_cue() {
    let text = "Prime Minister Tom Okafor visited the port. The talks will resume in March, Okafor said.";
    let (speaker, cue, content, _) = one(text);
    assert_eq!(
        (speaker.as_str(), cue.as_str(), content.as_str()),
        ("Tom Okafor", "said", "The talks will resume in March")
    );
}

#[test]
fn quote_then_cue_then_speaker() {
    let (speaker, cue, content, direct) = one("“We are ready to sign,” said Prime Minister Tom Okafor.");
    assert_eq!(
        (speaker.as_str(), cue.as_str(), content.as_str(), direct),
        ("Tom Okafor", "said", "We are ready to sign,", true)
    );
}

#[test]
fn according_to() {
    let (speaker, cue, content, _) = one("According to Kenyan officials, the border will reopen on Monday.");
    assert_eq!((speaker.as_str(), cue.as_str()), ("Kenyan officials", "According to"));
    assert_eq!(content, "the border will reopen on Monday");
    let analysis = extract("According to Kenyan officials, the border will reopen on Monday.");
    assert_eq!(analysis.statements[0].about, Vec::<String>::new());
    assert_eq!(actor_country(&analysis, "Kenyan officials").as_deref(), Some("KE"));
}

#[test]
fn told_skips_the_listener() {
    let (speaker, cue, content, _) = one("Senator Ann Ruiz told reporters the deal was close.");
    assert_eq!((speaker.as_str(), cue.as_str(), content.as_str()), ("Ann Ruiz", "told", "the deal was close"));
}

#[test]
fn colon_quote() {
    let (speaker, cue, content, direct) = one("Mr Okafor said: “We will not back down.”");
    assert_eq!((speaker.as_str(), cue.as_str(), direct), ("Okafor", "said", true));
    assert_eq!(content, "We will not back down.");
}

#[test]
fn two_cues_in_one_sentence() {
    let all = statements("Defence Minister Lena Brandt praised the plan and warned that delays would be costly.");
    let cues: Vec<&str> = all.iter().map(|s| s.1.as_str()).collect();
    assert_eq!(cues, ["praised", "warned"]);
    assert!(all.iter().all(|s| s.0 == "Lena Brandt"));
    assert_eq!(all[0].2, "the plan");
    assert_eq!(all[1].2, "delays would be costly");
}

#[test]
fn quote_continued_in_the_next_paragraph_without_a_cue() {
    let text = "“The deal is close,” Prime Minister Tom Okafor said.\n“We need one more week.”\n";
    let all = statements(text);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1], ("Tom Okafor".to_owned(), String::new(), "We need one more week.".to_owned(), true));
}

#[test]
fn partial_quote_inside_reported_speech() {
    let (speaker, _, content, direct) = one("Jane Holloway said the proposal was “a step backwards” for the region.");
    assert_eq!(speaker, "Jane Holloway");
    assert_eq!(content, "the proposal was “a step backwards” for the region");
    assert!(direct);
}

#[test]
fn pronoun_speaker_resolves_to_the_person() {
    let text = "Mr Okafor arrived in Nairobi on Monday. He said the meeting had gone well.";
    let (speaker, cue, content, _) = one(text);
    assert_eq!((speaker.as_str(), cue.as_str(), content.as_str()), ("Okafor", "said", "the meeting had gone well"));
    let analysis = extract(text);
    assert_eq!(analysis.countries, ["KE"], "a named city adds its country");
}

#[test]
fn role_noun_speaker_resolves_to_the_person() {
    let text =
        "Iranian Foreign Minister Reza Tavakoli met envoys. Later the Iranian Foreign Minister said talks were useful.";
    let (speaker, ..) = one(text);
    assert_eq!(speaker, "Reza Tavakoli");
}

#[test]
fn country_speaker_and_metonym() {
    let analysis = extract("The Kremlin denied the report. Pakistan has rejected the claims.");
    let speakers: Vec<&str> =
        analysis.statements.iter().filter_map(|s| analysis.speaker(s)).map(|a| a.name.as_str()).collect();
    assert_eq!(speakers, ["Russia", "Pakistan"]);
    assert_eq!(analysis.countries, ["RU", "PK"]);
}

#[test]
fn abbreviations_and_datelines_do_not_split_or_speak() {
    let text = "KABUL (Reuters) - U.S. envoy Gen. Mark Dunn said on Jan. 3 that troops would stay.\n";
    let (speaker, cue, content, _) = one(text);
    assert_eq!((speaker.as_str(), cue.as_str(), content.as_str()), ("Mark Dunn", "said", "troops would stay"));
    let analysis = extract(text);
    assert_eq!(actor_country(&analysis, "Mark Dunn").as_deref(), Some("US"));
    assert!(analysis.countries.contains(&"AF".to_owned()), "the dateline's city counts as a mention");
}

#[test]
fn nouns_that_look_like_cues_are_not_statements() {
    assert!(statements("The claims were investigated by the committee. A report is due in May.").is_empty());
}

#[test]
fn extraction_never_panics_on_odd_text() {
    for text in ["", "“", "”", "\"\"\"", "said", ", said", "Mr.", "according to", "A: ", "\u{feff}é’s ’s", "\n\n\n"]
    {
        let analysis = extract(text);
        for s in &analysis.statements {
            assert!(text.get(s.content_span.start..s.content_span.end).is_some());
        }
    }
}

fn actor_role(analysis: &Analysis, name: &str) -> Option<String> {
    analysis.actors.iter().find(|a| a.name == name).and_then(|a| a.role.clone())
}

#[test]
fn honorific_with_a_dot_and_a_party_parenthesis_after_a_quote() {
    let all = statements(
        "“The vote is close,” Mr. Harlan Voss said.\n“We will win it,” Sen. Ada Blum (D-Ore.) said on Monday.\n",
    );
    let got: Vec<(&str, &str, &str)> = all.iter().map(|s| (s.0.as_str(), s.1.as_str(), s.2.as_str())).collect();
    assert_eq!(got, [("Harlan Voss", "said", "The vote is close,"), ("Ada Blum", "said", "We will win it,")]);
}

#[test]
fn typewriter_quotation_marks() {
    let (speaker, cue, content, direct) = one("''The plan adds complexity,'' said Mr. Harlan Voss, a tax lawyer.");
    assert_eq!(
        (speaker.as_str(), cue.as_str(), content.as_str(), direct),
        ("Harlan Voss", "said", "The plan adds complexity,", true)
    );
}

#[test]
fn asked_and_continued_attribute_only_beside_a_quotation() {
    let text = "“Who pays for it?” Ms. Lena Brandt asked. “Nobody knows,” she continued.";
    let all = statements(text);
    let got: Vec<(&str, &str)> = all.iter().map(|s| (s.0.as_str(), s.1.as_str())).collect();
    assert_eq!(got, [("Lena Brandt", "asked"), ("Lena Brandt", "continued")]);
    assert!(statements("Ms. Lena Brandt asked the court for more time and continued her campaign.").is_empty());
}

#[test]
fn a_noun_phrase_after_a_quotation_speaks() {
    let (_, cue, content, direct) = one("“Why did he not pay?” the advert’s narrator asks.");
    assert_eq!((cue.as_str(), content.as_str(), direct), ("asks", "Why did he not pay?", true));
    let analysis = extract("“Why did he not pay?” the advert’s narrator asks.");
    let speaker = analysis.statements[0]
        .speaker_span
        .map(|span| &"“Why did he not pay?” the advert’s narrator asks."[span.start..span.end]);
    assert_eq!(speaker, Some("the advert’s narrator"));
}

#[test]
fn told_never_takes_the_listener_as_speaker() {
    let all = statements("“The law is clear,” Dana Lee, a lawyer at the firm, told The Daily Courier.");
    assert!(all.iter().all(|s| s.0 != "The Daily Courier" && s.0 != "Daily Courier"), "{all:#?}");
}

#[test]
fn a_clause_after_said_is_content_not_speaker() {
    let all = statements("Mr. Harlan Voss, speaking to farmers in Ohio, said he would cut taxes.");
    assert_eq!(all.iter().find(|s| s.1 == "said").map(|s| s.2.as_str()), Some("he would cut taxes"), "{all:#?}");
}

#[test]
fn roles_from_copulas_appositives_and_counterparts() {
    let analysis = extract(
        "Mr Jamal Sadiq, who is under house arrest, is head of the Unity Party of Ghana. \
         Aziz Haddad, the leader of the Free Coast Movement, was not seen. \
         Kenya's Foreign Minister Jane Holloway met her Ugandan counterpart, Peter Okello.",
    );
    assert_eq!(actor_role(&analysis, "Jamal Sadiq").as_deref(), Some("head of the Unity Party of Ghana"));
    assert_eq!(actor_role(&analysis, "Aziz Haddad").as_deref(), Some("leader of the Free Coast Movement"));
    assert_eq!(actor_role(&analysis, "Peter Okello").as_deref(), Some("Foreign Minister"));
    assert_eq!(actor_country(&analysis, "Peter Okello").as_deref(), Some("UG"));
}

#[test]
fn a_head_of_state_serves_the_country_named_in_the_sentence() {
    let analysis = extract("Protests spread in Zimbabwe on Friday as President Tomas Ngara's government met.");
    let actor = analysis.actors.iter().find(|a| a.name == "Tomas Ngara");
    assert_eq!(actor.and_then(|a| a.country.as_deref()), Some("ZW"));
    assert_eq!(actor.and_then(|a| a.country_evidence.as_deref()), Some("in Zimbabwe"));
}

#[test]
fn a_statement_of_several_joined_subjects_belongs_to_each() {
    let text = "“We want calm.” The United States, the European Union and Japan have all called on Kenya \
                and Uganda to talk.";
    let all = statements(text);
    let speakers: Vec<&str> = all.iter().filter(|s| s.1 == "called on").map(|s| s.0.as_str()).collect();
    assert_eq!(speakers, ["United States", "European Union", "Japan"], "{all:#?}");
    assert!(all.iter().filter(|s| s.1 == "called on").all(|s| s.2 == "Kenya and Uganda to talk"));
}

#[test]
fn he_after_a_quote_is_the_latest_person_who_spoke() {
    let text = "President Tom Okafor said the border would stay open. The European Union called on him to meet \
                Prime Minister Lena Brandt. “I am for dialogue,” he said.";
    let all = statements(text);
    assert_eq!(all.last().map(|s| (s.0.as_str(), s.1.as_str())), Some(("Tom Okafor", "said")), "{all:#?}");
}

#[test]
fn a_body_tied_to_a_country_is_an_organization_and_a_government_is_the_country() {
    let analysis = extract(
        "Kenya's military intelligence watched the border. The Ugandan parliament met. \
         The Kenyan Government said the talks would go on.",
    );
    let orgs: Vec<(&str, Option<&str>)> = analysis
        .actors
        .iter()
        .filter(|a| a.kind == dossier::model::ActorKind::Organization)
        .map(|a| (a.name.as_str(), a.country.as_deref()))
        .collect();
    assert_eq!(orgs, [("Kenya Military Intelligence", Some("KE")), ("Ugandan Parliament", Some("UG"))]);
    let (speaker, cue, ..) = statements(
        "Kenya's military intelligence watched the border. The Kenyan Government said the talks would go on.",
    )
    .into_iter()
    .next()
    .unwrap_or_default();
    assert_eq!((speaker.as_str(), cue.as_str()), ("Kenya", "said"));
}

#[test]
fn the_subject_is_the_name_before_its_appositives() {
    let all = statements(
        "Dana Lee, a spokeswoman for the Kenya Port Authority, said the cranes were back.\n\
         “It is over,” Omar Farah, the mayor of Mombasa, one of the cities hit, said at a meeting.\n\
         Senator Ruth Kamau, Democrat of Nairobi, said the vote would wait.\n",
    );
    let got: Vec<(&str, &str)> = all.iter().map(|s| (s.0.as_str(), s.2.as_str())).collect();
    assert_eq!(
        got,
        [("Dana Lee", "the cranes were back"), ("Omar Farah", "It is over,"), ("Ruth Kamau", "the vote would wait")]
    );
}

#[test]
fn an_article_and_a_noun_before_a_speech_verb_speak() {
    let all = statements(
        "The bank said that it had fired the staff.\nThe regional commission says on its website that the audit is done.\n",
    );
    let got: Vec<(&str, &str)> = all.iter().map(|s| (s.0.as_str(), s.2.as_str())).collect();
    assert_eq!(got, [("The bank", "it had fired the staff"), ("The regional commission", "the audit is done")]);
    // A clause after the verb is content, not an adverbial tail.
    let (_, _, content, _) = one("The Kenyan nominee says they both share the belief that every child counts.");
    assert_eq!(content, "they both share the belief that every child counts");
}

#[test]
fn transcript_lines_may_open_with_a_quotation_mark() {
    let (speaker, cue, content, direct) = one("Partial transcript:\n\"OKAFOR: We will not sign this week.\n");
    assert_eq!((speaker.as_str(), cue.as_str(), direct), ("OKAFOR", ":", true));
    assert_eq!(content, "We will not sign this week.");
}

#[test]
fn a_second_attribution_after_though_is_its_own_statement() {
    let all = statements("Ms. Ruth Kamau said the talks were hard, though she noted both sides had moved.");
    let got: Vec<(&str, &str, &str)> = all.iter().map(|s| (s.0.as_str(), s.1.as_str(), s.2.as_str())).collect();
    assert_eq!(got, [("Ruth Kamau", "said", "the talks were hard"), ("Ruth Kamau", "noted", "both sides had moved")]);
}

#[test]
fn he_and_she_follow_the_persons_gender() {
    let text = "Mr. Tom Okafor met Ms. Ruth Kamau in Nairobi. She said the talks were hard. He said they would go on.";
    let speakers: Vec<String> = statements(text).into_iter().map(|s| s.0).collect();
    assert_eq!(speakers, ["Ruth Kamau", "Tom Okafor"]);
}

#[test]
fn statements_concern_countries_named_through_organizations_and_pairs() {
    let text = "Mr Okafor said tensions between Kenya and Uganda had grown. He warned that the border tensions \
                between them were a threat. Officials say the banned Tehreek-e-Taliban Pakistan had regrouped.";
    let analysis = extract(text);
    let about: Vec<Vec<String>> = analysis.statements.iter().map(|s| s.about.clone()).collect();
    assert_eq!(about, [vec!["KE", "UG"], vec!["KE", "UG"], vec!["PK"]]);
}
