"""Create the Contributors group: guest writers who write drafts and submit them for review."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTRIBUTORS = [
    "blog.add_post", "blog.change_post", "blog.delete_post", "blog.view_post",
    "blog.view_category",
    "authors.view_author", "authors.change_author",
]  # fmt: skip


def create_contributors(apps, schema_editor):
    # Permissions are normally created after migrate; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Contributors")
    for dotted in CONTRIBUTORS:
        app_label, codename = dotted.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def remove_contributors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Contributors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0018_review_desk"),
        ("authors", "0005_author_needs_review"),
    ]

    operations = [migrations.RunPython(create_contributors, remove_contributors)]
