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
    path("", include("quire.efiction.urls")),  # before downloads: old eFiction addresses, then FanFicFare's
    path("", include("quire.downloads.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "quire.works.views_reading.error_403"
handler404 = "quire.works.views_reading.error_404"
handler500 = "quire.works.views_reading.error_500"
