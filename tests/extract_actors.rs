//! Which names are actors, and how one actor's mentions are kept together: small patterns in words of our
//! own, one test per way news writes them.

use dossier::extract::extract;
use dossier::model::{Actor, ActorKind, Analysis};

fn named<'a>(analysis: &'a Analysis, name: &str) -> Option<&'a Actor> {
    analysis.actors.iter().find(|a| a.name == name)
}

fn names(analysis: &Analysis) -> Vec<&str> {
    analysis.actors.iter().map(|a| a.name.as_str()).collect()
}

#[test]
fn a_listed_organization_is_named_as_the_text_names_it() {
    // The text says only the acronym: the card says it too, as an analyst would look it up.
    let a = extract("The ceasefire held overnight, a police chief told the AFP news agency on Monday.");
    let Some(afp) = named(&a, "AFP") else { panic!("no actor named AFP: {:?}", names(&a)) };
    assert_eq!(afp.kind, ActorKind::Organization);
    // The fullest form the text gives wins, and both forms stay one actor.
    let a = extract(
        "Agence France-Presse (AFP) reported the blast. Witnesses told AFP that three buildings had collapsed.",
    );
    let orgs: Vec<&Actor> = a.actors.iter().filter(|x| x.kind == ActorKind::Organization).collect();
    assert_eq!(orgs.len(), 1, "{:?}", names(&a));
    assert_eq!(orgs[0].name, "Agence France-Presse");
    assert!(orgs[0].mentions.len() >= 2, "{:?}", orgs[0].mentions);
}

#[test]
fn a_name_with_a_particle_inside_is_a_person() {
    let text = "Investigators believe Karim bin Hadi planned the attack from abroad. \
                Officials said bin Hadi had left the region weeks earlier.";
    let a = extract(text);
    let Some(p) = named(&a, "Karim bin Hadi") else { panic!("no Karim bin Hadi: {:?}", names(&a)) };
    assert_eq!(p.kind, ActorKind::Person);
    assert!(p.confidence >= 0.5, "{}", p.confidence);
}

#[test]
fn a_surname_with_its_particle_attached_stays_in_the_name() {
    let a = extract("Rescuers said farmer Pieter vanRensburg was still missing after the flood.");
    assert!(named(&a, "Pieter vanRensburg").is_some(), "{:?}", names(&a));
    assert!(named(&a, "Pieter").is_none(), "{:?}", names(&a));
}

#[test]
fn a_name_that_only_modifies_a_place_is_no_actor() {
    let text = "Protesters marched from the Larkfield shopping centre to the Danvers community hall, \
                then blocked the corner of Hobson and Ferris streets, organiser Mary Quill said.";
    let a = extract(text);
    for junk in ["Larkfield", "Danvers", "Hobson", "Ferris"] {
        assert!(a.actors.iter().all(|x| !x.name.contains(junk)), "{junk} is an actor: {:?}", names(&a));
    }
    assert!(named(&a, "Mary Quill").is_some(), "{:?}", names(&a));
}

#[test]
fn an_acronym_of_an_earlier_name_is_the_same_organization() {
    let text = "The Maritime Transport Workers Union says the port will close on Friday. \
                MTWU members voted to strike after talks failed.";
    let a = extract(text);
    let orgs: Vec<&Actor> = a.actors.iter().filter(|x| x.kind == ActorKind::Organization).collect();
    assert_eq!(orgs.len(), 1, "{:#?}", orgs);
    assert_eq!(orgs[0].name, "Maritime Transport Workers Union");
    assert_eq!(orgs[0].mentions.len(), 2);
}

#[test]
fn an_organization_word_alone_refers_back_to_the_name_it_ends() {
    let text = "Fighters of the Eastern Alliance took the town on Sunday. \
                The Alliance later said it had lost four men.";
    let a = extract(text);
    let orgs: Vec<&str> =
        a.actors.iter().filter(|x| x.kind == ActorKind::Organization).map(|x| x.name.as_str()).collect();
    assert_eq!(orgs, ["Eastern Alliance"]);
}

