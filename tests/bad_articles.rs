//! Issue 4, "Nothing lost", for articles: every bad input the app can be handed (empty, binary, invalid
//! UTF-8, other encodings, a very large article, thousands of files at once, paths that cannot be read)
//! gets a clear message naming the file or a sensible article, never a panic, never an endless read; and
//! the other files opened with it, and the dossier saved beside it, are untouched.
//!
//! Everything goes through `dossier::pipeline`, the route the app (dialog, drops, command line) and
//! `dossier extract` share.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may panic on what they did not expect.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use dossier::model::{Article, Dossier, DossierCard};
use dossier::pipeline::{open_article, open_articles, sample_article};
use dossier::read::{MAX_FILE_BYTES, ReadError};
use dossier::store;

const GOOD: &str = "Pakistan and Afghanistan agree to reopen border\n\n\
    ISLAMABAD - Pakistan and Afghanistan agreed to reopen the Torkham border crossing, officials said on \
    Monday.\n\n\"We will reopen the crossing for trade on Tuesday,\" Pakistan's Foreign Minister Ishaq Dar \
    told reporters.\n";

/// A folder holding one good article and one saved dossier: the files a bad input must leave alone.
struct Desk {
    dir: tempfile::TempDir,
    good: PathBuf,
    saved: PathBuf,
}

impl Desk {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("border.txt");
        std::fs::write(&good, GOOD).unwrap();
        let sample = sample_article();
        let mut dossier = Dossier::new("PK", "Pakistan");
        for actor in sample.analysis.actors.iter().take(3) {
            dossier.cards.push(DossierCard::from_actor(&sample, actor));
        }
        let saved = dir.path().join("pakistan.ron");
        store::save_dossier(&saved, &dossier).unwrap();
        Self { dir, good, saved }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `bytes` as `name` in the desk's folder.
    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Opens `bad` together with the good article, as one batch (as when both are chosen in the dialog),
    /// checks that the good article opened exactly as it does alone, that no file in the folder changed
    /// and that the dossier still loads, and returns the result for `bad`.
    fn open_beside_good(&self, bad: &Path) -> Result<Article, ReadError> {
        let alone = open_article(&self.good).unwrap();
        let before = fingerprints(self.path());
        let done = AtomicUsize::new(0);
        let mut results = open_articles(&[bad.to_path_buf(), self.good.clone()], &done);
        assert_eq!(done.load(Ordering::Relaxed), 2, "both files are counted as done");
        assert_eq!(results.len(), 2);
        let good = results.pop().unwrap().expect("the good article still opens");
        assert_eq!(good.text, alone.text, "the good article is read the same beside a bad one");
        assert_eq!(good.analysis, alone.analysis, "the good article is analysed the same beside a bad one");
        assert_eq!(fingerprints(self.path()), before, "opening articles changed a file in the folder");
        self.check_saved();
        let bad_result = results.pop().unwrap();
        if let Ok(article) = &bad_result {
            check_article(article);
        }
        bad_result
    }

    /// The saved dossier still loads, with its cards.
    fn check_saved(&self) {
        let dossier = store::load_dossier(&self.saved).expect("the saved dossier still loads");
        assert_eq!(dossier.country, "PK");
        assert!(!dossier.cards.is_empty());
    }
}

/// Size and content hash of every file in `dir` (not recursive; entries that cannot be read are kept by
/// size and modification time), to show a batch of opens wrote nothing.
fn fingerprints(dir: &Path) -> BTreeMap<PathBuf, (u64, u64)> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else { continue };
        let digest = match meta.is_file().then(|| std::fs::read(&path)) {
            Some(Ok(bytes)) => {
                let mut hasher = DefaultHasher::new();
                bytes.hash(&mut hasher);
                hasher.finish()
            }
            _ => meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as u64),
        };
        out.insert(path, (meta.len(), digest));
    }
    out
}

/// An opened article is usable: text, and every span on it.
fn check_article(article: &Article) {
    assert!(!article.text.trim().is_empty(), "{}: opened with no text", article.source);
    let text = &article.text;
    let on_text = |start: usize, end: usize| {
        start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
    };
    for actor in &article.analysis.actors {
        for m in &actor.mentions {
            assert!(on_text(m.start, m.end), "{}: actor {} mention {m:?} off the text", article.source, actor.id);
        }
    }
    for s in &article.analysis.statements {
        let spans = [Some(s.content_span), Some(s.sentence_span), s.speaker_span, s.cue_span];
        for span in spans.into_iter().flatten() {
            assert!(on_text(span.start, span.end), "{}: statement {} span {span:?} off the text", article.source, s.id);
        }
    }
}

