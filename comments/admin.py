from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.timesince import timesince

from comments.models import BlockRule, Comment
from comments.services import comment_approve, comment_mark_spam, comment_reject
from edge import tags
from edge.admin import PurgingAdminMixin


def moderates(user):
    return user.has_perm("comments.moderate_comment")


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
    ]  # fmt: skip
    readonly_fields = [f for f in fields if f != "status"]

    def cache_tags(self, obj):
        return {tags.post(obj.post_id)} if obj is not None else set()

    def get_queryset(self, request):
        history = (
            Comment.objects.approved()
            .filter(email=OuterRef("email"))
            .exclude(pk=OuterRef("pk"))
            .order_by()
            .values("email")
            .annotate(n=Count("pk"))
            .values("n")
        )
        queryset = (
            super().get_queryset(request).annotate(approved_count=Coalesce(Subquery(history), 0))
        )
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

    def save_model(self, request, obj, form, change):
        if "status" not in form.changed_data:
            return
        decide = {
            Comment.Status.APPROVED: comment_approve,
            Comment.Status.REJECTED: comment_reject,
            Comment.Status.SPAM: comment_mark_spam,
        }.get(obj.status)
        if decide:
            decide(comment=obj, moderator=request.user)
        else:
            super().save_model(request, obj, form, change)

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

    def _decide(self, request, queryset, decide, verb):
        count = 0
        for comment in queryset.select_related("post__author"):
            decide(comment=comment, moderator=request.user)
            count += 1
        messages.success(request, f"{verb} {count} comment{'s' if count != 1 else ''}.")

    @admin.action(description="Approve the selected comments", permissions=["moderate"])
    def approve(self, request, queryset):
        self._decide(request, queryset, comment_approve, "Approved")

    @admin.action(description="Reject the selected comments", permissions=["moderate"])
    def reject(self, request, queryset):
        self._decide(request, queryset, comment_reject, "Rejected")

    @admin.action(description="Mark the selected comments as spam", permissions=["moderate"])
    def mark_spam(self, request, queryset):
        self._decide(request, queryset, comment_mark_spam, "Marked as spam")


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
