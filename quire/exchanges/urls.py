from django.urls import path

from . import views

app_name = "exchanges"

urlpatterns = [
    path("exchanges/", views.exchange_index, name="index"),
    path("exchanges/new/", views.exchange_new, name="new"),
    path("exchanges/<str:name>/", views.exchange_detail, name="detail"),
    path("exchanges/<str:name>/edit/", views.exchange_edit, name="edit"),
    path("exchanges/<str:name>/signup/", views.signup, name="signup"),
    path("exchanges/<str:name>/withdraw/", views.withdraw, name="withdraw"),
    path("exchanges/<str:name>/nominate/", views.nominate, name="nominate"),
    path("exchanges/<str:name>/tag-set/", views.tag_set, name="tag_set"),
    path("exchanges/<str:name>/dashboard/", views.dashboard, name="dashboard"),
    path("exchanges/<str:name>/close/", views.close, name="close"),
    path("exchanges/<str:name>/match/", views.run_matching, name="match"),
    path("exchanges/<str:name>/send/", views.send, name="send"),
    path("exchanges/<str:name>/reveal/", views.reveal, name="reveal"),
    path("exchanges/<str:name>/pinch-hit/", views.pinch_hit, name="pinch_hit"),
    path("exchanges/<str:name>/volunteer/", views.volunteer, name="volunteer"),
    path("exchanges/<str:name>/assignments/<int:pk>/", views.assignment_detail, name="assignment"),
    path("exchanges/<str:name>/assignments/<int:pk>/default/", views.default, name="default"),
]
