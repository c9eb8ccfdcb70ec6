from django.contrib import admin
from django.urls import include, path

from quire.accounts import urls as accounts_urls
from quire.core import views as core_views
from quire.search import views_tags
from quire.search.views import works_index
from quire.tags import urls as tags_urls
from quire.works import urls as works_urls
from quire.works import views_profile

# The works list keeps its works:index name, but it is the search app's filtered listing
# (sidebar, sorts, saved exclusions), and works must not import search, which sits above it.
works_patterns = [path("works/", works_index, name="index"), *works_urls.urlpatterns]
# Likewise pages that list works keep the names of the apps below that they are about:
# profiles (accounts:profile, accounts:pseud) and the tag page (tags:detail).
accounts_patterns = [
    *accounts_urls.urlpatterns,
    path("users/<str:username>/", views_profile.profile, name="profile"),
    path("users/<str:username>/pseuds/<str:pseud>/", views_profile.pseud_detail, name="pseud"),
]
tags_patterns = [path("<int:pk>/", views_tags.tag_detail, name="detail"), *tags_urls.urlpatterns]

urlpatterns = [
    path("", core_views.home, name="home"),
    path("favicon.ico", core_views.favicon),
    path("healthz", core_views.healthz, name="healthz"),
    path("", include((accounts_patterns, accounts_urls.app_name))),
    path("", include((works_patterns, works_urls.app_name))),
    path("tags/", include((tags_patterns, tags_urls.app_name))),
    path("", include("quire.search.urls")),
    path("", include("quire.interactions.urls")),
    path("", include("quire.moderation.urls")),
    path("", include("quire.collections.urls")),
    path("", include("quire.exchanges.urls")),
    path("", include("quire.sitepages.urls")),
    path("", include("quire.efiction.urls")),  # before downloads: old eFiction addresses, then FanFicFare's
    path("", include("quire.downloads.urls")),
    path("", include("quire.imports.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "quire.core.views.error_403"
handler404 = "quire.core.views.error_404"
# A locked database is "busy, try again" (503) rather than an error.
handler500 = "quire.core.busy.server_error"
