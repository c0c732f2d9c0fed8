"""Which shared pages show a post, so that changing it purges those and no others."""

from django.utils import timezone

from blog.models import Post
from edge import tags


def post_tags(post):
    """Return the tags of every shared page that lists or shows post, as it is now.

    A draft is on no page but its own (which does not exist yet); a scheduled post is on
    none either, but its future lists are named so that they are not kept past its time.
    """
    if post is None:
        return set()
    names = {tags.post(post.pk)}
    if post.series_id:
        # The series' page and its parts' pages count every part, published or coming.
        names.add(tags.series(post.series_id))
    if post.status != Post.Status.PUBLISHED or post.published_at is None:
        return names
    moment = timezone.localtime(post.published_at)
    names |= {
        tags.HOME,
        tags.FEEDS,
        tags.SEARCH,
        tags.SITEMAP,
        tags.author(post.author_id),
        tags.archive(moment.year),
        tags.archive(moment.year, moment.month),
    }
    if post.category_id:
        names.add(tags.category(post.category_id))
    if post.pk:
        names |= {tags.tag(pk) for pk in post.tags.values_list("pk", flat=True)}
        # Co-authors' blogs and feeds list the post as well.
        coauthors = post.post_authors.values_list("author_id", flat=True)
        names |= {tags.author(pk) for pk in coauthors}
    return names
