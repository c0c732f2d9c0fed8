"""Keep a revision of every admin save, and let people revert only what they may change."""

from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.text import capfirst
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version


class RevisionAdmin(VersionAdmin):
    """A VersionAdmin whose history, revert and recover views keep to the user's own objects.

    django-reversion reverts a whole revision before the change form looks at permissions,
    and commits it whenever that form answers with a redirect, as it does for an object out
    of reach: each view here checks first.
    """

    history_latest_first = True
    # Columns derived from others on save: a revert leaves them to be recomputed.
    revision_exclude = ()
    # Fields only some users may set (see may_set_restricted_fields): their forms leave them
    # out, and their reverts leave them as they are.
    restricted_fields = ()

    def may_set_restricted_fields(self, request):
        return True

    def fields_out_of_reach(self, request):
        """Return the names of the model's fields this user may not set."""
        return set() if self.may_set_restricted_fields(request) else set(self.restricted_fields)

    def reversion_register(self, model, **kwargs):
        if model is self.model:
            kwargs.setdefault("exclude", self.revision_exclude)
        super().reversion_register(model, **kwargs)

    def history_view(self, request, object_id, extra_context=None):
        if self.get_object(request, unquote(object_id)) is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        return super().history_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        if not self.may_revert(request, version.revision):
            raise PermissionDenied
        request.kept_on_revert = self.kept_on_revert(request, version.revision)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        version = get_object_or_404(Version.objects.get_deleted(self.model), pk=version_id)
        if not (self.has_add_permission(request) and self.may_revert(request, version.revision)):
            raise PermissionDenied
        request.kept_on_revert = self.kept_on_revert(request, version.revision)
        return super().recover_view(request, version_id, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # A revert or recover has just written the revision back, in the transaction
        # django-reversion opened: the fields the user may not set get their values again
        # before the form reads the object.
        for model, pk, values in getattr(request, "kept_on_revert", ()):
            model._default_manager.filter(pk=pk).update(**values)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def kept_on_revert(self, request, revision):
        """Return (model, pk, values) for the fields of the revision the user may not set.

        They keep their present values, or, for an object being brought back, its defaults.
        """
        kept = []
        for version in revision.version_set.all():
            try:
                model_admin = self.admin_site.get_model_admin(version._model)
            except NotRegistered:
                continue  # an inline's row: whoever may change its parent may change it all
            fields = [
                version._model._meta.get_field(name)
                for name in model_admin.fields_out_of_reach(request)
            ]
            if not fields:
                continue
            current = version._model._default_manager.filter(pk=version.object_id)
            values = current.values(*(field.attname for field in fields)).first()
            if values is None:
                values = {f.attname: f.get_default() for f in fields if f.has_default()}
            kept.append((version._model, version.object_id, values))
        return kept

    def recoverlist_view(self, request, extra_context=None):
        """List the deleted objects this user may bring back, and no others."""
        if not (self.has_change_permission(request) and self.has_add_permission(request)):
            raise PermissionDenied
        deleted = self._reversion_order_version_queryset(
            request, Version.objects.get_deleted(self.model).select_related("revision")
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "module_name": capfirst(self.opts.verbose_name),
            "title": f"Recover deleted {self.opts.verbose_name_plural}",
            "deleted": [v for v in deleted if self.may_revert(request, v.revision)],
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return render(
            request,
            self.recover_list_template or self._reversion_get_template_list("recover_list.html"),
            context,
        )

    def may_revert(self, request, revision):
        """Say whether the user may change everything the revision writes, now and as it was."""
        for version in revision.version_set.all():
            try:
                model_admin = self.admin_site.get_model_admin(version._model)
            except NotRegistered:
                continue  # an inline's row, saved and judged with its parent
            try:
                old = version._object_version.object
            except RevertError:
                return False
            current = model_admin.model._default_manager.filter(pk=version.object_id).first()
            if current is not None and not (
                model_admin.get_queryset(request).filter(pk=current.pk).exists()
                and model_admin.has_change_permission(request, current)
            ):
                return False
            if not model_admin.has_change_permission(request, old):
                return False
        return True
