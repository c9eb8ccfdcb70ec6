from django.urls import path

from . import views

app_name = "efiction"

# Listed before quire.downloads' FanFicFare pages of the same names, which these fall through to.
urlpatterns = [
    path("viewstory.php", views.viewstory, name="viewstory"),
    path("viewuser.php", views.viewuser, name="viewuser"),
    path("series.php", views.series, name="series"),
]