/// The result is an error that names `path`, both in its message and in `ReadError::path`.
fn expect_error(result: Result<Article, ReadError>, path: &Path) -> ReadError {
    let error = match result {
        Ok(article) => {
            panic!("{}: opened, but should have been refused ({} bytes of text)", path.display(), article.text.len())
        }
        Err(error) => error,
    };
    let name = path.to_string_lossy();
    assert!(error.to_string().contains(&*name), "the message does not name the file: {error}");
    assert_eq!(error.path(), name, "{error}");
    error
}

/// The result is an article, with a warning that names the file and says `says`.
fn expect_warning(result: Result<Article, ReadError>, path: &Path, says: &str) -> Article {
    let article = result.unwrap_or_else(|e| panic!("{} should open: {e}", path.display()));
    let name = path.to_string_lossy();
    assert!(
        article.analysis.warnings.iter().any(|w| w.contains(&*name) && w.contains(says)),
        "{name}: no warning naming the file and saying {says:?}: {:?}",
        article.analysis.warnings
    );
    article
}

// --- Empty files --------------------------------------------------------------------------------------

#[test]
fn empty_files_are_refused_by_name() {
    let desk = Desk::new();
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("empty.md", b""),
        ("empty.html", b""),
        ("no-extension", b""),
        ("blank.txt", b"  \n\t\r\n\n   \x0c\n"),
    ] {
        let path = desk.write(name, bytes);
        let error = expect_error(desk.open_beside_good(&path), &path);
        assert!(matches!(error, ReadError::Empty { .. }), "{name}: {error:?}");
        assert!(error.to_string().contains("empty"), "{error}");
    }
}

#[test]
fn markup_without_text_is_refused_by_name() {
    let desk = Desk::new();
    for (name, bytes) in [
        ("scripts.html", &b"<html><head><script>var x = 1;</script><style>p{}</style></head><body></body></html>"[..]),
        ("rules.md", b"***\n\n---\n\n___\n"),
        ("utf16-blank.txt", b"\xff\xfe \x00\n\x00"),
    ] {
        let path = desk.write(name, bytes);
        let error = expect_error(desk.open_beside_good(&path), &path);
        assert!(matches!(error, ReadError::NoText { .. }), "{name}: {error:?}");
    }
}

// --- Binary files -------------------------------------------------------------------------------------

/// Deterministic noise (xorshift), for a binary file with no structure at all.
fn noise(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[3]
        })
        .collect()
}

#[test]
fn binary_files_are_refused_by_name_whatever_their_extension() {
    let desk = Desk::new();
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa";
    let elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00\x01\x00\x00\x00";
    let pdf_zip = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb7\x8e\x0f\x8f";
    let controls: Vec<u8> = (0..4096u32).map(|i| [1u8, 2, 3, 4, 5, 6, 7, 8, 14, 27][i as usize % 10]).collect();
    let noise = noise(1 << 20);
    let cases: [(&str, &[u8]); 7] = [
        ("photo.txt", png),
        ("photo.png", png),
        ("program.html", elf),
        ("report.docx.md", pdf_zip),
        ("terminal.txt", &controls),
        ("noise.txt", &noise),
        ("noise.html", &noise),
    ];
    for (name, bytes) in cases {
        let path = desk.write(name, bytes);
        let error = expect_error(desk.open_beside_good(&path), &path);
        assert!(matches!(error, ReadError::Binary { .. }), "{name}: {error:?}");
        assert!(error.to_string().contains("binary"), "{error}");
    }
}

#[test]
fn text_with_a_nul_after_the_first_8_kib_still_opens() {
    // Only the head is sniffed for binary data; a stray NUL later on is kept as text, not a crash.
    let desk = Desk::new();
    let mut bytes = GOOD.repeat(40).into_bytes();
    assert!(bytes.len() > 8192);
    bytes.extend_from_slice(b"\x00\x00 trailing garbage\x01\x02\n");
    let path = desk.write("nul-tail.txt", &bytes);
    let article = desk.open_beside_good(&path).unwrap();
    assert!(article.text.starts_with("Pakistan and Afghanistan"));
    assert!(!article.analysis.statements.is_empty());
}

