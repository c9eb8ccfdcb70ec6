"""Hostile uploads, generated here (never stored as large files), sent through Post from
text and `quire import`: each is answered within 20 s by a clear message or a draft, never
a 500, and another reader's kudos succeed while the text is being read, because no write
transaction is open while a file is parsed."""

import functools
import io
import random
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from quire.interactions.models import Kudos
from quire.works.models import Work
from tests.factories import make_work

GENEROUS = 20.0  # seconds: a bound that says "answered", not a speed test
# Real commits, so "no transaction open while parsing" means what it says (a test wrapped
# in one transaction would always have one open) and the worker sees the uploads.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _zip_bomb(inner_name: str, extra: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in extra.items():
            zf.writestr(name, text)
        # 200 MB of one repeated byte compresses to about 200 KB.
        info = zipfile.ZipInfo(inner_name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as fh:
            block = b"<" * (1 << 20)
            for _ in range(200):
                fh.write(block)
    return buf.getvalue()


@functools.cache
def _hostile() -> dict[str, bytes]:
    rng = random.Random(10)
    return {
        "chapters.txt": "\n\n".join(f"Chapter {i}\n\nThe lamp flickered for the {i}th time."
                                    for i in range(1, 5001)).encode(),
        "nested-div.html": ("<div>" * 100_000 + "A story at the bottom." + "</div>" * 100_000).encode(),
        "nested-b-i.html": ("<b><i>" * 50_000 + "Deep emphasis.").encode(),
        "bomb.docx": _zip_bomb("word/document.xml", {"[Content_Types].xml": "<Types/>"}),
        "bomb.epub": _zip_bomb("OEBPS/ch1.xhtml", {"mimetype": "application/epub+zip",
                                                    "META-INF/container.xml": "<container/>"}),
        "one-line.txt": (" ".join(["the", "keeper", "climbed", "again"] * 400_000)).encode(),
        "garbage.bin": bytes(rng.randrange(256) for _ in range(200_000)),
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(5_000)),
        "bad-utf8.txt": b"The keeper\xff\xfe said \xc3\x28 nothing \xa0\xa1 at all. " * 200,
        "latin1.txt": "Ça va, dit-elle. L'été était long; Zoë gardait la lumière.\n\n".encode("latin-1") * 50,
        "ebook.mobi": b"\x00" * 60 + b"BOOKMOBI" + b"\x00" * 2000,
    }


@pytest.fixture
def kudos_meanwhile(monkeypatch, client, reader, author):
    """Every time a file is about to be parsed, another reader leaves kudos on a posted work,
    and nothing may hold a transaction open at that moment."""
    from django.test import Client

    posted = make_work(author, "Somebody Else's Story")
    other = Client()
    other.force_login(reader)
    seen = {"calls": 0}

    def wrap(real):
        def load(*args, **kwargs):
            assert not connection.in_atomic_block, "a transaction is open while the file is parsed"
            Kudos.objects.filter(work=posted).delete()
            response = other.post(reverse("interactions:kudos", args=[posted.pk]))
            assert response.status_code in (200, 302)
            assert Kudos.objects.filter(work=posted, user=reader).exists()
            seen["calls"] += 1
            return real(*args, **kwargs)
        return load

    import quire.imports.services as batch_services
    import quire.imports.views_from_text as views_import

    monkeypatch.setattr(views_import, "load", wrap(views_import.load))
    monkeypatch.setattr(batch_services, "load", wrap(batch_services.load))
    return seen


EXPECTED = {  # what each file is answered with: a phrase of the message, or None for a draft
    "chapters.txt": "5,000 chapter headings",
    "nested-div.html": None,
    "nested-b-i.html": None,
    "bomb.docx": "unpacks to more than",
    "bomb.epub": "unpacks to more than",
    "one-line.txt": "no line break",
    "garbage.bin": "binary",
    "image.txt": "a PNG image",
    "bad-utf8.txt": None,
    "latin1.txt": None,
    "ebook.mobi": "Calibre",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_post_from_text_answers_every_hostile_file(name, login, author, kudos_meanwhile, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda tool: None)  # no Calibre here: the message path
    data = _hostile()[name]
    client = login(author)
    started = time.monotonic()
    response = client.post(reverse("imports:from_text"), {"upload": SimpleUploadedFile(name, data)})
    if response.status_code == 302 and "/works/import/" in response.url:  # large: the worker reads it
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
        response = client.get(response.url)
        page = response.content.decode()
    else:
        page = response.content.decode() if response.status_code == 200 else ""
    assert time.monotonic() - started < GENEROUS
    assert response.status_code in (200, 302)
    assert "Traceback" not in page
    assert kudos_meanwhile["calls"] >= 1
    if EXPECTED[name] is None:
        assert Work.objects.filter(is_draft=True).count() == 1
    else:
        assert EXPECTED[name] in page.replace("&quot;", '"')
        assert not Work.objects.filter(is_draft=True).exists()


def test_quire_import_answers_every_hostile_file(tmp_path, author, kudos_meanwhile, monkeypatch, capsys):
    monkeypatch.setattr("shutil.which", lambda tool: None)
    paths = []
    for name, data in _hostile().items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(str(path))
    started = time.monotonic()
    call_command("import", *paths, "--user", author.username)
    assert time.monotonic() - started < GENEROUS * len(paths)
    out = capsys.readouterr().out
    drafts = sum(1 for v in EXPECTED.values() if v is None)
    assert f"{drafts} created, {len(paths) - drafts} failed." in out
    for name, phrase in EXPECTED.items():
        line = next(ln for ln in out.splitlines() if name in ln)
        assert line.startswith("created" if phrase is None else "failed"), line
        if phrase:
            assert phrase in line
    assert kudos_meanwhile["calls"] == len(paths) - 0  # every file reached the reader
