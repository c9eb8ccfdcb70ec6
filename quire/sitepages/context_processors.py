from quire.accounts.allowances import remaining_for

from .models import BannerDismissal, SiteBanner, SitePage

DISMISSED_COOKIE = "quire_banners_closed"


def dismissed_by_cookie(request) -> set[int]:
    raw = request.COOKIES.get(DISMISSED_COOKIE, "")
    return {int(part) for part in raw.split(".") if part.isdigit()}


def site_pages(request):
    """The footer's page links and the banner to show, if any. Lazy: error pages and
    responses that never render base.html pay nothing."""

    def banner():
        showing = SiteBanner.objects.showing().exclude(pk__in=dismissed_by_cookie(request))
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            showing = showing.exclude(pk__in=BannerDismissal.objects.filter(user=user).values("banner_id"))
        return showing.first()

    def footer_pages():
        return list(SitePage.objects.published().filter(in_footer=True))

    def invitations_to_give():
        user = getattr(request, "user", None)
        return remaining_for(user) if user is not None else 0

    return {"site_banner": banner, "site_footer_pages": footer_pages, "invitations_to_give": invitations_to_give}
