//! The workspace: the open articles and the dossiers built from them. Restored on the next start.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{ActorKind, Article, Dossier};

/// An analyst's decision that an actor name is the same real-world actor as another: every actor of this
/// kind and name, in the open articles and in articles opened later, joins the entity of `same_as`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EntityAlias {
    pub kind: ActorKind,
    /// The name as the articles write it ("the Tory leader", "Mr Howard").
    pub name: String,
    /// The name of the actor it is the same as ("Michael Howard").
    pub same_as: String,
}

/// An actor card (article hash, actor id) the analyst split off its entity: it stays an entity of its own.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ActorRef {
    pub article: String,
    pub actor: String,
}

/// The analyst's decisions on entities: remembered with the workspace, applied to every article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EntityDecisions {
    #[serde(default)]
    pub aliases: Vec<EntityAlias>,
    #[serde(default)]
    pub apart: Vec<ActorRef>,
}

/// Everything the analyst has open.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// The open articles, each shared (`Arc`): a copy of the workspace (the recovery snapshot, a save on
    /// the worker) copies pointers, not texts; an edit puts a new `Arc` in place of the article.
    #[serde(with = "shared")]
    pub articles: Vec<Arc<Article>>,
    /// Dossiers, kept sorted by name, each shared like the articles: a snapshot of the workspace copies
    /// pointers; the first change to a dossier a snapshot still holds copies that dossier only.
    #[serde(default, with = "shared")]
    pub dossiers: Vec<Arc<Dossier>>,
    /// Recently opened article paths, newest first.
    #[serde(default)]
    pub recent: Vec<String>,
    /// The analyst's merges and splits of entities across articles (the alias table).
    #[serde(default)]
    pub entities: EntityDecisions,
    /// Countries (ISO codes) of dossiers changed since they were last saved or loaded.
    #[serde(skip)]
    pub dirty: BTreeSet<String>,
}

impl Workspace {
    pub fn article(&self, hash: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.hash == hash).map(|a| &**a)
    }

    pub fn article_mut(&mut self, hash: &str) -> Option<&mut Article> {
        self.articles.iter_mut().find(|a| a.hash == hash).map(Arc::make_mut)
    }

    pub fn dossier(&self, country: &str) -> Option<&Dossier> {
        self.dossiers.iter().find(|d| d.country == country).map(|d| &**d)
    }

    pub fn dossier_mut(&mut self, country: &str) -> Option<&mut Dossier> {
        self.dossiers.iter_mut().find(|d| d.country == country).map(Arc::make_mut)
    }

    /// Countries the open articles involve, most mentioned first: the dossiers to suggest.
    pub fn suggested_countries(&self) -> Vec<String> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for code in self.articles.iter().flat_map(|a| &a.analysis.countries) {
            *counts.entry(code.as_str()).or_default() += 1;
        }
        let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        counts.into_iter().map(|(c, _)| c.to_owned()).collect()
    }

    /// Remembers `path` as the most recent file (at most 10 are kept).
    pub fn remember_recent(&mut self, path: &str) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(10);
    }

    pub(super) fn put_dossier(&mut self, dossier: Dossier) {
        self.dirty.insert(dossier.country.clone());
        match self.dossiers.iter_mut().find(|d| d.country == dossier.country) {
            Some(slot) => *slot = Arc::new(dossier),
            None => {
                self.dossiers.push(Arc::new(dossier));
                self.dossiers.sort_by(|a, b| a.name.cmp(&b.name));
            }
        }
    }
}

/// Articles and dossiers saved as plain values (the file format does not know about `Arc`), without
/// serde's `rc` feature.
mod shared {
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer, T: Serialize>(items: &[Arc<T>], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(items.iter().map(|a| &**a))
    }

    pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
        deserializer: D,
    ) -> Result<Vec<Arc<T>>, D::Error> {
        Ok(Vec::<T>::deserialize(deserializer)?.into_iter().map(Arc::new).collect())
    }
}
