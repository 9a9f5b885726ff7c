//! The CPU cost of one frame of the whole app, headless: 500 articles with 10,000 cards open (the BBC
//! politics corpus of `../shared/corpus/` where present, read where it is, topped up with written reports)
//! and a 10,000-card dossier shown, against the same views with about 50 cards. Targets: a frame under
//! 8 ms, and no more than twice the frame time of the 50-card app.
//!
//! The app is set up through egui_kittest (clicks by label, as the UI tests do), then its frames are run
//! on the same `egui::Context` with AccessKit off, as eframe runs them when no screen reader is active:
//! one frame is `Context::run_ui` over `App::ui` plus tessellation, timed on this thread (no IO and no
//! waiting happen inside a frame, so its wall time is its CPU time).
//!
//! `cargo bench --bench ui_frame` prints the figures; with `-- --memory` it only opens the 500 articles,
//! runs frames and prints the peak resident memory (run the binary under `/usr/bin/time -v` to confirm);
//! with `-- --save` it only measures the frames while Save writes the 500-article workspace; with
//! `-- palette` it only measures frames with the command palette open, at 50 and at 500 articles; with
//! `-- entities` it only measures the All-articles Actors list (one row per entity) at 500 articles: idle
//! frames, the frame after a change to a dossier, and the frame after one more article is opened.

mod support;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;
use std::time::{Duration, Instant};

use dossier::model::{Article, Dossier};
use dossier::ui::{App, RunOptions};
use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, Pos2, Rect, TouchPhase, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const WINDOW: egui::Vec2 = vec2(1400.0, 900.0);
const FRAMES: usize = 400;
const WARM_UP: usize = 40;

/// An app set up for measuring, with what it holds.
struct Setup {
    harness: Harness<'static, App>,
    articles: usize,
    cards: usize,
    dossier_cards: usize,
    _dir: tempfile::TempDir,
}

fn card_count<'a>(articles: impl IntoIterator<Item = &'a Article>) -> usize {
    articles.into_iter().map(|a| a.analysis.actors.len() + a.analysis.statements.len()).sum()
}

/// Opens files through the pipeline the app uses; files that fail are left out.
fn open(paths: &[PathBuf]) -> Vec<Article> {
    let done = AtomicUsize::new(0);
    dossier::pipeline::open_articles(paths, &done).into_iter().flatten().collect()
}

/// Writes the written reports `seeds` of `paragraphs` paragraphs into `dir`; returns their paths.
fn write_reports(dir: &Path, seeds: std::ops::Range<usize>, paragraphs: usize) -> Vec<PathBuf> {
    seeds
        .filter_map(|seed| {
            let path = dir.join(format!("report-{seed:04}.txt"));
            std::fs::write(&path, support::written_article_text(seed, paragraphs)).ok().map(|_| path)
        })
        .collect()
}

/// The fewest paragraphs per report such that the reports `seeds` hold at least `cards` cards.
fn paragraphs_for(seeds: std::ops::Range<usize>, cards: usize) -> usize {
    (1..200)
        .find(|&p| {
            let found: usize = seeds
                .clone()
                .map(|seed| {
                    let analysis = dossier::extract::extract(&support::written_article_text(seed, p));
                    analysis.actors.len() + analysis.statements.len()
                })
                .sum();
            found >= cards
        })
        .unwrap_or(200)
}

/// A dossier of up to `limit` cards of `articles`, for the country they mention in most articles.
fn dossier_of(articles: &[Article], limit: usize) -> Option<Dossier> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for code in articles.iter().flat_map(|a| &a.analysis.countries) {
        *counts.entry(code.as_str()).or_default() += 1;
    }
    let country = counts.iter().max_by_key(|&(code, n)| (*n, std::cmp::Reverse(*code)))?.0.to_string();
    let name = dossier::lexicon::country_name(&country).unwrap_or(&country).to_owned();
    let mut dossier = Dossier::new(&country, &name);
    for article in articles {
        dossier.cards.extend(support::article_cards(article, &country));
        if dossier.cards.len() >= limit {
            break;
        }
    }
    dossier.cards.truncate(limit);
    Some(dossier)
}

