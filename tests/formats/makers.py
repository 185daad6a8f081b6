"""Build test files of every format in a temporary folder (no third-party files are used)."""

from __future__ import annotations

import base64
import io
import json
import plistlib
import quopri
import zipfile
from email.message import EmailMessage
from pathlib import Path

STORY = [
    "A strike by dock workers spread to a second terminal on Monday, officials said.",
    "Nearly 4,000 workers walked out, according to the harbour authority.",
    "The union is believed to have a strike fund large enough to last three months.",
]
HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Strike spreads | Northwind</title>
<meta name="author" content="Mara Lindqvist">
<meta property="article:published_time" content="2026-11-24">
<link rel="stylesheet" href="http://example.invalid/style.css">
<script src="http://example.invalid/tracker.js"></script></head>
<body><nav>Home | News | Sport</nav><article><h1>Dock strike spreads</h1>
<p>PORT ALDER, Nov 24 (Northwind News) - {}</p>
<figure><img src="http://example.invalid/pickets.jpg">
<figcaption>Pickets at the gate.</figcaption></figure>
<p>{}</p><p>{}</p></article><footer>Copyright Northwind</footer>
<iframe src="http://example.invalid/ad"></iframe></body></html>
""".format(*STORY)


def pdf_bytes(lines: list[str], *, encrypted: bool = False, title: str | None = None) -> bytes:
    """A one-page PDF with the lines in Helvetica, written by hand (PDF 1.4)."""

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    shows = " ".join(f"({esc(line)}) '" for line in lines)
    content = f"BT /F1 11 Tf 72 740 Td 14 TL {shows} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({title or ''}) >>",
    ]
    if encrypted:
        objects.append(
            "<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + "11" * 32 + "> /U <" + "22" * 32 + "> >>"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    file_id = "<" + "0123456789abcdef" * 2 + ">"
    extra = f" /Encrypt 7 0 R /ID [{file_id} {file_id}]"
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R{extra if encrypted else ''} >>"
    out += f"trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def docx_bytes(paragraphs: list[tuple[str, str]], title: str = "", author: str = "") -> bytes:
    """A Word document with (style, text) paragraphs, made with python-docx."""
    import docx

    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    document.core_properties.title = title
    document.core_properties.author = author
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def epub_bytes(
    chapters: list[str], title: str = "Harbour stories", creator: str = "N. News"
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>",
        )
        items = "".join(
            f'<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>'
            for i in range(len(chapters))
        )
        spine = "".join(f'<itemref idref="c{i}"/>' for i in reversed(range(len(chapters))))
        archive.writestr(
            "OEBPS/content.opf",
            '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator></metadata>"
            f"<manifest>{items}</manifest><spine>{spine}</spine></package>",
        )
        for i, chapter in enumerate(chapters):
            archive.writestr(
                f"OEBPS/c{i}.xhtml",
                '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
                f"<head><title>c{i}</title></head><body><p>{chapter}</p></body></html>",
            )
    return buffer.getvalue()


def zip_bytes(members: dict[str, str]) -> bytes:
    """A zip archive holding ``members`` (name: text), which is no document format."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def eml_bytes(body: str, subject: str = "Fwd: Strike spreads", html: str | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = "desk@example.invalid"
    message["To"] = "reporter@example.invalid"
    message["Subject"] = subject
    message["Date"] = "Tue, 24 Nov 2026 10:00:00 +0000"
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message.as_bytes()


def mhtml_bytes(html: str) -> bytes:
    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Subject"] = "Strike spreads"
    message["MIME-Version"] = "1.0"
    message.make_related()
    message.add_related(html, subtype="html")
    return message.as_bytes()


def webarchive_bytes(html: str) -> bytes:
    return plistlib.dumps(
        {
            "WebMainResource": {
                "WebResourceData": html.encode("utf-8"),
                "WebResourceMIMEType": "text/html",
                "WebResourceTextEncodingName": "UTF-8",
                "WebResourceURL": "https://example.invalid/strike",
            }
        },
        fmt=plistlib.FMT_BINARY,
    )


def anpa_bytes(headline: str, paragraphs: list[str]) -> bytes:
    """An ANPA-1312 wire dump: SYN SYN SOH header, STX, tab-indented lines, trailer, ETX EOT."""
    lines = b"".join(b"\t" + line.encode() + b"\r\r\n" for line in [headline, *paragraphs])
    return (
        b"\x16\x16\x01a0123 r f BC-Strike 11-24 0153\r\r\n\x02\r\r\n"
        + lines
        + b"AP-NY-11-24-26 1204EST\r\r\n\x03\x04"
    )


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


