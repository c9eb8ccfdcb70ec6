"""The change log moves here from search (see search migration 0004), keeping its
table `search_searchchange`, so an existing archive migrates in place."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("works", "0005_merge_20261201_2039"),
        ("search", "0004_imports_change_log_to_works"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="WorkChange",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("work_id", models.BigIntegerField()),
                        ("created_at", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                    ],
                    options={"db_table": "search_searchchange"},
                ),
            ],
            database_operations=[],
        ),
    ]