/// The app on a fresh folder holding a dossier of up to `dossier_limit` of their cards, with the files
/// `paths` opened as the app opens them (the sample article opens by itself on a first run), and set up
/// as an analyst at work would have it: every article's cards listed, the dossier shown, the sample
/// article in the reader and one of its statements selected.
fn setup(paths: Vec<PathBuf>, dir: tempfile::TempDir, dossier_limit: usize) -> anyhow::Result<Setup> {
    let dossier_dir = dir.path().join("dossiers");
    let sample = dossier::pipeline::sample_article();
    let dossier = {
        let mut articles = vec![sample.clone()];
        articles.extend(open(&paths));
        dossier_of(&articles, dossier_limit).ok_or_else(|| anyhow::anyhow!("no country to make a dossier of"))?
    };
    dossier::store::save_dossier(&dossier_dir.join(dossier.file_name()), &dossier)?;

    let options = RunOptions { files: Vec::new(), dossier_dir };
    let mut harness = Harness::builder().with_size(WINDOW).build_eframe(move |cc| App::new(cc, options));
    harness.state_mut().open_paths_blocking(paths);
    harness.run();

    harness.get_by_label("All articles").click();
    harness.run();
    let dossier_label = format!("{} ({})", dossier.name, dossier.cards.len());
    harness.get_by_label_contains(&dossier_label).click();
    harness.run();
    let sample_name = sample.display_name();
    harness.query_all_by_label(&sample_name).next().ok_or_else(|| anyhow::anyhow!("no sample article"))?.click();
    harness.run();
    if let Some(statement) = sample.analysis.statements.first() {
        let content = statement.content.clone();
        let row = harness
            .query_all_by(|n| n.role() == egui::Role::Button && n.label().is_some_and(|l| l.contains(&content)))
            .next();
        if let Some(row) = row {
            row.click();
            harness.run();
        }
    }
    // The recovery write that opening files calls for, now rather than during the measurement.
    harness.state_mut().write_recovery_now();
    let workspace = harness.state().workspace();
    let (articles, cards) = (workspace.articles.len(), card_count(workspace.articles.iter().map(|a| &**a)));
    let dossier_cards = workspace.dossiers.iter().map(|d| d.cards.len()).max().unwrap_or(0);
    Ok(Setup { harness, articles, cards, dossier_cards, _dir: dir })
}

/// 500 articles (the corpus and written reports) with at least 10,000 cards, and a 10,000-card dossier.
fn large() -> anyhow::Result<Setup> {
    with_articles(500, 10_000)
}

/// `count` articles with at least `cards` cards: the sample, the first articles of the corpus, topped up
/// with written reports; the dossier of the country they mention most holds up to 10,000 of their cards.
fn with_articles(count: usize, cards: usize) -> anyhow::Result<Setup> {
    let dir = tempfile::tempdir()?;
    let mut paths = support::corpus_paths().unwrap_or_default();
    paths.truncate(count - 1);
    // The corpus holds a few articles twice; the app opens each text once.
    let mut corpus = open(&paths);
    let mut seen = std::collections::HashSet::new();
    corpus.retain(|a| seen.insert(a.hash.clone()));
    let corpus_cards = card_count(&corpus);
    let sample_cards = card_count([&dossier::pipeline::sample_article()]);
    let seeds = 1000..1000 + count - 1 - corpus.len();
    let paragraphs = paragraphs_for(seeds.clone(), cards.saturating_sub(corpus_cards + sample_cards));
    paths.extend(write_reports(dir.path(), seeds, paragraphs));
    setup(paths, dir, 10_000)
}

/// The sample article and one written report: about 50 cards, all of them in the dossier.
fn small() -> anyhow::Result<Setup> {
    let dir = tempfile::tempdir()?;
    let missing = 50_usize.saturating_sub(card_count([&dossier::pipeline::sample_article()]));
    let paths = write_reports(dir.path(), 1000..1001, paragraphs_for(1000..1001, missing.max(1)));
    setup(paths, dir, 10_000)
}

