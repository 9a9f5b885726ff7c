//! The countries an article refers to and the countries of its actors, on texts written for these tests:
//! country forms inside hyphenated compounds, regions that stand for their country, organizations named
//! after a region, and party names written another way or after "leader of".

use dossier::extract::extract;
use dossier::model::{Actor, ActorKind, Article, ArticleMeta};

fn countries(text: &str) -> Vec<String> {
    extract(text).countries
}

fn article(text: &str) -> Article {
    from_outlet(text, None)
}

/// The article of `text`, analysed as the app analyses a file, with the outlet its metadata names.
fn from_outlet(text: &str, outlet: Option<&str>) -> Article {
    let meta = ArticleMeta { outlet: outlet.map(str::to_owned), ..ArticleMeta::default() };
    dossier::pipeline::analysed("a.txt".to_owned(), None, meta, text.to_owned())
}

fn actor<'a>(article: &'a Article, kind: ActorKind, ending: &str) -> &'a Actor {
    article
        .analysis
        .actors
        .iter()
        .find(|a| a.kind == kind && a.name.ends_with(ending))
        .unwrap_or_else(|| panic!("no {kind:?} named …{ending}: {:#?}", article.analysis.actors))
}

#[test]
fn a_country_inside_a_hyphenated_compound_is_referred_to() {
    let text = "Police said the Saudi-born banker had left the city. The US-led talks on the Israeli-Palestinian \
                dispute resumed on Monday.\n";
    let found = countries(text);
    for code in ["SA", "US", "IL", "PS"] {
        assert!(found.iter().any(|c| c == code), "{code} missing from {found:?}");
    }
}

#[test]
fn a_hyphenated_word_without_a_country_adds_none() {
    let text = "The well-known al-Hamra trading house said its long-term plans were unchanged.\n";
    assert_eq!(countries(text), Vec::<String>::new());
}

#[test]
fn a_region_stands_for_its_country() {
    let text = "Farmers in Bavaria say the drought is the worst in decades. Health officials in the Northern \
                Territory say the clinic will open next week.\n";
    let found = countries(text);
    assert!(found.iter().any(|c| c == "DE"), "{found:?}");
    assert!(found.iter().any(|c| c == "AU"), "{found:?}");
}

#[test]
fn a_region_name_in_lower_case_or_inside_a_word_is_no_place() {
    // "java" as a word and "Texasville" are no references to Indonesia or the United States.
    let text = "He ordered a cup of java at the Texasville diner, a spokesman said.\n";
    assert_eq!(countries(text), Vec::<String>::new());
}

#[test]
fn an_article_naming_only_a_region_is_written_from_its_country() {
    // The region makes the article Australian; the council and its spokeswoman are Australian too.
    let text = "The Northern Territory Rural Health Council says waiting lists have doubled. The council's \
                Mary Quill says more nurses are needed.\n";
    let a = article(text);
    assert_eq!(a.analysis.countries, vec!["AU".to_owned()]);
    let quill = actor(&a, ActorKind::Person, "Quill");
    assert_eq!(quill.country.as_deref(), Some("AU"), "{:?}", quill.country_evidence);
}

#[test]
fn an_organization_named_after_a_region_belongs_to_its_country() {
    // The text names France as well, so the article's country says nothing of the league.
    let text = "The Bavaria Dairy League said on Tuesday that milk prices would fall. France reported lower \
                prices too.\n";
    let a = article(text);
    let league = actor(&a, ActorKind::Organization, "Dairy League");
    assert_eq!(league.country.as_deref(), Some("DE"), "{:?}", league.country_evidence);
    assert!(league.country_evidence.as_deref().unwrap_or("").contains("Bavaria"), "{:?}", league.country_evidence);
}

#[test]
fn a_party_name_in_another_transliteration_is_the_party() {
    // The table writes the linking vowel "-e-"; the text writes "-i-" and adds "Party".
    let text = "The Muttahida Majlis-i-Amal Party said on Friday it would boycott the vote.\n";
    let a = article(text);
    let party = actor(&a, ActorKind::Organization, "Party");
    assert_eq!(party.country.as_deref(), Some("PK"), "{:#?}", a.analysis.actors);
}

