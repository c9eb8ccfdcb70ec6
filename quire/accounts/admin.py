from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import (
    AccountDeletion,
    Block,
    Invitation,
    InviteRequest,
    Mute,
    PolicyAcceptance,
    Pseud,
    User,
    UsernameChange,
)


class PseudInline(admin.TabularInline):
    model = Pseud
    extra = 0
    fields = ["name", "is_default", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Archive"), {"fields": ("bio", "is_moderator", "is_archivist", "email_confirmed_at")}),
        (_("Reading preferences"), {"fields": ("show_adult", "view_full_work", "hide_creator_style")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "email", "usable_password", "password1", "password2"),
            },
        ),
    )
    list_display = ["username", "email", "is_moderator", "is_archivist", "is_staff", "is_active", "date_joined"]
    list_filter = [*DjangoUserAdmin.list_filter, "is_moderator"]
    inlines = [PseudInline]

    def get_inlines(self, request, obj):
        # No pseud rows on the add page: the default pseud is made on save, below.
        return self.inlines if obj is not None else []

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The admin saves users directly, not through create_user, so give new
        # accounts the default pseud they need to post.
        if not change and not obj.pseuds.exists():
            Pseud.objects.create(user=obj, name=obj.username[:40], is_default=True)


@admin.register(Pseud)
class PseudAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "is_default", "created_at"]
    search_fields = ["name", "user__username"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]


@admin.register(InviteRequest)
class InviteRequestAdmin(admin.ModelAdmin):
    list_display = ["email", "created_at", "invited_at"]
    list_filter = [("invited_at", admin.EmptyFieldListFilter)]
    search_fields = ["email"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "email", "created_by", "created_at", "used_by", "used_at"]
    search_fields = ["email", "token", "used_by__username"]
    list_select_related = ["created_by", "used_by"]
    raw_id_fields = ["created_by", "used_by"]


@admin.register(PolicyAcceptance)
class PolicyAcceptanceAdmin(admin.ModelAdmin):
    """Who accepted which version of the terms and privacy policy: a record, not for editing."""

    list_display = ["user", "document", "version", "accepted_at"]
    list_filter = ["document", "version"]
    search_fields = ["user__username"]
    readonly_fields = ["user", "document", "version", "accepted_at"]


@admin.register(UsernameChange)
class UsernameChangeAdmin(admin.ModelAdmin):
    list_display = ["old_username", "user", "changed_at", "reserved_until"]
    search_fields = ["old_username", "user__username"]


@admin.register(AccountDeletion)
class AccountDeletionAdmin(admin.ModelAdmin):
    list_display = ["user", "requested_at", "due_at"]
    readonly_fields = ["user", "requested_at", "choices"]


# Blocks and mutes (moved here from interactions): raw ids, as they were there.
for model in (Block, Mute):
    admin.site.register(model, raw_id_fields=[f.name for f in model._meta.fields if f.many_to_one])