/// What happens between two frames.
#[derive(Clone, Copy)]
enum Workload {
    /// Nothing: the pointer rests on the reader.
    Idle,
    /// The mouse wheel scrolls the list under `at`, one notch (50 points) per frame.
    Scroll { at: Pos2 },
    /// A letter typed into the card filter, then deleted, and so on: the card list is filtered again on
    /// every frame.
    TypeFilter,
}

/// A point a little below the widget labelled `text` (the list under a heading).
fn below(harness: &Harness<'static, App>, text: &str) -> Option<Pos2> {
    let node = harness.query_all_by_label_contains(text).next()?;
    let rect = node.rect();
    Some(Pos2::new(rect.left() + 40.0, rect.bottom() + 30.0))
}

#[derive(Debug, Default)]
struct Stats {
    median: f64,
    p95: f64,
    max: f64,
}

fn stats(mut times: Vec<Duration>) -> Stats {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| ms(times[((times.len() - 1) as f64 * q).round() as usize]);
    Stats { median: at(0.5), p95: at(0.95), max: at(1.0) }
}

/// Runs `FRAMES` frames (after a warm-up) of the app on the harness's context with AccessKit off.
fn measure(setup: &mut Setup, workload: Workload) -> Stats {
    let ctx = setup.harness.ctx.clone();
    ctx.disable_accesskit();
    let mut frame = eframe::Frame::_new_kittest();
    let app = setup.harness.state_mut();
    let mut times = Vec::with_capacity(FRAMES);
    let mut direction = -1.0;
    for n in 0..WARM_UP + FRAMES {
        let mut events = vec![];
        match workload {
            Workload::Idle => events.push(Event::PointerMoved(READER)),
            Workload::TypeFilter if n % 2 == 0 => events.push(Event::Text("s".to_owned())),
            Workload::TypeFilter => {
                for pressed in [true, false] {
                    events.push(Event::Key {
                        key: egui::Key::Backspace,
                        physical_key: None,
                        pressed,
                        repeat: false,
                        modifiers: Modifiers::NONE,
                    });
                }
            }
            Workload::Scroll { at } => {
                // Down through the list, back up, and so on.
                if n % 150 == 0 {
                    direction = -direction;
                }
                events.push(Event::PointerMoved(at));
                events.push(Event::MouseWheel {
                    unit: MouseWheelUnit::Point,
                    delta: vec2(0.0, -50.0 * direction),
                    phase: TouchPhase::Move,
                    source: MouseWheelSource::Unknown,
                    modifiers: Modifiers::NONE,
                });
            }
        }
        let elapsed = timed_frame(&ctx, app, &mut frame, n, events);
        if n >= WARM_UP {
            times.push(elapsed);
        }
    }
    ctx.enable_accesskit();
    stats(times)
}

/// The workloads measured, with their names.
fn workloads(setup: &Setup) -> Vec<(&'static str, Workload)> {
    let harness = &setup.harness;
    let mut list = vec![("idle", Workload::Idle)];
    if let Some(at) = below(harness, " cards") {
        list.push(("scroll card list", Workload::Scroll { at }));
    }
    if let Some(at) = below(harness, "Key actors (") {
        list.push(("scroll dossier", Workload::Scroll { at }));
    }
    if let Some(at) = below(harness, "Close article") {
        list.push(("scroll article list", Workload::Scroll { at }));
    }
    list.push(("type in card filter", Workload::TypeFilter));
    list
}

/// Puts the keyboard focus in the card filter, for [`Workload::TypeFilter`].
fn focus_filter(setup: &mut Setup) {
    setup.harness.get_by_role_and_label(egui::Role::TextInput, "Filter").focus();
    // A tooltip may still be open under the pointer: step rather than wait for a still frame.
    setup.harness.run_steps(4);
}