AP_WIRE = [
    "^BC-Port-Strike, 1st Ld-Writethru,412<",
    "^Dock strike spreads to second terminal in Port Alder<",
    "Eds: UPDATES with union comment in 5th graf. With AP Photos.<",
    "By MARA LINDQVIST=",
    "Associated Press Writer=",
    "\tPORT ALDER, Maine (AP) _ A strike by dock workers spread to a second terminal on Monday,"
    " officials said.<",
    "\tNearly 4,000 workers walked out, according to the harbour authority.<",
    "\tAP Photo NY101<",
    "\tThe union is believed to have a strike fund large enough to last three months.<",
    "\t``We are ready to stay out,'' said Jo Brandt, the union's leader.<",
    "^End Adv for Tuesday, Nov. 24<",
]
DPA_WIRE = [
    "bdt0412 4 pl 212 dpa 0871",
    "Germany/Ports/Strike/",
    "Dock strike spreads to second terminal in Hamburg =",
    "1ST LEAD",
    "(Adds union comment in paragraph 3)",
    "By Jonas Weber, dpa =",
    "   Hamburg (dpa) - A strike by dock workers spread to a second",
    "terminal on Monday, officials at the port authority headed by",
    "Chancellor-appointed director Karin Vogt said.",
    "   Nearly 4,000 workers walked out, according to the harbour",
    "authority.",
    "",
    "The union is believed to have a strike fund large enough to last",
    "three months.",
    "dpa jw yyzz",
    "241204 Nov 26",
]


def ap_wire_bytes(lines: list[str] | None = None) -> bytes:
    """AP copy in ANPA-1312: SYN SYN SOH service line, STX, format codes, trailer, ETX EOT."""
    body = b"".join(line.encode("latin-1") + b"\r\r\n" for line in lines or AP_WIRE)
    return (
        b"\x16\x16\x01a0412 r f BC-Port-Strike 11-24 0412\x1f\r\r\n\x02"
        + body
        + b"AP-NY-11-24-26 1204EST<\r\r\n\x03\x04"
    )


def dpa_wire_bytes(lines: list[str] | None = None) -> bytes:
    """dpa copy in IPTC 7901: SOH, a service line, STX, hard-wrapped indented lines, ETX."""
    head, *rest = lines or DPA_WIRE
    body = b"".join(line.encode("latin-1") + b"\r\n" for line in rest)
    return b"\x01" + head.encode() + b"\r\n\x02" + body + b"\x03"


Placed = tuple[float, float, float, str]  # font size, x, y (from the bottom), text


