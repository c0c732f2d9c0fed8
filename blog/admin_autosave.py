"""The post form's autosave, recovery, presence and preview of what is on screen.

PostAdmin takes these views from AutosaveAdminMixin. Each answers only to those who may
change the post (another author's post is a 404, a reader of posts a 403) or, for a post
not saved yet, add one. None of them changes the post: see blog.autosaves.
"""

from django.conf import settings
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.forms import ModelChoiceField, ModelMultipleChoiceField
from django.http import Http404, JsonResponse, QueryDict
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.csp import CSP
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_POST
from taggit.models import Tag

from blog.autosaves import (
    HEARTBEAT_SECONDS,
    autosave_for,
    clear_autosaves,
    form_data,
    leave,
    present,
    store_autosave,
)
from blog.html import clean_body
from blog.models import Post
from blog.services import render_post_page

# The preview's page is shown in a frame of the preview window, on this site only.
FRAMED_BY_SITE = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}
# The preview window frames the post's page, from this site.
FRAMING_SITE = {**settings.SECURE_CSP, "frame-src": [CSP.SELF]}
# The pk a post not saved yet takes in its preview: no row has it, so it has no pictures
# nor downloads, and the preview never saves it.
UNSAVED_PK = 0


def saved_when(moment):
    """Say when moment was: its time today, its day and time before."""
    moment = timezone.localtime(moment)
    if moment.date() == timezone.localdate():
        return moment.strftime("%H:%M")
    return f"{moment.day} {moment:%B %Y, %H:%M}"


def choice_labels(form, autosave):
    """Return the names of the rows an autosave chose in form's lists, by field and key:
    a list that fetches its choices as one types shows only the chosen one."""
    if autosave is None:
        return {}
    labels = {}
    for name, values in autosave.data.items():
        field = form.fields.get(name)
        if isinstance(field, ModelChoiceField) and not isinstance(field, ModelMultipleChoiceField):
            keys = [value for value in values if value.isdigit()]
            rows = field.queryset.filter(pk__in=keys)
            labels[name] = {str(row.pk): str(row) for row in rows}
    return labels


def private(response):
    add_never_cache_headers(response)
    return response