// --- Invalid UTF-8 --------------------------------------------------------------------------------------

#[test]
fn invalid_utf8_opens_with_a_warning_naming_the_file() {
    let desk = Desk::new();
    let mut bytes = GOOD.as_bytes().to_vec();
    // A lone continuation byte, a truncated three-byte sequence, an overlong encoding, a lone 0xff.
    bytes.extend_from_slice(b"Officials \x80 said \xe2\x80 the \xc0\xaf talks \xff would continue.\n");
    let path = desk.write("broken.txt", &bytes);
    let article = expect_warning(desk.open_beside_good(&path), &path, "not UTF-8");
    assert!(article.text.contains("Ishaq Dar"), "the valid text is kept: {}", article.text);
    assert!(article.text.contains("would continue."), "{}", article.text);
    assert!(!article.analysis.statements.is_empty(), "the statements of the valid text are still found");
}

#[test]
fn invalid_utf8_after_a_utf8_bom_is_replaced_with_a_warning() {
    let desk = Desk::new();
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(GOOD.as_bytes());
    bytes.extend_from_slice(b"Bad \xff\xfe bytes.\n");
    let path = desk.write("bom-broken.txt", &bytes);
    let article = expect_warning(desk.open_beside_good(&path), &path, "replaced");
    assert!(article.text.starts_with("Pakistan"), "the byte order mark is dropped");
    assert!(article.text.contains("Bad \u{fffd}\u{fffd} bytes."), "{}", article.text);
}

#[test]
fn a_utf8_bom_is_dropped_without_a_warning() {
    let desk = Desk::new();
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(GOOD.as_bytes());
    let path = desk.write("bom.txt", &bytes);
    let article = desk.open_beside_good(&path).unwrap();
    assert_eq!(article.text, GOOD);
    assert!(article.analysis.warnings.is_empty(), "{:?}", article.analysis.warnings);
    assert_eq!(article.analysis, open_article(&desk.good).unwrap().analysis);
}

// --- Other encodings --------------------------------------------------------------------------------------

const FRENCH: &str = "Le Pakistan et l’Afghanistan rouvrent la frontière\n\n\
    ISLAMABAD — « Nous rouvrirons le passage mardi », a déclaré lundi le ministre pakistanais des Affaires \
    étrangères, Ishaq Dar. Les négociations ont été décrites comme “très productives” par des responsables \
    afghans, qui ont précisé que l’accord concernait le commerce et les réfugiés.\n";

#[test]
fn windows_1252_is_detected_and_decoded() {
    let desk = Desk::new();
    // English with typographic quotes and an accent: the bytes 0x93, 0x94 and 0xe9 are not UTF-8.
    let english = GOOD.replace("\"We", "\u{201c}We").replace("Tuesday,\"", "Tuesday,\u{201d}")
        + "The caf\u{e9} near the crossing reopened too, a trader said.\n";
    for (name, text) in [("english-1252.txt", english.as_str()), ("french-1252.txt", FRENCH)] {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err(), "the test file must not be UTF-8");
        let path = desk.write(name, &bytes);
        let article = expect_warning(desk.open_beside_good(&path), &path, "windows-1252");
        assert_eq!(article.text, text, "{name}: decoded to the original text");
        assert_eq!(article.analysis.statements, dossier::extract::extract(text).statements);
    }
}

