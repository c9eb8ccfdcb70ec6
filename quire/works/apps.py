from django.apps import AppConfig


class WorksConfig(AppConfig):
    name = "quire.works"
    label = "works"