fn report(name: &str, setup: &Setup) {
    println!(
        "ui_frame: {name}: {} articles, {} cards, a dossier of {} cards shown, window {}x{}",
        setup.articles, setup.cards, setup.dossier_cards, WINDOW.x, WINDOW.y
    );
}

/// The median wall time of `runs` calls of `work`, in ms.
fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

/// Work done now and then rather than every frame, at this scale: the recovery snapshot (a copy of the
/// workspace sharing its articles, 1.5 s after each change, on the UI thread), the workspace save (on the
/// worker since issue 13), and adding a card to the big dossier and undoing it (one click each).
fn occasional_work(setup: &Setup) -> anyhow::Result<()> {
    let workspace = setup.harness.state().workspace();
    let snapshot = median_ms(5, || drop(std::hint::black_box(workspace.clone())));
    let dir = tempfile::tempdir()?;
    let path = dir.path().join(".workspace.ron");
    let save = median_ms(5, || {
        if let Err(e) = dossier::store::save_workspace(&path, workspace) {
            eprintln!("ui_frame: {e}");
        }
    });
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    let mut copy = workspace.clone();
    let mut history = dossier::model::History::default();
    let dossier = copy.dossiers.iter().max_by_key(|d| d.cards.len()).map(|d| (d.country.clone(), d.name.clone()));
    let card = copy.articles.last().and_then(|a| {
        let actor = a.analysis.actors.first()?;
        Some(dossier::model::DossierCard::from_actor(a, actor))
    });
    if let (Some((country, name)), Some(card)) = (dossier, card) {
        let add = median_ms(9, || {
            let command =
                dossier::model::Command::AddCard { country: country.clone(), name: name.clone(), card: card.clone() };
            let _ = history.apply(&mut copy, command);
            history.undo(&mut copy);
        });
        println!("ui_frame: add a card to the {}-card dossier and undo it: {add:.2} ms", setup.dossier_cards);
    }
    println!("ui_frame: recovery snapshot (workspace clone, articles shared): {snapshot:.2} ms");
    println!("ui_frame: save the workspace ({:.1} MiB of RON): {save:.2} ms", bytes as f64 / 1048576.0);
    Ok(())
}

