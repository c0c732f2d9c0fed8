"""Admin classes that retire the cached pages showing what they save or delete."""

from edge.state import content_changed
from edge.tags import LAYOUT


class PurgingAdminMixin:
    """Call content_changed() with the tags of an object as it was and as it is saved.

    Subclasses say which pages show an object in `cache_tags(obj)`; those whose changes may
    reach the navigation or sidebar of every page also return what those show from
    `layout_state()`, and every page is purged only when that changed.
    """

    def cache_tags(self, obj):
        raise NotImplementedError

    def layout_state(self):
        return None

    def save_model(self, request, obj, form, change):
        before = set()
        if change:
            old = type(obj)._default_manager.filter(pk=obj.pk).first()
            before = self.cache_tags(old) if old is not None else set()
        request.edge_tags_before = before
        request.edge_layout_before = self.layout_state()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # After the many-to-many fields (a post's tags), so that the new tags are counted.
        super().save_related(request, form, formsets, change)
        tags = {*getattr(request, "edge_tags_before", ()), *self.cache_tags(form.instance)}
        content_changed(*tags, *self._layout_changed(getattr(request, "edge_layout_before", None)))

    def delete_model(self, request, obj):
        tags, layout = self.cache_tags(obj), self.layout_state()
        super().delete_model(request, obj)
        content_changed(*tags, *self._layout_changed(layout))

    def delete_queryset(self, request, queryset):
        tags, layout = set().union(*(self.cache_tags(obj) for obj in queryset)), self.layout_state()
        super().delete_queryset(request, queryset)
        content_changed(*tags, *self._layout_changed(layout))

    def _layout_changed(self, before):
        """Return LAYOUT if what every page's navigation and sidebar show has changed."""
        return [LAYOUT] if before != self.layout_state() else []
