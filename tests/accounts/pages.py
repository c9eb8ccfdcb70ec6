"""Read a response the way a person reads the page."""

import html


def text(response) -> str:
    """The page's HTML with entities decoded, so tests can look for "don't" as shown."""
    return html.unescape(response.content.decode())