#[test]
fn a_country_born_description_refers_back_to_the_person_and_gives_the_country() {
    // The person who speaks, already described by a role, is not the one the description is about.
    let text = "Police say Jon Halvorsen fled before the trial began. \
                Police spokesman Ola Brekke says the Norwegian-born fugitive is hiding in the mountains.";
    let a = extract(text);
    let Some(p) = named(&a, "Jon Halvorsen") else { panic!("no Jon Halvorsen: {:?}", names(&a)) };
    assert_eq!(p.country.as_deref(), Some("NO"));
    assert!(p.mentions.iter().any(|m| m.text(text).contains("Norwegian-born")), "{:?}", p.mentions);
    // The description is not the speaker's (he may still serve the country the article is about).
    let Some(q) = named(&a, "Ola Brekke") else { panic!("no Ola Brekke: {:?}", names(&a)) };
    assert!(!q.mentions.iter().any(|m| m.text(text).contains("Norwegian-born")), "{:?}", q.mentions);
    assert!(!q.country_evidence.as_deref().unwrap_or("").contains("born"), "{:?}", q.country_evidence);
}

#[test]
fn a_name_that_modifies_a_role_before_a_person_is_no_person() {
    let text = "The Coastal Dockers Workers Union called the strike. \
                CDWU Tasmanian secretary Joanne Breck says members will not return.";
    let a = extract(text);
    let persons: Vec<&str> = a.actors.iter().filter(|x| x.kind == ActorKind::Person).map(|x| x.name.as_str()).collect();
    assert_eq!(persons, ["Joanne Breck"]);
    // The acronym that opens the role is the union named before.
    let Some(union) = a.actors.iter().find(|x| x.kind == ActorKind::Organization) else {
        panic!("the union is no actor: {:?}", names(&a))
    };
    assert_eq!(union.mentions.len(), 2, "{union:?}");
}

#[test]
fn an_organization_word_with_its_joining_word_makes_a_sure_organization() {
    let a = extract("The Royal Commission into the Harbour Industry heard from six witnesses on Tuesday.");
    let Some(org) = a.actors.iter().find(|x| x.kind == ActorKind::Organization) else {
        panic!("no organization: {:?}", names(&a))
    };
    assert!(org.name.starts_with("Royal Commission into"), "{}", org.name);
    assert!(org.confidence >= 0.8, "{} {}", org.confidence, org.rule);
}

#[test]
fn capitalised_common_words_up_to_an_organization_word_are_an_organization() {
    let a = extract("The complaint went to the Water Safety Bureau on Monday, lawyer Ann Hale said.");
    let orgs: Vec<&str> =
        a.actors.iter().filter(|x| x.kind == ActorKind::Organization).map(|x| x.name.as_str()).collect();
    assert_eq!(orgs, ["Water Safety Bureau"]);
    // Modifiers of an office before the organization word are part of the name too.
    let a = extract("The case went to the Federal Court last week, lawyer Ann Hale said.");
    let orgs: Vec<&str> =
        a.actors.iter().filter(|x| x.kind == ActorKind::Organization).map(|x| x.name.as_str()).collect();
    assert_eq!(orgs, ["Federal Court"]);
}

#[test]
fn the_end_of_an_earlier_organization_name_is_that_organization() {
    let text = "The Northern Maritime Safety Bureau released its report on Monday. \
                Investigators at the Maritime Safety Bureau said the engine had failed.";
    let a = extract(text);
    let orgs: Vec<&Actor> = a.actors.iter().filter(|x| x.kind == ActorKind::Organization).collect();
    assert_eq!(orgs.len(), 1, "{:?}", names(&a));
    assert_eq!(orgs[0].name, "Northern Maritime Safety Bureau");
    assert_eq!(orgs[0].mentions.len(), 2);
    // The short form first, the full name after: one organization under the full name.
    let text = "Investigators at the Maritime Safety Bureau said the engine had failed. \
                The Northern Maritime Safety Bureau released its report on Monday.";
    let a = extract(text);
    let orgs: Vec<&Actor> = a.actors.iter().filter(|x| x.kind == ActorKind::Organization).collect();
    assert_eq!(orgs.len(), 1, "{:?}", names(&a));
    assert_eq!(orgs[0].name, "Northern Maritime Safety Bureau");
    // A rank before the name is no part of it.
    let a = extract("Senior Maritime Safety Bureau officials met the minister on Monday.");
    assert!(a.actors.iter().all(|x| !x.name.starts_with("Senior")), "{:?}", names(&a));
}

