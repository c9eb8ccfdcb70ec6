from django.apps import AppConfig


class DownloadsConfig(AppConfig):
    name = "quire.downloads"
    label = "downloads"
