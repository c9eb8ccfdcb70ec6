"""AZW3 and MOBI for Kindles, converted from our EPUB by Calibre's `ebook-convert`
when it is installed (Debian: apt-get install calibre). Without it the formats are
not offered."""

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..book import Book
from . import epub

TIMEOUT = 600


def executable() -> str | None:
    return shutil.which("ebook-convert")


def unavailable_reason() -> str:
    return "" if executable() else "Kindle formats need Calibre's ebook-convert (Debian: apt-get install calibre)."


def convert(source: Path, target: Path) -> None:
    # The arguments are our own executable and temporary paths, never user input.
    result = subprocess.run(  # noqa: S603
        [executable() or "ebook-convert", str(source), str(target)], capture_output=True, text=True, timeout=TIMEOUT
    )
    if result.returncode != 0 or not target.exists():
        raise RuntimeError(f"ebook-convert failed: {(result.stderr or result.stdout)[-500:]}")


def _write(book: Book, extension: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "book.epub", Path(folder) / f"book.{extension}"
        source.write_bytes(epub.write(book))
        convert(source, target)
        return target.read_bytes()


def write_azw3(book: Book) -> bytes:
    return _write(book, "azw3")


def write_mobi(book: Book) -> bytes:
    return _write(book, "mobi")
