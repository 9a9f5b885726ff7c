//! The order a dossier is read in, shared by the briefings and the app's dossier panel: key actors once per
//! entity with the articles they appear in, statements grouped by their speaker's entity (in order of
//! first appearance) and each speaker's statements oldest first; and the timeline of all statements by
//! the date of their articles. Undated cards come last, in the analyst's order.

use crate::entity::duplicates::entity_groups;
use crate::model::{ActorKind, Dossier, DossierCard, Section, SourceRef};

/// One entity of a dossier and its cards.
#[derive(Clone, Debug)]
pub struct Speaker<'a> {
    /// The entity's name: the fullest of its cards' entity names.
    pub name: &'a str,
    pub kind: ActorKind,
    /// The first role and country its cards give.
    pub role: Option<&'a str>,
    pub country: Option<&'a str>,
    /// Its cards: key actors in the analyst's order, statements oldest first.
    pub cards: Vec<&'a DossierCard>,
}

impl Speaker<'_> {
    /// Every source of its cards, each article once, in order.
    pub fn sources(&self) -> Vec<&SourceRef> {
        let mut seen: Vec<&SourceRef> = Vec::new();
        for source in self.cards.iter().flat_map(|c| c.sources()) {
            if !seen.iter().any(|s| same_article(s, source)) {
                seen.push(source);
            }
        }
        seen
    }
}

/// Whether two sources are one article (by hash, else by path).
pub fn same_article(a: &SourceRef, b: &SourceRef) -> bool {
    if a.hash.is_empty() || b.hash.is_empty() { a.path == b.path && a.hash == b.hash } else { a.hash == b.hash }
}

/// The cards of one section grouped by entity, in order of first appearance; statements oldest first.
pub fn speakers(dossier: &Dossier, section: Section) -> Vec<Speaker<'_>> {
    let cards: Vec<&DossierCard> = dossier.section(section).collect();
    let groups = entity_groups(&cards);
    let count = groups.iter().max().map_or(0, |g| g + 1);
    let mut members: Vec<Vec<&DossierCard>> = vec![Vec::new(); count];
    for (card, group) in cards.into_iter().zip(groups) {
        members[group].push(card);
    }
    members
        .into_iter()
        .map(|mut cards| {
            if section != Section::KeyActors {
                by_date(&mut cards);
            }
            speaker(cards)
        })
        .collect()
}

fn speaker(cards: Vec<&DossierCard>) -> Speaker<'_> {
    let named = |c: &DossierCard| c.kind != ActorKind::Anonymous && c.entity_name() != "unknown";
    let fullest = cards
        .iter()
        .filter(|c| named(c))
        .max_by_key(|c| (c.entity_name().split_whitespace().count(), std::cmp::Reverse(c.entity_name().len())))
        .or(cards.first());
    let text = |f: fn(&DossierCard) -> Option<&str>| cards.iter().find_map(|c| f(c).filter(|t| !t.trim().is_empty()));
    Speaker {
        name: fullest.map_or("", |c| c.entity_name()),
        kind: fullest.map_or(ActorKind::Anonymous, |c| c.kind),
        role: text(|c| c.role.as_deref()),
        country: text(|c| c.country.as_deref()),
        cards,
    }
}

/// Sorts cards by the date of their earliest source, undated last; otherwise in the given order.
pub fn by_date(cards: &mut [&DossierCard]) {
    cards.sort_by(|a, b| match (a.published(), b.published()) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
}

/// Every statement of the dossier by date (both sections), undated last.
pub fn timeline(dossier: &Dossier) -> Vec<&DossierCard> {
    let mut cards: Vec<&DossierCard> = dossier.cards.iter().filter(|c| c.is_statement()).collect();
    by_date(&mut cards);
    cards
}

/// Whether any card of the dossier has a dated source (then every statement shows its date).
pub fn has_dates(dossier: &Dossier) -> bool {
    dossier.cards.iter().any(|c| c.published().is_some())
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2024-05-12` → `12 May 2024`, `2024-05` → `May 2024`; anything else as it is.
pub fn human_date(date: &str) -> String {
    let parts: Vec<&str> = date.trim().split('-').collect();
    let month = parts.get(1).and_then(|m| m.parse::<usize>().ok()).filter(|m| (1..=12).contains(m));
    let day = parts.get(2).and_then(|d| d.parse::<u32>().ok()).filter(|d| (1..=31).contains(d));
    match (parts.first(), month, day, parts.len()) {
        (Some(year), Some(month), Some(day), 3) => format!("{day} {} {year}", MONTHS[month - 1]),
        (Some(year), Some(month), None, 2) => format!("{} {year}", MONTHS[month - 1]),
        _ => date.trim().to_owned(),
    }
}

/// Who published a source, and when: "BBC, 12 May 2024" (its outlet, else its title or file).
pub fn reporter(source: &SourceRef) -> String {
    let who =
        source.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()).map_or_else(|| source.label(), str::to_owned);
    match source.published.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(date) => format!("{who}, {}", human_date(date)),
        None => who,
    }
}

/// "reported by BBC, 12 May 2024; Reuters, 12 May 2024" for a card with more than one source.
pub fn reported_by(card: &DossierCard) -> Option<String> {
    (!card.also.is_empty())
        .then(|| format!("reported by {}", card.sources().map(reporter).collect::<Vec<_>>().join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(id: &str, name: &str, published: Option<&str>) -> DossierCard {
        DossierCard {
            id: format!("{id}/s1"),
            section: Section::StatementsBy,
            name: name.to_owned(),
            kind: ActorKind::Person,
            role: None,
            country: Some("GB".into()),
            country_evidence: None,
            cue: Some("said".into()),
            content: Some(format!("statement {id}")),
            direct: false,
            about: Vec::new(),
            confidence: 0.8,
            source: SourceRef { hash: id.to_owned(), published: published.map(str::to_owned), ..SourceRef::default() },
            entity: None,
            also: Vec::new(),
        }
    }

    /// Within a speaker, oldest first and undated last; speakers in order of first appearance; the
    /// timeline across speakers.
    #[test]
    fn statements_go_by_speaker_then_date() {
        let mut dossier = Dossier::new("GB", "United Kingdom");
        dossier.cards = vec![
            statement("h1", "Anna Berg", None),
            statement("h2", "Paul Meyer", Some("2024-05-02")),
            statement("h3", "Anna Berg", Some("2024-05-12")),
            statement("h4", "Anna Berg", Some("2024-05-03")),
        ];
        let groups = speakers(&dossier, Section::StatementsBy);
        let ids: Vec<Vec<&str>> = groups.iter().map(|g| g.cards.iter().map(|c| c.id.as_str()).collect()).collect();
        assert_eq!(ids, [vec!["h4/s1", "h3/s1", "h1/s1"], vec!["h2/s1"]]);
        let timeline: Vec<&str> = timeline(&dossier).iter().map(|c| c.id.as_str()).collect();
        assert_eq!(timeline, ["h2/s1", "h4/s1", "h3/s1", "h1/s1"]);
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(human_date("2024-05-12"), "12 May 2024");
        assert_eq!(human_date("2024-12"), "December 2024");
        assert_eq!(human_date("2024"), "2024");
        assert_eq!(human_date("2024-13-01"), "2024-13-01");
    }
}
