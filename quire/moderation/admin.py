"""The moderator queue lives in the Django admin. Moderators need is_staff to reach
the admin; being a moderator (or superuser) is what lets them see and act here."""

from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy

from . import services
from .models import ModerationLogEntry, Report


class ModeratorOnly:
    def has_module_permission(self, request):
        return request.user.is_active and request.user.can_moderate

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.can_moderate

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(ModeratorOnly, admin.ModelAdmin):
    list_display = ["__str__", "reason", "status", "reporter", "created_at", "handled_by"]
    list_filter = ["status", "reason"]
    search_fields = ["details"]
    readonly_fields = [
        "reporter", "reporter_email", "work", "comment", "user", "reason", "details", "created_at",
        "handled_by", "handled_at", "status", "comment_text",
    ]  # fmt: skip
    fields = readonly_fields
    actions = ["hide_content", "unhide_content", "resolve", "dismiss"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("work", "comment", "user", "reporter", "handled_by")

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.can_moderate

    @admin.display(description=gettext_lazy("Comment text"))
    def comment_text(self, report):
        return report.comment.text if report.comment_id else "-"

    def _apply(self, request, queryset, hidden: bool):
        done = 0
        for report in queryset:
            if report.work_id:
                services.hide_work(request.user, report.work, hidden=hidden, report=report)
                done += 1
            elif report.comment_id:
                services.hide_comment(request.user, report.comment, hidden=hidden, report=report)
                done += 1
        if hidden:
            done_message = ngettext(
                "Hid the work or comment of %(count)d report; it is in the moderation log.",
                "Hid the works or comments of %(count)d reports; each is in the moderation log.", done,
            )  # fmt: skip
        else:
            done_message = ngettext(
                "Unhid the work or comment of %(count)d report; it is in the moderation log.",
                "Unhid the works or comments of %(count)d reports; each is in the moderation log.", done,
            )  # fmt: skip
        self.message_user(request, done_message % {"count": done})
        skipped = queryset.count() - done
        if skipped:
            self.message_user(request, ngettext(
                "%(count)d report is about a user: nothing to hide.",
                "%(count)d reports are about users: nothing to hide.", skipped,
            ) % {"count": skipped}, messages.WARNING)  # fmt: skip

    @admin.action(description=gettext_lazy("Hide the reported work or comment"))
    def hide_content(self, request, queryset):
        self._apply(request, queryset, True)

    @admin.action(description=gettext_lazy("Unhide the reported work or comment"))
    def unhide_content(self, request, queryset):
        self._apply(request, queryset, False)

    @admin.action(description=gettext_lazy("Mark resolved"))
    def resolve(self, request, queryset):
        for report in queryset:
            services.close_report(request.user, report)
        self.message_user(request, _("Marked resolved."))

    @admin.action(description=pgettext_lazy("a report", "Dismiss"))
    def dismiss(self, request, queryset):
        for report in queryset:
            services.close_report(request.user, report, dismiss=True)
        self.message_user(request, _("Dismissed."))


@admin.register(ModerationLogEntry)
class ModerationLogEntryAdmin(ModeratorOnly, admin.ModelAdmin):
    list_display = ["created_at", "moderator", "action", "work", "comment", "report", "note"]
    list_filter = ["action"]
    readonly_fields = ["created_at", "moderator", "action", "work", "comment", "report", "note"]

    def has_change_permission(self, request, obj=None):
        return False
