from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from blog.models import Category, Post
from blog.search import reindex_posts
from ops.cache import ContentAdminMixin, content_changed


def is_editor(user):
    return user.has_perm("blog.edit_any_post")


@admin.register(Category)
class CategoryAdmin(ContentAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Post)
class PostAdmin(ContentAdminMixin, admin.ModelAdmin):
    list_display = ["title", "author", "category", "state", "published_at", "is_featured"]
    list_filter = ["status", "is_featured", "category", "author"]
    list_select_related = ["author", "category"]
    search_fields = ["title", "excerpt", "body", "author__display_name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author", "category"]
    actions = ["publish_now", "unpublish", "feature", "unfeature"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "author", "body", "excerpt"]}),
        ("Illustration", {"fields": ["featured_image", "featured_image_alt"]}),
        ("Filing", {"fields": ["category", "tags"]}),
        ("Publishing", {"fields": ["status", "published_at", "is_featured", "allow_comments"]}),
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("author", "category")
        if is_editor(request.user):
            return queryset
        # Authors reach their own posts only, whatever the URL says.
        return queryset.filter(author__user=request.user)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if is_editor(request.user):
            return fieldsets
        hidden = {"author", "is_featured"}
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in hidden]})
            for name, options in fieldsets
        ]

    def get_list_filter(self, request):
        if is_editor(request.user):
            return self.list_filter
        return ["status", "category"]

    def has_feature_permission(self, request):
        return is_editor(request.user)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and (
            is_editor(request.user) or hasattr(request.user, "author")
        )

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.can_be_edited_by(request.user))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.can_be_edited_by(request.user))

    def save_model(self, request, obj, form, change):
        if not is_editor(request.user):
            # A post is its writer's, whatever the submitted form claims.
            obj.author = request.user.author
            if not change:
                obj.is_featured = False
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Tags are saved only now, after the post, and search must know them.
        reindex_posts(posts=Post.objects.filter(pk=form.instance.pk))

    @admin.display(description="State", ordering="status")
    def state(self, obj):
        if obj.status == Post.Status.DRAFT:
            return "Draft"
        if obj.is_scheduled():
            return format_html(
                "Scheduled for {}", timezone.localtime(obj.published_at).strftime("%d %b %Y %H:%M")
            )
        return "Published"

    @admin.display(description="Public", boolean=True)
    def is_public(self, obj):
        return obj.is_published()

    def view_on_site(self, obj):
        return reverse("blog:preview", kwargs={"pk": obj.pk})

    @admin.action(description="Publish the selected posts now", permissions=["change"])
    def publish_now(self, request, queryset):
        for post in queryset:
            post.publish(at=timezone.now() if not post.is_published() else post.published_at)
        content_changed()
        messages.success(request, f"Published {len(queryset)} post(s).")

    @admin.action(description="Take the selected posts back to draft", permissions=["change"])
    def unpublish(self, request, queryset):
        for post in queryset:
            post.unpublish()
        content_changed()
        messages.success(request, f"Moved {len(queryset)} post(s) back to draft.")

    @admin.action(
        description="Feature the selected posts on the home page", permissions=["feature"]
    )
    def feature(self, request, queryset):
        count = queryset.update(is_featured=True)
        content_changed()
        messages.success(request, f"Featured {count} post(s).")

    @admin.action(description="Stop featuring the selected posts", permissions=["feature"])
    def unfeature(self, request, queryset):
        count = queryset.update(is_featured=False)
        content_changed()
        messages.success(request, f"Unfeatured {count} post(s).")
