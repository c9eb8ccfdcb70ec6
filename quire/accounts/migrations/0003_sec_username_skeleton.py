from django.db import migrations, models


def backfill(apps, schema_editor):
    """Give existing accounts the look-alike key sign-up compares new names against."""
    from quire.accounts.names import skeleton

    User = apps.get_model("accounts", "User")
    batch = []
    for user in User.objects.only("pk", "username").iterator(chunk_size=1000):
        user.username_skeleton = skeleton(user.username)
        batch.append(user)
        if len(batch) >= 1000:
            User.objects.bulk_update(batch, ["username_skeleton"])
            batch = []
    User.objects.bulk_update(batch, ["username_skeleton"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_is_wrangler"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="username_skeleton",
            field=models.CharField(db_index=True, default="", editable=False, max_length=600),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
