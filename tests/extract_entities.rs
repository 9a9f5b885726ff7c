//! The learned taggers and what they decide about names, on sentences written for these tests: the models
//! load and reach a floor; a capitalised phrase becomes a person only with evidence; places, events,
//! quantities, headlines and datelines are not actors; organizations without a suffix come from the tagger;
//! confidences and rules say what decided.

use dossier::extract::extract;
use dossier::model::{ActorKind, Analysis};
use dossier::tag::{self, EntityType, POS_TAGS, TagId, names_of};

fn persons(a: &Analysis) -> Vec<&str> {
    a.actors.iter().filter(|x| x.kind == ActorKind::Person).map(|x| x.name.as_str()).collect()
}

fn actor<'a>(a: &'a Analysis, name: &str) -> Option<&'a dossier::model::Actor> {
    a.actors.iter().find(|x| x.name == name)
}

/// A name of a fixture sentence: first token, end token, type.
type Gold = (usize, usize, EntityType);

/// Sentences with their names.
const FIXTURE: &[(&str, &[Gold])] = &[
    (
        "Maria Santos , a lawyer from Lisbon , joined Greenpeace in 2004 .",
        &[(0, 2, EntityType::Person), (6, 7, EntityType::Place), (9, 10, EntityType::Organization)],
    ),
    (
        "The Ford Foundation gave money to schools in Nairobi and Mombasa .",
        &[(1, 3, EntityType::Organization), (7, 8, EntityType::Place), (9, 10, EntityType::Place)],
    ),
    (
        "Peter Hughes met Angela Merkel in Berlin on Tuesday .",
        &[(0, 2, EntityType::Person), (3, 5, EntityType::Person), (6, 7, EntityType::Place)],
    ),
    (
        "Shares of Microsoft fell after the company warned about sales in Europe .",
        &[(2, 3, EntityType::Organization), (11, 12, EntityType::Place)],
    ),
    (
        "Robert Mugabe told the United Nations that Zimbabwe would not leave the Commonwealth .",
        &[
            (0, 2, EntityType::Person),
            (4, 6, EntityType::Organization),
            (7, 8, EntityType::Place),
            (12, 13, EntityType::Organization),
        ],
    ),
    (
        "Police in Sydney arrested John Smith , 34 , on Friday .",
        &[(2, 3, EntityType::Place), (4, 6, EntityType::Person)],
    ),
    (
        "Professor Helen Clarke of Oxford University said the results were clear .",
        &[(1, 3, EntityType::Person), (4, 6, EntityType::Organization)],
    ),
    (
        "Heavy rain flooded villages along the Mekong River in Laos .",
        &[(6, 8, EntityType::Place), (9, 10, EntityType::Place)],
    ),
];

#[test]
fn both_models_load() {
    let (Some(ner), Some(pos)) = (tag::ner(), tag::pos()) else { panic!("a model does not load") };
    assert_eq!(ner.n_tags(), tag::NER_TAGS.len());
    assert_eq!(pos.n_tags(), POS_TAGS.len());
}

#[test]
fn name_tagger_reaches_a_floor_on_written_sentences() {
    let Some(ner) = tag::ner() else { panic!("no name model") };
    let (mut tp, mut pred, mut gold) = (0, 0, 0);
    for (sentence, names) in FIXTURE {
        let words: Vec<&str> = sentence.split(' ').collect();
        let (tags, probs) = tag::tag_words(ner, &words, true);
        let found = names_of(&tags, &probs);
        pred += found.len();
        gold += names.len();
        tp += found.iter().filter(|n| names.contains(&(n.start, n.end, n.kind))).count();
    }
    let (p, r) = (tp as f64 / pred.max(1) as f64, tp as f64 / gold.max(1) as f64);
    let f = 2.0 * p * r / (p + r).max(1e-9);
    assert!(f >= 0.7, "name F1 {f:.3} (P {p:.3}, R {r:.3}) below the floor");
}

