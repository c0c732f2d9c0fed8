"""The newsroom's admin of co-authors (an inline of the post form) and of series."""

from django.contrib import admin
from django.forms.models import BaseInlineFormSet

from blog.coauthors import PostAuthor
from blog.series import Series
from edge import tags
from edge.admin import PurgingAdminMixin


def is_editor(user):
    return user.has_perm("blog.edit_any_post")


class CoauthorFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        lead = self.data.get("author") or getattr(self.instance, "author_id", None)
        for form in self.forms:
            author = form.cleaned_data.get("author") if hasattr(form, "cleaned_data") else None
            if author is not None and not form.cleaned_data.get("DELETE"):
                if str(author.pk) == str(lead):
                    form.add_error(
                        "author",
                        f"{author} is the post's lead author already: choose another "
                        "columnist, or remove this row.",
                    )


class PostAuthorInline(admin.TabularInline):
    """A post's co-authors: an editor names them; the post's own form shows them to no one
    else (PostAdmin.get_inlines)."""

    model = PostAuthor
    formset = CoauthorFormSet
    fields = ["author", "position"]
    autocomplete_fields = ["author"]
    extra = 0
    view_on_site = False

    def has_view_permission(self, request, obj=None):
        return is_editor(request.user)

    def has_add_permission(self, request, obj=None):
        return is_editor(request.user)

    def has_change_permission(self, request, obj=None):
        return is_editor(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_editor(request.user)


@admin.register(Series)
class SeriesAdmin(PurgingAdminMixin, admin.ModelAdmin):
    """Series: a columnist keeps their own, editors every one."""

    list_display = ["name", "author", "created_at"]
    list_select_related = ["author"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["author"]
    fields = ["name", "slug", "author", "description"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("author")
        if is_editor(request.user):
            return queryset
        return queryset.filter(author__user=request.user)

    def get_fields(self, request, obj=None):
        if is_editor(request.user):
            return self.fields
        return [name for name in self.fields if name != "author"]

    def get_list_filter(self, request):
        return ["author"] if is_editor(request.user) else []

    def has_add_permission(self, request):
        return super().has_add_permission(request) and (
            is_editor(request.user) or hasattr(request.user, "author")
        )

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or self.owns(request, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or self.owns(request, obj))

    def owns(self, request, series):
        return is_editor(request.user) or series.author.user_id == request.user.pk

    def save_model(self, request, obj, form, change):
        if not is_editor(request.user) and not change:
            # A columnist's series is theirs, whatever the submitted form claims.
            obj.author = request.user.author
        super().save_model(request, obj, form, change)

    def cache_tags(self, obj):
        if obj is None or obj.pk is None:
            return set()
        # The series' page and feed, and the outline on each of its parts' pages.
        return {tags.series(obj.pk), tags.FEEDS}


def series_choices(request, posts):
    """Return the series a post of posts (the user's own, as the post admin lists them) may
    join: an editor any; a columnist their own, or one a post of theirs is part of already."""
    if is_editor(request.user):
        return Series.objects.all()
    owned = Series.objects.filter(author__user=request.user)
    joined = Series.objects.filter(pk__in=posts.exclude(series=None).values("series"))
    return (owned | joined).distinct()
