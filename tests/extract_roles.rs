//! Who an actor is: the role and the country the text gives a person, written as small patterns in words of
//! our own. Each test is one way news writes a role: an office in capitals before the name, an occupation in
//! lower case before it, a role set off by commas before it, and an apposition after it.

use dossier::extract::extract;
use dossier::model::{Actor, ActorKind, Analysis};

fn person<'a>(analysis: &'a Analysis, surname: &str) -> &'a Actor {
    analysis
        .actors
        .iter()
        .find(|a| a.kind == ActorKind::Person && a.name.ends_with(surname))
        .unwrap_or_else(|| panic!("no person named …{surname}: {:#?}", analysis.actors))
}

fn role_of(text: &str, surname: &str) -> (String, Option<String>, Option<String>) {
    let analysis = extract(text);
    let actor = person(&analysis, surname);
    (actor.name.clone(), actor.role.clone(), actor.country.clone())
}

#[test]
fn an_office_in_capitals_before_the_name_is_the_role_not_the_name() {
    let (name, role, _) =
        role_of("Regional Development Minister Harriet Quayle said the grants would be paid in June.", "Quayle");
    assert_eq!(name, "Harriet Quayle");
    assert_eq!(role.as_deref(), Some("Regional Development Minister"));
}

#[test]
fn an_office_before_an_honorific_and_the_name_is_the_role() {
    let (name, role, _) =
        role_of("Auditor General Sir Peter Lomax said the accounts of the agency were in order.", "Lomax");
    assert!(name.ends_with("Peter Lomax"), "{name}");
    assert_eq!(role.as_deref(), Some("Auditor General"));
}

#[test]
fn a_surname_that_is_also_a_title_stays_a_name() {
    let (name, _, _) = role_of("Thomas General said the match had been hard.", "General");
    assert_eq!(name, "Thomas General");
}

#[test]
fn an_occupation_in_lower_case_before_the_name_is_the_role() {
    let text = "The club has signed a new player. Veteran fast bowler Owen Pritchard says he is ready to play.";
    let (name, role, _) = role_of(text, "Pritchard");
    assert_eq!(name, "Owen Pritchard");
    assert_eq!(role.as_deref(), Some("Veteran fast bowler"));
}

#[test]
fn a_country_adjective_in_the_role_before_the_name_is_the_country() {
    let text = "The match starts on Friday. Meanwhile Canadian team captain Lena Hargrove says the squad is fit.";
    let (_, role, country) = role_of(text, "Hargrove");
    assert_eq!(role.as_deref(), Some("Canadian team captain"));
    assert_eq!(country.as_deref(), Some("CA"));
}

#[test]
fn an_organisation_before_the_occupation_stays_in_the_role() {
    let text = "Markets were calm. Brightwater Bank chief economist Ines Marlowe says rates will fall.";
    let (_, role, _) = role_of(text, "Marlowe");
    assert_eq!(role.as_deref(), Some("Brightwater Bank chief economist"));
}

#[test]
fn a_role_set_off_by_commas_before_the_name_is_the_role() {
    let text = "The general secretary of the Dockers Union, Pavel Drummond, says the strike will go on.";
    let (_, role, _) = role_of(text, "Drummond");
    assert_eq!(role.as_deref(), Some("general secretary of the Dockers Union"));
}

#[test]
fn two_roles_joined_by_and_before_the_name_are_one_role() {
    let text =
        "The firm collapsed in March. Its director and chief operating officer, Nadia Kersh, asked for a payout.";
    let (_, role, _) = role_of(text, "Kersh");
    assert_eq!(role.as_deref(), Some("director and chief operating officer"));
}

#[test]
fn an_apposition_after_the_name_is_the_role() {
    let (_, role, _) = role_of("Martin Ossery, a dietitian, says the survey is worrying.", "Ossery");
    assert_eq!(role.as_deref(), Some("dietitian"));
    let (_, role, _) = role_of("Clara Voss, chief economist at Harbour Trust, says prices will rise.", "Voss");
    assert_eq!(role.as_deref(), Some("chief economist at Harbour Trust"));
}

#[test]
fn an_object_before_a_name_is_no_role() {
    let (_, role, _) = role_of("The minister told reporters Gavin Stroud would lead the inquiry.", "Stroud");
    assert_eq!(role, None);
}

fn organization_role(text: &str, name: &str) -> Option<String> {
    let analysis = extract(text);
    let actor = analysis
        .actors
        .iter()
        .find(|a| a.kind == ActorKind::Organization && a.name == name)
        .unwrap_or_else(|| panic!("no organization {name}: {:#?}", analysis.actors));
    actor.role.clone()
}

#[test]
fn the_kind_of_an_organization_before_its_name_is_its_description() {
    let text = "Shares fell sharply. The troubled insurance giant Norvale Insurance Group said it would cut jobs.";
    assert_eq!(organization_role(text, "Norvale Insurance Group").as_deref(), Some("troubled insurance giant"));
}

#[test]
fn the_kind_of_an_organization_after_its_name_is_its_description() {
    let text = "A spokesman told the Associated Press news agency that the talks had failed.";
    assert_eq!(organization_role(text, "Associated Press").as_deref(), Some("news agency"));
}

