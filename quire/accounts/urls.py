from django.urls import path

from . import language, twofactor, views, views_appearance, views_invitations

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("password/reset/", views.password_reset, name="password_reset"),
    path("password/reset/done/", views.password_reset_done, name="password_reset_done"),
    path("password/reset/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("password/reset/complete/", views.password_reset_complete, name="password_reset_complete"),
    path("settings/password/", views.password_change, name="password_change"),
    path("settings/email/", views.email_change, name="email_change"),
    path("settings/email/confirm/<str:token>/", views.email_confirm, name="email_confirm"),
    path("confirm-email/", views.confirm_needed, name="confirm_needed"),
    path("confirm-email/<str:token>/", views.confirm_email, name="confirm_email"),
    path("about/<slug:document>/", views.policy, name="policy"),
    path("settings/policies/", views.policies_accept, name="policies_accept"),
    path("settings/username/", views.username_change, name="username_change"),
    path("settings/preferences/", views.preferences, name="preferences"),
    path("settings/language/", language.choose_language, name="language"),
    path("settings/appearance/", views_appearance.appearance, name="appearance"),
    path("settings/profile/", views.profile_edit, name="profile_edit"),
    path("settings/pseuds/", views.pseuds, name="pseuds"),
    path("settings/pseuds/new/", views.pseud_new, name="pseud_new"),
    path("settings/pseuds/<int:pk>/edit/", views.pseud_edit, name="pseud_edit"),
    path("settings/pseuds/<int:pk>/delete/", views.pseud_delete, name="pseud_delete"),
    path("settings/pseuds/<int:pk>/default/", views.pseud_default, name="pseud_default"),
    path("settings/two-factor/", twofactor.setup, name="two_factor_setup"),
    path("two-factor/verify/", twofactor.verify, name="two_factor_verify"),
    path("invitations/request/", views.invite_request, name="invite_request"),
    path("invitations/", views.invitations, name="invitations"),
    path("invitations/mine/", views_invitations.my_invitations, name="my_invitations"),
    # users/<username>/ and its pseuds' pages list works: the works app's views, added
    # to this namespace in quire/urls.py.
]
