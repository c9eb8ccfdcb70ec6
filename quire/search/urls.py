from django.urls import path

from . import feeds, views

app_name = "search"

urlpatterns = [
    path("search/", views.works_index, name="works"),
    path("tags/<int:pk>/works/", views.tag_works, name="tag_works"),
    path("search/feed.atom", feeds.works_feed, name="works_feed"),
    path("tags/<int:pk>/feed.atom", feeds.tag_feed, name="tag_feed"),
    path("fandoms/", views.fandoms_index, name="fandoms"),
    path("autocomplete/tags/", views.autocomplete_tags, name="autocomplete_tags"),
    path("filters/", views.saved_filters, name="saved_filters"),
    path("filters/exclusions/", views.add_exclusion, name="add_exclusion"),
    path("filters/exclusions/<int:pk>/delete/", views.remove_exclusion, name="remove_exclusion"),
    path("filters/searches/", views.save_search, name="save_search"),
    path("filters/searches/<int:pk>/delete/", views.delete_search, name="delete_search"),
    path("filters/searches/<str:token>/feed.atom", feeds.saved_search_feed, name="saved_search_feed"),
]
