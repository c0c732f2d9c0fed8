from django.db import migrations


def give_tags_addresses(apps, schema_editor):
    """Give a slug to each tag whose name had no letter or digit to make one of."""
    Tag = apps.get_model("taggit", "Tag")
    for tag in Tag.objects.filter(slug=""):
        tag.slug = f"tag-{tag.pk}"
        tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0011_originals_kept_private"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(give_tags_addresses, migrations.RunPython.noop)]
