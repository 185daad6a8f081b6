"""Read a plain-text article from disk: size limit, encoding detection, clear errors.

Encodings: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when the zero bytes
say so), and cp1252, the usual single-byte encoding of Windows newsroom files. Anything else,
binary files included, is refused with one sentence saying why.
"""

from __future__ import annotations

import codecs
import errno
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

DEFAULT_MAX_BYTES = 50_000_000  # 50 MB, as settings.toml counts (max_size_mb = 50)
CONTROL_OK = frozenset("\n\r\t\f\v")


class InputError(Exception):
    """Bad input: the message is one sentence a reader can act on."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str


def read_limited(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path``, refused with one sentence when it is missing, not a regular file
    (a folder, a device such as /dev/zero, a named pipe), too big or empty.

    The kind of file is checked before it is opened, so a FIFO never blocks and a device is never
    read; at most ``max_bytes`` + 1 bytes are ever read, whatever the size the file reports.
    """
    try:
        info = path.stat()
    except FileNotFoundError as err:
        raise InputError(f"{path}: no such file") from err
    except PermissionError as err:
        raise InputError(f"{path}: permission denied") from err
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputError(f"{path}: is a loop of symbolic links, not a file") from err
        raise InputError(f"{path}: cannot be read ({err.strerror or err})") from err
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: {_kind_of(info.st_mode)}, not a file")
    if info.st_size > max_bytes:
        raise InputError(
            f"{path}: the file is {_mb(info.st_size)}, over the {_mb(max_bytes)} limit"
        )
    try:
        with path.open("rb") as handle:
            data = _read_at_most(handle, info.st_size, max_bytes + 1)
    except PermissionError as err:
        raise InputError(f"{path}: permission denied") from err
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err})") from err
    if len(data) > max_bytes:
        raise InputError(f"{path}: the file is over the {_mb(max_bytes)} limit")
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    return data


def _read_at_most(handle: BinaryIO, expected: int, limit: int) -> bytes:
    """What the file holds, stopping at ``limit`` bytes even if it grew since it was measured."""
    chunks = [handle.read(min(expected, limit) + 1)]
    size = len(chunks[0])
    while size < limit and chunks[-1]:
        chunks.append(handle.read(min(1 << 20, limit - size)))
        size += len(chunks[-1])
    return b"".join(chunks)


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device"
    if stat.S_ISSOCK(mode):
        return "is a socket"
    return "is not a regular file"


def _mb(size: int) -> str:
    return f"{size / 1e6:.3g} MB"


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
