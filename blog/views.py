from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.generic.dates import MonthArchiveView, YearArchiveView
from taggit.models import Tag

from authors.models import Author
from blog.coauthors import coauthors_prefetch
from blog.models import Attachment, Category, Correction, Post
from blog.pagination import UncountedPaginator, paginate
from blog.search import (
    MAX_QUERY_LENGTH,
    clean_query,
    filter_choices,
    highlight_results,
    is_full_text,
    search_posts,
)
from blog.services import render_post_page
from edge import tags


def index(request):
    featured = list(Post.objects.published().featured().for_lists()[:3])
    # The featured band leads every page; the latest columns list the rest without repeats.
    latest = Post.objects.published().exclude(pk__in=[post.pk for post in featured])
    page = paginate(request, latest.for_lists())
    tags.add(request, tags.HOME)
    tags.add_posts(request, [*featured, *page])
    return TemplateResponse(
        request, "blog/index.html", {"featured_posts": featured, "page_obj": page}
    )


def author_list(request):
    authors = list(Author.objects.blog_roll())
    tags.add(request, *(tags.byline(author.pk) for author in authors))
    return TemplateResponse(request, "blog/author_list.html", {"authors": authors})


def author_detail(request, slug):
    author = get_object_or_404(Author, slug=slug)
    page = paginate(request, Post.objects.published().by_author(author).for_lists())
    tags.add(request, tags.author(author.pk), tags.byline(author.pk))
    tags.add_posts(request, page)
    return TemplateResponse(
        request, "blog/author_detail.html", {"author": author, "page_obj": page}
    )


def category_detail(request, slug):
    category = get_object_or_404(Category, slug=slug)
    page = paginate(request, Post.objects.published().in_category(category).for_lists())
    tags.add(request, tags.category(category.pk))
    tags.add_posts(request, page)
    return TemplateResponse(
        request,
        "blog/post_list.html",
        {"list_kind": "category", "category": category, "page_obj": page},
    )


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = paginate(request, Post.objects.published().tagged(tag).for_lists())
    tags.add(request, tags.tag(tag.pk))
    tags.add_posts(request, page)
    return TemplateResponse(
        request, "blog/post_list.html", {"list_kind": "tag", "tag": tag, "page_obj": page}
    )


def correction_list(request):
    """List the corrections of published posts, newest first, each linking to its post."""
    corrections = (
        Correction.objects.public()
        .select_related("post__author")
        .prefetch_related(coauthors_prefetch("post__"))
    )
    page = paginate(request, corrections)
    tags.add_posts(request, [correction.post for correction in page])
    return TemplateResponse(request, "blog/correction_list.html", {"page_obj": page})


def search(request):
    """List the published columns matching ?q=, narrowed by ?author= and ?category= slugs."""
    query, was_truncated = clean_query(request.GET.get("q", ""))
    authors, categories = filter_choices()
    # A filter naming nobody (a stale or mistyped link) is left out rather than refused.
    author = next((a for a in authors if a.slug == request.GET.get("author")), None)
    category = next((c for c in categories if c.slug == request.GET.get("category")), None)
    page = found = None
    if query:
        # At most search.MAX_RESULTS posts, so counting them for the page links costs nothing.
        found = search_posts(query, author=author, category=category)
        page = paginate(request, found, Paginator)
        highlight_results(page.object_list, query)
        tags.add_posts(request, page)
    kept = {"q": query, "author": author and author.slug, "category": category and category.slug}
    context = {
        "query": query,
        "was_truncated": was_truncated,
        "max_query_length": MAX_QUERY_LENGTH,
        "is_ranked": is_full_text(),
        "authors": authors,
        "categories": categories,
        "selected_author": author,
        "selected_category": category,
        "page_obj": page,
        # More posts matched than are shown: the page names the limit and asks for more words.
        "results_limit": found.limit if found is not None and found.is_capped else None,
        "page_params": {name: value for name, value in kept.items() if value},
    }
    return TemplateResponse(request, "blog/search_results.html", context)


def post_detail(request, year, month, day, slug):
    post = get_object_or_404(Post.objects.published().for_page(), slug=slug)
    if request.path != post.get_absolute_url():
        # The date in the address is part of the name, not the key: keep old links working.
        return redirect(post, permanent=True)
    return render_post_page(request=request, post=post)


def post_preview(request, pk):
    """Show a post of any state exactly as readers will see it, to its author and editors."""
    post = get_object_or_404(Post.objects.for_page(), pk=pk)
    if not post.can_be_edited_by(request.user):
        raise Http404("No such post.")
    response = render_post_page(request=request, post=post, is_preview=True)
    add_never_cache_headers(response)
    return response


def attachment_download(request, pk, filename):
    """Send a post's attachment as a download: to anyone once the post is public, before
    that to those who may preview it."""
    attachment = Attachment.objects.public().filter(pk=pk).first()
    is_preview = attachment is None
    if is_preview:
        attachment = get_object_or_404(Attachment.objects.select_related("post__author"), pk=pk)
        if attachment.post is None:
            # Dropped into an editor, its post not saved yet: its uploader's alone.
            if attachment.uploaded_by_id != request.user.pk:
                raise Http404("No such file.")
        elif not attachment.post.can_be_edited_by(request.user):
            raise Http404("No such file.")
    try:
        handle = attachment.file.storage.open(attachment.file.name, "rb")
    except FileNotFoundError as exc:
        raise Http404("No such file.") from exc
    content_type = attachment.kind.content_type if attachment.kind else "application/octet-stream"
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.filename, content_type=content_type
    )
    # Never rendered as a page, whatever a browser would make of its bytes.
    response["X-Content-Type-Options"] = "nosniff"
    if is_preview:
        add_never_cache_headers(response)
    return response


def robots_txt(request):
    """Tell crawlers what to leave alone and where the sitemap is."""
    context = {"sitemap_url": request.build_absolute_uri(reverse("blog:sitemap"))}
    return TemplateResponse(request, "robots.txt", context, content_type="text/plain")


class ArchiveMixin:
    date_field = "published_at"
    paginate_by = settings.POSTS_PER_PAGE
    paginator_class = UncountedPaginator
    allow_empty = False

    def get_queryset(self):
        # Built per request: a class attribute would fix "now" at the time of import.
        return Post.objects.published().for_lists()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tags.add(self.request, self.archive_tag())
        tags.add_posts(self.request, context["object_list"])
        return context


class PostYearArchive(ArchiveMixin, YearArchiveView):
    make_object_list = True
    template_name = "blog/post_list.html"
    extra_context = {"list_kind": "year"}

    def archive_tag(self):
        return tags.archive(int(self.get_year()))


class PostMonthArchive(ArchiveMixin, MonthArchiveView):
    month_format = "%m"
    template_name = "blog/post_list.html"
    extra_context = {"list_kind": "month"}

    def archive_tag(self):
        return tags.archive(int(self.get_year()), int(self.get_month()))
