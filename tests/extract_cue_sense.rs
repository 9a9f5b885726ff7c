//! Cue sense: a cue word in another sense is no statement ("maintained a lead"), the same word reporting a
//! position is ("maintained that …"), and a quotation keeps its cue whatever the model thinks. Text of our
//! own; the model is the shipped `assets/models/cue.bin`.

use dossier::extract::extract;

fn cues_and_contents(text: &str) -> Vec<(String, String)> {
    extract(text).statements.into_iter().map(|s| (s.cue, s.content)).collect()
}

#[test]
fn a_cue_verb_with_a_non_speech_object_is_no_statement() {
    let found = cues_and_contents("The mayor maintained a comfortable lead in the polls through the summer.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_same_verb_reporting_a_position_is_a_statement() {
    let found = cues_and_contents("The mayor maintained that the budget had been balanced for a decade.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "maintained");
    assert!(found[0].1.starts_with("the budget"), "{found:?}");
}

#[test]
fn a_quotation_keeps_its_cue() {
    let found = cues_and_contents("\u{201c}We kept a comfortable lead all summer,\u{201d} the mayor maintained.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].1.starts_with("We kept"), "{found:?}");
}

#[test]
fn the_shipped_cue_model_loads() {
    let model = dossier::extract::cue_sense::shipped();
    assert!(model.is_some_and(|m| m.threshold > 0.0 && m.threshold < 1.0));
}
