"""Blocks and mutes move here from interactions (see interactions migration 0009).
The tables stay as they are, `interactions_block` and `interactions_mute`, so an
existing archive migrates in place: no copy, no rename."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0007_merge_20261201_2039"),
        ("interactions", "0009_imports_blocks_mutes_to_accounts"),
        ("works", "0005_merge_20261201_2039"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Block",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "blocked",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="blocked_by",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "blocker",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="blocks",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "interactions_block",
                        "ordering": ["-created_at"],
                        "constraints": [models.UniqueConstraint(fields=("blocker", "blocked"), name="unique_block")],
                    },
                ),
                migrations.CreateModel(
                    name="Mute",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "muted",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="muted_by",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "muter",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="mutes",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "via_work",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="works.work",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "interactions_mute",
                        "ordering": ["-created_at"],
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(("via_work__isnull", True)),
                                fields=("muter", "muted"),
                                name="unique_mute",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(("via_work__isnull", False)),
                                fields=("muter", "muted", "via_work"),
                                name="unique_mute_via_work",
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
