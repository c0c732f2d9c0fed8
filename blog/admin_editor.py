"""The post form's editor takes pictures and downloads in one step: dropped, pasted or picked,
each is uploaded at once to an address of the posts' admin and placed where the cursor is."""

from http import HTTPStatus
from pathlib import PurePath

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from blog.attachments import validate_attachment
from blog.editor_uploads import attach_uploads, check_body_pictures, too_many_waiting
from blog.post_files import Attachment, PostImage
from uploads.images import ImageUploadField


class PictureUploadForm(forms.Form):
    file = ImageUploadField(
        error_messages={"required": "Choose a picture to put in the body: JPEG, PNG, GIF or WebP."}
    )


class DownloadUploadForm(forms.Form):
    file = forms.FileField(
        validators=[validate_attachment],
        error_messages={"required": "Choose a file for readers to download."},
    )


class EditorUploadsFormMixin:
    """A post form whose body names only pictures its user may place, each described."""

    uploader = None
    upload_urls = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "body" in self.fields and self.upload_urls:
            widget = self.fields["body"].widget
            extensions = {**widget.config["extensions"], "EditorUploads": self.upload_urls}
            widget.config = {**widget.config, "extensions": extensions}

    def clean_body(self):
        return check_body_pictures(
            self.cleaned_data["body"], post=self.instance, user=self.uploader
        )


class EditorUploadsAdminMixin:
    """Give the posts' admin the editor's upload addresses, and attach uploads on save."""

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("editor/picture/", wrap(self.upload_picture), name=f"{name}_editor_picture"),
            path("editor/download/", wrap(self.upload_download), name=f"{name}_editor_download"),
            *super().get_urls(),
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}"
        query = f"?post={obj.pk}" if obj is not None else ""
        urls = {
            "pictureUrl": reverse(f"{name}_editor_picture", current_app=self.admin_site.name)
            + query,
            "downloadUrl": reverse(f"{name}_editor_download", current_app=self.admin_site.name)
            + query,
        }
        attrs = {"uploader": request.user, "upload_urls": urls}
        return type(form.__name__, (EditorUploadsFormMixin, form), attrs)

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["css/editor_uploads.css"]})

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        attach_uploads(post=form.instance, user=request.user)

    def upload_target(self, request):
        """Return the post an upload is for (None for a post not saved yet), or refuse."""
        number = request.GET.get("post")
        if not number:
            if not self.has_add_permission(request):
                raise PermissionDenied
            return None
        if not (number.isascii() and number.isdigit()):
            raise Http404("No such post.")
        post = get_object_or_404(self.get_queryset(request), pk=number)
        if not self.has_change_permission(request, post):
            raise PermissionDenied
        return post

    def refused(self, form):
        message = " ".join(form.errors.get("file", ["This file cannot be used."]))
        return JsonResponse({"error": message}, status=HTTPStatus.BAD_REQUEST)

    def too_many(self):
        return JsonResponse(
            {
                "error": "You have many files waiting for a post to be saved. Save the post "
                "you are writing, then add more."
            },
            status=HTTPStatus.TOO_MANY_REQUESTS,
        )

    def upload_picture(self, request):
        """Take a picture for the body, checked by its content, and say where it shows."""
        if request.method != "POST":
            return JsonResponse(
                {"error": "Send the picture with POST."}, status=HTTPStatus.METHOD_NOT_ALLOWED
            )
        post = self.upload_target(request)
        if too_many_waiting(request.user):
            return self.too_many()
        form = PictureUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.refused(form)
        image = PostImage(post=post, uploaded_by=request.user, image=form.cleaned_data["file"])
        image.save()
        picture = image.picture
        if picture is None:
            image.delete()
            return JsonResponse(
                {"error": "This picture could not be prepared for the page. Try again."},
                status=HTTPStatus.INTERNAL_SERVER_ERROR,
            )
        return JsonResponse(
            {
                "id": image.pk,
                "src": picture.src,
                "width": picture.width,
                "height": picture.height,
                "name": PurePath(form.cleaned_data["file"].name).name,
            },
            status=HTTPStatus.CREATED,
        )

    def upload_download(self, request):
        """Take a file for readers to download, checked by its content, and give its link."""
        if request.method != "POST":
            return JsonResponse(
                {"error": "Send the file with POST."}, status=HTTPStatus.METHOD_NOT_ALLOWED
            )
        post = self.upload_target(request)
        if too_many_waiting(request.user):
            return self.too_many()
        form = DownloadUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.refused(form)
        upload = form.cleaned_data["file"]
        title = PurePath(upload.name).stem.replace("_", " ").replace("-", " ").strip()
        attachment = Attachment.objects.create(
            post=post, uploaded_by=request.user, file=upload, title=title[:200] or "Download"
        )
        return JsonResponse(
            {
                "id": attachment.pk,
                "href": attachment.get_absolute_url(),
                "title": attachment.title,
                "size": attachment.human_size,
            },
            status=HTTPStatus.CREATED,
        )
