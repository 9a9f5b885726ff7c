//! One actor across articles, on texts written for these tests: the same person in several articles is one
//! entity, people of the same surname stay apart, a role joins only where its article names the holder, and
//! a party member gets the party's country with the evidence shown.

use dossier::entity::{Overrides, resolve_articles};
use dossier::model::{Actor, ActorKind, Article, ArticleMeta};

fn article(source: &str, text: &str) -> Article {
    dossier::pipeline::analysed(source.to_owned(), None, ArticleMeta::default(), text.to_owned())
}

fn actor<'a>(article: &'a Article, surname: &str) -> &'a Actor {
    article
        .analysis
        .actors
        .iter()
        .find(|a| a.kind == ActorKind::Person && a.name.ends_with(surname))
        .unwrap_or_else(|| panic!("no person named …{surname} in {}: {:#?}", article.source, article.analysis.actors))
}

#[test]
fn the_same_person_in_three_articles_is_one_entity() {
    let mut articles = vec![
        article("a.txt", "Tony Blair said the plan would cut waiting lists.\n\nMr Blair spoke in Leeds on Monday.\n"),
        article("b.txt", "The plan is too costly, Michael Howard said. Tony Blair said he disagreed.\n"),
        article("c.txt", "Mr Blair told reporters the talks would go on.\n"),
    ];
    resolve_articles(&mut articles, Overrides::default());
    let ids: Vec<_> = articles.iter().map(|a| actor(a, "Blair").entity.clone()).collect();
    assert!(ids[0].is_some());
    assert_eq!(ids[0], ids[1]);
    assert_eq!(ids[1], ids[2]);
    assert_ne!(actor(&articles[1], "Howard").entity, ids[0]);
}

#[test]
fn people_of_one_surname_with_different_given_names_stay_apart() {
    let mut articles = vec![
        article("a.txt", "John Smith said the factory would close in May.\n"),
        article("b.txt", "Mary Smith said the school would stay open.\n"),
        article("c.txt", "John Smith said again that the factory would close.\n"),
    ];
    resolve_articles(&mut articles, Overrides::default());
    let john = actor(&articles[0], "Smith").entity.clone();
    let mary = actor(&articles[1], "Smith").entity.clone();
    assert_ne!(john, mary);
    assert_eq!(actor(&articles[2], "Smith").entity, john);
}

#[test]
fn people_of_one_surname_and_name_from_different_countries_stay_apart() {
    let mut articles = vec![
        article("a.txt", "Canadian minister David Clark said the border would stay open.\n"),
        article("b.txt", "Australian senator David Clark said the mine would close.\n"),
    ];
    resolve_articles(&mut articles, Overrides::default());
    let (a, b) = (actor(&articles[0], "Clark"), actor(&articles[1], "Clark"));
    assert_eq!(a.country.as_deref(), Some("CA"));
    assert_eq!(b.country.as_deref(), Some("AU"));
    assert_ne!(a.entity, b.entity);
}

#[test]
fn the_prime_minister_joins_only_where_the_article_names_the_holder() {
    let mut articles = vec![
        article(
            "named.txt",
            "Prime Minister Tony Blair said the vote would be close. The prime minister added that he was confident.\n",
        ),
        article("other.txt", "Tony Blair said the economy was strong.\n"),
        article("unnamed.txt", "The prime minister said the vote would be close, officials reported.\n"),
    ];
    resolve_articles(&mut articles, Overrides::default());
    let blair = actor(&articles[1], "Blair").entity.clone();
    assert_eq!(actor(&articles[0], "Blair").entity, blair);
    // In the article that names no one, no actor joins Tony Blair's entity.
    assert!(articles[2].analysis.actors.iter().all(|a| a.entity != blair), "{:#?}", articles[2].analysis.actors);
}

#[test]
fn a_party_member_gets_the_party_country_with_the_evidence() {
    let a = article("a.txt", "Tory leader Michael Howard said the tax would rise under Labour.\n");
    let howard = actor(&a, "Howard");
    assert_eq!(howard.country.as_deref(), Some("GB"));
    let evidence = howard.country_evidence.as_deref().unwrap_or("");
    assert!(evidence.contains("member of the Conservatives (GB)"), "{evidence}");

    // "(Lab)" is the short name of several Labour parties: the Commons makes it the British one.
    let b = article("b.txt", "\"We will win,\" said Ann Keen (Lab), who chairs the Commons committee.\n");
    let keen = actor(&b, "Keen");
    assert_eq!(keen.country.as_deref(), Some("GB"), "{:?}", keen.country_evidence);
}

