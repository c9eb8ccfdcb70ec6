from django.urls import path

from . import feeds, views, views_prompts

app_name = "collections"

urlpatterns = [
    path("collections/", views.collection_index, name="index"),
    path("collections/new/", views.collection_new, name="new"),
    path("collections/invitations/", views.invitations, name="invitations"),
    path("collections/invitations/<int:pk>/", views.invitation_answer, name="invitation_answer"),
    path("collections/<str:name>/", views.collection_detail, name="detail"),
    path("collections/<str:name>/edit/", views.collection_edit, name="edit"),
    path("collections/<str:name>/works/", views.collection_works, name="works"),
    path("collections/<str:name>/feed.atom", feeds.collection_feed, name="feed"),
    path("collections/<str:name>/bookmarks/", views.collection_bookmarks, name="bookmarks"),
    path("collections/<str:name>/bookmarks/add/", views.bookmark_add, name="bookmark_add"),
    path("collections/<str:name>/queue/", views.collection_queue, name="queue"),
    path("collections/<str:name>/items/<int:pk>/moderate/", views.item_moderate, name="item_moderate"),
    path("collections/<str:name>/items/<int:pk>/remove/", views.item_remove, name="item_remove"),
    path("collections/<str:name>/reveal/", views.collection_reveal, name="reveal"),
    path("collections/<str:name>/prompts/", views_prompts.prompt_list, name="prompts"),
    path("collections/<str:name>/prompts/new/", views_prompts.prompt_new, name="prompt_new"),
    path("collections/<str:name>/prompts/<int:pk>/", views_prompts.prompt_detail, name="prompt"),
    path("collections/<str:name>/prompts/<int:pk>/claim/", views_prompts.prompt_claim, name="prompt_claim"),
    path("collections/<str:name>/prompts/<int:pk>/fill/", views_prompts.prompt_fill, name="prompt_fill"),
    path("users/<str:username>/gifts/", views.gifts, name="gifts"),
    path("gifts/<int:pk>/refuse/", views.gift_refuse, name="gift_refuse"),
    path("related-works/", views.related_pending, name="related_pending"),
    path("related-works/<int:pk>/answer/", views.related_answer, name="related_answer"),
    path("related-works/<int:pk>/remove/", views.related_remove, name="related_remove"),
]