fn memory_only() -> anyhow::Result<()> {
    let mut large = large()?;
    report("500 articles", &large);
    for (_, workload) in workloads(&large) {
        measure(&mut large, workload);
    }
    match support::peak_rss_mib() {
        Some(peak) => println!("ui_frame: peak resident memory (VmHWM) {peak:.1} MiB"),
        None => println!("ui_frame: peak resident memory unknown (no /proc/self/status)"),
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    if std::env::args().any(|a| a == "--memory") {
        return memory_only();
    }
    if std::env::args().any(|a| a == "--save") {
        frames_while_saving(&mut large()?);
        return Ok(());
    }
    if std::env::args().any(|a| a == "palette") {
        return palette_only();
    }
    if std::env::args().any(|a| a == "entities") {
        return entity_frames(&mut large()?);
    }
    let started = Instant::now();
    let mut small = small()?;
    let mut large = large()?;
    println!("ui_frame: set up in {:.1} s", started.elapsed().as_secs_f64());
    report("small", &small);
    report("large", &large);
    println!(
        "ui_frame: one frame = Context::run_ui over App::ui + tessellate; {FRAMES} frames after {WARM_UP} warm-up"
    );
    println!("{:<22} {:>28} {:>28} {:>7}", "workload", "small: median/p95/max ms", "large: median/p95/max ms", "ratio");
    let small_workloads = workloads(&small);
    for (name, workload) in workloads(&large) {
        let Some(&(_, small_workload)) = small_workloads.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        if matches!(workload, Workload::TypeFilter) {
            focus_filter(&mut small);
            focus_filter(&mut large);
        }
        let s = measure(&mut small, small_workload);
        let l = measure(&mut large, workload);
        println!(
            "{name:<22} {:>28} {:>28} {:>7.2}",
            format!("{:.2} / {:.2} / {:.2}", s.median, s.p95, s.max),
            format!("{:.2} / {:.2} / {:.2}", l.median, l.p95, l.max),
            l.median / s.median,
        );
    }
    let mut fifty = with_articles(50, 1_000)?;
    report("50 articles", &fifty);
    palette_frames(&mut fifty, &mut large);
    entity_frames(&mut large)?;
    occasional_work(&large)?;
    frames_while_saving(&mut large);
    Ok(())
}

/// `cargo bench --bench ui_frame -- palette`: only the frames with the command palette open, at 50 and
/// at 500 articles.
fn palette_only() -> anyhow::Result<()> {
    let started = Instant::now();
    let mut fifty = with_articles(50, 1_000)?;
    let mut large = large()?;
    println!("ui_frame: set up in {:.1} s", started.elapsed().as_secs_f64());
    report("50 articles", &fifty);
    report("500 articles", &large);
    println!(
        "ui_frame: one frame = Context::run_ui over App::ui + tessellate; {FRAMES} frames after {WARM_UP} warm-up"
    );
    palette_frames(&mut fifty, &mut large);
    Ok(())
}

/// The same measure with the command palette open (Ctrl+K), at 50 articles against 500: standing still,
/// and typing in it (a letter, then Backspace, every frame).
fn palette_frames(fifty: &mut Setup, large: &mut Setup) {
    for setup in [&mut *fifty, &mut *large] {
        setup.harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::K);
        setup.harness.run_steps(4);
    }
    println!("{:<22} {:>28} {:>28} {:>7}", "palette open", "50: median/p95/max ms", "500: median/p95/max ms", "ratio");
    for (name, workload) in [("idle, palette open", Workload::Idle), ("type in palette", Workload::TypeFilter)] {
        let s = measure(fifty, workload);
        let l = measure(large, workload);
        println!(
            "{name:<22} {:>28} {:>28} {:>7.2}",
            format!("{:.2} / {:.2} / {:.2}", s.median, s.p95, s.max),
            format!("{:.2} / {:.2} / {:.2}", l.median, l.p95, l.max),
            l.median / s.median,
        );
    }
}

/// The frames of the app while Save writes the workspace on the worker: the frame that starts it (it
/// takes the snapshot, which shares the articles) and every frame until the file is written.
fn frames_while_saving(setup: &mut Setup) {
    // A first save writes the changed dossiers too (on the UI thread); after it only the workspace is left.
    setup.harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    setup.harness.state_mut().wait_for_background();
    let ctx = setup.harness.ctx.clone();
    ctx.disable_accesskit();
    let mut frame = eframe::Frame::_new_kittest();
    let app = setup.harness.state_mut();
    let snapshot = median_ms(5, || drop(std::hint::black_box(app.workspace().clone())));
    println!("ui_frame: the workspace snapshot a save takes (Workspace::clone): {snapshot:.2} ms");
    let started = Instant::now();
    let (mut first, mut times) = (Duration::ZERO, Vec::new());
    for n in 0..100_000 {
        let events = if n == 0 {
            let key = |pressed| Event::Key {
                key: egui::Key::S,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers: Modifiers::COMMAND,
            };
            vec![key(true), key(false)]
        } else {
            vec![Event::PointerMoved(READER)]
        };
        let elapsed = timed_frame(&ctx, app, &mut frame, n, events);
        if n == 0 {
            first = elapsed;
        } else if app.is_saving() {
            times.push(elapsed);
        } else {
            break;
        }
    }
    let written = started.elapsed();
    ctx.enable_accesskit();
    let frames = times.len();
    let s = if times.is_empty() { Stats::default() } else { stats(times) };
    println!(
        "ui_frame: Save with the workspace written on the worker: the frame that starts it {:.2} ms; {frames} \
         frames while it was written ({:.0} ms): median/p95/max {:.2} / {:.2} / {:.2} ms",
        first.as_secs_f64() * 1000.0,
        written.as_secs_f64() * 1000.0,
        s.median,
        s.p95,
        s.max
    );
}

