//! Fuzzes command sequences against the model and the store. The input is read as a program: each step
//! picks a command (open, close, edit, reject, merge, create or delete a dossier, add, remove or move a
//! card, notes, undo, redo) and what it names; a step may also save through a disk that fails at a
//! chosen operation. Checked after every step: a failed command changes nothing; saving and loading
//! gives the workspace back; a save that failed left the previous file whole. At the end, undoing
//! everything gives back the first workspace and redoing everything the last.

#![no_main]

use std::io::ErrorKind;
use std::path::Path;
use std::sync::Arc;

use dossier::model::{
    Actor, ActorKind, Analysis, Article, ArticleMeta, Command, Dossier, History, Span, Statement, Workspace,
};
use dossier::store::fs::{Fault, FaultyFs, Fs as _, MemFs};
use libfuzzer_sys::fuzz_target;

const COUNTRIES: [(&str, &str); 3] = [("PK", "Pakistan"), ("IN", "India"), ("AF", "Afghanistan")];
const WORDS: [&str; 8] = ["Dar", "said \"no\"", "back\\slash", "new\nline", "Ünïcödé", "日本", "", "(x: [1])"];

/// The input, read a byte at a time (zeros once it runs out).
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> usize {
        let Some((&first, rest)) = self.0.split_first() else { return 0 };
        self.0 = rest;
        usize::from(first)
    }
    fn word(&mut self) -> String {
        WORDS[self.byte() % WORDS.len()].to_owned()
    }
    fn pick<'t, T>(&mut self, items: &'t [T]) -> Option<&'t T> {
        let n = self.byte();
        (!items.is_empty()).then(|| &items[n % items.len()])
    }
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn article(n: usize, input: &mut Input<'_>) -> Article {
    let text = format!("Article number {n}. Someone said something here. Another sentence follows it.");
    let actors: Vec<Actor> = (0..1 + input.byte() % 3)
        .map(|i| Actor {
            id: format!("a{i}"),
            name: input.word(),
            kind: ActorKind::Person,
            role: Some(input.word()).filter(|w| !w.is_empty()),
            country: input.pick(&COUNTRIES).map(|c| c.0.to_owned()),
            country_evidence: None,
            mentions: vec![Span::new(i * 3, i * 3 + 2)],
            confidence: (input.byte() as f32) / 255.0,
            entity: None,
            rule: "fuzz".to_owned(),
        })
        .collect();
    let statements = (0..input.byte() % 3)
        .map(|i| Statement {
            id: format!("s{i}"),
            speaker: Some(format!("a{}", input.byte() % 4)).filter(|s| actors.iter().any(|a| a.id == *s)),
            speaker_span: None,
            cue: "said".to_owned(),
            cue_span: Some(Span::new(20, 24)),
            content: input.word(),
            content_span: Span::new(25, 40),
            direct: input.byte() % 2 == 0,
            confidence: 0.5,
            about: vec!["PK".to_owned()],
            sentence_span: Span::new(19, 48),
            rule: "fuzz".to_owned(),
        })
        .collect();
    Article {
        source: format!("news/{n}.txt"),
        title: Some(input.word()),
        meta: ArticleMeta::default(),
        hash: dossier::model::content_hash(&text),
        text,
        analysis: Analysis { countries: vec!["PK".to_owned()], actors, statements, warnings: Vec::new() },
        rejected: Vec::new(),
    }
}

fn card_ids(article: &Article) -> Vec<String> {
    let actors = article.analysis.actors.iter().map(|a| a.id.clone());
    actors.chain(article.analysis.statements.iter().map(|s| s.id.clone())).collect()
}

