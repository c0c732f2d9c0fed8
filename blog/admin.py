from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from authors.models import Author
from blog import editorial_calendar, review, review_admin, sidebar
from blog.admin_autosave import AutosaveAdminMixin
from blog.admin_editor import EditorUploadsAdminMixin
from blog.admin_widgets import LABELLED_FILES, LABELLED_KEPT_PICTURES
from blog.cache_tags import post_tags
from blog.correcting import CorrectionAdminMixin
from blog.desk_admin import PostAuthorInline, series_choices
from blog.forms import PostAdminForm, workflow_button
from blog.models import Attachment, Category, Post, PostImage
from blog.review_forms import DESK_BUTTONS
from blog.review_states import REVIEW_FIELDS, ReviewState
from blog.review_words import state_in_words
from blog.search import reindex_posts
from blog.services import post_address_changed
from blog.tag_suggestions import tag_suggestions
from edge import tags
from edge.admin import PurgingAdminMixin
from edge.state import content_changed
from ops.revisions import RevisionAdmin


def is_editor(user):
    return user.has_perm("blog.edit_any_post")


@admin.register(Category)
class CategoryAdmin(PurgingAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def cache_tags(self, obj):
        # The sections lead every page's navigation and every card names its section.
        return {tags.SITE}


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Draft"),
            (ReviewState.IN_REVIEW, "In review"),
            (ReviewState.CHANGES_REQUESTED, "Changes requested"),
            ("scheduled", "Scheduled"),
            ("published", "Published"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "draft":
            return queryset.drafts()
        if self.value() in (ReviewState.IN_REVIEW, ReviewState.CHANGES_REQUESTED):
            return queryset.drafts().filter(review_state=self.value())
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "published":
            return queryset.published()
        return queryset


class PostPartInline(admin.StackedInline):
    """A post's pictures or files: whoever may change the post may change them, no one else."""

    extra = 0
    # Their public place is the post's page, which its own form already links to.
    view_on_site = False

    def post_admin(self):
        return self.admin_site.get_model_admin(Post)

    def get_queryset(self, request):
        posts = self.post_admin().get_queryset(request)
        return super().get_queryset(request).filter(post__in=posts)

    def has_view_permission(self, request, obj=None):
        return self.post_admin().has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        if obj is None:
            return self.post_admin().has_add_permission(request)
        return self.post_admin().has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self.post_admin().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.post_admin().has_change_permission(request, obj)


class PostImageInline(PostPartInline):
    model = PostImage
    formfield_overrides = LABELLED_FILES
    fields = ["image", "thumbnail", "alt", "caption", "credit", "code"]
    readonly_fields = ["thumbnail", "code"]

    def get_queryset(self, request):
        # Pictures dropped into the editor keep their description and caption in the body.
        return super().get_queryset(request).filter(uploaded_by__isnull=True)

    @admin.display(description="Preview")
    def thumbnail(self, obj):
        picture = obj.picture if obj.pk else None
        if picture is None:
            return "—"
        return format_html('<img src="{}" alt="" width="160" style="height:auto">', picture.src)

    @admin.display(description="Code for the body")
    def code(self, obj):
        if obj.pk is None:
            return "Save the post to get this picture's code."
        return format_html(
            "<code>{}</code><br>Put it on a line of its own in the body, where the picture "
            "belongs.",
            obj.shortcode,
        )


class AttachmentInline(PostPartInline):
    model = Attachment
    fields = ["title", "file", "download"]
    readonly_fields = ["download"]
    verbose_name = "download"
    verbose_name_plural = "downloads"
    # Attachments have no public address: the widget must not link to one.
    formfield_overrides = {models.FileField: {"widget": forms.FileInput}}

    @admin.display(description="Readers download")
    def download(self, obj):
        if obj.pk is None or not obj.file:
            return "—"
        return format_html(
            '<a href="{}">{}</a> ({}, {})',
            obj.get_absolute_url(),
            obj.filename,
            obj.kind.label if obj.kind else "file",
            obj.human_size,
        )


@admin.register(Post)
class PostAdmin(
    CorrectionAdminMixin,
    AutosaveAdminMixin,
    EditorUploadsAdminMixin,
    PurgingAdminMixin,
    RevisionAdmin,
):
    form = PostAdminForm
    list_display = [
        "title", "author", "category", "state", review_admin.publication_time, "is_featured",
    ]  # fmt: skip
    list_filter = [StateFilter, "is_featured", "category", "author"]
    list_select_related = ["author", "category"]
    search_fields = ["title", "excerpt", "body", "author__display_name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author", "category"]
    actions = ["publish_now", "unpublish", "feature", "unfeature"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "author", "body", "excerpt"]}),
        (
            "Illustration",
            {
                "fields": [
                    "featured_image",
                    "featured_image_alt",
                    "featured_image_caption",
                    "featured_image_credit",
                ]
            },
        ),
        ("Filing", {"fields": ["category", "tags", "series", "series_part"]}),
        (
            "Publishing",
            {
                "fields": [
                    "state",
                    "status",
                    "published_at",
                    "review_note",
                    "is_featured",
                    "allow_comments",
                ]
            },
        ),
    ]
    readonly_fields = ["state"]
    inlines = [PostImageInline, AttachmentInline]
    # A chosen featured image survives an error elsewhere in the form, named by its label.
    formfield_overrides = LABELLED_KEPT_PICTURES
    # Derived from the other columns on every save, so a revert recomputes them.
    revision_exclude = ["body_text", "search_keywords", "search_vector", "tags"]
    restricted_fields = ["author", "is_featured"]

    class Media:
        # A full-width title, a short excerpt, spell-checking and tag suggestions.
        css = {"all": ["css/post_admin.css"]}
        js = ["js/post_form.js"]

    def get_list_display(self, request):
        if is_editor(request.user) or not request.user.has_perm("blog.change_post"):
            return self.list_display
        # An author's list holds their own posts only: their name would fill a column.
        return [name for name in self.list_display if name != "author"]

    def get_urls(self):
        calendar = editorial_calendar.calendar_view
        move = editorial_calendar.reschedule
        return [
            path(
                "calendar/",
                self.admin_site.admin_view(lambda request: calendar(request, self.admin_site)),
                name="blog_post_calendar",
            ),
            path(
                "calendar/move/",
                self.admin_site.admin_view(lambda request: move(request, self)),
                name="blog_post_reschedule",
            ),
            path(
                "tags/",
                self.admin_site.admin_view(partial(tag_suggestions, model_admin=self)),
                name="blog_post_tag_suggestions",
            ),
            *review_admin.desk_urls(self),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("author", "category")
        if is_editor(request.user):
            return queryset
        if request.user.has_perm("blog.change_post"):
            # Authors reach the posts they lead or co-write only, whatever the URL says.
            author = getattr(request.user, "author", None)
            return queryset.by_author(author) if author else queryset.none()
        # Those who only read (moderators) read what readers can, never a draft.
        return queryset.published()

    def may_set_restricted_fields(self, request):
        return is_editor(request.user)

    def fields_out_of_reach(self, request):
        hidden = super().fields_out_of_reach(request)
        if review.needs_review(request.user):
            # The desk publishes their posts: no field of the form, no revert, does it.
            return {*hidden, "status", "published_at", *REVIEW_FIELDS}
        return hidden

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        hidden = self.fields_out_of_reach(request)
        if not review_admin.wants_review_note(request.user, obj):
            hidden = {*hidden, "review_note"}
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in hidden]})
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user
        return form

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(review_admin.change_form_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_inlines(self, request, obj):
        # Co-authors are the editors' to name. Out of `inlines`, their rows are not kept in
        # revisions either, so that no revert names or drops a co-author.
        inlines = super().get_inlines(request, obj)
        return [PostAuthorInline, *inlines] if is_editor(request.user) else inlines

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "series":
            kwargs["queryset"] = series_choices(request, self.get_queryset(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_list_filter(self, request):
        if is_editor(request.user):
            return self.list_filter
        return [StateFilter, "category"]

    def has_feature_permission(self, request):
        return is_editor(request.user)

    def has_publish_permission(self, request):
        return self.has_change_permission(request) and not review.needs_review(request.user)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and (
            is_editor(request.user) or hasattr(request.user, "author")
        )

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or review.may_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        # Co-authors edit a post; only its lead author or an editor deletes it, and a writer
        # who needs review only while it is theirs to change.
        return allowed and (
            obj is None
            or (obj.can_be_deleted_by(request.user) and review.may_edit(request.user, obj))
        )

    def save_model(self, request, obj, form, change):
        if not is_editor(request.user) and not change:
            # A new post is its writer's, whatever the submitted form claims; a post changed
            # keeps its lead author, a field out of the form's reach.
            obj.author = request.user.author
            obj.is_featured = False
        before = Post.objects.get(pk=obj.pk) if change else None
        # The desk's buttons move the post once it is saved (see response_workflow).
        request.desk_form = form
        super().save_model(request, obj, form, change)
        if before and before.is_published() and obj.status == Post.Status.PUBLISHED:
            old_path = before.get_absolute_url()
            if obj.get_absolute_url() != old_path:
                post_address_changed(post=obj, old_path=old_path)

    def response_add(self, request, obj, post_url_continue=None):
        if workflow_button(request.POST):
            return self.response_workflow(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if workflow_button(request.POST):
            return self.response_workflow(request, obj)
        return super().response_change(request, obj)

    def response_workflow(self, request, obj):
        """Say what state a draft, publish or schedule button left the post in, on its form."""
        button = workflow_button(request.POST)
        if button in DESK_BUTTONS:
            review_admin.apply_desk_button(request, obj, request.desk_form, button)
        self.message_user(request, format_html("“{}” is saved: {}.", obj, self.state(obj)))
        url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[obj.pk],
            current_app=self.admin_site.name,
        )
        preserved = {"preserved_filters": self.get_preserved_filters(request), "opts": self.opts}
        return HttpResponseRedirect(add_preserved_filters(preserved, url))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        review_admin.keep_note_of_a_plain_save(
            request, form.instance, form, workflow_button(request.POST)
        )
        # Tags are saved only now, after the post, and search must know them.
        reindex_posts(posts=Post.objects.filter(pk=form.instance.pk))

    def cache_tags(self, obj):
        return post_tags(obj)

    def layout_state(self):
        return sidebar.layout_state()

    def _changed_in_bulk(self, queryset, change):
        """Apply change to each post of queryset, then purge what they were and are."""
        layout = self.layout_state()
        posts = list(queryset)
        before = set().union(*(post_tags(post) for post in posts))
        for post in posts:
            change(post)
        after = set().union(*(post_tags(post) for post in posts))
        content_changed(*before, *after, *self._layout_changed(layout))
        return len(posts)

    @admin.display(description="State", ordering="status")
    def state(self, obj):
        return state_in_words(obj)

    @admin.display(description="Public", boolean=True)
    def is_public(self, obj):
        return obj.is_published()

    def view_on_site(self, obj):
        return reverse("blog:preview", kwargs={"pk": obj.pk})

    @admin.action(description="Publish the selected posts now", permissions=["publish"])
    def publish_now(self, request, queryset):
        def publish(post):
            if post.is_in_review():
                # An editor's decision on a post in review: recorded, and its writer told.
                review.approve(post=post, by=request.user)
                return
            post.publish(at=timezone.now() if not post.is_published() else post.published_at)

        count = self._changed_in_bulk(queryset, publish)
        messages.success(request, f"Published {count} post(s).")

    @admin.action(description="Take the selected posts back to draft", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = self._changed_in_bulk(queryset, Post.unpublish)
        messages.success(request, f"Moved {count} post(s) back to draft.")

    @admin.action(
        description="Feature the selected posts on the home page", permissions=["feature"]
    )
    def feature(self, request, queryset):
        count = queryset.update(is_featured=True)
        content_changed(tags.HOME)
        messages.success(request, f"Featured {count} post(s).")

    @admin.action(description="Stop featuring the selected posts", permissions=["feature"])
    def unfeature(self, request, queryset):
        count = queryset.update(is_featured=False)
        content_changed(tags.HOME)
        messages.success(request, f"Unfeatured {count} post(s).")


# Columnists' profiles: the newsroom's admin, beside the posts, keeps them under revision and
# the cached pages up to date, which authors (a model of Django alone) leaves to it.


def manages_authors(user):
    return user.has_perm("authors.manage_authors")


@admin.register(Author)
class AuthorAdmin(PurgingAdminMixin, RevisionAdmin):
    list_display = [
        "display_name", "tagline", "rhythm", "blog_roll_order", "is_active", "needs_review",
    ]  # fmt: skip
    list_filter = ["is_active", "needs_review"]
    search_fields = ["display_name", "tagline", "user__username", "user__email"]
    prepopulated_fields = {"slug": ["display_name"]}
    autocomplete_fields = ["user"]
    fields = [
        "user", "display_name", "slug", "portrait", "tagline", "introduction", "rhythm",
        "website", "links", "blog_roll_order", "is_active", "needs_review",
    ]  # fmt: skip
    restricted_fields = ["user", "slug", "blog_roll_order", "is_active", "needs_review"]
    # A chosen portrait survives an error elsewhere in the form, named by its label.
    formfield_overrides = LABELLED_KEPT_PICTURES

    def cache_tags(self, obj):
        if obj is None:
            return set()
        # Every page naming the columnist, their blog and feeds, the columnists' page, and
        # the blog roll on every page.
        return {
            tags.byline(obj.pk), tags.author(obj.pk), tags.AUTHORS, tags.FEEDS, tags.LAYOUT,
        }  # fmt: skip

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("user")
        if manages_authors(request.user):
            return queryset
        # A columnist keeps their own profile and reaches nobody else's.
        return queryset.filter(user=request.user)

    def may_set_restricted_fields(self, request):
        return manages_authors(request.user)

    def get_fields(self, request, obj=None):
        hidden = self.fields_out_of_reach(request)
        return [f for f in self.fields if f not in hidden]

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
