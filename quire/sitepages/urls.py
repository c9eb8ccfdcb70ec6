from django.urls import path

from . import views

app_name = "sitepages"

urlpatterns = [
    path("pages/manage/", views.manage, name="manage"),
    path("pages/<slug:slug>/", views.page, name="page"),
    path("pages/<slug:slug>/versions/", views.page_history, name="page_history"),
    path("pages/<slug:slug>/versions/<int:number>/", views.page, name="page_version"),
    path("pages/<slug:slug>/edit/", views.page_edit, name="page_edit"),
    path("news/", views.news, name="news"),
    path("news/feed.atom", views.NewsFeed(), name="news_feed"),
    path("news/new/", views.news_edit, name="news_new"),
    path("news/<int:pk>/", views.news_post, name="news_post"),
    path("news/<int:pk>/edit/", views.news_edit, name="news_edit"),
    path("news/comments/<int:pk>/hide/", views.news_comment_hide, name="news_comment_hide"),
    path("contact/", views.contact, name="contact"),
    path("announcements/new/", views.banner_new, name="banner_new"),
    path("announcements/<int:pk>/end/", views.banner_end, name="banner_end"),
    path("announcements/<int:pk>/dismiss/", views.banner_dismiss, name="banner_dismiss"),
]
