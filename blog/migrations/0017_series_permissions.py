"""Let Authors keep their own series and Editors every series (blog/desk_admin.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Authors": ["add_series", "change_series", "delete_series", "view_series"],
    "Editors": ["add_series", "change_series", "delete_series", "view_series"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after migrate; the groups need them now.
    app_config = apps.get_app_config("blog")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="blog", codename__in=codenames)
            )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="blog", codename__contains="series")
        )


class Migration(migrations.Migration):
    dependencies = [("blog", "0016_post_coauthors_and_series")]

    operations = [migrations.RunPython(grant, revoke)]
