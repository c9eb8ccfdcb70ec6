"""`quire tags import CSV` loads a canon, idempotently, with clear errors."""

import pytest
from django.core.management import CommandError, call_command

from quire.tags.canon import canon_from_database
from quire.tags.models import Tag

CSV = """type,name,fandom,aliases
fandom,Harbour Lights (TV),,Harbour Lights|HL
character,Mara Quill,Harbour Lights (TV),Mara
character,Tobias Fenn,Harbour Lights (TV),
relationship,Mara Quill/Tobias Fenn,Harbour Lights (TV),Quillfenn
"""


@pytest.fixture
def canon_csv(tmp_path):
    path = tmp_path / "canon.csv"
    path.write_text(CSV)
    return path


def test_import_creates_canonical_tags_with_fandoms_and_synonyms(db, canon_csv, capsys):
    call_command("tags", "import", str(canon_csv))
    mara = Tag.objects.get(name="Mara Quill")
    assert mara.canonical and mara.type == "character"
    assert [p.name for p in mara.parents.all()] == ["Harbour Lights (TV)"]
    assert Tag.objects.get(name="Mara").synonym_of == mara
    assert Tag.objects.get(name="HL").synonym_of.name == "Harbour Lights (TV)"
    assert "4 rows: 4 tags created" in capsys.readouterr().out


def test_import_twice_changes_nothing(db, canon_csv):
    call_command("tags", "import", str(canon_csv))
    before = sorted(Tag.objects.values_list("name", "canonical", "synonym_of__name"))
    call_command("tags", "import", str(canon_csv))
    assert sorted(Tag.objects.values_list("name", "canonical", "synonym_of__name")) == before


def test_import_makes_an_existing_unwrangled_tag_a_synonym(db, canon_csv):
    Tag.objects.create(name="Mara", type="character")
    call_command("tags", "import", str(canon_csv))
    assert Tag.objects.get(name="Mara").synonym_of.name == "Mara Quill"


def test_bad_row_names_file_and_line(db, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("type,name,fandom,aliases\nfandom,Fine,,\nplanet,Mars,,\n")
    with pytest.raises(CommandError, match=r"bad.csv, line 3: type 'planet' is not one of"):
        call_command("tags", "import", str(path))
    assert not Tag.objects.filter(name="Fine").exists()  # nothing half-imported
    path.write_text("type,name,fandom,aliases\nfandom,Fine,,\n")
    call_command("tags", "import", str(path))  # the control: once the bad row is gone, the file imports
    assert Tag.objects.filter(name="Fine").exists()


def test_database_canon_feeds_the_analyzer(db, canon_csv):
    call_command("tags", "import", str(canon_csv))
    canon = canon_from_database()
    assert {c.name for c in canon.characters} == {"Mara Quill", "Tobias Fenn"}
    mara = next(c for c in canon.characters if c.name == "Mara Quill")
    assert mara.fandom == "Harbour Lights (TV)" and mara.aliases == ("Mara",)
