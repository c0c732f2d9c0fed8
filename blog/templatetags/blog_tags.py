from django import template
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from taggit.models import Tag

from authors.models import Author
from blog import slots
from blog.models import Category, Post
from blog.seo import json_ld_script
from ops.cache import cached_fragment
from uploads.images import place_pictures

register = template.Library()


def widget(name, template_name, context):
    """Return a sidebar widget's HTML: template_name rendered with context(), kept until
    the content changes. Widgets show the same to every reader on every page."""
    return mark_safe(  # noqa: S308 - rendered by a template, which escapes
        cached_fragment(name, lambda: render_to_string(template_name, context()))
    )


@register.simple_tag
def blog_roll():
    """Render the sidebar's list of active columnists, in the editors' order."""
    return widget(
        "blog-roll",
        "blog/includes/blog_roll.html",
        lambda: {"authors": list(Author.objects.blog_roll())},
    )


@register.simple_tag
def sections():
    """Render the list of categories for the navigation."""
    return widget(
        "sections",
        "blog/includes/sections.html",
        lambda: {"categories": list(Category.objects.only("name", "slug"))},
    )


@register.simple_tag
def archive_months(limit=12):
    """Render links to the latest months that have published posts."""

    def latest_months():
        return {
            "months": list(
                Post.objects.published()
                .annotate(month=TruncMonth("published_at"))
                .values_list("month", flat=True)
                .order_by("-month")
                .distinct()[:limit]
            )
        }

    return widget(f"archive-months-{limit}", "blog/includes/archive_months.html", latest_months)


@register.simple_tag
def popular_tags(limit=15):
    """Render links to the tags most used on published posts, most used first."""

    def most_used():
        return {
            "tags": list(
                Tag.objects.filter(
                    blog_taggedpost_items__content_object__in=Post.objects.published()
                )
                # Counted over the filter's join, so only published posts count.
                .annotate(post_count=Count("blog_taggedpost_items"))
                .order_by("-post_count", "name")[:limit]
            )
        }

    return widget(f"popular-tags-{limit}", "blog/includes/popular_tags.html", most_used)


@register.simple_tag(takes_context=True)
def slot(context, name, **values):
    """Render the templates other apps fill the slot name with, given values besides the
    page's context; nothing when no app fills it (see blog/slots.py)."""
    if name not in slots.FILLED:
        raise template.TemplateSyntaxError(f"Blog's pages have no slot {name!r}.")
    template_names = slots.FILLED[name]
    if not template_names:
        return ""
    engine = context.template.engine
    with context.push(**values):
        html = "".join(engine.get_template(name).render(context) for name in template_names)
    return mark_safe(html)  # noqa: S308 - rendered by templates, which escape


@register.filter
def with_pictures(body, post):
    """Return a post's sanitised body with its [image N] codes made the post's own pictures."""
    # The body was sanitised on save; the figures are built by a template that escapes.
    return mark_safe(place_pictures(body, post.images.all()))  # noqa: S308


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """Return the page's absolute address without query string, but for a list's page number."""
    request = context.get("request")
    if request is None:
        return ""
    url = request.build_absolute_uri(context.get("canonical_path") or request.path)
    page = context.get("page_obj")
    if page is not None and page.number > 1:
        url += f"?page={page.number}"
    return url


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """Return url with the scheme and host of the request."""
    return context["request"].build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def json_ld(context, data):
    """Render data as a JSON-LD script element carrying the page's CSP nonce."""
    # The nonce is lazy and falsy until first used: compare with None, never test its truth.
    nonce = context.get("csp_nonce")
    return json_ld_script(data, nonce="" if nonce is None else str(nonce))


@register.tag
def capture(parser, token):
    """Render the enclosed template into a variable: {% capture as name %}…{% endcapture %}."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}…{% endcapture %}.")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # What the enclosed template rendered is already escaped as it needs to be.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        return ""