#[test]
fn a_preposition_ends_the_description_before_a_name() {
    let text = "An inquiry into collapsed retailer Hollis Stores Group has begun, the minister said.";
    assert_eq!(organization_role(text, "Hollis Stores Group").as_deref(), Some("collapsed retailer"));
}

#[test]
fn capitals_that_name_no_organization_are_no_actor() {
    let analysis = extract("The debate on TV starts at 2000 GMT, and the ID scheme will cost more, Maria Olsen said.");
    let names: Vec<&str> = analysis.actors.iter().map(|a| a.name.as_str()).collect();
    for junk in ["TV", "GMT", "ID"] {
        assert!(!names.contains(&junk), "{junk} is an actor: {names:?}");
    }
    assert!(names.iter().any(|n| n.ends_with("Olsen")), "{names:?}");
}

#[test]
fn letters_after_a_name_are_no_part_of_it() {
    let (name, _, _) = role_of("Barrister Helen Ashdown QC said the ruling was wrong.", "Ashdown");
    assert_eq!(name, "Helen Ashdown");
    let analysis = extract("The ruling was wrong, said Helen Ashdown QC, who led the appeal.");
    assert!(analysis.actors.iter().any(|a| a.name == "Helen Ashdown"), "{:#?}", analysis.actors);
}

#[test]
fn an_office_before_an_honorific_and_one_name_is_the_role() {
    let (name, role, _) =
        role_of("Former Transport Minister Lord Penhallow said the line must stay open.", "Penhallow");
    assert!(name.ends_with("Lord Penhallow") || name == "Penhallow", "{name}");
    assert!(role.as_deref().is_some_and(|r| r.ends_with("Transport Minister")), "{role:?}");
}

#[test]
fn an_organization_word_alone_is_no_organization() {
    let analysis = extract("He told BBC Radio 4's Today programme that Radio was dying, Anna Brink said.");
    assert!(analysis.actors.iter().all(|a| a.name != "Radio"), "{:#?}", analysis.actors);
}

#[test]
fn a_descriptive_noun_before_the_name_is_the_role() {
    let text = "Police are still questioning suspected arms smuggler Dario Venn about the shipment.";
    let (_, role, _) = role_of(text, "Venn");
    assert_eq!(role.as_deref(), Some("suspected arms smuggler"));
    // A participle that modifies the noun stays in the role.
    let (_, role, _) = role_of("The gym says its boxing coach Alma Reyes will stay on.", "Reyes");
    assert_eq!(role.as_deref(), Some("boxing coach"));
}

#[test]
fn a_plural_role_before_two_names_is_the_role_of_each() {
    let text = "The party says veteran union figures Carol Ambler and Dennis Fyfe will lead the review.";
    let analysis = extract(text);
    for surname in ["Ambler", "Fyfe"] {
        assert_eq!(person(&analysis, surname).role.as_deref(), Some("veteran union figure"), "{surname}");
    }
    // A plural before one name is an object, not a role.
    let (_, role, _) = role_of("The minister told reporters Carol Ambler would lead the review.", "Ambler");
    assert_eq!(role, None);
}

#[test]
fn a_bare_title_gives_way_to_the_role_set_off_by_a_comma_before_it() {
    let text = "The agency's research unit director, professor Lena Farrow, says the numbers are rising.";
    let (_, role, _) = role_of(text, "Farrow");
    assert!(role.as_deref().is_some_and(|r| r.ends_with("research unit director")), "{role:?}");
}

#[test]
fn a_relative_clause_between_the_role_and_the_name_is_no_part_of_the_role() {
    let text = "The coach who was sacked last season, Tom Beringer, says he has no regrets.";
    let (_, role, _) = role_of(text, "Beringer");
    assert_eq!(role.as_deref(), Some("coach"));
}

#[test]
fn the_kind_of_an_organization_in_an_apposition_after_its_name_is_its_description() {
    let text = "The attack was condemned by the Northern Freedom Council (NFC), an alliance of nine groups.";
    let role = organization_role(text, "Northern Freedom Council");
    assert_eq!(role.as_deref(), Some("alliance of nine groups"));
}

#[test]
fn the_kind_of_an_organization_set_off_by_a_comma_before_its_name_is_its_description() {
    let text = "Villagers were attacked by the rival hill militia, the Stone Ridge Movement, last week.";
    let role = organization_role(text, "Stone Ridge Movement");
    assert_eq!(role.as_deref(), Some("rival hill militia"));
}

#[test]
fn a_kind_of_organization_before_a_name_makes_it_an_organization() {
    let text = "Creditors of collapsed retailer Dunmore Pryce met on Monday to vote on the offer. \
                A former director of Dunmore Pryce will face court.";
    let analysis = extract(text);
    let Some(org) = analysis.actors.iter().find(|a| a.name == "Dunmore Pryce") else {
        panic!("no Dunmore Pryce: {:#?}", analysis.actors)
    };
    assert_eq!(org.kind, ActorKind::Organization);
    assert_eq!(org.role.as_deref(), Some("collapsed retailer"));
    // The name met again is the same organization, not a person.
    assert_eq!(org.mentions.len(), 2, "{:#?}", analysis.actors);
    assert!(analysis.actors.iter().all(|a| a.kind != ActorKind::Person), "{:#?}", analysis.actors);
}
