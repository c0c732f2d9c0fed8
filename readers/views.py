from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.cache import caches
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from authors.models import Author
from blog.coauthors import coauthors_prefetch
from blog.models import Post
from ops.network import client_ip
from ops.outage import keeps_form_in_outage
from readers import services
from readers.forms import DeleteAccountForm, SendToColleagueForm
from readers.models import DigestSubscription
from readers.tasks import UNSUBSCRIBE_SALT, send_post_to_colleagues

PENDING_ACTION_KEY = "readers_pending_action"

# Each action: the objects it takes, what it does, and what the reader is told.
ACTIONS = {
    "save": (Post.objects.published, services.post_save, "post", "Added to {label}."),
    "unsave": (Post.objects.published, services.post_unsave, "post", "Removed from {label}."),
    "follow": (
        Author.objects.all,
        services.author_follow,
        "author",
        "You now follow {obj}: their new columns appear on your {label}. No mail is sent "
        "unless you ask for the weekly digest there.",
    ),
    "unfollow": (
        Author.objects.all,
        services.author_unfollow,
        "author",
        "You no longer follow {obj}.",
    ),
}


def _safe_next(request, default):
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def _perform(user, action, pk):
    queryset, perform, keyword, message = ACTIONS[action]
    target = get_object_or_404(queryset(), pk=pk)
    perform(user=user, **{keyword: target})
    return target, message.format(label=settings.MY_LABEL, obj=target)


@require_http_methods(["GET", "POST"])
def act(request, action, pk):
    """Save or unsave a post, follow or unfollow a columnist; anonymous readers log in first.

    Anonymous readers reach this by a plain link (cacheable pages carry no form for them);
    signed-in readers by a POST. A GET never changes anything for a signed-in reader.
    """
    if action not in ACTIONS:
        raise Http404("No such action.")
    queryset = ACTIONS[action][0]
    target = get_object_or_404(queryset(), pk=pk)
    return_to = _safe_next(request, target.get_absolute_url())
    if not request.user.is_authenticated:
        request.session[PENDING_ACTION_KEY] = {"action": action, "pk": pk, "next": return_to}
        messages.info(
            request,
            f"Log in or sign up to keep your {settings.MY_LABEL}; your click is remembered.",
        )
        return redirect(f"{reverse('account_login')}?next={reverse('readers:resume')}")
    if request.method != "POST":
        return redirect(return_to)
    _, message = _perform(request.user, action, pk)
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"action": action, "message": message})
    messages.success(request, message)
    return redirect(return_to)


@login_required
def resume(request):
    """Finish the click an anonymous reader made before logging in, then go back."""
    pending = request.session.pop(PENDING_ACTION_KEY, None)
    if not pending or pending.get("action") not in ACTIONS:
        return redirect("readers:my")
    _, message = _perform(request.user, pending["action"], pending["pk"])
    messages.success(request, message)
    return redirect(_safe_next_value(request, pending.get("next")))


def _safe_next_value(request, value):
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return reverse("readers:my")


@login_required
def my_page(request):
    """Show the reader's saved posts, newest saved first, and what their columnists wrote."""
    user = request.user
    saved = user.saved_posts.select_related("post__author", "post__category").filter(
        post__in=Post.objects.published()
    )
    paginator = Paginator(saved, settings.POSTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    followed = list(Author.objects.filter(pk__in=user.follows.values("author")))
    latest = list(
        Post.objects.published()
        .by_authors([a.pk for a in followed])
        .select_related("author", "category")[: settings.POSTS_PER_PAGE]
    )
    digest = DigestSubscription.objects.filter(user=user).first()
    saved_posts = [entry.post for entry in page.object_list]
    # The co-authors both lists' bylines name, in one query.
    prefetch_related_objects([*saved_posts, *latest], coauthors_prefetch())
    context = {
        "page_obj": page,
        "saved_posts": saved_posts,
        "followed_authors": followed,
        "latest_from_followed": latest,
        "digest": digest,
    }
    return TemplateResponse(request, "readers/my_page.html", context)


@login_required
@require_POST
def digest_preference(request):
    """Turn the weekly digest on or off, as the reader's button says."""
    if request.POST.get("weekly_digest") == "on":
        services.digest_subscribe(user=request.user)
        messages.success(
            request,
            f"You will get one email a week with the new columns of the columnists you "
            f"follow, sent to {request.user.email}.",
        )
    else:
        services.digest_unsubscribe(user=request.user)
        messages.success(request, "You will no longer get the weekly email.")
    return redirect("readers:my")


def digest_unsubscribe(request, token):
    """Stop the weekly digest from its email link: one click, no log-in."""
    try:
        user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise Http404("This unsubscribe link is not valid.") from None
    subscription = DigestSubscription.objects.filter(user_id=user_id).first()
    if subscription is None:
        raise Http404("This unsubscribe link is not valid.")
    if request.method == "POST":
        services.digest_unsubscribe(user=subscription.user)
        return TemplateResponse(request, "readers/digest_unsubscribed.html", {})
    return TemplateResponse(request, "readers/digest_unsubscribe.html", {"token": token})


@keeps_form_in_outage("form_retry.html", SendToColleagueForm)
def send_to_colleague(request, pk):
    """Mail a post to up to five colleagues, without ever becoming a relay for anything else."""
    post = get_object_or_404(Post.objects.published().select_related("author"), pk=pk)
    form = SendToColleagueForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            if not _send_limits_reachable():
                form.add_error(
                    None,
                    "Sending is paused for a moment. Please try again in a minute; what you "
                    "typed is still here.",
                )
                status = 503
            elif _over_send_limit(request):
                form.add_error(
                    None,
                    "You have sent several posts in a short while. Please try again later; "
                    "what you typed is still here.",
                )
                status = 429
            else:
                recipients = form.cleaned_data["recipients"]
                send_post_to_colleagues.enqueue(
                    post_id=post.pk,
                    recipients=recipients,
                    sender_name=form.cleaned_data["sender_name"],
                    note=form.cleaned_data["note"],
                )
                noun = "colleague" if len(recipients) == 1 else "colleagues"
                messages.success(request, f"Sent “{post.title}” to {len(recipients)} {noun}.")
                return redirect(post)
    context = {"post": post, "form": form}
    return TemplateResponse(request, "readers/send_to_colleague.html", context, status=status)


def _send_limits_reachable():
    """Say whether the shared cache that counts sends answers: without it nothing is sent,
    since a limit that cannot count would let anyone mail anyone (it fails closed)."""
    try:
        caches["strict"].get("send-to-colleague:reachable")
    except Exception:  # noqa: BLE001 - whatever the cache backend raises when out of reach
        return False
    return True


def _over_send_limit(request):
    if not request.session.session_key:
        request.session.save()
    session_key = request.session.session_key
    rate = settings.SEND_TO_COLLEAGUE_RATE
    by_ip = is_ratelimited(
        request, group="send-to-colleague:ip", key=lambda g, r: client_ip(r), rate=rate,
        increment=True,
    )  # fmt: skip
    by_session = is_ratelimited(
        request, group="send-to-colleague:session", key=lambda g, r: session_key, rate=rate,
        increment=True,
    )  # fmt: skip
    return by_ip or by_session


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        user.delete()
        messages.success(request, "Your account and your reading list are deleted.")
        return redirect("blog:index")
    return TemplateResponse(request, "readers/delete_account.html", {"form": form})