/// The next command the input asks for (a command naming something missing where it names nothing).
fn command(workspace: &Workspace, opened: &mut Vec<Article>, input: &mut Input<'_>) -> Command {
    let missing = Command::SetNotes { country: "ZZ".into(), notes: String::new() };
    let kind = input.byte() % 12;
    let country = COUNTRIES[input.byte() % COUNTRIES.len()];
    let article = input.pick(&workspace.articles).map(|a| Article::clone(a));
    let dossier = input.pick(&workspace.dossiers).map(|d| Dossier::clone(d));
    let built = match kind {
        0 => {
            let new = self::article(opened.len(), input);
            opened.push(new.clone());
            Some(Command::AddArticles(vec![new]))
        }
        1 => article.map(|a| Command::RemoveArticles(vec![a.hash])),
        2 => article.and_then(|a| {
            let mut actor = input.pick(&a.analysis.actors)?.clone();
            actor.name = input.word();
            Some(Command::EditActor { article: a.hash, actor })
        }),
        3 => article.and_then(|a| {
            let mut statement = input.pick(&a.analysis.statements)?.clone();
            statement.content = input.word();
            Some(Command::EditStatement { article: a.hash, statement })
        }),
        4 => article.and_then(|a| {
            let card = input.pick(&card_ids(&a))?.clone();
            Some(Command::SetRejected { article: a.hash, card, rejected: input.byte() % 2 == 0 })
        }),
        5 => article.and_then(|a| {
            let keep = input.pick(&a.analysis.actors)?.id.clone();
            let merge = input.pick(&a.analysis.actors)?.id.clone();
            Some(Command::MergeActors { article: a.hash, keep, merge })
        }),
        6 => Some(Command::CreateDossier { country: country.0.into(), name: country.1.into() }),
        7 => dossier.map(|d| Command::RemoveDossier { country: d.country }),
        8 => article.and_then(|a| {
            let id = input.pick(&card_ids(&a))?.clone();
            let card = workspace.card_for(&a.hash, &id, country.0)?;
            Some(Command::AddCard { country: country.0.into(), name: country.1.into(), card })
        }),
        9 => dossier.and_then(|d| {
            let card = input.pick(&d.cards)?.id.clone();
            Some(Command::RemoveCard { country: d.country, card })
        }),
        10 => dossier.and_then(|d| {
            let card = input.pick(&d.cards)?.id.clone();
            let offset = (input.byte() % 7) as i32 - 3;
            Some(Command::MoveCard { country: d.country, card, offset })
        }),
        _ => dossier.map(|d| Command::SetNotes { country: d.country, notes: input.word() }),
    };
    built.unwrap_or(missing)
}

fn document(workspace: &Workspace) -> (Vec<Article>, Vec<Dossier>) {
    (workspace.articles.iter().map(|a| Article::clone(a)).collect(), workspace.dossiers.iter().map(|d| Dossier::clone(d)).collect())
}

/// Saves `workspace` through a disk that fails at operation `fault` (if any): either it is saved and
/// loads back, or the previous file is still whole.
fn save_and_check(fs: &MemFs, workspace: &Workspace, fault: Option<(usize, bool)>) {
    let path = Path::new("/d/.workspace.ron");
    let before = fs.read(path).ok();
    let result = match fault {
        Some((at, read_only)) => {
            let kind = if read_only { ErrorKind::ReadOnlyFilesystem } else { ErrorKind::StorageFull };
            let faulty = FaultyFs::new(Arc::new(fs.clone()), Fault::At(at), kind);
            dossier::store::save_workspace_with(&faulty, path, workspace)
        }
        None => dossier::store::save_workspace_with(fs, path, workspace),
    };
    let now = fs.read(path).ok();
    let expected = dossier::store::workspace_to_string(workspace).unwrap_or_else(|e| panic!("{e}"));
    match result {
        // The folder sync failed after the rename: the new version is in place.
        Ok(()) | Err(_) if now.as_deref() == Some(expected.as_bytes()) => {
            let text = std::str::from_utf8(expected.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
            let loaded = dossier::store::workspace_from_str(text, path).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(document(&loaded), document(workspace), "save and load changed the workspace");
        }
        Ok(()) => panic!("the save reported success but the file does not hold the workspace"),
        Err(_) => assert_eq!(now, before, "a failed save changed the file"),
    }
    let temp = fs.state().names.into_keys().filter(|p| p.to_string_lossy().ends_with(".tmp")).count();
    assert_eq!(temp, 0, "temporary files left behind");
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input(data);
    let fs = MemFs::with_dir(Path::new("/d"));
    let mut workspace = Workspace::default();
    let mut opened = Vec::new();
    for _ in 0..input.byte() % 4 {
        let command = command(&workspace, &mut opened, &mut input);
        let _ = workspace.apply(command);
    }
    let first = document(&workspace);
    let mut history = History::default();
    let mut steps = 0;
    while !input.is_empty() && steps < 64 {
        steps += 1;
        match input.byte() % 8 {
            0 => {
                history.undo(&mut workspace);
            }
            1 => {
                history.redo(&mut workspace);
            }
            2 => {
                let fault = input.byte();
                let fault = (fault < 128).then_some((fault % 12, fault % 2 == 0));
                save_and_check(&fs, &workspace, fault);
            }
            _ => {
                let command = command(&workspace, &mut opened, &mut input);
                let before = workspace.clone();
                if history.apply(&mut workspace, command.clone()).is_err() {
                    assert_eq!(workspace, before, "{command:?} failed but changed the workspace");
                }
            }
        }
    }
    // Undo all, redo all.
    while history.redo(&mut workspace) {}
    let last = document(&workspace);
    while history.undo(&mut workspace) {}
    assert_eq!(document(&workspace), first, "undoing everything did not give back the first workspace");
    while history.redo(&mut workspace) {}
    assert_eq!(document(&workspace), last, "redoing everything did not give back the last workspace");
});