#[test]
fn other_legacy_encodings_are_detected_and_decoded() {
    let desk = Desk::new();
    let russian = "Пакистан и Афганистан откроют границу\n\n\
        ИСЛАМАБАД — Пакистан и Афганистан договорились вновь открыть пограничный переход Торхам, сообщили в \
        понедельник официальные лица. «Мы откроем переход для торговли во вторник», — заявил журналистам \
        министр иностранных дел Пакистана Исхак Дар. Переговоры были названы очень продуктивными.\n";
    let greek = "Το Πακιστάν και το Αφγανιστάν ανοίγουν ξανά τα σύνορα\n\n\
        ΙΣΛΑΜΑΜΠΑΝΤ — Το Πακιστάν και το Αφγανιστάν συμφώνησαν να ανοίξουν ξανά το συνοριακό πέρασμα, \
        δήλωσαν τη Δευτέρα αξιωματούχοι. «Θα ανοίξουμε το πέρασμα για το εμπόριο την Τρίτη», είπε ο υπουργός \
        Εξωτερικών του Πακιστάν στους δημοσιογράφους.\n";
    let japanese = "パキスタンとアフガニスタン、国境を再開へ\n\n\
        イスラマバード発：パキスタンとアフガニスタンは、トルハム国境検問所を再開することで合意したと、当局者が月曜日に明らかにした。\
        パキスタンのダール外相は「火曜日に貿易のために検問所を再開する」と記者団に語った。\n";
    let cases = [
        ("russian-1251.txt", encoding_rs::WINDOWS_1251, russian),
        // KOI8-R has no guillemets or dashes; the detector names its superset KOI8-U.
        ("russian-koi8.txt", encoding_rs::KOI8_R, &russian.replace(['«', '»'], "\"").replace('—', "-")),
        ("greek-1253.txt", encoding_rs::WINDOWS_1253, greek),
        ("japanese-sjis.txt", encoding_rs::SHIFT_JIS, japanese),
        ("japanese-eucjp.txt", encoding_rs::EUC_JP, japanese),
    ];
    for (name, encoding, text) in cases {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{name}: the test text must fit the encoding");
        let path = desk.write(name, &bytes);
        let label = encoding.name().trim_end_matches("-R");
        let article = expect_warning(desk.open_beside_good(&path), &path, label);
        assert_eq!(article.text, text, "{name}: decoded to the original text");
    }
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    let units = bom.then_some(0xfeff).into_iter().chain(text.encode_utf16());
    for unit in units {
        bytes.extend_from_slice(&if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    bytes
}

#[test]
fn utf16_with_a_bom_is_decoded_in_every_format() {
    let desk = Desk::new();
    let html = "<html><head><title>Border reopens</title></head><body><nav>Home | World</nav>\
        <p>\u{201c}We will reopen the crossing on Tuesday,\u{201d} Pakistan\u{2019}s Foreign Minister Ishaq Dar said.</p>\
        </body></html>";
    let markdown = "# Border reopens\n\n\u{201c}We will reopen the crossing on Tuesday,\u{201d} Pakistan\u{2019}s \
        Foreign Minister Ishaq Dar said.\n";
    for (big_endian, label) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let txt = desk.write(&format!("{label}.txt"), &utf16(GOOD, big_endian, true));
        let article = expect_warning(desk.open_beside_good(&txt), &txt, label);
        assert_eq!(article.text, GOOD);
        assert_eq!(article.analysis.statements, open_article(&desk.good).unwrap().analysis.statements);

        for (ext, source) in [("html", html), ("md", markdown)] {
            let path = desk.write(&format!("{label}.{ext}"), &utf16(source, big_endian, true));
            let article = expect_warning(desk.open_beside_good(&path), &path, label);
            assert_eq!(article.title.as_deref(), Some("Border reopens"), "{}", path.display());
            assert!(article.text.contains("Foreign Minister Ishaq Dar said."), "{}", article.text);
            assert!(!article.text.contains("Home | World"), "navigation is dropped: {}", article.text);
            assert!(!article.analysis.statements.is_empty(), "{}: the quotation is found", path.display());
        }
    }
}

#[test]
fn utf16_without_a_bom_is_refused_by_name_not_garbled() {
    // Without a byte order mark, UTF-16 English is half NUL bytes: refused as binary with the file's name,
    // rather than opened as text full of NULs.
    let desk = Desk::new();
    for big_endian in [false, true] {
        let path = desk.write(&format!("no-bom-{big_endian}.txt"), &utf16(GOOD, big_endian, false));
        let error = expect_error(desk.open_beside_good(&path), &path);
        assert!(matches!(error, ReadError::Binary { .. }), "{error:?}");
    }
}

// --- Size ---------------------------------------------------------------------------------------------------

/// A news text of at least `bytes` bytes: varied paragraphs (the number changes in every one), with the
/// cues the extractor looks for. Returns the text and the number of paragraphs.
fn long_article(bytes: usize) -> (String, usize) {
    let mut text = String::with_capacity(bytes + 1024);
    text.push_str("Border talks: a long record\n\n");
    let mut n = 0usize;
    while text.len() < bytes {
        n += 1;
        text.push_str(&format!(
            "ISLAMABAD - Round {n} of the talks between Pakistan and Afghanistan ended on Monday, officials \
             said. \"We will reopen crossing {n} for trade,\" Pakistan's Foreign Minister Ishaq Dar told \
             reporters. According to the Taliban government, the refugees at gate {n} would be allowed home. \
             Zabihullah Mujahid, a spokesman, said the talks had been productive.\n\n"
        ));
    }
    (text, n)
}

/// Opens a long article beside the good one and checks all of it was read and analysed.
fn open_long_article(bytes: usize) {
    let desk = Desk::new();
    let (text, n) = long_article(bytes);
    let path = desk.write("large.txt", text.as_bytes());
    assert!(std::fs::metadata(&path).unwrap().len() < MAX_FILE_BYTES, "under the reader's limit");

    let started = std::time::Instant::now();
    let article = desk.open_beside_good(&path).unwrap();
    println!("{} bytes, {n} paragraphs: opened and analysed in {:.1?}", text.len(), started.elapsed());
    assert_eq!(article.text, text);
    assert_eq!(article.title.as_deref(), Some("Border talks: a long record"));
    assert!(article.analysis.countries.iter().any(|c| c == "PK"), "{:?}", article.analysis.countries);
    let statements = article.analysis.statements.len();
    assert!(statements >= n, "{statements} statements in {n} paragraphs");
    // The last paragraph is analysed too, not cut off.
    let last = article.analysis.statements.iter().map(|s| s.content_span.end).max().unwrap();
    assert!(last > text.len() - 1000, "the last statement ends at {last} of {}", text.len());
}

/// The size issue 4 names. The reader accepts up to `MAX_FILE_BYTES` (256 MiB).
const LARGE_BYTES: usize = 50 * 1000 * 1000;

#[test]
fn a_50_mb_article_is_read_whole() {
    // The read layer alone (decoding, title): one copy of the file, no extraction.
    let desk = Desk::new();
    let (mut text, _) = long_article(LARGE_BYTES);
    // Not UTF-8 near the end, so the whole file goes through the detector and the decoder.
    text.push_str("Caf\u{e9} talks ended.\n");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let path = desk.write("large-1252.txt", &bytes);
    let read = dossier::read::read_article(&path).unwrap();
    assert_eq!(read.text.len(), text.len());
    assert!(read.text == text, "decoded to the original text");
    assert_eq!(read.title.as_deref(), Some("Border talks: a long record"));
    assert!(read.warnings.iter().any(|w| w.contains("windows-1252")), "{:?}", read.warnings);
}

#[test]
fn a_50_mb_article_opens_and_is_analysed() {
    // The whole route, extraction included: about 20 s and 1.1 GB at peak in the debug test build (4 s in
    // release), since extraction is linear in the text.
    open_long_article(LARGE_BYTES);
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_reading_it() {
    let desk = Desk::new();
    let path = desk.path().join("huge.txt");
    // Sparse: takes no disk, and is never read.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    drop(file);
    let error = expect_error(desk.open_beside_good(&path), &path);
    assert!(matches!(error, ReadError::TooLarge { size, .. } if size == MAX_FILE_BYTES + 1), "{error:?}");
    assert!(error.to_string().contains("too large"), "{error}");
}

// --- Pathological markup -----------------------------------------------------------------------------------

#[test]
fn deeply_nested_html_is_flattened_with_a_warning_and_keeps_its_text() {
    // Tens of thousands of unclosed elements: the HTML parser's time grows with tags times depth, so the
    // reader flattens whatever lies deeper than `MAX_DEPTH` first (100,000 `<div>`s took 37 s before).
    let desk = Desk::new();
    let quote = "\u{201c}We will reopen the crossing,\u{201d} Pakistan\u{2019}s Foreign Minister Ishaq Dar said.";
    let cases = [
        (
            "divs.html",
            format!("<html><body>{}<p>{quote}</p>{}</body></html>", "<div>".repeat(100_000), "</div>".repeat(100_000)),
        ),
        ("lists.html", format!("<ul><li>{}<p>{quote}</p>", "<ul><li>".repeat(20_000))),
        ("spans.html", format!("<p>{}{quote}", "<span><b>".repeat(20_000))),
        ("tables.html", format!("{}<p>{quote}", "<table><tr><td>".repeat(20_000))),
    ];
    for (name, source) in cases {
        let path = desk.write(name, source.as_bytes());
        let started = std::time::Instant::now();
        let article = expect_warning(desk.open_beside_good(&path), &path, "flattened");
        println!("{name}: {} bytes opened in {:.1?}", source.len(), started.elapsed());
        assert!(article.text.contains(quote), "{name}: the text is kept: {}", article.text);
        assert!(!article.analysis.statements.is_empty(), "{name}: the quotation is found");
    }
}

#[test]
fn ordinary_html_is_not_flattened() {
    // Nesting well within the limit, markup-like text in scripts, comments and attributes, and many
    // unclosed paragraphs and list items, which the parser closes by itself: read as written, no warning.
    let desk = Desk::new();
    let body = format!(
        "<!DOCTYPE html><html><head><title>Border reopens</title>\
         <script>var s = '{}'; if (a < b && c > d) {{}}</script><style>div > p {{ color: red }}</style></head>\
         <body><!-- {} -->{}<article data-x=\"<div><div>\" title='a > b'>\
         <p>\u{201c}We will reopen the crossing,\u{201d} Pakistan\u{2019}s Foreign Minister Ishaq Dar said.{}</article>\
         {}</body></html>",
        "<div>".repeat(2000),
        "<div>".repeat(2000),
        "<div>".repeat(200),
        "<p>More text.<li>An item.".repeat(2000),
        "</div>".repeat(200),
    );
    let path = desk.write("ordinary.html", body.as_bytes());
    let article = desk.open_beside_good(&path).unwrap();
    assert!(article.analysis.warnings.is_empty(), "{:?}", article.analysis.warnings);
    assert_eq!(article.title.as_deref(), Some("Border reopens"));
    assert!(article.text.contains("Foreign Minister Ishaq Dar said."), "{}", article.text);
    assert!(!article.text.contains("var s"), "the script is dropped");
}

// --- Many files ---------------------------------------------------------------------------------------------

#[test]
fn two_thousand_files_at_once_each_get_their_own_result_in_order() {
    const FILES: usize = 2000;
    let desk = Desk::new();
    let before_saved = std::fs::read(&desk.saved).unwrap();
    let folder = desk.path().join("batch");
    std::fs::create_dir(&folder).unwrap();

    #[derive(Debug, PartialEq)]
    enum Expect {
        Good,
        Empty,
        Binary,
        Missing,
    }
    let mut paths = Vec::with_capacity(FILES);
    let mut expected = Vec::with_capacity(FILES);
    for i in 0..FILES {
        let (expect, path) = match i % 50 {
            7 => (Expect::Empty, folder.join(format!("{i:04}-empty.txt"))),
            13 => (Expect::Binary, folder.join(format!("{i:04}-image.txt"))),
            29 => (Expect::Missing, folder.join(format!("{i:04}-missing.txt"))),
            _ => (Expect::Good, folder.join(format!("{i:04}-article.{}", ["txt", "md", "html"][i % 3]))),
        };
        let body = format!(
            "Talks, round {i}\n\n\"Round {i} went well,\" Pakistan's Foreign Minister Ishaq Dar said on Monday.\n"
        );
        match expect {
            Expect::Good if i % 3 == 2 => {
                std::fs::write(&path, format!("<html><body><p>{}</p></body></html>", body.replace("\n\n", "</p><p>")))
                    .unwrap()
            }
            Expect::Good => std::fs::write(&path, &body).unwrap(),
            Expect::Empty => std::fs::write(&path, "").unwrap(),
            Expect::Binary => std::fs::write(&path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap(),
            Expect::Missing => {}
        }
        paths.push(path);
        expected.push(expect);
    }
    let before = fingerprints(&folder);

    let done = AtomicUsize::new(0);
    let results = open_articles(&paths, &done);
    assert_eq!(done.load(Ordering::Relaxed), FILES, "every file is counted as done");
    assert_eq!(results.len(), FILES, "one result per file");

    let mut opened = 0;
    for (i, ((result, path), expect)) in results.into_iter().zip(&paths).zip(&expected).enumerate() {
        match (expect, result) {
            (Expect::Good, Ok(article)) => {
                assert_eq!(article.source, path.to_string_lossy(), "result {i} is for its own file");
                assert!(article.text.contains(&format!("Round {i} went well")), "{i}: {}", article.text);
                assert!(!article.analysis.statements.is_empty(), "{i}: the statement is found");
                check_article(&article);
                opened += 1;
            }
            (Expect::Good, Err(error)) => panic!("{i}: a good file was refused: {error}"),
            (bad, result) => {
                let error = expect_error(result, path);
                let kind_ok = match bad {
                    Expect::Empty => matches!(error, ReadError::Empty { .. }),
                    Expect::Binary => matches!(error, ReadError::Binary { .. }),
                    _ => {
                        matches!(&error, ReadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
                    }
                };
                assert!(kind_ok, "{i}: expected {bad:?}, got {error:?}");
            }
        }
    }
    assert_eq!(opened, FILES - 3 * FILES / 50);
    assert_eq!(fingerprints(&folder), before, "opening the batch changed a file");
    assert!(!paths[29].exists(), "opening a missing file does not create it");
    assert_eq!(std::fs::read(&desk.saved).unwrap(), before_saved, "the saved dossier is untouched");
    desk.check_saved();
}

// --- Paths that cannot be read --------------------------------------------------------------------------------

#[test]
fn a_missing_file_is_reported_by_name_and_not_created() {
    let desk = Desk::new();
    for name in ["missing.txt", "no-such-folder/missing.md"] {
        let path = desk.path().join(name);
        let error = expect_error(desk.open_beside_good(&path), &path);
        assert!(
            matches!(&error, ReadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound),
            "{error:?}"
        );
        assert!(!path.exists(), "opening must not create {name}");
    }
}

#[test]
fn a_directory_is_reported_by_name() {
    let desk = Desk::new();
    let folder = desk.path().join("articles.txt");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("inside.txt"), GOOD).unwrap();
    let error = expect_error(desk.open_beside_good(&folder), &folder);
    assert!(matches!(error, ReadError::NotAFile { .. }), "{error:?}");
    assert!(folder.join("inside.txt").exists());
}

#[test]
fn a_dangling_symlink_is_reported_by_name() {
    let desk = Desk::new();
    let link = desk.path().join("link.txt");
    std::os::unix::fs::symlink(desk.path().join("gone.txt"), &link).unwrap();
    let error = expect_error(desk.open_beside_good(&link), &link);
    assert!(
        matches!(&error, ReadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound),
        "{error:?}"
    );
}

#[test]
fn a_file_name_that_is_not_utf8_still_opens() {
    use std::os::unix::ffi::OsStrExt as _;
    let desk = Desk::new();
    let path = desk.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9-report.txt"));
    std::fs::write(&path, GOOD).unwrap();
    let article = desk.open_beside_good(&path).unwrap();
    assert_eq!(article.text, GOOD);
    assert_eq!(article.source, path.to_string_lossy(), "the name is shown with a replacement character");
}

#[test]
fn a_file_without_read_permission_is_reported_by_name() {
    use std::os::unix::fs::PermissionsExt as _;
    let desk = Desk::new();
    let path = desk.write("secret.txt", GOOD.as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&path).is_ok() {
        // Root (and CAP_DAC_OVERRIDE) reads through mode 000: the case cannot be made here.
        println!("note: skipped: {} is readable despite mode 000 (running as root?)", path.display());
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        return;
    }
    let error = expect_error(desk.open_beside_good(&path), &path);
    assert!(
        matches!(&error, ReadError::Io { source, .. } if source.kind() == std::io::ErrorKind::PermissionDenied),
        "{error:?}"
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), GOOD.as_bytes(), "the file is untouched");
}

#[test]
fn a_device_or_pipe_is_refused_not_read_forever() {
    // `/dev/zero` never ends and a pipe without a writer blocks on open: both are refused up front.
    let desk = Desk::new();
    let zero = Path::new("/dev/zero");
    if zero.exists() {
        let error = expect_error(open_article(zero), zero);
        assert!(matches!(error, ReadError::NotAFile { .. }), "{error:?}");
    }
    let fifo = desk.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let error = expect_error(desk.open_beside_good(&fifo), &fifo);
        assert!(matches!(error, ReadError::NotAFile { .. }), "{error:?}");
    } else {
        println!("note: skipped the pipe case: mkfifo is not available");
    }
}
