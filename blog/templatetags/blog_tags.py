from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from blog import sidebar, slots
from blog.seo import json_ld_script
from edge.fragments import cached_fragment
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
        "blog-roll", "blog/includes/blog_roll.html", lambda: {"authors": sidebar.blog_roll()}
    )


@register.simple_tag(takes_context=True)
def sections(context):
    """Render the list of categories for the navigation, the one being read marked: as the
    page on a section's page, as the page's section on one of its posts. Kept once for each
    way a section can be marked (and once for every other page), so the keys stay bounded."""
    match = getattr(context.get("request"), "resolver_match", None)
    view = match.view_name if match else ""
    post = context.get("post")
    current, marked = "", ""
    if view == "blog:category":
        current, marked = match.kwargs.get("slug", ""), "page"
    elif view == "blog:post" and post and post.category_id:
        current, marked = post.category.slug, "true"
    return widget(
        f"sections-{current}-{marked}",
        "blog/includes/sections.html",
        lambda: {"categories": sidebar.sections(), "current": current, "marked": marked},
    )


@register.simple_tag
def more_from_columnist(post):
    """Render the post page's short sidebar: the columnist's other latest posts."""
    return widget(
        f"more-from-{post.pk}",
        "blog/includes/more_from_columnist.html",
        lambda: {"author": post.author, "posts": sidebar.more_from_columnist(post)},
    )


@register.simple_tag
def archive_months(limit=12):
    """Render links to the latest months that have published posts."""
    return widget(
        f"archive-months-{limit}",
        "blog/includes/archive_months.html",
        lambda: {"months": sidebar.latest_months(limit)},
    )


@register.simple_tag
def popular_tags(limit=15):
    """Render links to the tags most used on published posts, most used first."""
    return widget(
        f"popular-tags-{limit}",
        "blog/includes/popular_tags.html",
        lambda: {"tags": sidebar.most_used_tags(limit)},
    )


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


@register.simple_tag
def json_ld(data):
    """Render data as a JSON-LD script element."""
    return json_ld_script(data)


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
