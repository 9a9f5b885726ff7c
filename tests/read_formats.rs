//! Every kind of file an analyst holds opens with the article's text and its source: a saved web page
//! (HTML, MHTML in quoted-printable or base64), an email, a Word document and a PDF (two columns, running
//! headers, hyphenation), each written here by the test; broken or hostile files are refused with a
//! message naming the file.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may panic on what they did not expect.

use std::io::Write as _;
use std::path::Path;

use dossier::model::ArticleMeta;
use dossier::read::{Format, ReadError, parse_bytes, read_article};

const BODY_1: &str =
    "Pakistan and Afghanistan agreed on Monday to reopen the Torkham crossing after talks in Islamabad.";
const BODY_2: &str =
    "Foreign Ministry spokesperson Maria Stone said the agreement would hold as long as both sides kept it.";

/// A saved news page: navigation, share bar, a caption, related links and a footer around the article,
/// and the metadata a real page carries in its head.
fn news_page() -> String {
    format!(
        r##"<!DOCTYPE html><html><head><title>Border to reopen after talks - The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="og:title" content="Border to reopen after talks">
<meta property="article:published_time" content="2024-05-12T08:30:00Z">
<meta name="author" content="Jane Smith">
<link rel="canonical" href="https://example.com/world/border-to-reopen">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Border to reopen after talks","datePublished":"2024-05-12T08:30:00Z","author":[{{"@type":"Person","name":"Jane Smith"}},{{"@type":"Person","name":"Omar Khan"}}],"publisher":{{"@type":"Organization","name":"The Daily Example"}}}}</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/video">Video</a></li><li><a href="/world">World</a></li></ul></nav></header>
<main><article>
<h1>Border to reopen after talks</h1>
<div class="byline">By Jane Smith and Omar Khan</div>
<ul class="share-tools"><li><a href="#">Share this with Facebook</a></li><li><a href="#">Share this with Messenger</a></li><li><a href="#">Share this with Email</a></li></ul>
<figure><img src="a.jpg"><figcaption>Trucks wait at the crossing. Photo: Example Agency</figcaption></figure>
<p>{BODY_1} The crossing had been closed for three weeks, stranding hundreds of lorries on both sides of the frontier.</p>
<p>{BODY_2} Traders in Peshawar welcomed the decision, saying the closure had cost them millions.</p>
<p>Officials from both countries are expected to meet again next month to discuss customs rules and the movement of people.</p>
</article>
<section class="related"><h2>Related stories</h2><ul><li><a href="/a">Israel and Syria trade fire</a></li><li><a href="/b">Ethiopia floods</a></li><li><a href="/c">Sweden votes</a></li></ul></section>
</main>
<footer><p>Copyright The Daily Example. All rights reserved.</p></footer>
</body></html>"##
    )
}

fn read(name: &str, bytes: &[u8]) -> dossier::read::ReadArticle {
    match parse_bytes(name, bytes, Format::of(Path::new(name))) {
        Ok(article) => article,
        Err(e) => panic!("{name} should open: {e}"),
    }
}

fn assert_news_page(article: &dossier::read::ReadArticle, what: &str) {
    assert_eq!(
        article.title.as_deref(),
        Some("Border to reopen after talks"),
        "{what}: title without the site's suffix"
    );
    assert!(article.text.starts_with("Border to reopen after talks\n\n"), "{what}: headline first: {:?}", article.text);
    assert!(article.text.contains(BODY_1) && article.text.contains(BODY_2), "{what}: the body: {:?}", article.text);
    assert!(article.text.contains("\n\nForeign Ministry"), "{what}: paragraphs kept: {:?}", article.text);
    for junk in ["Home", "Share this", "Photo:", "Related stories", "Ethiopia", "Copyright", "By Jane"] {
        assert!(!article.text.contains(junk), "{what}: no {junk:?} in the text: {:?}", article.text);
    }
    let meta = &article.meta;
    assert_eq!(meta.published.as_deref(), Some("2024-05-12"), "{what}");
    assert_eq!(meta.outlet.as_deref(), Some("The Daily Example"), "{what}");
    assert_eq!(meta.authors, ["Jane Smith", "Omar Khan"], "{what}");
}

#[test]
fn a_saved_page_opens_as_its_article_with_title_date_outlet_authors_and_address() {
    for name in ["page.html", "page.htm", "page.xhtml"] {
        let article = read(name, news_page().as_bytes());
        assert_news_page(&article, name);
        assert_eq!(article.meta.url.as_deref(), Some("https://example.com/world/border-to-reopen"));
    }
}

