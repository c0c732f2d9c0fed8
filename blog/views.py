from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.views.generic.dates import MonthArchiveView, YearArchiveView
from taggit.models import Tag

from authors.models import Author
from blog.models import Category, Post


def paginate(request, queryset):
    """Return the page of queryset that ?page= asks for; a page that does not exist is a 404."""
    paginator = Paginator(queryset, settings.POSTS_PER_PAGE)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage as exc:
        raise Http404("No such page.") from exc


def index(request):
    featured = list(Post.objects.published().featured().for_lists()[:3])
    # The featured band leads every page; the latest columns list the rest without repeats.
    latest = Post.objects.published().exclude(pk__in=[post.pk for post in featured])
    page = paginate(request, latest.for_lists())
    return TemplateResponse(
        request, "blog/index.html", {"featured_posts": featured, "page_obj": page}
    )


def author_list(request):
    authors = Author.objects.blog_roll()
    return TemplateResponse(request, "blog/author_list.html", {"authors": authors})


def author_detail(request, slug):
    author = get_object_or_404(Author, slug=slug)
    page = paginate(request, Post.objects.published().by_author(author).for_lists())
    return TemplateResponse(
        request, "blog/author_detail.html", {"author": author, "page_obj": page}
    )


def category_detail(request, slug):
    category = get_object_or_404(Category, slug=slug)
    page = paginate(request, Post.objects.published().in_category(category).for_lists())
    return TemplateResponse(
        request, "blog/category_detail.html", {"category": category, "page_obj": page}
    )


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = paginate(request, Post.objects.published().tagged(tag).for_lists())
    return TemplateResponse(request, "blog/tag_detail.html", {"tag": tag, "page_obj": page})


def post_detail(request, year, month, day, slug):
    post = get_object_or_404(Post.objects.published().for_lists(), slug=slug)
    if request.path != post.get_absolute_url():
        # The date in the address is part of the name, not the key: keep old links working.
        return redirect(post, permanent=True)
    return render_post(request, post)


def post_preview(request, pk):
    """Show a post of any state exactly as readers will see it, to its author and editors."""
    post = get_object_or_404(Post.objects.for_lists(), pk=pk)
    if not post.can_be_edited_by(request.user):
        raise Http404("No such post.")
    response = render_post(request, post, is_preview=True)
    add_never_cache_headers(response)
    return response


def render_post(request, post, *, is_preview=False, extra_context=None, status=200):
    in_blog = (
        Post.objects.published()
        .by_author(post.author_id)
        .only("title", "slug", "published_at", "created_at")
    )
    previous_post = next_post = None
    if post.published_at:
        previous_post = (
            in_blog.filter(published_at__lt=post.published_at).order_by("-published_at").first()
        )
        next_post = (
            in_blog.filter(published_at__gt=post.published_at).order_by("published_at").first()
        )
    context = {
        "post": post,
        "previous_post": previous_post,
        "next_post": next_post,
        "is_preview": is_preview,
        **(extra_context or {}),
    }
    return TemplateResponse(request, "blog/post_detail.html", context, status=status)


class ArchiveMixin:
    queryset = Post.objects.published().for_lists()
    date_field = "published_at"
    paginate_by = settings.POSTS_PER_PAGE
    allow_empty = False


class PostYearArchive(ArchiveMixin, YearArchiveView):
    make_object_list = True
    template_name = "blog/post_archive_year.html"


class PostMonthArchive(ArchiveMixin, MonthArchiveView):
    month_format = "%m"
    template_name = "blog/post_archive_month.html"
