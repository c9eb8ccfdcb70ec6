from django.urls import path

from . import views

app_name = "tags"

urlpatterns = [
    path("<int:pk>/", views.tag_detail, name="detail"),
]
