from django.urls import path

from . import compat, feeds, opds, views, views_apppasswords, views_export

app_name = "downloads"

urlpatterns = [
    path("works/<int:pk>/download/<str:fmt>/", views.work_download, name="work"),
    path("series/<int:pk>/download/<str:fmt>/", views.series_download, name="series"),
    path("later/download/", views.later_list, name="later_list"),
    path("later/download/<str:fmt>/", views.later_download, name="later"),
    # Atom feeds
    path("works/<int:pk>/chapters.atom", feeds.work_chapters, name="work_feed"),
    path("series/<int:pk>/works.atom", feeds.series_works, name="series_feed"),
    path("users/<str:username>/works.atom", feeds.author_works, name="author_feed"),
    # OPDS catalog
    path("opds/", opds.root, name="opds_root"),
    path("opds/signin/", opds.signin, name="opds_signin"),
    path("opds/new/", opds.newest, name="opds_new"),
    path("opds/fandoms/", opds.fandoms, name="opds_fandoms"),
    path("opds/fandoms/<int:pk>/", opds.fandom, name="opds_fandom"),
    path("opds/search/", opds.search, name="opds_search"),
    path("opds/opensearch.xml", opds.opensearch, name="opds_opensearch"),
    path("opds/subscriptions/", opds.subscriptions, name="opds_subscriptions"),
    path("opds/later/", opds.later, name="opds_later"),
    # App passwords for catalog apps
    path("settings/app-passwords/", views_apppasswords.app_passwords, name="app_passwords"),
    path("settings/app-passwords/<int:pk>/revoke/", views_apppasswords.revoke, name="app_password_revoke"),
    # "Download my data"
    path("settings/data/", views_export.data_export, name="data_export"),
    path("settings/data/new/", views_export.data_export_start, name="data_export_start"),
    path("settings/data/<int:pk>/download/", views_export.data_export_file, name="data_export_file"),
    # eFiction pages for FanFicFare (see compat.py)
    path("viewstory.php", compat.viewstory, name="efiction_story"),
    path("viewuser.php", compat.viewuser, name="efiction_user"),
]
