from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from quire.works import events


class ModerationConfig(AppConfig):
    name = "quire.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        # Works and comments below this app announce what happened; the review
        # queue listens here, so neither app imports moderation.
        from . import review

        def on_chapter(sender, chapter, **kwargs):
            review.check_published_chapter(chapter)

        def on_comment(sender, instance, created, raw=False, **kwargs):
            if created and not raw:
                review.check_new_comment(instance)

        events.chapter_published.connect(on_chapter, dispatch_uid="moderation-review-chapter", weak=False)
        # The sender by name: the model is the interactions app's, loaded by now.
        post_save.connect(
            on_comment, sender="interactions.Comment", dispatch_uid="moderation-review-comment", weak=False
        )