#[test]
fn the_text_wins_over_knowledge() {
    // The text makes him Australian; "Labour" (also a British party) must not change that.
    let a = article(
        "a.txt",
        "Australian Trade Minister Peter Walsh, a former Labour MP, said the tariff would hurt farmers.\n",
    );
    assert_eq!(actor(&a, "Walsh").country.as_deref(), Some("AU"));
}

#[test]
fn a_national_office_takes_the_country_the_article_is_written_from() {
    let text = "LONDON (Reuters) - The Home Office said the rules would change. Foreign Minister Jane Doe said \
                the talks would resume.\n";
    let a = article("a.txt", text);
    let doe = actor(&a, "Doe");
    assert_eq!(doe.country.as_deref(), Some("GB"));
    assert!(doe.country_evidence.as_deref().unwrap_or("").contains("national office"), "{:?}", doe.country_evidence);
}

#[test]
fn an_entity_passes_its_country_to_articles_that_do_not_give_it() {
    let mut articles = vec![
        article("a.txt", "Tory leader Michael Howard said the tax would rise.\n"),
        article("b.txt", "Michael Howard said he would visit the school.\n"),
    ];
    resolve_articles(&mut articles, Overrides::default());
    let howard = actor(&articles[1], "Howard");
    assert_eq!(howard.country.as_deref(), Some("GB"));
    assert!(howard.country_evidence.as_deref().unwrap_or("").contains("another article"));
}

/// The knowledge pass reads the words before every mention; a curly quotation mark or dash there is a
/// character of several bytes and must be skipped whole (slicing one byte into it once panicked).
#[test]
fn curly_quotes_and_dashes_before_a_mention_are_read_whole() {
    for text in [
        "“We will not give in,” Labour MP Jane Porter said on Monday.\n",
        "“We will not give in.” Tory leader Michael Grant said so too.\n",
        "Voters were “angry” — Conservative MP Alan Reed told the BBC — and “tired”.\n",
        "«Nein», sagte der SPD-Abgeordnete Karl Weber. “Not now”; Karl Weber left.\n",
    ] {
        let read = article("quotes.txt", text);
        assert!(!read.analysis.actors.is_empty(), "no actor found in {text:?}");
    }
}

fn organization<'a>(article: &'a Article, name: &str) -> Option<&'a Actor> {
    article.analysis.actors.iter().find(|a| a.kind == ActorKind::Organization && a.name == name)
}

#[test]
fn a_party_named_by_its_name_and_by_a_member_word_is_one_actor() {
    let text = "The Conservative Party will cut taxes, its leader said. The Tories want lower spending, and a \
                Tory spokesman said the plan was costed. The Labour Party said it was not.\n";
    let a = article("a.txt", text);
    let parties: Vec<&Actor> = a
        .analysis
        .actors
        .iter()
        .filter(|x| x.kind == ActorKind::Organization && x.name != "Labour Party")
        .filter(|x| x.name.contains("Conservative") || x.name.starts_with("Tor"))
        .collect();
    assert_eq!(parties.len(), 1, "{:#?}", a.analysis.actors);
    assert_eq!(parties[0].name, "Conservative Party");
    assert!(parties[0].mentions.len() >= 2, "{:?}", parties[0].mentions);
    // Statements of the word that went keep a speaker that is still there.
    for s in &a.analysis.statements {
        if let Some(id) = &s.speaker {
            assert!(a.analysis.actor(id).is_some(), "speaker {id} is gone");
        }
    }
}

#[test]
fn a_short_form_of_a_chamber_is_the_chamber_across_articles() {
    let mut articles = vec![
        article("a.txt", "The House of Commons voted on the bill on Tuesday, the Speaker said.\n"),
        article("b.txt", "MPs said the Commons would sit late. Lords said it would debate the bill next week.\n"),
        article("c.txt", "The House of Lords rejected the bill, peers said.\n"),
    ];
    resolve_articles(&mut articles, Overrides::default());
    let commons = |a: &Article, name: &str| organization(a, name).and_then(|x| x.entity.clone());
    let full = commons(&articles[0], "House of Commons");
    assert!(full.is_some(), "{:#?}", articles[0].analysis.actors);
    assert_eq!(commons(&articles[1], "Commons"), full);
    // "Lords" alone is the chamber, not a person, and the same entity as its full name.
    let lords = commons(&articles[1], "Lords");
    assert!(lords.is_some(), "{:#?}", articles[1].analysis.actors);
    assert_eq!(commons(&articles[2], "House of Lords"), lords);
    assert_ne!(lords, full);
}

