"""Django's admin site, whose "view on site" address leads only to what the user may open."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.exceptions import NotRegistered
from django.http import Http404
from django.urls import path


class NewsroomAdminSite(admin.AdminSite):
    """The admin site, with its /r/<content type>/<id>/ shortcut checked as the object's form.

    Django's shortcut redirects any staff user to any object's address, a draft's included,
    whose address carries its title; here the object must be one the user's admin shows.
    """

    def get_urls(self):
        checked = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        return [
            checked if getattr(url, "name", None) == "view_on_site" else url
            for url in super().get_urls()
        ]

    def view_on_site(self, request, content_type_id, object_id):
        """Redirect to the object's page on the site, or answer 404 if the admin hides it."""
        # Imported here: Django loads this module before any model.
        from django.contrib.contenttypes.views import shortcut

        if not self.shows(request, content_type_id, object_id):
            raise Http404("No such object.")
        return shortcut(request, content_type_id, object_id)

    def shows(self, request, content_type_id, object_id):
        """Say whether the user may view or change the object in this admin."""
        from django.contrib.contenttypes.models import ContentType

        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            model_admin = self.get_model_admin(model)
        except (ContentType.DoesNotExist, NotRegistered):
            return False
        # get_object keeps to the admin's queryset for this user and answers None for ids
        # that are missing or malformed.
        obj = model_admin.get_object(request, object_id)
        return obj is not None and model_admin.has_view_or_change_permission(request, obj)


class NewsroomAdminConfig(AdminConfig):
    """django.contrib.admin, with NewsroomAdminSite as admin.site."""

    default_site = "ops.admin_site.NewsroomAdminSite"