#[test]
fn the_leader_of_a_party_gets_the_party_country() {
    // "People's" belongs to the party's name; the member noun comes before the party, with "of".
    let text = "Jane Roe, the parliamentary leader of the People's National Party, said the budget was unfair. \
                Kingston was quiet.\n";
    let a = article(text);
    let roe = actor(&a, ActorKind::Person, "Roe");
    assert_eq!(roe.country.as_deref(), Some("JM"), "{:?}", roe.country_evidence);
    assert!(
        roe.country_evidence.as_deref().unwrap_or("").contains("People's National Party"),
        "{:?}",
        roe.country_evidence
    );
}

fn collection(texts: &[&str]) -> Vec<Article> {
    let mut articles: Vec<Article> = texts.iter().map(|t| article(t)).collect();
    let mut refs: Vec<&mut Article> = articles.iter_mut().collect();
    dossier::entity::knowledge::apply_collection(&mut refs);
    articles
}

const FROM_AUSTRALIA: [&str; 3] = [
    "Commuters in Sydney faced long delays on Monday, rail staff said.\n",
    "Melbourne's new library opened on Friday, its director Tom Vail said.\n",
    "Farmers near Brisbane want more water, the growers' group said.\n",
];

#[test]
fn an_article_naming_no_country_in_a_collection_mostly_from_one_is_written_from_there() {
    let unnamed = "The Federal Opposition wants a review of toll roads. Transport spokeswoman Jane Quill says \
                   drivers pay too much.\n";
    let mut texts = FROM_AUSTRALIA.to_vec();
    texts.push(unnamed);
    let articles = collection(&texts);
    let a = &articles[3];
    // "The Federal Opposition" refers to the state the article is written from.
    assert_eq!(a.analysis.countries, vec!["AU".to_owned()]);
    let quill = actor(a, ActorKind::Person, "Quill");
    assert_eq!(quill.country.as_deref(), Some("AU"));
    assert!(quill.country_evidence.as_deref().unwrap_or("").contains("collection"), "{:?}", quill.country_evidence);
}

#[test]
fn a_collection_with_no_clear_home_gives_none() {
    let unnamed = "Transport spokeswoman Jane Quill says drivers pay too much.\n";
    let texts = [
        FROM_AUSTRALIA[0],
        FROM_AUSTRALIA[1],
        "Commuters in Glasgow faced long delays on Monday, rail staff said.\n",
        "Leeds's new library opened on Friday, its director Tom Vail said.\n",
        unnamed,
    ];
    let articles = collection(&texts);
    let a = &articles[4];
    assert!(a.analysis.countries.is_empty(), "{:?}", a.analysis.countries);
    assert_eq!(actor(a, ActorKind::Person, "Quill").country, None);
}

#[test]
fn an_article_of_a_known_outlet_that_refers_to_the_government_refers_to_its_country() {
    let text = "The Government says the new rail timetable will start in May, a spokesman said.\n";
    let article = from_outlet(text, Some("BBC News"));
    assert_eq!(article.analysis.countries, vec!["GB".to_owned()]);
}

#[test]
fn a_minister_named_without_a_country_in_a_collection_is_of_its_home_not_of_the_story() {
    // The story is mostly about Fiji; the minister the outlet names without a country is its own state's.
    // A president named that way keeps the story's country.
    let story = "Foreign Minister Jane Quill says Fiji should hold elections soon. Fiji's army took power \
                 last month, and flights from Tonga and Samoa were cut. President Ratu Vale says the army will keep order \
                 in Fiji.\n";
    let mut texts = FROM_AUSTRALIA.to_vec();
    texts.push(story);
    let articles = collection(&texts);
    let a = &articles[3];
    let quill = actor(a, ActorKind::Person, "Quill");
    assert_eq!(quill.country.as_deref(), Some("AU"), "{:?}", quill.country_evidence);
    assert!(
        quill.country_evidence.as_deref().unwrap_or("").contains("Foreign Minister"),
        "{:?}",
        quill.country_evidence
    );
    // Alone, the article gives her the country it is about.
    let alone = article(story);
    assert_eq!(actor(&alone, ActorKind::Person, "Quill").country.as_deref(), Some("FJ"));
    assert_eq!(actor(a, ActorKind::Person, "Vale").country.as_deref(), Some("FJ"));
}

