from django.urls import reverse, set_script_prefix

from quire.lib.urls import url_with_pk


def test_links_are_what_reverse_gives_under_any_script_prefix():
    try:
        for prefix in ("/", "/archive/"):
            set_script_prefix(prefix)
            for pk in (1, 42, 2147483646, 10**12):
                assert url_with_pk("tags:detail", pk) == reverse("tags:detail", args=[pk])
                assert url_with_pk("works:detail", pk) == reverse("works:detail", args=[pk])
        assert url_with_pk("tags:detail", 7).startswith("/archive/")
    finally:
        set_script_prefix("/")
