"""Blocks and mutes now belong to the accounts app (the visibility rule in works,
below interactions, applies mutes). Only Django's record of the models moves: the
tables keep their names and rows (accounts migration 0008 takes them over)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("interactions", "0008_merge_20261201_2039"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Block"),
                migrations.DeleteModel(name="Mute"),
            ],
            database_operations=[],
        ),
    ]
