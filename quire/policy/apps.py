from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "quire.policy"
    label = "policy"
    verbose_name = "Archive policy"
