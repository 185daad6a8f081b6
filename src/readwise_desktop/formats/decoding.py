"""Read a plain-text article from disk: size limit, encoding detection, clear errors.

Encodings: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when the zero bytes
say so), and cp1252, the usual single-byte encoding of Windows newsroom files. Anything else,
binary files included, is refused with one sentence saying why.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
CONTROL_OK = frozenset("\n\r\t\f\v")


class InputError(Exception):
    """Bad input: the message is one sentence a reader can act on."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str


def read_limited(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path``, refused with one sentence when missing, a folder, too big or empty."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a file")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path}: the file is {size / 1e6:.3g} MB, over the {max_bytes / 1e6:.3g} MB limit"
            )
        data = path.read_bytes()
    except PermissionError as err:
        raise InputError(f"{path}: permission denied") from err
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err})") from err
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    return data


def read_text_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """The decoded text of ``path``, or :class:`InputError` with a one-line reason."""
    p = Path(path)
    data = read_limited(p, max_bytes)
    try:
        return decode_bytes(data)
    except InputError as err:
        raise InputError(f"{p}: {err}") from err


def decode_bytes(data: bytes) -> DecodedText:
    if not data.strip():
        raise InputError("the file is empty")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(data, encoding)
    guess = _utf16_without_bom(data)
    if guess:
        return _checked(data, guess)
    if b"\x00" in data:
        raise InputError("this looks like a binary file, not text")
    try:
        return _checked(data, "utf-8")
    except InputError:
        pass
    try:
        return _checked(data, "cp1252")
    except InputError as err:
        raise InputError(
            "the text is in an encoding that cannot be read (tried UTF-8, UTF-16 and Windows-1252)"
        ) from err


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / len(sample[0::2])
    odd_zero = sample[1::2].count(0) / len(sample[1::2])
    if odd_zero > 0.4 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.4 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def _checked(data: bytes, encoding: str) -> DecodedText:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(f"the bytes are not valid {encoding}") from err
    if not text.strip():
        raise InputError("the file is empty")
    controls = sum(1 for ch in text[:20000] if ch < " " and ch not in CONTROL_OK)
    if controls > max(8, len(text[:20000]) // 100):
        raise InputError("this looks like a binary file, not text")
    return DecodedText(text, encoding.replace("-sig", " (BOM)"))
