from django.contrib import admin

from authors.models import Author
from edge import tags
from edge.admin import PurgingAdminMixin
from ops.revisions import RevisionAdmin


def manages_authors(user):
    return user.has_perm("authors.manage_authors")


@admin.register(Author)
class AuthorAdmin(PurgingAdminMixin, RevisionAdmin):
    list_display = ["display_name", "tagline", "rhythm", "blog_roll_order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["display_name", "tagline", "user__username", "user__email"]
    prepopulated_fields = {"slug": ["display_name"]}
    autocomplete_fields = ["user"]
    fields = [
        "user", "display_name", "slug", "portrait", "tagline", "introduction", "rhythm",
        "website", "links", "blog_roll_order", "is_active",
    ]  # fmt: skip
    editor_only_fields = ["user", "slug", "blog_roll_order", "is_active"]

    def cache_tags(self, obj):
        if obj is None:
            return set()
        # Every page naming the columnist, their blog, the columnists' page, the blog roll.
        return {tags.byline(obj.pk), tags.author(obj.pk), tags.AUTHORS, tags.LAYOUT}

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("user")
        if manages_authors(request.user):
            return queryset
        # A columnist keeps their own profile and reaches nobody else's.
        return queryset.filter(user=request.user)

    def get_fields(self, request, obj=None):
        if manages_authors(request.user):
            return self.fields
        return [f for f in self.fields if f not in self.editor_only_fields]

    def get_list_display(self, request):
        if manages_authors(request.user):
            return self.list_display
        return ["display_name", "tagline", "rhythm"]

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields if manages_authors(request.user) else {}

    def has_add_permission(self, request):
        return manages_authors(request.user) and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return manages_authors(request.user) and super().has_delete_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or manages_authors(request.user):
            return allowed
        return allowed and obj.user_id == request.user.pk
