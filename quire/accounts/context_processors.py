from django.conf import settings

from .appearance import look_for


def site(request):
    user = request.user
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SIGNUP_MODE": settings.SIGNUP_MODE,
        # Readers who asked to hide creators' styles get the archive's look only.
        "hide_creator_style": bool(user.is_authenticated and user.hide_creator_style),
        # Skin, text size, line width and spoilers: the account's, or a guest's cookie.
        "look": look_for(request),
    }
