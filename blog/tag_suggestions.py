"""Existing tags for the post form's tag box, most used first, as the author types."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import JsonResponse
from taggit.models import Tag

from blog.models import Post

SUGGESTED = 10
# A prefix longer than any tag's name matches nothing; cut it before it reaches SQL.
LONGEST_PREFIX = 100


def tag_suggestions(request, *, model_admin):
    """Answer {"tags": [...]}: tag names starting with ?q=, the most used first.

    Only those who may write posts ask, and a tag counts only where the asker may see it:
    on published posts, on their own, or anywhere for editors. A name used only on another
    columnist's draft is never suggested.
    """
    if not (model_admin.has_add_permission(request) or model_admin.has_change_permission(request)):
        raise PermissionDenied
    prefix = request.GET.get("q", "").strip()[:LONGEST_PREFIX]
    if not prefix:
        return JsonResponse({"tags": []})
    uses = Q()
    if not request.user.has_perm("blog.edit_any_post"):
        uses = Q(blog_taggedpost_items__content_object__in=Post.objects.published()) | Q(
            blog_taggedpost_items__content_object__author__user=request.user
        )
    names = (
        Tag.objects.filter(name__istartswith=prefix)
        .annotate(uses=Count("blog_taggedpost_items", filter=uses))
        .filter(uses__gt=0)
        .order_by("-uses", "name")
        .values_list("name", flat=True)[:SUGGESTED]
    )
    return JsonResponse({"tags": list(names)})
