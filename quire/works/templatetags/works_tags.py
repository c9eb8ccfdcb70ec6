from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from quire.works.fragments import render_fragment

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


class FragmentNode(template.Node):
    def __init__(self, kind: str, work: template.base.FilterExpression, nodelist: template.NodeList):
        self.kind, self.work, self.nodelist = kind, work, nodelist

    def render(self, context) -> str:
        work = self.work.resolve(context)
        look = context.get("look")
        return render_fragment(
            self.kind, work, context.get("user"), bool(look and look.hide_spoilers),
            lambda: self.nodelist.render(context),
        )  # fmt: skip


@register.tag
def fragment(parser, token):
    """`{% fragment "blurb" work %}…{% endfragment %}`: the part of a template every reader
    sees the same way, cached by the work's version (quire/works/fragments.py). Only the
    work, `user` (whether an anonymous work's creators show) and `look` (spoilers) may
    change what is inside: anything else that depends on the reader stays outside."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError('Usage: {% fragment "kind" work %}…{% endfragment %}')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(bits[1].strip("\"'"), parser.compile_filter(bits[2]), nodelist)
