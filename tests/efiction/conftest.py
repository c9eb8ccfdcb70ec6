import pytest

from quire.efiction.fixture import write_archive
from tests.factories import make_user

# The test archive's mapping: every rating but NC-17, every category but
# "Crossovers", every warning class but "Mild Peril", so a dry run has
# something of each kind to report.
MAPPING = """
[ratings]
G = "General Audiences"
PG = "General Audiences"
PG-13 = "Teen And Up Audiences"
R = "Mature"

[categories]
"Starfall Chronicles" = "Starfall Chronicles (TV)"
"Starfall Chronicles > Missing Scenes" = "Starfall Chronicles (TV)"
"The Lantern Keepers" = "The Lantern Keepers - Ada Quill"
"Harbour Town Mysteries" = "Harbour Town Mysteries"

[classtypes]
themes = "freeform"

[classes]
"Character Death" = "Major Character Death"
"Violence" = "Graphic Depictions Of Violence"
"Humour" = "Humor"
"""


@pytest.fixture
def archive(tmp_path):
    """A 60-story generated eFiction archive: (folder, what it holds)."""
    folder = tmp_path / "archive"
    counts = write_archive(folder, 60)
    (folder / "mapping.toml").write_text(MAPPING, encoding="utf-8")
    return folder, counts


@pytest.fixture
def archivist(db):
    return make_user("openDoors", is_archivist=True)
