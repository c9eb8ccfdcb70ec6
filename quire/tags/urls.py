from django.urls import path

from . import views

app_name = "tags"

urlpatterns = [
    # <int:pk>/ (tags:detail) lists works: the search app's view, added in quire/urls.py.
    path("<int:pk>/edit/", views.tag_edit, name="edit"),
    path("wrangle/", views.wrangle_home, name="wrangle"),
    path("wrangle/fandoms/", views.wrangle_fandom, name="wrangle_fandoms"),
    path("wrangle/<int:pk>/", views.wrangle_fandom, name="wrangle_fandom"),
    path("wrangle/log/", views.wrangling_log, name="log"),
]
