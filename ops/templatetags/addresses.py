"""Django's {% url %}, with each address reversed once per process (ops.urls).

It is a builtin of the template engine (TEMPLATES' "builtins"), so every template's
{% url %} is this one: a page's header, footer and buttons name a dozen addresses that
Django would otherwise work out afresh on every request. Only an address given positional
arguments, or keyword values that cannot be remembered, is reversed as Django does it.
"""

from django import template
from django.template import defaulttags
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape

from ops.urls import remembered_reverse

register = template.Library()


class RememberedURLNode(defaulttags.URLNode):
    def render(self, context):
        kwargs = {name: value.resolve(context) for name, value in self.kwargs.items()}
        # Only strings and whole numbers: True would be remembered as 1 (they are equal).
        if self.args or not all(type(value) in (str, int) for value in kwargs.values()):
            return super().render(context)
        try:  # as Django's URLNode finds it
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        try:
            url = remembered_reverse(self.view_name.resolve(context), current_app, **kwargs)
        except NoReverseMatch:
            if self.asvar is None:
                raise
            url = ""
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    """{% url %} as Django parses it, rendered from remembered addresses."""
    node = defaulttags.url(parser, token)
    return RememberedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