/// Runs one frame of the app with the pointer resting on the reader; returns its time.
fn one_frame(setup: &mut Setup, n: usize) -> Duration {
    let ctx = setup.harness.ctx.clone();
    let mut frame = eframe::Frame::_new_kittest();
    timed_frame(&ctx, setup.harness.state_mut(), &mut frame, n, vec![Event::PointerMoved(READER)])
}

/// Where the pointer rests when it does nothing: on the reader.
const READER: Pos2 = Pos2::new(WINDOW.x / 2.0, 200.0);

/// Runs frame `n` of the app (60 a second, one point per pixel) with `events` and returns its time:
/// `Context::run_ui` over `App::ui` plus tessellation.
fn timed_frame(
    ctx: &egui::Context,
    app: &mut App,
    frame: &mut eframe::Frame,
    n: usize,
    events: Vec<Event>,
) -> Duration {
    let mut input = egui::RawInput { screen_rect: Some(Rect::from_min_size(Pos2::ZERO, WINDOW)), ..Default::default() };
    if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
        viewport.native_pixels_per_point = Some(1.0);
    }
    input.time = Some(n as f64 / 60.0);
    input.predicted_dt = 1.0 / 60.0;
    input.events = events;
    let start = Instant::now();
    let output = ctx.run_ui(input, |ui| eframe::App::ui(app, ui, frame));
    std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
    start.elapsed()
}

/// The All-articles Actors list, one row per entity across the 500 articles: frames standing still, the
/// frame after each of 20 changes to the big dossier (a card added: the entities are looked up again), and the frame after each of 10 more articles is opened (resolved incrementally).
fn entity_frames(setup: &mut Setup) -> anyhow::Result<()> {
    setup.harness.get_by_label("Actors").click();
    setup.harness.run_steps(4);
    report("500 articles, All articles, Actors (one row per entity)", setup);
    let idle = measure(setup, Workload::Idle);
    println!("ui_frame: entity list idle: median/p95/max {:.2} / {:.2} / {:.2} ms", idle.median, idle.p95, idle.max);

    setup.harness.ctx.disable_accesskit();
    let workspace = setup.harness.state().workspace();
    let dossier = workspace.dossiers.iter().max_by_key(|d| d.cards.len()).map(|d| (d.country.clone(), d.name.clone()));
    let cards: Vec<_> = workspace
        .articles
        .iter()
        .rev()
        .flat_map(|a| a.analysis.actors.iter().map(move |x| dossier::model::DossierCard::from_actor(a, x)))
        .take(20)
        .collect();
    let (country, name) = dossier.ok_or_else(|| anyhow::anyhow!("no dossier"))?;
    let mut after_change = Vec::new();
    for (n, card) in cards.iter().enumerate() {
        let command =
            dossier::model::Command::AddCard { country: country.clone(), name: name.clone(), card: card.clone() };
        setup.harness.state_mut().apply_command(command);
        after_change.push(one_frame(setup, 10_000 + 3 * n));
        // The frames that follow, while a worker regroups the dossier and until its rows are in.
        for k in 1..3 {
            after_change.push(one_frame(setup, 10_000 + 3 * n + k));
        }
    }
    let dir = tempfile::tempdir()?;
    let more = open(&write_reports(dir.path(), 5000..5010, 8));
    let mut after_open = Vec::new();
    for (n, article) in more.into_iter().enumerate() {
        setup.harness.state_mut().add_articles(vec![article]);
        after_open.push(one_frame(setup, 20_000 + 2 * n));
        one_frame(setup, 20_001 + 2 * n);
    }
    setup.harness.ctx.enable_accesskit();
    for (what, times) in [
        (format!("the 3 frames after each of {} changes to the dossier", cards.len()), after_change),
        (format!("the frame after each of {} more articles opened", after_open.len()), after_open),
    ] {
        let t = stats(times);
        println!("ui_frame: {what}: median/p95/max {:.2} / {:.2} / {:.2} ms", t.median, t.p95, t.max);
    }
    Ok(())
}