#[test]
fn two_organizations_joined_by_and_stay_two() {
    let a = extract("Leaders of the Popular Resistance Front and Hamas met in the city on Sunday.");
    let orgs: Vec<&str> =
        a.actors.iter().filter(|x| x.kind == ActorKind::Organization).map(|x| x.name.as_str()).collect();
    assert!(orgs.contains(&"Hamas"), "{orgs:?}");
    assert!(orgs.iter().all(|o| !o.contains(" and ")), "{orgs:?}");
}

#[test]
fn an_initial_before_a_surname_writes_a_person_and_keeps_its_full_stop() {
    let text = "The committee heard from R. Okonkwo and J. Vasquez before lunch. \
                Senator Alan T. Brody chaired the hearing.";
    let a = extract(text);
    for name in ["R. Okonkwo", "J. Vasquez", "Alan T. Brody"] {
        let Some(p) = named(&a, name) else { panic!("no {name}: {:?}", names(&a)) };
        assert_eq!(p.kind, ActorKind::Person, "{name}");
    }
    // The initial is no person of its own, and the name does not stop at it.
    for part in ["R", "J", "Alan T", "Brody"] {
        assert!(named(&a, part).is_none(), "{part} is an actor: {:?}", names(&a));
    }
}

#[test]
fn an_occupation_or_a_relative_clause_describes_a_name_as_a_person() {
    // Names the tagger alone may not know: the words around them say they are people.
    let text = "The deal was welcomed by trader Oyelaran Batbold. \
                Tevita Maka, who runs the harbour ferry, said prices would rise. \
                The harbour master, a retired engineer, spoke to his neighbour, Sione Latu, on Friday. \
                Malakai Fifita, a fisherman from the north, disagreed.";
    let a = extract(text);
    for name in ["Oyelaran Batbold", "Tevita Maka", "Sione Latu", "Malakai Fifita"] {
        let Some(p) = named(&a, name) else { panic!("no {name}: {:?}", names(&a)) };
        assert_eq!(p.kind, ActorKind::Person, "{name}");
    }
    // ", who" describes the whole phrase before it, and an opening word is capitalised by its place.
    let a = extract("Lord Ashcombe of Wexbridge, who chaired the panel, spoke first. Frankly, who could blame him?");
    for junk in ["Wexbridge", "Frankly"] {
        assert!(named(&a, junk).is_none(), "{junk} is an actor: {:?}", names(&a));
    }
}

#[test]
fn a_given_name_alone_refers_to_the_one_person_it_begins() {
    let text = "Squash champion Jahangir Qadri lost in the final on Sunday. \
                Jahangir said afterwards that he had been unwell all week.";
    let a = extract(text);
    let Some(p) = named(&a, "Jahangir Qadri") else { panic!("no Jahangir Qadri: {:?}", names(&a)) };
    assert!(p.mentions.len() >= 2, "{:?}", p.mentions);
    assert!(named(&a, "Jahangir").is_none(), "{:?}", names(&a));
    let said = a.statements.iter().find(|s| s.cue == "said").map(|s| s.speaker.clone());
    assert_eq!(said, Some(Some(p.id.clone())));
}

#[test]
fn given_names_of_other_countries_are_evidence_of_a_person() {
    // Given names outside the US census lists (Turkish, Dutch, Czech): with a second name after them.
    let text = "The squad for the qualifier includes Hakan Yildirimoglu, Gert Vanderwiele and Radek Sklenar.";
    let a = extract(text);
    for name in ["Hakan Yildirimoglu", "Gert Vanderwiele", "Radek Sklenar"] {
        let Some(p) = named(&a, name) else { panic!("no {name}: {:?}", names(&a)) };
        assert_eq!(p.kind, ActorKind::Person, "{name}");
    }
}
