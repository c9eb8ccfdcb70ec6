from django.contrib import admin
from django.urls import include, path

from quire.works import views_reading

urlpatterns = [
    path("", views_reading.home, name="home"),
    path("", include("quire.accounts.urls")),
    path("", include("quire.works.urls")),
    path("tags/", include("quire.tags.urls")),
    path("", include("quire.search.urls")),
    path("", include("quire.interactions.urls")),
    path("", include("quire.moderation.urls")),
    path("", include("quire.downloads.urls")),
    path("", include("quire.imports.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "quire.works.views_reading.error_403"
handler404 = "quire.works.views_reading.error_404"
# A locked database is "busy, try again" (503) rather than an error.
handler500 = "quire.core.busy.server_error"