#[test]
fn pos_tagger_reaches_a_floor_on_written_sentences() {
    let Some(pos) = tag::pos() else { panic!("no part-of-speech model") };
    let cases: &[(&str, &str)] = &[
        ("The minister said that the talks would resume soon .", "DET NOUN VERB SCONJ DET NOUN AUX VERB ADV PUNCT"),
        ("Farmers in Kenya are worried about the rain .", "NOUN ADP PROPN AUX ADJ ADP DET NOUN PUNCT"),
        ("She quickly denied the new reports on Monday .", "PRON ADV VERB DET ADJ NOUN ADP PROPN PUNCT"),
        ("Two soldiers were killed and three were injured .", "NUM NOUN AUX VERB CCONJ NUM AUX VERB PUNCT"),
    ];
    let (mut right, mut total) = (0, 0);
    for (sentence, gold) in cases {
        let words: Vec<&str> = sentence.split(' ').collect();
        let (tags, _) = tag::tag_words(pos, &words, false);
        for (t, g) in tags.iter().zip(gold.split(' ')) {
            total += 1;
            right += usize::from(POS_TAGS[t.0 as usize] == g);
        }
    }
    let acc = right as f64 / total as f64;
    assert!(acc >= 0.85, "part-of-speech accuracy {acc:.3} below the floor");
}

#[test]
fn a_quantity_phrase_is_not_a_person() {
    let a = extract("Two residents said the water rose overnight. Several Villagers left their homes.");
    assert!(persons(&a).is_empty(), "{:?}", persons(&a));
}

#[test]
fn events_and_regions_are_not_actors() {
    let a = extract(
        "Thousands attended Easter Sunday Mass in the old cathedral. Fighting spread across the Swat Valley \
         and into North Waziristan, where the Kurram Agency border stayed closed during Ramadan.",
    );
    assert!(persons(&a).is_empty(), "{:?}", persons(&a));
}

#[test]
fn a_headline_in_capitals_gives_no_actors() {
    let a = extract("FLOOD WARNING ISSUED FOR COASTAL TOWNS\n\nHeavy rain is expected along the coast this week.");
    assert!(a.actors.is_empty(), "{:?}", a.actors.iter().map(|x| &x.name).collect::<Vec<_>>());
}

#[test]
fn a_dateline_is_not_an_actor() {
    let a = extract("GARISSA, Kenya (AP) - Aid workers reached the camp on Monday after the road reopened.");
    assert!(persons(&a).is_empty(), "{:?}", persons(&a));
}

#[test]
fn a_titled_person_is_sure_and_says_why() {
    let a = extract("Health Minister Ruth Kamau visited the clinic. Kamau said more nurses were needed.");
    let Some(kamau) = actor(&a, "Ruth Kamau") else { panic!("Ruth Kamau is no actor: {:?}", a.actors) };
    assert_eq!(kamau.kind, ActorKind::Person);
    assert!(kamau.confidence >= 0.8, "{}", kamau.confidence);
    assert_eq!(kamau.rule, "title + name");
    // The surname alone is the same person.
    assert_eq!(persons(&a), ["Ruth Kamau"]);
}

#[test]
fn a_person_named_without_a_title_needs_the_tagger_or_a_first_name() {
    let a = extract("Local teacher Daniel Otieno said the school had no books. Otieno has taught there for years.");
    let Some(otieno) = actor(&a, "Daniel Otieno") else { panic!("Daniel Otieno is no actor: {:?}", a.actors) };
    assert_eq!(otieno.kind, ActorKind::Person);
    assert!(!otieno.rule.is_empty());
}

#[test]
fn a_known_organization_says_it_came_from_the_list() {
    let a = extract("Amnesty International said the trial was unfair.");
    let Some(amnesty) = actor(&a, "Amnesty International") else {
        panic!("Amnesty International is no actor: {:?}", a.actors)
    };
    assert_eq!(amnesty.kind, ActorKind::Organization);
    assert_eq!(amnesty.rule, "organization list");
    assert!(amnesty.confidence >= 0.9);
}

#[test]
fn an_unsupported_capitalised_speaker_stays_below_one_half() {
    let a = extract("Said Nothing Happened, the Blue Lagoon told the inquiry it was closed.");
    for x in a.actors.iter().filter(|x| x.rule.contains("no tagger support")) {
        assert!(x.confidence < 0.5, "{} {}", x.name, x.confidence);
    }
}

