"""Build test files of every format in a temporary folder (no third-party files are used)."""

from __future__ import annotations

import io
import plistlib
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
