"""Office files built by hand, part by part: a DOCX with a table, a footnote and a text box and
no core properties (Transitional or Strict), an .odt, an Outlook .msg (a small OLE writer)."""

from __future__ import annotations

import io
import struct
import zipfile

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _p(text: str, style: str = "") -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def docx_parts_bytes(*, strict: bool = False) -> bytes:
    """A newsroom DOCX: Title style headline, "By" line, body, a table, a text box (with its VML
    fallback copy), a footnote, a deleted revision, and no docProps at all."""
    w = W_STRICT if strict else W_TRANSITIONAL
    box = (
        f'<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
        f"<w:txbxContent>{_p('Timeline: the strike began on Friday at the Millpond gate.')}"
        f"</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f"<w:txbxContent>{_p('Timeline: the strike began on Friday at the Millpond gate.')}"
        f"</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    table = (
        "<w:tbl><w:tr><w:tc>" + _p("Terminal") + "</w:tc><w:tc>" + _p("Workers out")
        + "</w:tc></w:tr><w:tr><w:tc>" + _p("Millpond") + "</w:tc><w:tc>" + _p("2,500")
        + "</w:tc></w:tr></w:tbl>"
    )  # fmt: skip
    note_ref = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    body = (
        _p("Dock strike spreads to second terminal", "Title")
        + _p("By Mara Lindqvist")
        + "<w:p><w:r><w:t>A strike by dock workers spread to a second terminal on Monday, "
        "officials said.</w:t></w:r>" + note_ref + "<w:del><w:r><w:delText>DELETED WORDS"
        "</w:delText></w:r></w:del></w:p>"
        + _p("Nearly 4,000 workers walked out, according to the harbour authority.")
        + box + table
        + _p("The union is believed to have a strike fund large enough to last three months.")
    )  # fmt: skip
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{w}" '
        f'xmlns:mc="{MC}" xmlns:wps="{WPS}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    )
    footnotes = (
        f'<?xml version="1.0"?><w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f'</w:footnote><w:footnote w:id="1">{_p("Figures from the harbour authority.")}'
        "</w:footnote></w:footnotes>"
    )
    styles = (
        f'<?xml version="1.0"?><w:styles xmlns:w="{w}"><w:style w:type="paragraph" '
        'w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("word/document.xml", document)
        archive.writestr("word/footnotes.xml", footnotes)
        archive.writestr("word/styles.xml", styles)
    return buffer.getvalue()


def odt_bytes() -> bytes:
    """An OpenDocument text: heading, paragraphs, a list, a table, a footnote, meta.xml."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:body>'
        '<office:text><text:h text:outline-level="1">Dock strike spreads to second terminal'
        "</text:h><text:p>By Mara Lindqvist</text:p><text:p>A strike by dock workers spread to"
        "<text:s/>a second terminal on Monday, officials said.<text:note text:note-class="
        '"footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>'
        "Figures from the harbour authority.</text:p></text:note-body></text:note></text:p>"
        "<text:list><text:list-item><text:p>Nearly 4,000 workers walked out, according to the "
        "harbour authority.</text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>Millpond</text:p>"
        "</table:table-cell><table:table-cell><text:p>2,500</text:p></table:table-cell>"
        "</table:table-row></table:table><text:p>The union is believed to have a strike fund "
        "large enough to last three months.</text:p></office:text></office:body>"
        "</office:document-content>"
    )
    meta = (
        f'<?xml version="1.0"?><office:document-meta {ns}><office:meta><dc:title>Untitled'
        "</dc:title><meta:initial-creator>jsmith</meta:initial-creator>"
        "<dc:date>2026-11-24T10:00:00</dc:date></office:meta></office:document-meta>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", content)
        archive.writestr("meta.xml", meta)
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    return buffer.getvalue()


END, FREE, FAT_SECTOR = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def msg_bytes(subject: str, body: str, headers: str = "") -> bytes:
    """An Outlook .msg: an OLE compound file (version 3) with the MAPI property streams."""
    streams = {
        "__substg1.0_0037001F": subject.encode("utf-16-le"),
        "__substg1.0_1000001F": body.encode("utf-16-le"),
        "__substg1.0_007D001F": headers.encode("utf-16-le"),
        "__properties_version1.0": bytes(32),
    }
    # Streams of 4096 bytes or more live in ordinary sectors, so no mini stream is needed.
    datas = [data.ljust(4096, b"\0") for data in streams.values()]
    dir_sectors = (len(streams) + 1 + 3) // 4
    first_data = 1 + dir_sectors
    fat = [FAT_SECTOR] + [i + 2 for i in range(dir_sectors - 1)] + [END]
    starts = []
    sector = first_data
    for data in datas:
        count = len(data) // 512
        starts.append(sector)
        fat += [sector + i + 1 for i in range(count - 1)] + [END]
        sector += count
    fat += [FREE] * (128 - len(fat))
    entries = [_entry("Root Entry", 5, child=1, start=END, size=0)]
    for i, (name, data) in enumerate(zip(streams, datas, strict=True)):
        right = i + 2 if i + 1 < len(streams) else FREE
        entries.append(_entry(name, 2, right=right, start=starts[i], size=len(data)))
    directory = b"".join(entries).ljust(dir_sectors * 512, b"\0")
    header = (
        bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6) + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
        + struct.pack("<I", 0) + struct.pack("<I", FREE) * 108
    )  # fmt: skip
    return header + struct.pack("<128I", *fat) + directory + b"".join(datas)


def _entry(name: str, kind: int, *, child: int = FREE, right: int = FREE, start: int,
           size: int) -> bytes:  # fmt: skip
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", FREE, right, child) + bytes(16) + struct.pack("<I", 0)
        + bytes(16) + struct.pack("<IQ", start, size)
    )  # fmt: skip
