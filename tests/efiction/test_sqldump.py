"""Reading MySQL dumps: what eFiction archives' dumps hold, read exactly, in bounded memory."""

from quire.efiction import sqldump
from quire.efiction.fixture import write_archive

DUMP = r"""-- phpMyAdmin SQL Dump
/*!40101 SET NAMES utf8mb4 */;
CREATE TABLE `efic_fanfiction_chapters` (
  `chapid` int(11) NOT NULL auto_increment,
  `title` varchar(250) NOT NULL default '',
  `storytext` text NOT NULL,
  `endnotes` text,
  PRIMARY KEY  (`chapid`),
  KEY `title` (`title`)
) ENGINE=MyISAM;
INSERT INTO `efic_fanfiction_chapters` VALUES (1,'It\'s \"here\"','<p>Line one\nLine two \\ done</p>',NULL),(2,'Don''t','a;b),(c',-3.5);
INSERT INTO efic_fanfiction_chapters (`title`, `chapid`, `storytext`, `endnotes`) VALUES
('Tab\there', 3, 'x', '');
"""


def test_rows_read_escapes_doubled_quotes_nulls_numbers_and_column_lists(tmp_path):
    path = tmp_path / "dump.sql"
    path.write_text(DUMP, encoding="utf-8")

    rows = list(sqldump.rows(path))

    assert [table for table, _ in rows] == ["efic_fanfiction_chapters"] * 3
    first, second, third = (row for _, row in rows)
    assert first == {
        "chapid": 1,
        "title": 'It\'s "here"',
        "storytext": "<p>Line one\nLine two \\ done</p>",
        "endnotes": None,
    }
    assert second["title"] == "Don't" and second["storytext"] == "a;b),(c" and second["endnotes"] == -3.5
    assert third == {"title": "Tab\there", "chapid": 3, "storytext": "x", "endnotes": ""}


def test_latin1_dump_is_read_as_windows_1252(tmp_path):
    path = tmp_path / "dump.sql"
    path.write_bytes(
        b"/*!40101 SET NAMES latin1 */;\nINSERT INTO `fanfiction_authors` (`uid`, `penname`) VALUES (1,'L\xe9onie \x96 R\xfcdiger');\n"
    )
    assert list(sqldump.rows(path)) == [("fanfiction_authors", {"uid": 1, "penname": "Léonie – Rüdiger"})]


def test_stray_latin1_byte_in_a_utf8_dump_is_kept_not_fatal(tmp_path):
    path = tmp_path / "dump.sql"
    path.write_bytes("INSERT INTO `t` (`a`, `b`) VALUES ('café', 'caf".encode() + b"\xe9');\n")
    assert list(sqldump.rows(path)) == [("t", {"a": "café", "b": "café"})]


def test_reading_holds_a_window_of_the_file_not_the_file(tmp_path, monkeypatch):
    """Memory stays bounded as the dump grows: the buffer never holds much more than
    a chunk, even for INSERTs without a column list (which once read to the end)."""
    write_archive(tmp_path, 60)
    size = (tmp_path / "dump.sql").stat().st_size
    monkeypatch.setattr(sqldump, "CHUNK", 4096)
    monkeypatch.setattr(sqldump, "WINDOW", 1024)
    largest = 0
    fill = sqldump._Reader.fill

    def measured_fill(self):
        nonlocal largest
        grew = fill(self)
        largest = max(largest, len(self.buf))
        return grew

    monkeypatch.setattr(sqldump._Reader, "fill", measured_fill)
    rows = sum(1 for _ in sqldump.rows(tmp_path / "dump.sql"))

    assert rows > 300  # positive control: it read everything
    assert size > 100_000 and largest < 20_000