#[test]
fn a_page_with_only_a_title_and_byline_in_the_text_still_gives_its_source() {
    // No meta tags: the outlet comes from the title's suffix, the date from a <time> element, the
    // authors from the byline.
    let page = format!(
        "<html><head><title>Border to reopen after talks | The Daily Example</title></head><body>\
         <p class=\"byline\">By Jane Smith</p><time datetime=\"2024-05-12\">12 May</time>\
         <p>{BODY_1}</p><p>{BODY_2}</p></body></html>"
    );
    let article = read("plain.html", page.as_bytes());
    assert_eq!(article.title.as_deref(), Some("Border to reopen after talks"));
    assert_eq!(article.meta.outlet.as_deref(), Some("The Daily Example"));
    assert_eq!(article.meta.published.as_deref(), Some("2024-05-12"));
    assert_eq!(article.meta.authors, ["Jane Smith"]);
    assert_eq!(article.meta.url, None);
}

/// Quoted-printable as a browser writes it: `=` escapes, soft line breaks at 76 characters.
fn quoted_printable(text: &str) -> String {
    let mut out = String::new();
    let mut line = 0;
    for byte in text.bytes() {
        let piece = match byte {
            b'\n' => {
                out.push_str("\r\n");
                line = 0;
                continue;
            }
            b'=' | 0x80.. => format!("={byte:02X}"),
            _ => (byte as char).to_string(),
        };
        if line + piece.len() > 75 {
            out.push_str("=\r\n");
            line = 0;
        }
        line += piece.len();
        out.push_str(&piece);
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
        if out.len() % 78 == 76 {
            out.push_str("\r\n");
        }
    }
    out
}

fn mhtml(encoding: &str, body: &str) -> String {
    format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.com/world/border-to-reopen\r\n\
         Subject: Border to reopen after talks - The Daily Example\r\nDate: Sun, 12 May 2024 10:00:00 -0000\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc\"\r\n\r\n\
         ------MultipartBoundary--abc\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n\
         Content-Transfer-Encoding: {encoding}\r\nContent-Location: https://example.com/world/border-to-reopen\r\n\r\n\
         {body}\r\n\
         ------MultipartBoundary--abc\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\
         Content-Location: https://example.com/a.png\r\n\r\niVBORw0KGgo=\r\n\
         ------MultipartBoundary--abc--\r\n"
    )
}

#[test]
fn a_single_file_page_opens_in_quoted_printable_and_in_base64() {
    // A non-ASCII letter checks that the charset survives the transfer encoding.
    let page = news_page().replace("Peshawar", "Peshāwar").replace("<head>", "<head><meta charset=\"utf-8\">");
    for (encoding, body) in [("quoted-printable", quoted_printable(&page)), ("base64", base64(page.as_bytes()))] {
        for name in ["saved.mhtml", "saved.mht"] {
            let what = format!("{name} in {encoding}");
            let article = read(name, mhtml(encoding, &body).as_bytes());
            assert_news_page(&article, &what);
            assert!(article.text.contains("Peshāwar"), "{what}: {:?}", article.text);
            assert_eq!(article.meta.url.as_deref(), Some("https://example.com/world/border-to-reopen"), "{what}");
        }
    }
}

#[test]
fn an_email_news_alert_opens_with_its_subject_date_and_dateline() {
    let email = format!(
        "From: Alerts <alerts@example.com>\r\nTo: analyst@example.org\r\nSubject: Border to reopen after talks\r\n\
         Date: Mon, 13 May 2024 07:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
         ISLAMABAD, 12 May 2024 (Example News Agency) - {BODY_1}\r\n\r\n{BODY_2}\r\n"
    );
    let article = read("alert.eml", email.as_bytes());
    assert_eq!(article.title.as_deref(), Some("Border to reopen after talks"));
    assert!(article.text.contains(BODY_1) && article.text.contains(BODY_2));
    assert!(!article.text.contains("alerts@example.com"), "headers are not text");
    // The message's date is when it was sent; no date of the article is known better.
    assert_eq!(article.meta.published.as_deref(), Some("2024-05-13"));
    assert_eq!(article.meta.outlet.as_deref(), Some("Example News Agency"), "from the dateline");

    let html_email = format!(
        "Subject: Alert\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n\
         --b\r\nContent-Type: text/plain\r\n\r\nPlain version.\r\n\
         --b\r\nContent-Type: text/html\r\n\r\n<html><body><p>{BODY_1}</p><p>{BODY_2}</p></body></html>\r\n--b--\r\n"
    );
    let article = read("alert-html.eml", html_email.as_bytes());
    assert!(
        article.text.contains(BODY_1) && !article.text.contains("Plain version"),
        "the HTML part: {:?}",
        article.text
    );
}

