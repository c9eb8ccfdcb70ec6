"""Site pages, news, the contact form and the banner. Reading is for everyone;
writing pages, news and banners is for staff (is_staff), from the site itself."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quire.accounts.ratelimit import client_ip
from quire.lib.ratelimit import Window
from quire.lib.redirects import safe_next

from . import services
from .context_processors import DISMISSED_COOKIE, dismissed_by_cookie
from .forms import BannerForm, ContactForm, NewsCommentForm, NewsPostForm, PageEditForm
from .models import STANDARD_PAGES, BannerDismissal, NewsComment, NewsPost, SiteBanner, SitePage


def staff_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not (request.user.is_staff or request.user.is_superuser):
            raise PermissionDenied(_("Only the archive's staff can edit site pages, news and announcements."))
        return view(request, *args, **kwargs)

    return wrapper


def _is_staff(user) -> bool:
    return user.is_authenticated and (user.is_staff or user.is_superuser)


# --- pages ---------------------------------------------------------------------------
def page(request, slug, number=None):
    site_page = get_object_or_404(SitePage, slug=slug)
    versions = site_page.versions.select_related("created_by")
    version = versions.filter(number=number).first() if number else versions.first()
    if version is None:
        raise Http404("This page has not been written yet.")
    body, sections = services.with_sections(version.body_html)
    return render(request, "sitepages/page.html", {
        "page": site_page, "version": version, "body": body, "sections": sections,
        "latest": versions.first(), "can_edit": _is_staff(request.user),
    })  # fmt: skip


def page_history(request, slug):
    site_page = get_object_or_404(SitePage, slug=slug)
    return render(request, "sitepages/history.html", {"page": site_page, "versions": site_page.versions.all()})


@staff_required
def page_edit(request, slug):
    site_page = services.page_for_editing(slug)
    if site_page is None:
        raise Http404("There is no such page.")
    current = site_page.current if site_page.pk else None
    initial = {"title": site_page.title, "body": current.body if current else ""}
    form = PageEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        version = services.save_page(site_page, by=request.user, **form.cleaned_data)
        messages.success(request, _("Saved as version %(number)s. Earlier versions are kept.") % {
            "number": version.number})
        return redirect(site_page.get_absolute_url())
    return render(request, "sitepages/page_edit.html", {"page": site_page, "form": form, "current": current})


@staff_required
def manage(request):
    existing = {p.slug: p for p in SitePage.objects.all()}
    pages = [(slug, existing.get(slug), title) for slug, title in STANDARD_PAGES]
    return render(request, "sitepages/manage.html", {
        "pages": pages, "banners": SiteBanner.objects.all()[:20], "banner_form": BannerForm(),
        "news": NewsPost.objects.all()[:10],
    })  # fmt: skip


# --- banner ----------------------------------------------------------------------------
@require_POST
@staff_required
def banner_new(request):
    form = BannerForm(request.POST)
    if form.is_valid():
        services.save_banner(form.save(commit=False), request.user)
        messages.success(request, _("Announcement saved: it shows between its start and end times."))
    else:
        errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
        messages.error(request, _("The announcement was not saved: %(errors)s") % {"errors": errors})
    return redirect("sitepages:manage")


@require_POST
@staff_required
def banner_end(request, pk):
    services.end_banner(get_object_or_404(SiteBanner, pk=pk))
    messages.success(request, _("Announcement ended."))
    return redirect("sitepages:manage")


@require_POST
def banner_dismiss(request, pk):
    """Works without JavaScript: a POST, then back to the page. Members' dismissals are
    stored so they follow them to other devices; guests' are kept in a cookie."""
    banner = get_object_or_404(SiteBanner, pk=pk)
    response = redirect(safe_next(request, "/"))
    if request.user.is_authenticated:
        BannerDismissal.objects.get_or_create(banner=banner, user=request.user)
    closed = sorted(dismissed_by_cookie(request) | {banner.pk})[-20:]
    response.set_cookie(
        DISMISSED_COOKIE, ".".join(map(str, closed)), max_age=60 * 60 * 24 * 365, samesite="Lax",
        secure=request.is_secure(), httponly=True,
    )  # fmt: skip
    return response


# --- news -------------------------------------------------------------------------------
def news(request):
    posts = Paginator(NewsPost.objects.select_related("author"), 10).get_page(request.GET.get("page"))
    return render(request, "sitepages/news.html", {"page": posts, "can_edit": _is_staff(request.user)})


def news_post(request, pk):
    post = get_object_or_404(NewsPost, pk=pk)
    form = NewsCommentForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('accounts:login')}?next={post.get_absolute_url()}")
        if not post.comments_open:
            messages.error(request, _("Comments on this post are closed."))
            return redirect(post)
        window = Window(f"news-comment:{request.user.pk}", 5, 60)
        if window.seconds_blocked():
            form.add_error(None, _("You are commenting very fast. Please wait a minute and post again."))
        elif form.is_valid():
            window.hit()
            comment = services.add_news_comment(post, request.user, form.cleaned_data["text"], client_ip(request))
            messages.success(request, _("Comment posted."))
            return redirect(f"{post.get_absolute_url()}#news-comment-{comment.pk}")
    comments = post.comments.select_related("user")
    if not (request.user.is_authenticated and request.user.can_moderate):
        comments = comments.filter(hidden_by_moderator=False)
    return render(request, "sitepages/news_post.html", {
        "post": post, "comments": comments, "form": form, "can_edit": _is_staff(request.user),
    })  # fmt: skip


@staff_required
def news_edit(request, pk=None):
    post = get_object_or_404(NewsPost, pk=pk) if pk else NewsPost()
    form = NewsPostForm(request.POST or None, instance=post)
    if request.method == "POST" and form.is_valid():
        post = services.save_news(form.save(commit=False), request.user)
        messages.success(request, _("News post saved."))
        return redirect(post)
    return render(request, "sitepages/news_edit.html", {"form": form, "post": post})


@require_POST
@login_required
def news_comment_hide(request, pk):
    if not request.user.can_moderate:
        raise PermissionDenied(_("Only moderators can hide comments."))
    comment = get_object_or_404(NewsComment, pk=pk)
    NewsComment.objects.filter(pk=pk).update(hidden_by_moderator=request.POST.get("action") != "unhide")
    return redirect(f"{comment.post.get_absolute_url()}#news-comment-{comment.pk}")


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("%(site)s news") % {"site": settings.SITE_NAME}

    def link(self):
        return reverse("sitepages:news")

    def subtitle(self):
        return _("Announcements from the volunteers who run %(site)s.") % {"site": settings.SITE_NAME}

    def items(self):
        return NewsPost.objects.all()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body_html

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return str(item.author) if item.author else settings.SITE_NAME


# --- contact ---------------------------------------------------------------------------
def contact(request):
    guest = not request.user.is_authenticated
    form = ContactForm(request.POST or None, guest=guest)
    if request.method == "POST":
        window = Window(f"contact:{request.user.pk if not guest else client_ip(request)}", 5, 3600)
        if window.seconds_blocked():
            form.add_error(
                None, _("You have sent several messages in the last hour. Please wait before sending another.")
            )
        elif form.is_valid():
            window.hit()
            services.file_support_request(
                user=request.user, subject=form.cleaned_data["subject"], message=form.cleaned_data["details"],
                email=form.cleaned_data.get("email", ""),
            )  # fmt: skip
            messages.success(request, _("Thank you: your message reached the archive's volunteers."))
            return redirect("sitepages:contact")
    return render(request, "sitepages/contact.html", {"form": form})
