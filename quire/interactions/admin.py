from django.contrib import admin

from .models import Bookmark, Comment, Kudos, Notification, Subscription, WorkStats


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = [
        "pk",
        "work",
        "user",
        "guest_name",
        "approved",
        "hidden_by_creator",
        "hidden_by_moderator",
        "created_at",
    ]
    list_filter = ["approved", "hidden_by_moderator", "hidden_by_creator"]
    raw_id_fields = ["work", "chapter", "parent", "thread", "user"]
    search_fields = ["text"]


@admin.register(WorkStats)
class WorkStatsAdmin(admin.ModelAdmin):
    list_display = ["work", "hits", "kudos", "comments", "bookmarks", "subscriptions"]
    raw_id_fields = ["work"]


for model in (Kudos, Bookmark, Subscription, Notification):
    admin.site.register(model, raw_id_fields=[f.name for f in model._meta.fields if f.many_to_one])