#[test]
fn document_consistency_gives_a_surname_the_type_of_the_full_name() {
    let words: Vec<&str> = "Jane Okafor arrived . Later Okafor left .".split(' ').collect();
    let mut tags = vec![TagId::O; words.len()];
    tags[0] = EntityType::Person.tag(true);
    tags[1] = EntityType::Person.tag(false);
    tags[5] = EntityType::Place.tag(true);
    let mut probs = vec![0.9; words.len()];
    tag::harmonize(&words, &mut tags, &mut probs);
    assert_eq!(EntityType::of(tags[5]), Some(EntityType::Person));
}

#[test]
fn document_consistency_keeps_the_majority_type() {
    let words: Vec<&str> = "Kibera grew . Kibera is poor . Kibera said".split(' ').collect();
    let mut tags = vec![TagId::O; words.len()];
    tags[0] = EntityType::Place.tag(true);
    tags[3] = EntityType::Place.tag(true);
    tags[7] = EntityType::Person.tag(true);
    let mut probs = vec![0.8; words.len()];
    tag::harmonize(&words, &mut tags, &mut probs);
    assert_eq!(EntityType::of(tags[7]), Some(EntityType::Place));
}

#[test]
fn a_weak_reading_coordinated_with_a_sure_person_is_a_person() {
    // "Anna Berg and Tomas Qvist", then a list "Lind , Ekdahl , Moberg".
    let words: Vec<&str> = "Anna Berg and Tomas Qvist met . Lind , Ekdahl , Moberg played .".split(' ').collect();
    let mut tags = vec![TagId::O; words.len()];
    let mut probs = vec![1.0; words.len()];
    let mut set = |k: usize, kind: EntityType, begin: bool, p: f32| {
        tags[k] = kind.tag(begin);
        probs[k] = p;
    };
    set(0, EntityType::Person, true, 0.9);
    set(1, EntityType::Person, false, 0.9);
    set(3, EntityType::Organization, true, 0.3);
    set(4, EntityType::Organization, false, 0.3);
    set(7, EntityType::Place, true, 0.35);
    set(9, EntityType::Person, true, 0.8);
    set(11, EntityType::Person, true, 0.4);
    tag::harmonize(&words, &mut tags, &mut probs);
    for k in [3, 4, 7, 11] {
        assert_eq!(EntityType::of(tags[k]), Some(EntityType::Person), "{}", words[k]);
    }
    assert!(probs[11] > 0.6, "a weak person next to a sure one is surer: {}", probs[11]);
}

#[test]
fn a_sure_reading_of_another_type_stays_beside_a_person() {
    let words: Vec<&str> = "Anna Berg and Oxfam spoke .".split(' ').collect();
    let mut tags = vec![TagId::O; words.len()];
    tags[0] = EntityType::Person.tag(true);
    tags[1] = EntityType::Person.tag(false);
    tags[3] = EntityType::Organization.tag(true);
    let mut probs = vec![0.9; words.len()];
    tag::harmonize(&words, &mut tags, &mut probs);
    assert_eq!(EntityType::of(tags[3]), Some(EntityType::Organization));
}

#[test]
fn a_name_followed_by_an_age_or_a_country_in_parentheses_is_a_person() {
    let a = extract("Orvik Taalmann, 41, joined the club from Rennes in May.");
    assert!(persons(&a).contains(&"Orvik Taalmann"), "{:#?}", a.actors);
    let a =
        extract("Results of the men's 100 metres:\n1. Dariusz Wolnicki (Poland) 10.12\n2. Kwame Oduya (Ghana) 10.19\n");
    let people = persons(&a);
    assert!(people.contains(&"Dariusz Wolnicki") && people.contains(&"Kwame Oduya"), "{:#?}", a.actors);
    // A country in parentheses after a known organization does not make it a person.
    let a = extract("Amnesty International (Britain) said the trial was unfair.");
    assert!(!persons(&a).iter().any(|p| p.contains("Amnesty")), "{:#?}", a.actors);
}
