from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.timesince import timesince

from comments import desk
from comments.desk import moderates
from comments.models import BlockRule, Comment
from comments.services import (
    DECISIONS,
    comment_decide,
)
from edge import tags
from edge.admin import PurgingAdminMixin


class QueueFilter(admin.SimpleListFilter):
    """Open on the queue of comments awaiting moderation, the moderators' daily view."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, ("all", "All")]

    def choices(self, changelist):
        value = self.value() or Comment.Status.PENDING
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or Comment.Status.PENDING
        if value == "all":
            return queryset
        return queryset.filter(status=value)


@admin.register(Comment)
class CommentAdmin(PurgingAdminMixin, admin.ModelAdmin):
    list_display = [
        "excerpt", "commenter", "email", "ip_address", "post", "status", "waiting",
        "approved_before", "decided_by",
    ]  # fmt: skip
    list_display_links = ["excerpt"]
    list_filter = [QueueFilter, "created_at"]
    list_select_related = ["post", "decided_by"]
    search_fields = ["name", "email", "body", "ip_address", "post__title"]
    ordering = ["created_at", "pk"]
    date_hierarchy = "created_at"
    actions = ["approve", "reject", "mark_spam"]
    fields = [
        "post", "parent", "name", "email", "location", "body", "ip_address", "user_agent",
        "is_by_post_author", "spam_reason", "created_at", "status", "decided_at", "decided_by",
        "reason",
    ]  # fmt: skip
    # Moderators decide with the buttons under the form (templates/admin/comments/comment/
    # submit_line.html), which go through the same services as the desk.
    readonly_fields = fields
    change_list_template = "admin/comments/comment/change_list.html"

    def get_urls(self):
        return [
            path("desk/", self.admin_site.admin_view(self.desk_view), name="comments_comment_desk"),
            path(
                "desk/decide/",
                self.admin_site.admin_view(desk.decide),
                name="comments_comment_decide",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {"moderates": moderates(request.user), **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def desk_view(self, request):
        return desk.desk(request, self.admin_site)

    def cache_tags(self, obj):
        return {tags.post(obj.post_id)} if obj is not None else set()

    def get_queryset(self, request):
        queryset = super().get_queryset(request).with_history()
        if moderates(request.user):
            return queryset
        # Columnists read the comments on their own posts, and nobody else's.
        return queryset.filter(post__author__user=request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return moderates(request.user) and super().has_change_permission(request, obj)

    def has_moderate_permission(self, request):
        return moderates(request.user)

    def render_change_form(self, request, context, *args, **kwargs):
        # The decision buttons (submit_line.html) take the place of Save.
        context.update(
            reasons=Comment.Reason.choices[1:],
            show_save=False,
            show_save_and_continue=False,
            show_save_and_add_another=False,
        )
        return super().render_change_form(request, context, *args, **kwargs)

    @staticmethod
    def _decision(request):
        """Return the decision a button of the comment's form asked for, or None."""
        return next((d for d in DECISIONS if f"_{d}" in request.POST), None)

    def save_model(self, request, obj, form, change):
        if decision := self._decision(request):
            comment_decide(
                comment=obj,
                moderator=request.user,
                decision=decision,
                reason=request.POST.get("reason", ""),
                tell_writer="tell" in request.POST,
            )
            messages.success(request, f"{DECISIONS[decision]}: {obj}.")

    def response_change(self, request, obj):
        if self._decision(request):
            return redirect("admin:comments_comment_desk")
        return super().response_change(request, obj)

    @admin.display(description="Comment")
    def excerpt(self, obj):
        return Truncator(obj.body).chars(80)

    @admin.display(description="Name", ordering="name")
    def commenter(self, obj):
        return f"{obj.name} ({obj.location})" if obj.location else obj.name

    @admin.display(description="Waiting", ordering="created_at")
    def waiting(self, obj):
        end = obj.decided_at or timezone.now()
        return timesince(obj.created_at, end)

    @admin.display(description="Approved before", ordering="approved_count")
    def approved_before(self, obj):
        return obj.approved_count

    def _decide(self, request, queryset, decision):
        count = 0
        for comment in queryset.select_related("post__author"):
            comment_decide(comment=comment, moderator=request.user, decision=decision)
            count += 1
        verb = DECISIONS[decision]
        messages.success(request, f"{verb} {count} comment{'s' if count != 1 else ''}.")

    @admin.action(description="Approve the selected comments", permissions=["moderate"])
    def approve(self, request, queryset):
        self._decide(request, queryset, "approve")

    @admin.action(description="Reject the selected comments", permissions=["moderate"])
    def reject(self, request, queryset):
        self._decide(request, queryset, "reject")

    @admin.action(description="Mark the selected comments as spam", permissions=["moderate"])
    def mark_spam(self, request, queryset):
        self._decide(request, queryset, "spam")


@admin.register(BlockRule)
class BlockRuleAdmin(admin.ModelAdmin):
    list_display = ["value", "kind", "note", "created_at", "created_by"]
    list_filter = ["kind"]
    search_fields = ["value", "note"]
    fields = ["kind", "value", "note"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