/// A minimal Word document: the paragraphs, and the core properties.
fn docx(paragraphs: &[&str], core: &str) -> Vec<u8> {
    let mut buffer = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buffer);
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        let body: String =
            paragraphs.iter().map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>")).collect();
        let document = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        );
        let files = [
            ("[Content_Types].xml", "<Types/>".to_owned()),
            ("word/document.xml", document),
            ("docProps/core.xml", core.to_owned()),
        ];
        for (name, text) in files {
            zip.start_file(name, options).expect("zip entry");
            zip.write_all(text.as_bytes()).expect("zip write");
        }
        zip.finish().expect("zip finish");
    }
    buffer.into_inner()
}

#[test]
fn a_word_document_opens_with_its_paragraphs_title_author_and_date() {
    let core = "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
                xmlns:dcterms=\"http://purl.org/dc/terms/\"><dc:title>Border to reopen after talks</dc:title>\
                <dc:creator>Jane Smith</dc:creator><dcterms:created>2024-05-12T09:00:00Z</dcterms:created></cp:coreProperties>";
    let bytes = docx(&["Border to reopen after talks", BODY_1, "Traders &amp; officials welcomed it.", BODY_2], core);
    let article = read("report.docx", &bytes);
    assert_eq!(article.title.as_deref(), Some("Border to reopen after talks"));
    assert_eq!(
        article.text,
        format!("Border to reopen after talks\n\n{BODY_1}\n\nTraders & officials welcomed it.\n\n{BODY_2}\n\n")
    );
    assert_eq!(article.meta.authors, ["Jane Smith"]);
    assert_eq!(article.meta.published.as_deref(), Some("2024-05-12"));
}

#[test]
fn a_corrupt_word_document_is_refused_naming_the_file() {
    let mut bytes = docx(&[BODY_1], "<x/>");
    let cut = bytes.len() / 2;
    bytes.truncate(cut);
    let error = parse_bytes("broken.docx", &bytes, Format::Docx).expect_err("refused");
    assert!(matches!(error, ReadError::Document { .. }));
    assert!(error.to_string().starts_with("broken.docx: "), "{error}");
    let error = parse_bytes("fake.docx", b"PK\x03\x04 this is not a zip", Format::Docx).expect_err("refused");
    assert!(error.to_string().contains("fake.docx"), "{error}");
}

/// A PDF written by hand: each page's content stream draws lines at `(x, y, size, text)` in the order
/// given, with the standard Helvetica font.
fn pdf(pages: &[Vec<(f64, f64, f64, String)>], info: &str, extra_objects: &[Vec<u8>]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = Vec::new();
    // 1 catalog, 2 pages, 3 font, 4 info, then per page: page, content.
    let first_page = 5;
    let kids: Vec<String> = (0..pages.len()).map(|i| format!("{} 0 R", first_page + 2 * i)).collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), pages.len()).into_bytes());
    objects.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec());
    objects.push(info.as_bytes().to_vec());
    for (i, lines) in pages.iter().enumerate() {
        let content: String = lines
            .iter()
            .map(|(x, y, size, text)| {
                format!("BT /F1 {size} Tf {x} {y} Td ({}) Tj ET\n", text.replace('(', "\\(").replace(')', "\\)"))
            })
            .collect();
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                first_page + 2 * i + 1
            )
            .into_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend_from_slice(content.as_bytes());
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    objects.extend(extra_objects.iter().cloned());
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    out
}

const INFO: &str = "<< /Title (Border to reopen after talks) /Author (Jane Smith) /CreationDate (D:20240512093000Z) >>";