#[test]
fn a_country_name_that_is_also_a_party_word_does_not_make_the_article_that_party_country() {
    // "Samoa" is the member form of a small party of Samoa; here it only names the country, one of two.
    let a = article("Flights to Samoa and Fiji resumed on Monday, airline staff said.\n");
    assert_eq!(dossier::entity::knowledge().home(&a), None);
}

#[test]
fn a_small_party_word_before_a_member_noun_does_not_make_the_article_that_party_country() {
    // "Commonwealth" is the member form of a small party; "Commonwealth ministers" are not its members.
    let a = article("Commonwealth ministers will meet in London on Monday to discuss the election, officials said.\n");
    assert_ne!(dossier::entity::knowledge().home(&a).map(|h| h.country), Some("GI".to_owned()));
    // A major party's member form before a member noun still tells where the article is written from.
    let b = article("Tory MP Jane Quill said the tax would rise.\n");
    assert_eq!(dossier::entity::knowledge().home(&b).map(|h| h.country), Some("GB".to_owned()));
}

#[test]
fn a_body_named_with_its_state_does_not_make_the_article_that_state() {
    // An outlet names its own state's bodies bare; "the United States Congress" is named as a foreign one.
    let a =
        article("The United States Congress passed the farm bill, and Canberra says Australian farmers will suffer.\n");
    assert_ne!(dossier::entity::knowledge().home(&a).map(|h| h.country), Some("US".to_owned()));
    let b = article("Congress passed the farm bill on Friday, White House officials said.\n");
    assert_eq!(dossier::entity::knowledge().home(&b).map(|h| h.country), Some("US".to_owned()));
}

#[test]
fn an_office_holder_takes_the_first_named_of_the_countries_mentioned_most() {
    // Fiji and Tonga are named once each: the article leads with Fiji.
    let analysis = extract("Finance Minister Jane Quill says Fiji will cut spending. Tonga's exports fell.\n");
    let quill = analysis.actors.iter().find(|a| a.name.ends_with("Quill"));
    let quill = quill.unwrap_or_else(|| panic!("no actor named …Quill: {:#?}", analysis.actors));
    assert_eq!(quill.country.as_deref(), Some("FJ"), "{:?}", quill.country_evidence);
}

#[test]
fn a_portfolio_minister_is_a_national_office() {
    // "Agriculture Minister" is an office every state has: in a British outlet's article, a British one.
    let text = "Agriculture Minister Jane Quill said the drought would cut the harvest.\n";
    let a = from_outlet(text, Some("BBC News"));
    let quill = actor(&a, ActorKind::Person, "Quill");
    assert_eq!(quill.country.as_deref(), Some("GB"), "{:?}", quill.country_evidence);
    assert!(
        quill.country_evidence.as_deref().unwrap_or("").contains("Agriculture Minister"),
        "{:?}",
        quill.country_evidence
    );
}

#[test]
fn a_demonym_opening_the_description_before_a_name_gives_the_person_its_country() {
    let analysis = extract("Rafter overcame an injury to defeat Kenyan number one Paul Odhiambo in three sets.\n");
    let runner = analysis.actors.iter().find(|a| a.name.ends_with("Odhiambo"));
    let runner = runner.unwrap_or_else(|| panic!("no actor named …Odhiambo: {:#?}", analysis.actors));
    assert_eq!(runner.country.as_deref(), Some("KE"), "{:?}", runner.country_evidence);
    assert_eq!(runner.country_evidence.as_deref(), Some("Kenyan number one"));
    // A verb between the demonym and the name breaks the description.
    let analysis = extract("Kenyan officials told reporters Paul Odhiambo had left, a spokesman said.\n");
    let runner = analysis.actors.iter().find(|a| a.name.ends_with("Odhiambo"));
    assert!(runner.is_none_or(|a| a.country.is_none()), "{runner:#?}");
}
