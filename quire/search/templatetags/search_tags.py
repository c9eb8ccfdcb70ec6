from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

OPTION = '<li><input type="checkbox" name="{0}" value="{1}" id="{0}-{1}"{2}> <label for="{0}-{1}">{3}</label></li>'


@register.simple_tag
def facet_options(group, side: str, base_tag=None):
    """The sidebar's checkboxes for one group of tags, on the include or the exclude
    side: a tag ticked on one side is left off the other. Built here rather than by a
    template loop, which cost more than the rest of a listing page once its blurbs
    came from the fragment cache."""
    if side == "include":
        locked = base_tag.canonical_tag.pk if base_tag else None
        rows = (
            (side, o.tag.pk, _flags(o.included, o.tag.pk == locked), _counted(o))
            for o in group.options
            if not o.excluded
        )
    else:
        # An excluded tag shows no count: none of the works listed has it.
        rows = (
            (side, o.tag.pk, _flags(o.excluded, False), o.tag.name if o.excluded else _counted(o))
            for o in group.options
            if not o.included
        )
    return format_html_join("", OPTION, rows)


def _flags(checked: bool, disabled: bool) -> str:
    return (" checked" if checked else "") + (" disabled" if disabled else "")


def _counted(option):
    return format_html("{} ({})", option.tag.name, option.count)
