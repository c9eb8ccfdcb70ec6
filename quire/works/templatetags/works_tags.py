from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def byline(work, user):
    """Creators as links, or "Anonymous" where the visibility rule hides them."""
    pseuds = work.creators_visible_to(user)
    if pseuds is None:
        return "Anonymous"
    credit = format_html_join(", ", '<a rel="author" href="{}">{}</a>', ((p.get_absolute_url(), p) for p in pseuds))
    if work.anonymous:
        # The creator (or a moderator) sees their own anonymous work marked as such.
        return format_html("{} (anonymous to readers)", credit)
    return credit


@register.filter
def tags_of(work, tag_type):
    return work.tags_of(tag_type)
