"""Give the newsroom's groups their part in comments: moderators decide, authors read."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Moderators": [
        "view_comment", "change_comment", "moderate_comment",
        "add_blockrule", "change_blockrule", "delete_blockrule", "view_blockrule",
    ],
    "Editors": [
        "view_comment", "change_comment", "delete_comment", "moderate_comment",
        "add_blockrule", "change_blockrule", "delete_blockrule", "view_blockrule",
    ],
    "Authors": ["view_comment"],
}  # fmt: skip


def grant(apps, schema_editor):
    app_config = apps.get_app_config("comments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="comments", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="comments"))


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("blog", "0002_newsroom_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
