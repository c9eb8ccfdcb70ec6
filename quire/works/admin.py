"""Moderators work here: hide a work (hidden_by_moderator), fix a chapter, see credits.

Counts and dates that services.py derives are read-only so the admin can't make them drift.
"""

from django.contrib import admin

from .models import Chapter, Creatorship, Series, SeriesWork, Work


class ChapterInline(admin.TabularInline):
    model = Chapter
    fields = ("position", "title", "state", "publish_at", "published_at", "word_count")
    readonly_fields = ("word_count", "published_at")
    show_change_link = True
    extra = 0


class CreatorshipInline(admin.TabularInline):
    model = Creatorship
    fields = ("pseud", "accepted", "invited_by", "created_at")
    raw_id_fields = ("pseud", "invited_by")
    extra = 0


class SeriesWorkInline(admin.TabularInline):
    model = SeriesWork
    raw_id_fields = ("series",)
    extra = 0


@admin.register(Work)
class WorkAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "is_draft",
        "hidden_by_moderator",
        "restricted",
        "anonymous",
        "chapter_count",
        "word_count",
        "updated_at",
    )
    list_filter = ("is_draft", "hidden_by_moderator", "restricted", "anonymous", "language")
    list_editable = ("hidden_by_moderator",)
    search_fields = ("title", "creatorships__pseud__name", "creatorships__pseud__user__username")
    readonly_fields = (
        "word_count",
        "chapter_count",
        "published_at",
        "updated_at",
        "created_at",
        "modified_at",
    )
    inlines = [CreatorshipInline, ChapterInline, SeriesWorkInline]
    date_hierarchy = "created_at"


@admin.register(Chapter)
class ChapterAdmin(admin.ModelAdmin):
    list_display = ("__str__", "work", "state", "publish_at", "published_at", "word_count")
    list_filter = ("state",)
    search_fields = ("title", "work__title")
    raw_id_fields = ("work",)
    readonly_fields = ("word_count", "created_at", "modified_at")


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ("title", "complete", "updated_at")
    list_filter = ("complete",)
    search_fields = ("title",)
    filter_horizontal = ("creators",)


@admin.register(Creatorship)
class CreatorshipAdmin(admin.ModelAdmin):
    list_display = ("pseud", "work", "accepted", "invited_by", "created_at")
    list_filter = ("accepted",)
    search_fields = ("pseud__name", "pseud__user__username", "work__title")
    raw_id_fields = ("pseud", "work", "invited_by")
