"""Keep a WordPress site's old addresses answering with a 301 to their new ones."""

from urllib.parse import urlsplit

from django.contrib.redirects.models import Redirect
from django.urls import reverse

# What WordPress serves at fixed addresses, and where Masthead has it.
FIXED = {
    "/feed/rss2/": "/feed/",
    "/feed/rss/": "/feed/",
    "/feed/rdf/": "/feed/",
    "/rss/": "/feed/",
    "/comments/feed/": "/feed/",
}
MAX_PATH = 200


class OldAddresses:
    """Collect the redirects an import makes, and save the new ones in one go."""

    def __init__(self, site, report):
        self.site = site
        self.report = report
        self.taken = set(Redirect.objects.filter(site=site).values_list("old_path", flat=True))
        self.waiting = []
        for old, new in FIXED.items():
            self.add(old, new)

    def add(self, old_path, new_path):
        if not old_path.startswith("/") or old_path == new_path or len(old_path) > MAX_PATH:
            return
        if old_path in self.taken:
            return
        self.taken.add(old_path)
        self.waiting.append(Redirect(site=self.site, old_path=old_path, new_path=new_path))

    def post(self, record, post):
        """Redirect a post's permalink, its /?p= form aside (the middleware answers that)."""
        link = urlsplit(record.get("link"))
        if link.path and not link.query:
            new = post.get_absolute_url()
            self.add(link.path, new)
            self.add(link.path.rstrip("/") + "/feed/", new)

    def author(self, login, author):
        new = author.get_absolute_url()
        old = f"/author/{login.lower()}/"
        self.add(old, new)
        self.add(f"{old}feed/", f"{new}feed/")

    def category(self, nicename, category):
        new = category.get_absolute_url()
        self.add(f"/category/{nicename}/", new)
        self.add(f"/category/{nicename}/feed/", f"{new}feed/")

    def tag(self, slug, tag):
        new = reverse("blog:tag", kwargs={"slug": tag.slug})
        self.add(f"/tag/{slug}/", new)
        self.add(f"/tag/{slug}/feed/", f"{new}feed/")

    def save(self):
        Redirect.objects.bulk_create(self.waiting, batch_size=1000)
        self.report.redirects += len(self.waiting)
        self.waiting = []