#[test]
fn a_channel_of_a_broadcaster_is_the_broadcaster_across_articles() {
    let mut articles = vec![
        article("a.txt", "The BBC said the debate would be shown live.\n"),
        article("b.txt", "BBC2 said the plan was sound. The BBC said it would ask again.\n"),
    ];
    resolve_articles(&mut articles, Overrides::default());
    let bbc = organization(&articles[0], "BBC").and_then(|x| x.entity.clone());
    assert!(bbc.is_some(), "{:#?}", articles[0].analysis.actors);
    let station = organization(&articles[1], "BBC2").and_then(|x| x.entity.clone());
    assert!(station.is_some(), "{:#?}", articles[1].analysis.actors);
    assert_eq!(station, bbc);
    assert_eq!(organization(&articles[1], "BBC").and_then(|x| x.entity.clone()), bbc);
}

#[test]
fn a_person_named_without_a_country_takes_the_country_the_article_is_mostly_about() {
    let text = "Farmers in Norway say the drought is the worst in decades. Norway's dry summer cut the harvest by \
                a third, and Sweden fared little better. Ola Brekke said his wheat had failed.\n";
    let a = article("a.txt", text);
    let brekke = actor(&a, "Brekke");
    assert_eq!(brekke.country.as_deref(), Some("NO"));
    let evidence = brekke.country_evidence.as_deref().unwrap_or("");
    assert!(evidence.contains("mostly about Norway"), "{evidence}");
}

#[test]
fn the_country_of_an_article_gives_way_to_the_country_an_actor_has_elsewhere() {
    let mut articles = vec![
        article("a.txt", "Tory leader Michael Howard said the tax would rise.\n"),
        article(
            "b.txt",
            "Troops in Iraq will stay until the vote in Iraq is over, Iraq's government said. Michael Howard said \
             he agreed.\n",
        ),
    ];
    resolve_articles(&mut articles, Overrides::default());
    let (first, second) = (actor(&articles[0], "Howard"), actor(&articles[1], "Howard"));
    assert_eq!(first.entity, second.entity);
    assert_eq!(second.country.as_deref(), Some("GB"), "{:?}", second.country_evidence);
    assert!(second.country_evidence.as_deref().unwrap_or("").contains("another article"));
}

#[test]
fn a_party_named_before_a_member_noun_is_an_actor_of_the_article() {
    let a = article("a.txt", "Lib Dem leader Harriet Moss said the Commons vote would be close.\n");
    let party = organization(&a, "Liberal Democrats");
    assert!(party.is_some(), "{:#?}", a.analysis.actors);
    let party = party.unwrap_or_else(|| unreachable!());
    assert_eq!(party.country.as_deref(), Some("GB"));
    assert_eq!(party.mentions.len(), 1);
    assert_eq!(party.mentions[0].text(&a.text), "Lib Dem");
    // A plain word that is also the name of a small party far away is no party.
    let b = article("b.txt", "The Islamic leader Omar Haidari said the talks in Kabul would resume.\n");
    assert!(b.analysis.actors.iter().all(|x| x.kind != ActorKind::Organization), "{:#?}", b.analysis.actors);
}

#[test]
fn a_party_member_named_by_party_and_noun_alone_is_no_named_actor() {
    let a = article("a.txt", "A Conservative MP said the bill was rushed, and Labour disagreed.\n");
    assert!(
        a.analysis.actors.iter().all(|x| x.name != "Conservative MP" || x.kind == ActorKind::Anonymous),
        "{:#?}",
        a.analysis.actors
    );
}

#[test]
fn a_seat_of_government_speaking_is_an_organization_of_its_country() {
    let a = article("a.txt", "Downing Street said the review would be published in May.\n");
    let seat = organization(&a, "Downing Street");
    assert!(seat.is_some(), "{:#?}", a.analysis.actors);
    let seat = seat.unwrap_or_else(|| unreachable!());
    assert_eq!(seat.country.as_deref(), Some("GB"));
    let speakers: Vec<&str> = a.analysis.statements.iter().filter_map(|s| s.speaker.as_deref()).collect();
    assert_eq!(speakers, vec![seat.id.as_str()], "{:#?}", a.analysis.statements);
}
