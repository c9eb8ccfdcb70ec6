from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("report/<str:kind>/<int:pk>/", views.report, name="report"),
    path("moderation/works/<int:pk>/hide/", views.hide_work, name="hide_work"),
    path("moderation/comments/<int:pk>/hide/", views.hide_comment, name="hide_comment"),
]