#[test]
fn a_two_column_pdf_reads_column_by_column_without_running_headers_or_page_numbers() {
    let left = [
        "Pakistan and Afghanistan agreed on",
        "Monday to reopen the crossing after",
        "long negoti-",
        "ations in Islamabad, officials said.",
    ];
    let right = [
        "Traders in Peshawar welcomed the",
        "decision and said the closure had",
        "cost them millions in lost business",
        "over the three weeks it lasted.",
    ];
    let mut page_1 = vec![
        (72.0, 760.0, 9.0, "The Daily Example".to_owned()),
        (72.0, 720.0, 18.0, "Border to reopen after long talks".to_owned()),
        (300.0, 40.0, 9.0, "1".to_owned()),
    ];
    // Drawn line by line across both columns, as many layout programs write them.
    for (i, (l, r)) in left.iter().zip(right).enumerate() {
        let y = 680.0 - 14.0 * i as f64;
        page_1.push((72.0, y, 11.0, (*l).to_owned()));
        page_1.push((330.0, y, 11.0, r.to_owned()));
    }
    let page_2 = vec![
        (72.0, 760.0, 9.0, "The Daily Example".to_owned()),
        (72.0, 700.0, 11.0, "Officials will meet again next month.".to_owned()),
        (300.0, 40.0, 9.0, "2".to_owned()),
    ];
    let article = read("report.pdf", &pdf(&[page_1, page_2], INFO, &[]));
    let text = &article.text;
    assert_eq!(article.title.as_deref(), Some("Border to reopen after talks"), "from the document information");
    assert_eq!(article.meta.authors, ["Jane Smith"]);
    assert_eq!(article.meta.published.as_deref(), Some("2024-05-12"));
    assert!(text.starts_with("Border to reopen after long talks\n\n"), "{text:?}");
    let left_column = "Pakistan and Afghanistan agreed on Monday to reopen the crossing after long negotiations in \
                       Islamabad, officials said.";
    let right_column = "Traders in Peshawar welcomed the decision and said the closure had cost them millions in lost \
                        business over the three weeks it lasted.";
    let (Some(l), Some(r)) = (text.find(left_column), text.find(right_column)) else {
        panic!("each column is one paragraph, hyphenation joined: {text:?}")
    };
    assert!(l < r, "the left column first: {text:?}");
    assert!(text.contains("Officials will meet again next month."));
    assert!(!text.contains("Daily Example"), "the running header is dropped: {text:?}");
    assert!(
        !text.contains("\n1\n") && !text.contains("\n2\n") && !text.ends_with("2\n"),
        "page numbers dropped: {text:?}"
    );
}

#[test]
fn a_sentence_running_on_into_the_next_column_or_page_stays_one_paragraph() {
    let left = [
        "Traders in Peshawar welcomed the",
        "decision on Monday and said that",
        "the closure of the crossing for",
        "three weeks had",
    ];
    let right = [
        "cost them millions in lost",
        "business, that prices had risen",
        "in the markets of the city and",
        "that the border",
    ];
    let mut page_1 = Vec::new();
    for (i, (l, r)) in left.iter().zip(right).enumerate() {
        let y = 680.0 - 14.0 * i as f64;
        page_1.push((72.0, y, 11.0, (*l).to_owned()));
        page_1.push((330.0, y, 11.0, r.to_owned()));
    }
    let page_2 = vec![
        (72.0, 700.0, 11.0, "should stay open all year.".to_owned()),
        (72.0, 650.0, 11.0, "Officials will meet again next month.".to_owned()),
    ];
    let text = read("report.pdf", &pdf(&[page_1, page_2], INFO, &[])).text;
    let sentence = "Traders in Peshawar welcomed the decision on Monday and said that the closure of the crossing \
                    for three weeks had cost them millions in lost business, that prices had risen in the markets \
                    of the city and that the border should stay open all year.";
    assert!(text.contains(sentence), "one sentence across two columns and a page: {text:?}");
    assert!(text.contains("year.\n\nOfficials will meet"), "a new paragraph after a gap: {text:?}");
}

/// Found by fuzzing the web-page reader: a title in a broken encoding gave C1 control characters.
#[test]
fn metadata_holds_no_control_characters() {
    let page = b"<html><head><title>Talks\x90 resume\tat the border</title>\
        <meta name=\"author\" content=\"Jane\x85Smith\"></head><body><p>Pakistan and Afghanistan agreed on \
        Monday to reopen the border crossing after two days of talks, officials said.</p></body></html>";
    let article = read("page.html", page);
    assert_eq!(article.title.as_deref(), Some("Talks resume at the border"));
    assert!(article.meta.authors.iter().all(|a| !a.chars().any(char::is_control)), "{:?}", article.meta.authors);
}

