"""Give the footer its pages: terms and conditions, and about. Editors rewrite them in the admin."""

from django.db import migrations

PAGES = [
    (
        "/terms/",
        "Terms and conditions",
        "<p>Everything published here is the opinion of the columnist who signs it, not advice "
        "for your particular circumstances. Quote a short passage with a link back; ask us "
        "before reproducing a whole column.</p>"
        "<h2>Comments</h2>"
        "<p>Comments are read by a moderator before they appear. We publish disagreement "
        "gladly and remove abuse, advertising and anything unlawful. Your email address is "
        "never shown.</p>"
        "<h2>Your data</h2>"
        "<p>We keep what you give us to run the site: your account, your reading list and "
        "the comments you send. You can delete your account at any time.</p>",
    ),
    (
        "/about/",
        "About us",
        "<p>A dozen practitioners write here every week about running IT as a service: "
        "service desks, change, supplier management, standards and the people who make "
        "them work. Each columnist keeps a blog of their own; the home page brings the "
        "latest of them together.</p>",
    ),
]


def create_pages(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    FlatPage = apps.get_model("flatpages", "FlatPage")
    site, _ = Site.objects.get_or_create(pk=1, defaults={"domain": "localhost", "name": "Masthead"})
    for url, title, content in PAGES:
        page, created = FlatPage.objects.get_or_create(
            url=url, defaults={"title": title, "content": content}
        )
        page.sites.add(site)


def remove_pages(apps, schema_editor):
    apps.get_model("flatpages", "FlatPage").objects.filter(url__in=[p[0] for p in PAGES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0002_newsroom_roles"),
        ("flatpages", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(create_pages, remove_pages)]
