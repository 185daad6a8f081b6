"""Limits that keep hostile files harmless: size, XML entities, zip bombs, no network.

* Files over the size limit are refused before they are read.
* XML that declares entities is refused ("billion laughs", external entities); the parser never
  resolves entities, never loads a DTD (a DOCTYPE naming nitf-3-5.dtd is fine) and never
  touches the network.
* A zip container (DOCX, EPUB) is checked from its directory before anything is decompressed:
  the declared sizes, their sum and the compression ratio must be sane.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from lxml import etree

from readwise_desktop.formats.decoding import DEFAULT_MAX_BYTES, InputError, read_limited

__all__ = [
    "check_count",
    "inflate_limited",
    "open_zip",
    "parse_xml",
    "read_limited",
    "read_member",
    "xml_parser",
]

MAX_ZIP_MEMBERS = 5_000
MAX_RATIO = 200  # a member may expand at most 200 times (text compresses about 3-10 times)
MAX_MEMBER_BYTES = 200_000_000  # no document part is bigger, whatever the size limit
CHUNK = 1 << 20
ENTITY_MARKERS = (b"<!ENTITY", b"<!entity")


def xml_parser() -> etree.XMLParser:
    """A parser that resolves no entity, loads no DTD and fetches nothing."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, what: str) -> etree._Element:
    """Parse XML safely; entity declarations and malformed XML are refused in one sentence."""
    if any(marker in data for marker in ENTITY_MARKERS):
        raise InputError(f"the {what} declares XML entities, which are refused for safety")
    try:
        root = etree.fromstring(data, parser=xml_parser())
    except etree.XMLSyntaxError as err:
        raise InputError(f"the {what} is not well-formed XML ({err.msg})") from err
    if root is None:
        raise InputError(f"the {what} is empty")
    return root


def open_zip(data: bytes, what: str, max_bytes: int = DEFAULT_MAX_BYTES) -> zipfile.ZipFile:
    """A zip container whose directory promises nothing dangerous."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as err:
        raise InputError(
            f"the {what} is damaged or not a {what} (not a valid zip container)"
        ) from err
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise InputError(f"the {what} holds {len(members)} parts, too many to be a document")
    total = 0
    for info in members:
        if info.flag_bits & 0x1:
            raise InputError(f"the {what} is encrypted; open it in its program and save a copy")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > max_bytes or total > max_bytes or ratio > MAX_RATIO:
            raise InputError(
                f"the {what} would expand to more than the size limit (a zip bomb?); refused"
            )
    return archive


def read_member(
    archive: zipfile.ZipFile, name: str, what: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> bytes:
    """One member, decompressed in pieces and stopped as soon as it grows past the size limit
    or past :data:`MAX_RATIO` times its packed size, whatever its directory entry declares."""
    try:
        info = archive.getinfo(name)
    except KeyError as err:
        raise InputError(f"the {what} is incomplete: it has no {name}") from err
    cap = min(max_bytes, max(info.compress_size, 1) * MAX_RATIO, MAX_MEMBER_BYTES)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(CHUNK):
                size += len(chunk)
                if size > cap:
                    raise InputError(
                        f"the {what} would expand to more than the size limit (a zip bomb?); "
                        "refused"
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as err:
        raise InputError(f"the {what} is damaged ({name} cannot be read)") from err
    return b"".join(chunks)


def check_count(count: int, limit: int, what: str, parts: str) -> None:
    """Refuse a file that lists more ``parts`` than any article has (counted before reading)."""
    if count > limit:
        raise InputError(f"the {what} lists {count:,} {parts}, more than an article has; refused")


def inflate_limited(data: bytes, cap: int, what: str) -> bytes:
    """zlib/deflate data inflated to at most ``cap`` bytes; more is refused as a bomb."""
    inflater = (
        zlib.decompressobj(zlib.MAX_WBITS | 32) if data[:1] == b"\x1f" else (zlib.decompressobj())
    )
    out = inflater.decompress(data, cap + 1)
    if len(out) > cap:
        raise InputError(f"the {what} would expand to more than the size limit (a bomb?); refused")
    return out
