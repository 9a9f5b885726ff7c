//! Attribution phenomena that once failed on articles the rules had never met, each written as a small
//! pattern in words of our own: who speaks (descriptive sources, appositions, pronouns), which words are cues
//! (and which senses of them are not), and where the content ends.

use dossier::extract::extract;
use dossier::model::ActorKind;

/// (speaker name, cue, content) of every statement.
fn statements(text: &str) -> Vec<(String, String, String)> {
    let analysis = extract(text);
    analysis
        .statements
        .iter()
        .map(|s| {
            let speaker = analysis.speaker(s).map_or("?", |a| a.name.as_str());
            (speaker.to_owned(), s.cue.clone(), s.content.clone())
        })
        .collect()
}

fn one(text: &str) -> (String, String, String) {
    let all = statements(text);
    assert_eq!(all.len(), 1, "{text}\n{all:#?}");
    all.into_iter().next().unwrap_or_default()
}

// Descriptive, generic, possessive and document sources.

#[test]
fn a_generic_plural_source_speaks() {
    let (speaker, cue, content) = one("Senior analysts say the currency will weaken before the summer.");
    assert_eq!((speaker.as_str(), cue.as_str()), ("Senior analysts", "say"));
    assert_eq!(content, "the currency will weaken before the summer");
}

#[test]
fn a_possessive_source_speaks() {
    let (speaker, cue, content) = one("His campaign announced that the tour would end in Ohio.");
    assert_eq!((speaker.as_str(), cue.as_str()), ("His campaign", "announced"));
    assert_eq!(content, "the tour would end in Ohio");
}

#[test]
fn a_document_speaks() {
    let (speaker, _, content) = one("The lawsuit said the company had hidden its losses for years.");
    assert_eq!(speaker, "The lawsuit");
    assert_eq!(content, "the company had hidden its losses for years");
}

#[test]
fn a_document_speaks_for_the_body_that_released_it() {
    let all = statements(
        "The Maritime Safety Board today released its report into the ferry sinking. The report has ruled out \
         crew error, saying a cracked hull caused the flooding.",
    );
    assert!(!all.is_empty(), "{all:#?}");
    assert!(all.iter().all(|(speaker, _, _)| speaker == "Maritime Safety Board"), "{all:#?}");
}

#[test]
fn a_document_with_no_author_in_sight_speaks_for_itself() {
    let (speaker, _, _) = one("The report said the ferry had been overloaded for years.");
    assert_eq!(speaker, "The report");
}

#[test]
fn a_relative_clause_gives_its_antecedent_the_statement() {
    let text = "Farmers, who say the drought has ruined the harvest, marched to the capital.";
    let analysis = extract(text);
    assert_eq!(analysis.statements.len(), 1, "{:#?}", analysis.statements);
    let s = &analysis.statements[0];
    let speaker = analysis.speaker(s).map(|a| a.name.as_str());
    assert_eq!(speaker, Some("Farmers"));
    assert!(s.content.starts_with("the drought has ruined the harvest"), "{}", s.content);
    // At the cue the text refers to the speaker with the relative pronoun.
    assert_eq!(s.speaker_span.map(|sp| sp.text(text)), Some("who"));
}

// Speaker phrase structure.

#[test]
fn a_role_then_a_name_in_apposition_is_the_person() {
    let (speaker, cue, content) = one("The Trade Minister, Jane Okafor, said the tariffs would fall next year.");
    assert_eq!((speaker.as_str(), cue.as_str()), ("Jane Okafor", "said"));
    assert_eq!(content, "the tariffs would fall next year");
}

#[test]
fn a_description_then_a_name_in_apposition_is_the_person() {
    let (speaker, _, content) = one("Harbour Freight owner, Lena Brandt, says the port will reopen in June.");
    assert_eq!(speaker, "Lena Brandt");
    assert_eq!(content, "the port will reopen in June");
}

#[test]
fn the_head_name_speaks_not_the_name_in_its_modifier() {
    let (speaker, _, content) = one("Maria Lopez of the Budget Committee says the deficit is shrinking.");
    assert!(speaker.starts_with("Maria Lopez"), "{speaker}");
    assert_eq!(content, "the deficit is shrinking");
}

#[test]
fn a_name_then_an_appositive_then_the_cue() {
    let (speaker, _, content) = one("Tom Reyes, a lawyer for the families, says the settlement is too small.");
    assert_eq!(speaker, "Tom Reyes");
    assert_eq!(content, "the settlement is too small");
}

#[test]
fn a_long_subject_back_to_the_comma_after_the_content() {
    let (speaker, cue, content) =
        one("The harvest will be late this year, the cooperative's longtime adviser Paul Dunmore said.");
    assert_eq!((speaker.as_str(), cue.as_str()), ("Paul Dunmore", "said"));
    assert_eq!(content, "The harvest will be late this year");
}