class AutosaveAdminMixin:
    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"

        def route(pattern, view, name):
            wrapped = self.admin_site.admin_view(view)
            return [
                path(f"add/{pattern}", wrapped, name=f"{prefix}_new_{name}"),
                path(f"<path:object_id>/{pattern}", wrapped, name=f"{prefix}_{name}"),
            ]

        return [
            *route("autosave/", require_POST(self.autosave_view), "autosave"),
            *route("autosave/discard/", require_POST(self.autosave_discard_view), "discard"),
            *route("presence/", require_POST(self.presence_view), "presence"),
            *route("preview/", csp_override(FRAMING_SITE)(self.live_preview_view), "preview"),
            *route(
                "preview/page/",
                xframe_options_sameorigin(csp_override(FRAMED_BY_SITE)(self.preview_page_view)),
                "preview_page",
            ),
            *route("preview/version/", self.preview_version_view, "preview_version"),
            *super().get_urls(),
        ]

    def post_to_change(self, request, object_id):
        """Return the post object_id names if request's user may change it, None for a new
        post if they may add one; 404 for a post out of their reach, 403 for a post they
        may only read."""
        if object_id is None:
            if not self.has_add_permission(request):
                raise PermissionDenied
            return None
        post = self.get_object(request, unquote(object_id))
        if post is None:
            raise Http404("No such post.")
        if not self.has_change_permission(request, post):
            raise PermissionDenied
        return post

    def autosave_urls(self, post):
        """Return the addresses the form's script calls, for post (None: a new one)."""
        prefix = f"admin:{self.opts.app_label}_{self.opts.model_name}"
        args = [post.pk] if post is not None else []
        kind = "" if post is not None else "new_"

        def url(name):
            return reverse(
                f"{prefix}_{kind}{name}",
                args=args,
                current_app=self.admin_site.name,
            )

        names = ["autosave", "discard", "preview", "preview_page", "preview_version"]
        urls = {name: url(name) for name in names}
        if post is not None:
            urls["presence"] = url("presence")
        return urls

    def saved_reply(self, request, post, autosave):
        reply = {"version": autosave.version, "saved_at": autosave.saved_at.isoformat()}
        if post is not None:
            reply["others"] = present(user=request.user, post=post)
        return reply

    def autosave_view(self, request, object_id=None):
        post = self.post_to_change(request, object_id)
        autosave = store_autosave(user=request.user, post=post, data=form_data(request.POST))
        return private(JsonResponse(self.saved_reply(request, post, autosave)))

    def autosave_discard_view(self, request, object_id=None):
        post = self.post_to_change(request, object_id)
        autosave = autosave_for(user=request.user, post=post)
        if autosave is not None:
            autosave.delete()
        return private(JsonResponse({"discarded": autosave is not None}))

    def presence_view(self, request, object_id=None):
        post = self.post_to_change(request, object_id)
        if request.POST.get("leaving"):
            leave(user=request.user, post=post)
            return private(JsonResponse({"others": []}))
        return private(JsonResponse({"others": present(user=request.user, post=post)}))

    def preview_version(self, request, post):
        """Return what changes whenever the preview would: the autosave or the post."""
        autosave = autosave_for(user=request.user, post=post)
        if autosave is not None and autosave.is_newer_than(post):
            return f"autosave-{autosave.version}-{autosave.saved_at.timestamp()}"
        if post is None:
            return "empty"
        return f"saved-{post.updated_at.timestamp()}"

    def preview_version_view(self, request, object_id=None):
        post = self.post_to_change(request, object_id)
        return private(JsonResponse({"version": self.preview_version(request, post)}))

    def live_preview_view(self, request, object_id=None):
        post = self.post_to_change(request, object_id)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Preview of {post}" if post else "Preview of a new post",
            "opts": self.opts,
            "original": post,
            "urls": self.autosave_urls(post),
            "version": self.preview_version(request, post),
        }
        return private(TemplateResponse(request, "admin/blog/post/live_preview.html", context))

    def preview_page_view(self, request, object_id=None):
        post = self.post_to_change(request, object_id)
        shown = self.post_as_on_screen(request, post)
        if shown.author_id is None:
            return private(
                TemplateResponse(request, "admin/blog/post/preview_without_author.html", {})
            )
        return private(render_post_page(request=request, post=shown, is_preview=True))

    def post_as_on_screen(self, request, post):
        """Return post (or a new one) as its form last autosaved shows it, never saved:
        each field the form would accept, the body sanitised as saving does."""
        if post is not None:
            shown = Post.objects.for_page().get(pk=post.pk)
        else:
            shown = Post(pk=UNSAVED_PK, author=getattr(request.user, "author", None))
            shown.has_attachments = False
            shown.prefetched_tags = []
            shown.created_at = shown.updated_at = timezone.now()
        autosave = autosave_for(user=request.user, post=post)
        if autosave is None or not autosave.is_newer_than(post):
            return shown
        data = QueryDict(mutable=True)
        for key, values in autosave.data.items():
            data.setlist(key, values)
        form_class = self.get_form(request, post, change=post is not None)
        form = form_class(data, instance=shown)
        # Whatever the form accepts lands on the instance; the rest stays as it was saved.
        form.is_valid()
        shown.body = clean_body(shown.body or "")
        if "tags" in form.cleaned_data:
            names = form.cleaned_data["tags"]
            shown.prefetched_tags = [
                Tag(name=name, slug=Tag().slugify(name)) for name in names if Tag().slugify(name)
            ]
        if not shown.slug:
            shown.slug = "preview"
        return shown

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if self.has_change_permission(request, obj) if obj else self.has_add_permission(request):
            autosave = autosave_for(user=request.user, post=obj)
            if autosave is not None and not autosave.is_newer_than(obj):
                autosave = None
            context.update(
                {
                    "autosave": {
                        "urls": self.autosave_urls(obj),
                        "heartbeat_seconds": HEARTBEAT_SECONDS,
                        "restore": autosave.data if autosave else None,
                        "labels": choice_labels(context["adminform"].form, autosave),
                    },
                    "autosave_when": autosave and saved_when(autosave.saved_at),
                    "others_editing": present(user=request.user, post=obj) if obj else [],
                    "preview_window": f"preview-post-{obj.pk if obj else 'new'}",
                }
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Saved for real: the autosaves it replaces would only offer an older text.
        clear_autosaves(user=request.user, post=obj)
