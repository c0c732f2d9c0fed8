from django import template

from newsroom.dashboard import columnist_desk

register = template.Library()


@register.inclusion_tag("newsroom/dashboard.html", takes_context=True)
def columnist_dashboard(context):
    """Show a columnist their desk on the admin index; others get nothing."""
    user = context["request"].user
    author = getattr(user, "author", None)
    if author is None or not user.has_perm("blog.change_post"):
        return {"show": False}
    return {"show": True, **columnist_desk(author=author)}