#[test]
fn a_role_then_a_name_in_apposition_before_an_auxiliary_is_the_person() {
    let (speaker, cue, content) =
        one("The Fisheries Minister, Oskar Lindqvist, has announced more patrol boats will join the fleet.");
    assert_eq!(speaker, "Oskar Lindqvist");
    assert!(cue.ends_with("announced"), "{cue}");
    assert_eq!(content, "more patrol boats will join the fleet");
}

#[test]
fn a_name_then_an_appositive_then_an_auxiliary_and_the_cue() {
    let (speaker, _, content) = one("Tom Reyes, a lawyer for the families, has said the settlement is too small.");
    assert_eq!(speaker, "Tom Reyes");
    assert_eq!(content, "the settlement is too small");
}

#[test]
fn a_sentence_adverb_then_a_role_and_a_name_in_apposition() {
    let (speaker, _, content) =
        one("However, a senior regional commander, Tariq Demir, said he believed the rebels had left the valley.");
    assert_eq!(speaker, "Tariq Demir");
    assert_eq!(content, "he believed the rebels had left the valley");
}

#[test]
fn a_name_after_an_of_phrase_and_a_comma_is_not_taken_for_the_subject() {
    let text = "Meanwhile, the brother of flood victim, Dana Kowal, says he is still waiting for news.";
    assert!(statements(text).iter().all(|(speaker, _, _)| speaker != "Dana Kowal"), "{:#?}", statements(text));
}

#[test]
fn a_participle_after_the_cue_ends_the_attribution() {
    let all = statements(
        "\"This deal is rotten,\" Ruiz said. \"You cheated the workers\" to lift the share price, she said, \
         pointing to the bonuses paid last year.",
    );
    assert!(
        all.iter().any(|(speaker, _, content)| speaker == "Ruiz" && content.starts_with("\"You cheated the workers\"")),
        "{all:#?}"
    );
}

#[test]
fn a_quotation_that_ends_a_sentence_then_a_pronoun_with_its_own_clause_is_a_new_statement() {
    let all = statements(
        "Ruiz says the mayor's \"latest outburst is reckless, even for him.\" She says it shows that the mayor is \
         \"unfit to lead the city.\"",
    );
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(all[0].2.ends_with("even for him.\""), "{all:#?}");
    assert!(all[1].2.starts_with("it shows that the mayor"), "{all:#?}");
    assert!(all.iter().all(|(speaker, _, _)| speaker == "Ruiz"), "{all:#?}");
}

#[test]
fn a_hyphenated_office_named_in_apposition_takes_the_persons_statements() {
    let all = statements(
        "The premier backed the Governor-General, Dr Helmut Kasprzak, on Monday. In a statement, the \
         Governor-General said the claims were false.",
    );
    assert!(
        all.iter().any(|(speaker, _, content)| speaker == "Helmut Kasprzak" && content == "the claims were false"),
        "{all:#?}"
    );
}

#[test]
fn a_relative_clause_left_open_does_not_hand_the_statement_to_a_name_inside_it() {
    let (speaker, _, content) = one(
        "Wing keeper Tom Harlow, who is in the side in place of opener Ben Castle says he is not worried by the pitch.",
    );
    assert_eq!(speaker, "Tom Harlow");
    assert_eq!(content, "he is not worried by the pitch");
}

#[test]
fn an_unknown_name_that_speaks_is_a_person() {
    let text = "Norvania's interim leader resigned on Friday. Ilsabet Quorvanne Daskel told a stunned nation that \
                she could not rescue the economy. Only a week ago she was promising a million new jobs.";
    let all = statements(text);
    assert!(!all.is_empty(), "{all:#?}");
    assert!(all.iter().all(|(speaker, _, _)| speaker == "Ilsabet Quorvanne Daskel"), "{all:#?}");
}

#[test]
fn a_descriptor_noun_then_a_name_after_the_cue_speaks() {
    let (speaker, cue, content) = one("\"Trading was thin all day,\" said broker Anwar Qadrizai.");
    assert_eq!((speaker.as_str(), cue.as_str()), ("Anwar Qadrizai", "said"));
    assert!(content.starts_with("Trading was thin all day"), "{content}");
}

#[test]
fn a_web_address_that_speaks_is_an_organization() {
    let text = "According to Examplesoft.com, a security software maker, the worm is attacking home computers.";
    let analysis = extract(text);
    let speaker = analysis.statements.first().and_then(|s| s.speaker.as_deref()).and_then(|id| analysis.actor(id));
    assert_eq!(speaker.map(|a| (a.name.as_str(), a.kind)), Some(("Examplesoft.com", ActorKind::Organization)));
}

// Pronouns by agreement, not only recency.

#[test]
fn she_skips_a_nearer_man_named_by_a_male_given_name() {
    let text = "Anna Berg met Peter Holm in Oslo on Monday. She said the plan was sound.";
    let (speaker, _, content) = one(text);
    assert_eq!(speaker, "Anna Berg");
    assert_eq!(content, "the plan was sound");
}

