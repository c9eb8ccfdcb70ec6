from django.urls import path

from . import views, views_from_text

app_name = "imports"

urlpatterns = [
    path("works/new/from-text/", views_from_text.work_from_text, name="from_text"),
    path("works/import/", views.new, name="new"),
    path("works/import/<int:pk>/", views.batch, name="batch"),
    path("works/import/<int:pk>/post/", views.post_all, name="post_all"),
    path("works/import/file/<int:pk>/<str:choice>/", views.resolve, name="resolve"),
]
