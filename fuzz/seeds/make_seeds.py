#!/usr/bin/env python3
"""Writes the starting inputs of the reader fuzz targets (read_html, read_mhtml, read_eml, read_pdf,
read_docx) into fuzz/seeds/<target>/. The article text is our own. Deterministic: run it again and the
files are byte-identical. Usage: python3 fuzz/seeds/make_seeds.py"""

import base64
import io
import os
import quopri
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
TITLE = "Ministers argue over river treaty"
PARAS = [
    "LISBON, 3 March (Newswire) - The foreign minister of Portugal, Ana Ribeiro, said on Tuesday that the "
    "river treaty \u201cmust be honoured by both sides\u201d.",
    "Spanish officials warned that talks could stall. \u201cWe will not sign a text we have not read,\u201d "
    "a spokesman told reporters.",
    "She added that a new round of talks would begin in April.",
]


def write(target, name, data):
    folder = os.path.join(HERE, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def html_page():
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE} - Newswire</title>
<meta property="og:site_name" content="Newswire"><meta property="og:title" content="{TITLE}">
<meta name="author" content="Jo Writer"><meta property="article:published_time" content="2024-03-03T10:00:00Z">
<link rel="canonical" href="https://news.example.org/world/river-treaty">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{TITLE}","datePublished":"2024-03-03",
"author":{{"@type":"Person","name":"Jo Writer"}},"publisher":{{"name":"Newswire"}}}}</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>{TITLE}</h1><p class="byline">By Jo Writer</p>{body}</article>
<aside><h2>Related</h2><ul><li><a href="/x">Another story</a></li></ul></aside>
<footer>Share this with Email Facebook</footer></body></html>"""


def mime_page(encoding):
    page = html_page().encode("utf-8")
    if encoding == "quoted-printable":
        encoded = quopri.encodestring(page).decode("ascii")
    else:
        encoded = base64.encodebytes(page).decode("ascii")
    return (
        "From: <Saved by Blink>\r\nSubject: " + TITLE + "\r\nDate: Sun, 3 Mar 2024 10:00:00 -0000\r\n"
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"----B\"\r\n\r\n"
        "------B\r\nContent-Type: text/html; charset=\"utf-8\"\r\n"
        f"Content-Transfer-Encoding: {encoding}\r\n"
        "Content-Location: https://news.example.org/world/river-treaty\r\n\r\n"
        f"{encoded}\r\n------B--\r\n"
    )


def email():
    text = "\r\n\r\n".join(PARAS)
    return (
        "From: Alerts <alerts@news.example.org>\r\nTo: analyst@example.org\r\n"
        f"Subject: News alert: {TITLE}\r\nDate: Sun, 3 Mar 2024 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
        f"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n"
        f"--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html_page()}\r\n--b1--\r\n"
    )


def pdf(columns):
    """A one-page PDF with a text layer: one column, or the paragraphs split over two columns."""
    lines = []
    for i, para in enumerate(PARAS):
        words, line = para.encode("ascii", "replace").decode().split(), ""
        for w in words:
            if len(line) + len(w) > (40 if columns == 2 else 80):
                lines.append((i, line))
                line = ""
            line += w + " "
        lines.append((i, line))
    ops = ["BT /F1 10 Tf"]
    half = (len(lines) + 1) // 2
    for n, (_, line) in enumerate(lines):
        x, row = (72, n) if columns == 1 or n < half else (320, n - half)
        safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"1 0 0 1 {x} {720 - 14 * row} Tm ({safe}) Tj")
    ops.append("ET")
    ops.append("BT /F1 8 Tf 1 0 0 1 300 40 Tm (1) Tj ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({TITLE}) /Author (Jo Writer) /CreationDate (D:20240303100000Z) >>".encode(),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def docx():
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paras = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>" for p in [TITLE] + PARAS)
    files = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body>{paras}</w:body></w:document>',
        "docProps/core.xml": '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        f"<dc:title>{TITLE}</dc:title><dc:creator>Jo Writer</dc:creator>"
        "<dcterms:created>2024-03-03T10:00:00Z</dcterms:created></cp:coreProperties>",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 3, 10, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
    return out.getvalue()


write("read_html", "page.html", html_page())
write("read_html", "bare.html", "<html><body><h1>%s</h1>%s</body></html>" % (TITLE, "".join(f"<div>{p}</div>" for p in PARAS)))
write("read_mhtml", "quoted-printable.mhtml", mime_page("quoted-printable"))
write("read_mhtml", "base64.mhtml", mime_page("base64"))
write("read_eml", "alert.eml", email())
write("read_pdf", "one-column.pdf", pdf(1))
write("read_pdf", "two-columns.pdf", pdf(2))
write("read_docx", "article.docx", docx())
