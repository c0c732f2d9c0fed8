import re

from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.core.validators import validate_email

from plaintext import PlainTextField, clean_text, mail_linkable

MAX_RECIPIENTS = 5
TAG = re.compile(r"<\s*/?\s*[a-z!]", re.IGNORECASE)
LINE_BREAK = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]")


class SendToColleagueForm(forms.Form):
    """A reader passes a post on: who to, who from, and a short plain note."""

    recipients = forms.CharField(
        label="Your colleague's email",
        help_text=f"Up to {MAX_RECIPIENTS} addresses, separated by commas.",
        max_length=600,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "email"}),
    )
    sender_name = forms.CharField(
        label="Your name", max_length=80, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    note = PlainTextField(
        label="A short note (optional)",
        help_text="Plain text, up to 500 characters, without links.",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_recipients(self):
        raw = self.cleaned_data["recipients"]
        addresses = [part.strip() for part in re.split(r"[,;\s]+", raw) if part.strip()]
        if not addresses:
            raise forms.ValidationError("Enter your colleague's email address.")
        if len(addresses) > MAX_RECIPIENTS:
            raise forms.ValidationError(f"Send to at most {MAX_RECIPIENTS} colleagues at a time.")
        for address in addresses:
            try:
                validate_email(address)
            except forms.ValidationError:
                raise forms.ValidationError(f"“{address}” is not an email address.") from None
        return list(dict.fromkeys(address.lower() for address in addresses))

    def clean_sender_name(self):
        name = self.cleaned_data["sender_name"]
        # The name goes into the subject line: nothing may start a new header.
        if LINE_BREAK.search(name):
            raise forms.ValidationError("Your name must fit on one line.")
        name = clean_text(name)
        if TAG.search(name):
            raise forms.ValidationError("Your name may not contain HTML.")
        refuse_linkable(name, "Your name")
        return name

    def clean_note(self):
        note = clean_text(self.cleaned_data["note"])
        if TAG.search(note):
            raise forms.ValidationError("The note is plain text: please leave out HTML.")
        refuse_linkable(note, "The note")
        return note


def refuse_linkable(value, field):
    """Refuse text that a colleague's mail program would show as a link."""
    if found := mail_linkable(value):
        raise forms.ValidationError(
            "%(field)s may not contain web or email addresses, which mail programs turn into "
            "links: “%(found)s” reads as one. The post's own address is added for you.",
            code="linkable",
            params={"field": field, "found": found},
        )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password


class LoginForm(AllauthLoginForm):
    """The log-in form, labelled for what it takes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Username or email"
        self.fields["login"].widget.attrs["autocomplete"] = "username"
        self.fields["remember"].label = "Keep me signed in on this device"
