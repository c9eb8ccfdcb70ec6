from django.urls import path

from . import views, views_console

app_name = "moderation"

urlpatterns = [
    path("report/<str:kind>/<int:pk>/", views.report, name="report"),
    path("moderation/works/<int:pk>/hide/", views.hide_work, name="hide_work"),
    path("moderation/comments/<int:pk>/hide/", views.hide_comment, name="hide_comment"),
    path("moderation/", views_console.queue, name="console"),
    path("moderation/reports/<int:pk>/act/", views_console.report_act, name="report_act"),
    path("moderation/members/<str:username>/", views_console.member, name="member"),
    path("moderation/sanctions/<int:pk>/lift/", views_console.lift, name="lift"),
    path(
        "moderation/members/<str:username>/invitations/", views_console.grant_invitations, name="grant_invitations"
    ),
    path("moderation/sanctions/", views_console.sanctions, name="sanctions"),
    path("moderation/blocklist/", views_console.blocklist, name="blocklist"),
    path("moderation/log/", views_console.audit_log, name="log"),
    path("moderation/policy/", views_console.policy, name="policy"),
    path("moderation/review/", views_console.review_queue, name="review"),
    path("moderation/review/<int:pk>/", views_console.review_act, name="review_act"),
]
