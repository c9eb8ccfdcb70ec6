from django.urls import path

from . import views_claiming as claiming
from . import views_orphaning as orphaning
from . import views_posting as posting
from . import views_reading as reading

app_name = "works"

urlpatterns = [
    # Reading
    # "works/" (works:index) is search's filtered listing, routed in quire/urls.py: search sits above works.
    path("works/<int:pk>/", reading.work_detail, name="detail"),
    path("works/<int:pk>/chapters/<int:chapter_id>/", reading.chapter_detail, name="chapter"),
    path("works/<int:pk>/navigate/", reading.chapter_index, name="navigate"),
    path("series/<int:pk>/", reading.series_detail, name="series"),
    # Posting and editing
    path("works/new/", posting.work_new, name="new"),
    path("works/<int:pk>/edit/", posting.work_edit, name="edit"),
    path("works/<int:pk>/post/", posting.work_post, name="post"),
    path("works/<int:pk>/delete/", posting.work_delete, name="delete"),
    path("works/<int:pk>/chapters/new/", posting.chapter_new, name="chapter_new"),
    path("works/<int:pk>/chapters/manage/", posting.chapters_manage, name="chapters_manage"),
    path("works/<int:pk>/chapters/<int:chapter_id>/edit/", posting.chapter_edit, name="chapter_edit"),
    path("works/<int:pk>/chapters/<int:chapter_id>/delete/", posting.chapter_delete, name="chapter_delete"),
    path("creatorships/", posting.creatorships, name="creatorships"),
    path("series/new/", posting.series_new, name="series_new"),
    path("series/<int:pk>/edit/", posting.series_edit, name="series_edit"),
    # Orphaning, and deleting an account (which decides what happens to works)
    path("works/<int:pk>/orphan/", orphaning.orphan_work, name="orphan_work"),
    path("series/<int:pk>/orphan/", orphaning.orphan_series, name="orphan_series"),
    path("settings/pseuds/<int:pk>/orphan/", orphaning.orphan_pseud, name="orphan_pseud"),
    path("settings/delete-account/", orphaning.account_delete, name="account_delete"),
    # Works an archivist imported for their creators
    path("claim/<str:token>/", claiming.claim_page, name="claim"),
    path("claims/", claiming.claims, name="claims"),
    path("claims/send/", claiming.claims_send, name="claims_send"),
]
