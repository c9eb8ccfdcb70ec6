"""The change log search reads is now the works app's (works.WorkChange): the
writers sit below search and import downward. Only Django's record of the model
moves; the table `search_searchchange` and its rows stay (works migration 0006)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_search_change"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SearchChange")],
            database_operations=[],
        ),
    ]
