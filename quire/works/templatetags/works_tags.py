from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def byline(work, user):
    """Creators as links, or "Anonymous" where the visibility rule hides them."""
    pseuds = work.creators_visible_to(user)
    if pseuds is None:
        return _("Anonymous")
    credit = format_html_join(", ", '<a rel="author" href="{}">{}</a>', ((p.get_absolute_url(), p) for p in pseuds))
    if work.anonymous:
        # The creator (or a moderator) sees their own anonymous work marked as such.
        return format_html(_("{creators} (anonymous to readers)"), creators=credit)
    if work.archived_by_id:
        # Open Doors' wording: the creator did not post this themselves (yet).
        return format_html(
            _("{creators} [archived by {archivist}]"), creators=credit, archivist=work.archived_by.username
        )
    return credit


@register.filter
def tags_of(work, tag_type):
    return work.tags_of(tag_type)


@register.simple_tag
def tag_links(work, tag_type, item_class=""):
    """A blurb's links to its tags of one type: list items of `item_class`, or
    comma-separated links without one. Built here rather than by a template loop,
    which was half the time of rendering a works page."""
    links = ((t.get_absolute_url(), t.name) for t in work.tags_of(tag_type))
    if item_class:
        return format_html_join("", '<li class="{}"><a href="{}">{}</a></li>', ((item_class, *link) for link in links))
    return format_html_join(", ", '<a href="{}">{}</a>', links)
