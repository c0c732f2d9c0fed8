"""Create the newsroom's groups, Authors, Editors and Moderators, with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Authors": [
        "blog.add_post", "blog.change_post", "blog.delete_post", "blog.view_post",
        "blog.view_category",
        "authors.view_author", "authors.change_author",
    ],
    "Editors": [
        "blog.add_post", "blog.change_post", "blog.delete_post", "blog.view_post",
        "blog.edit_any_post",
        "blog.add_category", "blog.change_category", "blog.delete_category",
        "blog.view_category",
        "authors.add_author", "authors.change_author", "authors.delete_author",
        "authors.view_author", "authors.manage_authors",
        "flatpages.add_flatpage", "flatpages.change_flatpage", "flatpages.delete_flatpage",
        "flatpages.view_flatpage",
        "taggit.add_tag", "taggit.change_tag", "taggit.delete_tag", "taggit.view_tag",
    ],
    "Moderators": ["blog.view_post"],
}  # fmt: skip


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrate; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0001_initial"),
        ("authors", "0001_initial"),
        ("flatpages", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
