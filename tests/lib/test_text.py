"""What authors type becomes safe, readable HTML."""

import pytest

from quire.lib.text import render, word_count


def test_plain_text_paragraphs_and_line_breaks():
    html = render("First line\nsecond line\n\nNew paragraph", "plain")
    assert html == "<p>First line<br>\nsecond line</p>\n<p>New paragraph</p>"


@pytest.mark.parametrize("mark", ["...", "***", "* * *", "~~~", "-----", "oOo", "xXx", "x"])
def test_scene_break_marks_become_a_rule(mark):
    html = render(f"Before.\n\n{mark}\n\nAfter.", "plain")
    assert html == "<p>Before.</p>\n<hr>\n<p>After.</p>"


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_scene_break_paragraph_in_html_and_markdown_becomes_a_rule(fmt):
    source = "<p>Before.</p><p>~~~</p><p>After.</p>" if fmt == "html" else "Before.\n\n~~~\n\nAfter."
    assert "<hr>" in render(source, fmt)


def test_scripts_event_handlers_and_javascript_links_are_removed():
    html = render(
        '<p onclick="steal()">Hi<script>alert(1)</script> <a href="javascript:alert(2)">x</a>'
        '<img src="https://example.org/a.png" onerror="bad()"></p>',
        "html",
    )
    assert "script" not in html and "onclick" not in html and "onerror" not in html
    assert "javascript:" not in html
    # A remote image becomes a link (no tracking pixels; see test_security).
    assert '<a href="https://example.org/a.png" rel="nofollow noopener" class="image-link">[Image]</a>' in html


def test_allowed_formatting_survives():
    html = render('<p><em>a</em> <strong>b</strong> <span class="x">c</span></p><blockquote>q</blockquote>', "html")
    assert html == '<p><em>a</em> <strong>b</strong> <span class="x">c</span></p><blockquote>q</blockquote>'


def test_plain_text_is_escaped_not_interpreted():
    assert render("<b>not bold</b>", "plain") == "<p>&lt;b&gt;not bold&lt;/b&gt;</p>"


def test_word_count_ignores_markup():
    assert word_count(render("<p>One <em>two</em></p><p>three-part word's end</p>", "html")) == 5


def test_word_count_follows_ao3s_rule_for_dashes_hyphens_and_apostrophes():
    # AO3: "--" separates two words; hyphens and apostrophes (straight or curly) join.
    assert word_count(render("<p>Don’t stop--the well-known lamp.</p>", "html")) == 5
    assert word_count(render("<p>one-two three's ‘four’</p>", "html")) == 3