#[test]
fn the_rule_says_which_antecedent_a_pronoun_took() {
    let analysis = extract("Anna Berg met Peter Holm in Oslo on Monday. She said the plan was sound.");
    let rule = analysis.statements.first().map(|s| s.rule.clone()).unwrap_or_default();
    assert!(rule.contains("pronoun 'she' → Anna Berg"), "{rule}");
    assert!(rule.starts_with("subject of the cue"), "{rule}");
}

// Cue coverage.

#[test]
fn verbs_of_speech_beyond_say() {
    for (text, cue) in [
        ("Senator Ruth Kamau joked that the budget was older than she was.", "joked"),
        ("Governor Ian Marsh quipped that the rain was on his side.", "quipped"),
        ("Colonel Amy Deng testified that the orders came from above.", "testified"),
        ("Minister Omar Haddad assured farmers that the aid would arrive.", "assured"),
        ("President Lea Novak signalled that she would sign the bill.", "signalled"),
        ("Senator Ben Osei reiterated that the deal was dead.", "reiterated"),
    ] {
        let (_, got, _) = one(text);
        assert_eq!(got, cue, "{text}");
    }
}

#[test]
fn a_catenative_verb_keeps_the_subject_as_speaker() {
    let (speaker, cue, content) = one("Mayor Ines Dahl went on to say that the bridge would be rebuilt.");
    assert_eq!((speaker.as_str(), cue.as_str()), ("Ines Dahl", "say"));
    assert_eq!(content, "the bridge would be rebuilt");
}

#[test]
fn a_participle_after_a_comma_takes_the_subject_of_the_sentence() {
    let all = statements("On Thursday, Mayor Ines Dahl closed the bridge, saying the cables were unsafe.");
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].0, "Ines Dahl");
    assert_eq!(all[0].2, "the cables were unsafe");
}

#[test]
fn asked_with_a_question_is_a_statement_even_without_quotation_marks() {
    let (speaker, cue, content) = one("Senator Ben Osei asked whether the funds had been spent.");
    assert_eq!((speaker.as_str(), cue.as_str()), ("Ben Osei", "asked"));
    assert_eq!(content, "whether the funds had been spent");
}

#[test]
fn a_headline_in_title_case_has_its_cue() {
    let all = statements("Okafor Says Talks Will Resume\n\nThe talks stalled in May.");
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!((all[0].1.as_str(), all[0].2.as_str()), ("Says", "Talks Will Resume"));
}

// Non-speech senses of cue verbs.

#[test]
fn cue_verbs_in_senses_that_report_no_speech() {
    for text in [
        "The striker added two goals in the second half.",
        "The ambassador was recalled last week.",
        "Three miners were admitted to hospital on Sunday.",
        "The report did not say who would pay for the repairs.",
        "The new wing added to the cost of the hospital.",
    ] {
        assert!(statements(text).is_empty(), "{text}: {:#?}", statements(text));
    }
}

// Content boundaries.

#[test]
fn content_stops_before_a_comma_and_after() {
    let (_, _, content) = one("Ms. Anna Berg said the vote would be held in May, after the budget is passed.");
    assert_eq!(content, "the vote would be held in May");
}

#[test]
fn content_stops_before_a_participle_cue_after_a_quoted_comma() {
    let all = statements("Mr. Peter Holm said the plan was “the only one left,” adding that it would cost more.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[0].2, "the plan was “the only one left,”");
    assert_eq!((all[1].0.as_str(), all[1].1.as_str()), ("Peter Holm", "adding"));
}

#[test]
fn a_quotation_inside_a_clause_is_not_the_whole_content() {
    let (_, _, content) = one("Senator Ben Osei said ‘there could be’ a vote before the recess.");
    assert_eq!(content, "‘there could be’ a vote before the recess");
}

#[test]
fn a_page_label_with_a_colon_is_not_a_speaker() {
    assert!(statements("WATCH: Crowds fill the square as the results come in").is_empty());
}

// Nested attributions.

#[test]
fn a_reported_clause_that_is_itself_an_attribution_is_a_statement_too() {
    let all = statements("The audit says Carla Mendes says the depot will shut in March.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!((all[0].0.as_str(), all[0].1.as_str()), ("The audit", "says"));
    assert_eq!(all[0].2, "Carla Mendes says the depot will shut in March");
    assert_eq!((all[1].0.as_str(), all[1].1.as_str()), ("Carla Mendes", "says"));
    assert_eq!(all[1].2, "the depot will shut in March");
}

#[test]
fn a_reported_clause_with_a_pronoun_subject_is_not_split_off() {
    let all = statements("The mayor said she said nothing wrong at the hearing.");
    assert_eq!(all.len(), 1, "{all:#?}");
}

/// "Add up" is arithmetic, not speech: the auditor speaks, the figures do not.
#[test]
fn figures_that_add_up_do_not_speak() {
    let analysis = extract("The council's figures simply do not add up, the auditor said on Friday.\n");
    assert_eq!(analysis.statements.len(), 1, "{:?}", analysis.statements);
    assert_eq!(analysis.statements[0].cue, "said");
}
