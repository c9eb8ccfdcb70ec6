"""Headers that limit what a page may load: a Content-Security-Policy allowing the
site's own scripts, styles and images only.

Every template keeps its scripts and styles in static files (no inline `<script>`,
`<style>`, `style=` or `on…=` handlers), so the policy needs no nonces. Author HTML
can't carry scripts or styles (the sanitiser allows neither), and remote images
in it are turned into links when it is saved (see `lib.text.sanitize`); the
policy's `img-src 'self'` also stops any stored before that rule, so a story can't
carry a tracking pixel."""

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY
        # Downloads saved to disk (an HTML book carries its own <style>) are not pages of this site.
        attachment = response.get("Content-Disposition", "").startswith("attachment")
        if policy and not attachment and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        return response
