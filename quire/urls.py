from django.contrib import admin
from django.urls import include, path

from quire.core import views as core_views
from quire.search.views import works_index
from quire.works import urls as works_urls

# The works list keeps its works:index name, but it is the search app's filtered listing
# (sidebar, sorts, saved exclusions), and works must not import search, which sits above it.
works_patterns = [path("works/", works_index, name="index"), *works_urls.urlpatterns]

urlpatterns = [
    path("", core_views.home, name="home"),
    path("favicon.ico", core_views.favicon),
    path("healthz", core_views.healthz, name="healthz"),
    path("", include("quire.accounts.urls")),
    path("", include((works_patterns, works_urls.app_name))),
    path("tags/", include("quire.tags.urls")),
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