def layout_pdf_bytes(pages: list[list[Placed]], title: str = "i_heart_word") -> bytes:
    """A PDF whose pages place each line at (x, y) in its own type size (Helvetica)."""

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    count = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, placed in enumerate(pages):
        shows = " ".join(
            f"BT /F1 {size} Tf {x} {y} Td ({esc(text)}) Tj ET" for size, x, y, text in placed
        )
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Contents {5 + 2 * i} 0 R /Resources << /Font << /F1 3 0 R >> >> >>"
        )
        objects.append(f"<< /Length {len(shows.encode('cp1252'))} >>\nstream\n{shows}\nendstream")
    objects.append(f"<< /Title ({title}) /Author (jsmith) >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("cp1252")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>"
    out += f"trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def newspaper_pdf_bytes() -> bytes:
    """Two pages: a running head, a 22-point headline, a byline, indented paragraphs wrapped
    over lines, page numbers; an accented word (protégé)."""
    head = (8, 72, 760, "NORTHWIND NEWS   Tuesday, November 24, 2026")
    page1: list[Placed] = [
        head,
        (22, 72, 700, "Dock strike spreads to second"),
        (22, 72, 674, "terminal in Port Alder"),
        (10, 72, 648, "By Mara Lindqvist"),
        (10, 90, 620, "A strike by dock workers spread to a second terminal on Monday,"),
        (10, 72, 607, "officials said, as the union's young protégé took charge."),
        (10, 90, 594, "Nearly 4,000 workers walked out, according to the harbour"),
        (10, 72, 581, "authority, which said talks would resume on Wednesday."),
        (9, 300, 40, "1"),
    ]
    page2: list[Placed] = [
        head,
        (10, 90, 700, "The union is believed to have a strike fund large enough to last"),
        (10, 72, 687, "three months, its treasurer said."),
        (9, 300, 40, "2"),
    ]
    return layout_pdf_bytes([page1, page2])


def gmail_eml_bytes() -> bytes:
    """A message as Gmail's "Download message" saves it: Delivered-To first, base64 text part,
    quoted-printable HTML alternative."""
    text = "\n\n".join(STORY).encode()
    return (
        b"Delivered-To: reporter@example.invalid\r\n"
        b"Received: by 2002:a05:6a10:1234 with SMTP id abc;\r\n"
        b"        Tue, 24 Nov 2026 02:00:00 -0800 (PST)\r\n"
        b"X-Gm-Message-State: AOJu0Yz\r\n"
        b"From: Wire Desk <desk@example.invalid>\r\n"
        b"Subject: Fwd: Strike spreads to second terminal\r\n"
        b"Date: Tue, 24 Nov 2026 10:00:00 +0000\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/alternative; boundary="b1"\r\n\r\n'
        b'--b1\r\nContent-Type: text/plain; charset="UTF-8"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(text).replace(b"\n", b"\r\n")
        + b'\r\n--b1\r\nContent-Type: text/html; charset="UTF-8"\r\n'
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + quopri.encodestring(("<div>" + "</div><div>".join(STORY) + "</div>").encode())
        + b"\r\n--b1--\r\n"
    )


def mbox_bytes() -> bytes:
    """Two messages in mbox form; the second's body has a quoted >From line."""
    first = eml_bytes("\n\n".join(STORY), subject="Strike spreads to second terminal")
    second = eml_bytes(
        "Ferry services to the islands were cut on Tuesday, the operator said.\n\n"
        ">From now on, crossings will run twice a day, a spokeswoman said.",
        subject="Ferries cut",
    )
    return (
        b"From desk@example.invalid Tue Nov 24 10:00:00 2026\n" + first.replace(b"\r\n", b"\n")
        + b"\nFrom desk@example.invalid Tue Nov 24 11:00:00 2026\n"
        + second.replace(b"\r\n", b"\n")
    )  # fmt: skip


CHROME_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Café owners join the strike</title></head><body><article>
<h1>Café owners join the strike</h1>
<p>PORT ALDER, Nov 24 (Northwind News) – The café owners’ guild joined the dock strike on
Monday, officials said.</p><p>“We stand with the workers,” said Zoë Brandt, the guild’s
president.</p><p>Nearly 300 cafés closed, according to the harbour authority’s count.</p>
</article></body></html>"""


def chrome_mhtml_bytes(html: str = CHROME_PAGE) -> bytes:
    """MHTML as Chrome saves it: the HTML part declares no charset, quoted-printable body."""
    qp = quopri.encodestring(html.encode("utf-8"))
    return (
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.invalid/cafe\r\n"
        b"Subject: =?utf-8?Q?Caf=C3=A9_owners?=\r\nDate: Tue, 24 Nov 2026 10:00:00 -0000\r\n"
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        b'\tboundary="----MultipartBoundary--x1"\r\n\r\n'
        b"------MultipartBoundary--x1\r\nContent-Type: text/html\r\n"
        b"Content-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: https://example.invalid/cafe\r\n\r\n"
        + qp.replace(b"\n", b"\r\n")
        + b"\r\n------MultipartBoundary--x1--\r\n"
    )


RTF = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Helvetica;}}{\colortbl;\red0\green0\blue0;}"
    r"{\info{\title Dock strike spreads to second terminal}{\author jsmith}}"
    r"{\header\pard Northwind News page header\par}"
    "\n"
    r"\pard\plain\f0\fs36 Dock strike spreads to second terminal\par"
    r"\pard\fs20 By Mara Lindqvist\par"
    r"\pard A strike by dock workers spread to a second terminal on Monday, officials said, "
    r"as the union\rquote s young prot\'e9g\u233? took charge.\par"
    "\n"
    r"\pard Nearly 4,000 workers walked out, according to the harbour authority.\par"
    r"\trowd\cellx3000\cellx6000 Millpond\cell 2,500\cell\row"
    r"\pard The union is believed to have a strike fund large enough to last three months.\par}"
)
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Northwind News</title>
<link>https://example.invalid/</link><description>Harbour news</description>
<item><title>Dock strike spreads to second terminal</title><dc:creator>Mara Lindqvist</dc:creator>
<pubDate>Tue, 24 Nov 2026 10:00:00 +0000</pubDate><description>Short teaser.</description>
<content:encoded><![CDATA[<p>{}</p><p>{}</p><p>{}</p>]]></content:encoded></item>
<item><title>Ferries cut</title><description>&lt;p&gt;Ferry services to the islands were cut
on Tuesday, the operator said.&lt;/p&gt;</description></item>
<item><title>Photo gallery</title></item>
</channel></rss>""".format(*STORY)
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Northwind News</title><id>urn:x</id>
<entry><title>Dock strike spreads to second terminal</title><author><name>Mara Lindqvist</name>
</author><published>2026-11-24T10:00:00Z</published><content type="xhtml"><div
xmlns="http://www.w3.org/1999/xhtml"><p>{}</p><p>{}</p><p>{}</p></div></content></entry>
<entry><title>Ferries cut</title><summary type="text">Ferry services to the islands were cut
on Tuesday, the operator said.</summary></entry></feed>""".format(*STORY)
JSON_FEED = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Northwind News",
        "items": [
            {
                "id": "1",
                "title": "Dock strike spreads to second terminal",
                "authors": [{"name": "Mara Lindqvist"}],
                "date_published": "2026-11-24T10:00:00Z",
                "content_html": "".join(f"<p>{s}</p>" for s in STORY),
            },
            {"id": "2", "title": "Ferries cut", "content_text": "Ferry services were cut."},
        ],
    }
)


def zipped_html_bytes(html: str = HTML_PAGE) -> bytes:
    """A Google Docs "Web page (.html, zipped)" export: the page and its images folder."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("DockStrike.html", html)
        archive.writestr("images/image1.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    return buffer.getvalue()


URL_SHORTCUT = "[InternetShortcut]\r\nURL=https://example.invalid/strike\r\n"


def webloc_bytes(binary: bool = False) -> bytes:
    """A macOS .webloc link, as an XML or a binary property list."""
    fmt = plistlib.FMT_BINARY if binary else plistlib.FMT_XML
    return plistlib.dumps({"URL": "https://example.invalid/strike"}, fmt=fmt)
