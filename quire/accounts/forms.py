from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import lifecycle, names, policies, ratelimit, sanctions, services
from .models import InviteRequest, Pseud, User

EMAIL_TAKEN = gettext_lazy(
    "An account with this email address already exists. Did you want to log in or reset your password?"
)


def posted_data(request):
    """The POST data to bind a form to, or None on GET. Not `request.POST or None`:
    a form of checkboxes all unticked posts nothing, and must still be saved."""
    return request.POST if request.method == "POST" else None


def _email_taken(email: str, exclude_pk=None) -> bool:
    return User.objects.filter(email__iexact=email).exclude(pk=exclude_pk).exists()


class SignupForm(forms.Form):
    # 40, not the model's 150: the default pseud is named after the username and pseuds hold 40.
    username = forms.CharField(
        max_length=40,
        validators=[UnicodeUsernameValidator()],
        label=gettext_lazy("Username"),
        help_text=gettext_lazy("Up to 40 characters: letters, digits and @ . + - _ only. Shown on your profile."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    email = forms.EmailField(label=gettext_lazy("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password1 = forms.CharField(
        label=gettext_lazy("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=gettext_lazy("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=gettext_lazy("The same password, to catch typing mistakes."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Settings are read per form, never at import time.
        versions = policies.current_policy_versions()
        if versions:
            links = [
                format_html('<a href="{}">{}</a>', policies.policy_url(doc), policies.policy_title(doc))
                for doc in versions
            ]
            # Whole sentences for one document and for two, so a translator can reorder them.
            if len(links) == 1:
                label = format_html(_("I have read and accept the {document}"), document=links[0])
            else:
                label = format_html(
                    _("I have read and accept the {first} and the {second}"), first=links[0], second=links[1]
                )
            self.fields["accept_policies"] = forms.BooleanField(
                label=label,
                error_messages={"required": _("To create an account, please read and accept these.")},
            )
        if settings.MIN_AGE:
            age = {"age": settings.MIN_AGE}
            self.fields["age_statement"] = forms.BooleanField(
                label=_("I am at least %(age)s years old") % age,
                error_messages={"required": _("This archive is for people aged %(age)s and over.") % age},
            )

    def clean_username(self):
        # Compare the name as it will be stored (NFKC: fullwidth ａlice is alice).
        username = names.normalise(self.cleaned_data["username"])
        problem = lifecycle.name_unavailable(username)
        if problem:
            raise ValidationError(problem, code="taken")
        return username

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if _email_taken(email):
            raise ValidationError(EMAIL_TAKEN, code="taken")
        if sanctions.email_blocked(email):
            raise ValidationError(sanctions.BLOCKED_MESSAGE, code="blocked")
        return email

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords don't match."))
        elif p1:
            # Validate against an unsaved user so "too similar to your username" works.
            candidate = User(username=data.get("username", ""), email=data.get("email", ""))
            try:
                password_validation.validate_password(p1, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return data


class LoginForm(AuthenticationForm):
    """Django's log-in form, refusing every attempt once too many have failed."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": gettext_lazy(
            "That username and password don't match an account. Passwords are case-sensitive."
        ),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        restriction = sanctions.restriction_for(user)
        if restriction is not None and restriction.is_ban:
            raise ValidationError(restriction.explanation(), code="banned")

    def clean(self):
        limiter = ratelimit.LoginLimiter(self.request, self.cleaned_data.get("username", ""))
        # Checked before the password so a blocked guesser learns nothing, even when right.
        wait = limiter.seconds_blocked()
        if wait:
            raise ValidationError(ratelimit.blocked_message(wait), code="rate_limited")
        try:
            cleaned = super().clean()
        except ValidationError:
            limiter.record_failure()
            raise
        limiter.record_success()
        return cleaned


class EmailChangeForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("New email address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        label=gettext_lazy("Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=gettext_lazy("So that someone at an unlocked computer can't take over your account."),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if email.lower() == self.user.email.lower():
            raise ValidationError(_("That is already your email address."), code="same")
        if _email_taken(email, exclude_pk=self.user.pk):
            raise ValidationError(_("Another account already uses that email address."), code="taken")
        if sanctions.email_blocked(email):
            raise ValidationError(_("This email address is not accepted here. Please use another."), code="blocked")
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("That is not your current password."), code="wrong_password")
        return password


pseud_name_validator = RegexValidator(
    r"^[\w .@+\-]*\w[\w .@+\-]*$",
    gettext_lazy("Use letters, digits, spaces and _ - . @ + only, with at least one letter or digit."),
)


class UsernameChangeForm(forms.Form):
    username = forms.CharField(
        label=gettext_lazy("New username"),
        max_length=40,
        validators=[UnicodeUsernameValidator()],
        help_text=gettext_lazy("Up to 40 characters: letters, digits and @ . + - _ only."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=gettext_lazy("Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_username(self):
        username = names.normalise(self.cleaned_data["username"])
        if username == self.user.username:
            raise ValidationError(_("That is already your username."), code="same")
        problem = lifecycle.name_unavailable(username, exclude_user=self.user)
        if problem:
            raise ValidationError(problem, code="taken")
        return username

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("That is not your current password."), code="wrong_password")
        return password


class PseudForm(forms.ModelForm):
    class Meta:
        model = Pseud
        fields = ["name", "description"]
        # Labels here, not as the model fields' names: those would need a migration.
        labels = {"name": gettext_lazy("Name"), "description": gettext_lazy("Description")}
        help_texts = {
            "name": gettext_lazy("Up to 40 characters. Each of your pseuds needs a different name."),
            "description": gettext_lazy("Up to 500 characters, shown on the pseud's page."),
        }

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["name"].validators.append(pseud_name_validator)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        # The database enforces this too; checking here gives a message instead of an error page.
        if self.user.pseuds.filter(name__iexact=name).exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("You already have a pseud named “%(name)s”.") % {"name": name}, code="taken")
        return name

    def save(self, commit=True):
        self.instance.user = self.user
        return super().save(commit)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["bio"]
        labels = {"bio": gettext_lazy("Bio")}
        help_texts = {"bio": gettext_lazy("Plain text, up to 5,000 characters. Shown on your profile page.")}


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "show_adult", "view_full_work", "hide_creator_style", "hide_spoilers", "skin", "text_size", "line_width",
        ]  # fmt: skip
        help_texts = {
            "hide_spoilers": gettext_lazy(
                "Fold away archive warnings and additional tags on works and in lists; one click shows them."
            ),
            "skin": gettext_lazy("Dark and high-contrast skins change every page of the site."),
            "show_adult": gettext_lazy("Open Mature and Explicit works without the warning page first."),
            "view_full_work": gettext_lazy("Show all chapters on one page instead of one chapter at a time."),
            "hide_creator_style": gettext_lazy("Show works in the archive's style, ignoring creators' own formatting."),
        }

    LOOK_FIELDS = ("skin", "text_size", "line_width")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A form posted without them (an older page, a script) keeps what is saved.
        for name in self.LOOK_FIELDS:
            self.fields[name].required = False

    def clean(self):
        cleaned = super().clean()
        for name in self.LOOK_FIELDS:
            if not cleaned.get(name):
                cleaned[name] = getattr(self.instance, name)
        return cleaned


class InviteRequestForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if _email_taken(email):
            raise ValidationError(EMAIL_TAKEN, code="taken")
        if InviteRequest.objects.filter(email__iexact=email).exists():
            raise ValidationError(_("That email address is already in the queue."), code="queued")
        return email


class InviteNextForm(forms.Form):
    count = forms.IntegerField(label=gettext_lazy("How many people"), min_value=1, max_value=100, initial=10)


class InviteEmailForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email address"))

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if _email_taken(email):
            raise ValidationError(_("That person already has an account."), code="taken")
        return email


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, writing each email in the language its recipient chose
    rather than in the language of whoever asked (anyone may ask for any address)."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        with services.in_language_of(context["user"]):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)
