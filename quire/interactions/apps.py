from django.apps import AppConfig


class InteractionsConfig(AppConfig):
    name = "quire.interactions"
    label = "interactions"