/// Found by fuzzing the PDF reader: a creation date with a letter outside ASCII in its first eight bytes
/// made the reader slice inside a character and panic.
#[test]
fn a_pdf_whose_creation_date_is_not_digits_opens_without_a_date() {
    let info = "<< /Title (Border talks) /CreationDate (D:2024051\u{e8}1200) >>";
    let page = vec![(72.0, 700.0, 11.0, "Officials will meet again next month, the ministry said.".to_owned())];
    let article = read("report.pdf", &pdf(&[page], info, &[]));
    assert_eq!(article.meta.published, None);
    assert_eq!(article.title.as_deref(), Some("Border talks"));
}

/// Found by fuzzing the PDF reader: a page that is its own parent sent pdf-extract round the page tree
/// for ever. The file (tests/fixtures/pdf-page-parent-loop.pdf) is the fuzzer's mutation of a one-page
/// PDF written by fuzz/seeds/make_seeds.py.
#[test]
fn a_pdf_whose_page_tree_loops_is_refused_naming_the_file() {
    let bytes = include_bytes!("fixtures/pdf-page-parent-loop.pdf");
    let error = parse_bytes("loop.pdf", bytes, Format::Pdf).expect_err("refused");
    assert!(error.to_string().starts_with("loop.pdf"), "{error}");
    assert!(error.to_string().contains("page tree"), "{error}");
}

#[test]
fn a_scanned_pdf_says_it_has_no_text_layer() {
    let error = parse_bytes("scan.pdf", &pdf(&[Vec::new()], INFO, &[]), Format::Pdf).expect_err("refused");
    let message = error.to_string();
    assert!(message.starts_with("scan.pdf: ") && message.contains("no text layer"), "{message}");
}

#[test]
fn a_pdf_bomb_and_a_broken_pdf_are_refused_naming_the_file() {
    // 300 streams of 1 MB of zeros each: about 300 KB on disk, 300 MB unpacked.
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(&vec![0u8; 1 << 20]).expect("compress");
    let packed = encoder.finish().expect("compress");
    let mut bomb_stream = format!("<< /Length {} /Filter /FlateDecode >>\nstream\n", packed.len()).into_bytes();
    bomb_stream.extend_from_slice(&packed);
    bomb_stream.extend_from_slice(b"\nendstream");
    let extra = vec![bomb_stream; 300];
    let page = vec![(72.0, 700.0, 11.0, "Some text.".to_owned())];
    let error = parse_bytes("bomb.pdf", &pdf(&[page], INFO, &extra), Format::Pdf).expect_err("refused");
    assert!(error.to_string().starts_with("bomb.pdf: ") && error.to_string().contains("bomb"), "{error}");

    let error = parse_bytes("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", Format::Pdf).expect_err("refused");
    assert!(error.to_string().starts_with("broken.pdf: "), "{error}");
}

#[test]
fn a_text_file_gives_what_its_first_lines_say() {
    let text = format!(
        "Border to reopen after talks\n\nBy Jane Smith\n\nISLAMABAD, May 12, 2024 (Example News Agency) - {BODY_1}\n"
    );
    let article = read("wire.txt", text.as_bytes());
    assert_eq!(article.text, text, "a text file's text is kept exactly");
    assert_eq!(article.title.as_deref(), Some("Border to reopen after talks"));
    assert_eq!(
        article.meta,
        ArticleMeta {
            published: Some("2024-05-12".into()),
            authors: vec!["Jane Smith".into()],
            outlet: Some("Example News Agency".into()),
            url: None
        }
    );
}

#[test]
fn every_kind_is_offered_by_the_open_dialog_and_recognised_by_its_extension() {
    for (ext, format) in [
        ("html", Format::Html),
        ("htm", Format::Html),
        ("xhtml", Format::Html),
        ("mhtml", Format::Mhtml),
        ("mht", Format::Mhtml),
        ("eml", Format::Email),
        ("pdf", Format::Pdf),
        ("docx", Format::Docx),
        ("PDF", Format::Pdf),
    ] {
        assert_eq!(Format::of(Path::new(&format!("a.{ext}"))), format, "{ext}");
        assert!(Format::EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()), "{ext} in the dialog filter");
    }
}

#[test]
fn files_on_disk_open_by_their_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saved.mhtml");
    std::fs::write(&path, mhtml("quoted-printable", &quoted_printable(&news_page()))).expect("write");
    let article = read_article(&path).expect("opens");
    assert_news_page(&article, "saved.mhtml on disk");
}
