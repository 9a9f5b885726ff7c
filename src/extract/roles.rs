use super::actors::{Phrase, Referent, Registry};
use super::words::{Words, span_of};
use crate::model::ActorKind;

/// "The Defence Minister, Robert Hill" and "Robert Hill, the Defence Minister": a role phrase and a person
/// side by side, split by a comma, are one actor.
pub(super) fn appositive(w: &Words<'_>, reg: &mut Registry, prev: Option<&Phrase>, cur: &Phrase) {
    let Some(prev) = prev else { return };
    if !(prev.end + 1 == cur.start && w.word(prev.end) == ",") {
        return;
    }
    let (role, person) = match (&prev.referent, &cur.referent) {
        (Referent::Role { .. }, Referent::Actor(a)) => (prev, *a),
        (Referent::Actor(a), Referent::Role { .. }) => (cur, *a),
        _ => return,
    };
    let Referent::Role { country, body, .. } = &role.referent else { return };
    let d = &mut reg.drafts[person];
    if d.kind != ActorKind::Person || *body {
        return;
    }
    let text = span_of(w, role.start, role.end).text(w.text);
    let role_words: Vec<&str> = text
        .split_whitespace()
        .filter(|t| !matches!(t.to_lowercase().as_str(), "the" | "a" | "an" | "his" | "her" | "its" | "their"))
        .collect();
    let role_words: Vec<&str> = role_words
        .into_iter()
        .filter(|t| w.lex.title_of(&t.to_lowercase()).is_some() && !t.to_lowercase().starts_with("counterpart"))
        .collect();
    if d.role.is_none() && !role_words.is_empty() {
        d.role = Some(role_words.join(" "));
    }
    if let Some(code) = country {
        if d.country.is_none() {
            d.country = Some(code.clone());
            d.evidence = Some(text.to_owned());
        }
    }
    d.anchored = true;
    d.mentions.push(span_of(w, role.start, role.end));
}

/// "Pakistan's Foreign Minister Ishaq Dar and his Afghan counterpart, Amir Khan Mottaki": a counterpart
/// holds the same office as the nearest person before it in the sentence who has one.
pub(super) fn counterpart_role(reg: &mut Registry, phrases: &[Phrase], first: usize, cur: &Phrase) {
    let Referent::Actor(a) = cur.referent else { return };
    let Some((Referent::Role { words, .. }, earlier)) = phrases.split_last().map(|(l, rest)| (&l.referent, rest))
    else {
        return;
    };
    if reg.drafts[a].kind != ActorKind::Person
        || reg.drafts[a].role.is_some()
        || !words.iter().any(|x| x.starts_with("counterpart"))
    {
        return;
    }
    let role = earlier.iter().rev().take_while(|q| q.start >= first).find_map(|q| match q.referent {
        Referent::Actor(b) if b != a && reg.drafts[b].kind == ActorKind::Person => reg.drafts[b].role.clone(),
        _ => None,
    });
    reg.drafts[a].role = role;
}

/// Nouns that name what kind of organization or person a descriptor is about.
pub(super) const TYPE_NOUNS: &[&str] = &[
    "group",
    "agency",
    "organisation",
    "organization",
    "movement",
    "network",
    "party",
    "newspaper",
    "broadcaster",
    "company",
    "firm",
    "watchdog",
    "militia",
    "faction",
    "airline",
    "bank",
    "charity",
    "body",
];

/// Roles written as descriptions: "Human rights group Amnesty International", "the Islamic militant group
/// Hamas" (before an organization) and "X, head of the Y Party," (an appositive after a person).
pub(super) fn descriptive_role(w: &Words<'_>, reg: &mut Registry, p: &Phrase, first: usize, end: usize) {
    let Referent::Actor(a) = p.referent else { return };
    if reg.drafts[a].role.is_some() {
        return;
    }
    match reg.drafts[a].kind {
        ActorKind::Organization => {
            let Some(head) = p.start.checked_sub(1).filter(|&h| h >= first && TYPE_NOUNS.contains(&w.lower(h))) else {
                return;
            };
            let mut s = head;
            while s > first
                && s + 5 > head
                && w.is_word(s - 1)
                && !matches!(
                    w.lower(s - 1),
                    "the" | "a" | "an" | "by" | "of" | "and" | "from" | "with" | "to" | "in" | "on"
                )
                && w.cue_at(s - 1).is_none()
            {
                s -= 1;
            }
            reg.drafts[a].role = Some(span_of(w, s, head + 1).text(w.text).to_owned());
        }
        ActorKind::Person => {
            // "X, head of …", "X, the leader of …", "X, who is under arrest, is head of …", "X is the leader of …".
            let mut k = p.end;
            if w.word(k) == "," && w.lower(k + 1) == "who" {
                k += 2;
                while k < end && k < p.end + 12 && w.word(k) != "," {
                    k += 1;
                }
                if w.word(k) != "," || !matches!(w.lower(k + 1), "is" | "was") {
                    return;
                }
                k += 2;
            } else if w.word(k) == "," || matches!(w.lower(k), "is" | "was") {
                k += 1;
            } else {
                return;
            }
            if matches!(w.lower(k), "the" | "a") {
                k += 1;
            }
            if w.title(k) != Some(crate::lexicon::TitleWord::Head) || w.is_cap(k) {
                return;
            }
            let start = k;
            let mut e = k;
            while e < end
                && e < start + 12
                && w.is_word(e)
                && w.cue_at(e).is_none()
                && !matches!(w.lower(e), "which" | "who" | "that" | "and")
            {
                e += 1;
            }
            if e > start && (matches!(w.word(e), "," | "." | ";") || matches!(w.lower(e), "which" | "who" | "that")) {
                reg.drafts[a].role = Some(span_of(w, start, e).text(w.text).to_owned());
            }
        }
        _ => {}
    }
}
