"""Pages creators use: posting and editing works and chapters, co-creator
invitations and series. All plain forms; nothing here needs JavaScript.

Works and series are fetched through access.py, which starts from the one
visibility rule; changes go through services.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from quire.accounts.confirmation import confirmed_email_required
from quire.lib import text as textlib

from . import form_sections, services, suggestions
from .access import series_for_editing, work_for_editing
from .forms import ChapterForm, PublishAction, ReorderForm, SeriesForm, WorkForm
from .models import Chapter, ChapterState, Creatorship, Work

ONLY_CHAPTER = gettext_lazy("This is the work's only chapter, so it can't be deleted. Delete the whole work instead.")


def _and(items: list[str]) -> str:
    """ "a rating and a fandom": the list joined as a sentence in the reader's language."""
    joined = items[-1]
    for item in reversed(items[:-1]):
        joined = _("%(first)s and %(rest)s") % {"first": item, "rest": joined}
    return joined


def _get_chapter(work: Work, chapter_id: int) -> Chapter:
    return get_object_or_404(work.chapters, pk=chapter_id)


def _posted_format(request) -> str:
    """The work's text format as posted, for checking the first chapter before the work form is valid."""
    fmt = request.POST.get("text_format")
    return fmt if fmt in dict(textlib.FORMAT_CHOICES) else textlib.PLAIN


def _work_preview(form: WorkForm, chapter_form: ChapterForm | None = None) -> dict:
    """What readers would see, rendered exactly as saving would, but nothing is saved."""
    data = form.cleaned_data
    fmt = data["text_format"]
    preview = {
        "title": data["title"],
        "creators": list(data["pseuds"]),
        "tags": form.tags_by_type(),
        "language": data["language"],
        "summary_html": textlib.render(data["summary"], fmt),
        "notes_begin_html": textlib.render(data["notes_begin"], fmt),
        "notes_end_html": textlib.render(data["notes_end"], fmt),
        "chapter": None,
    }
    if chapter_form is not None:
        preview["chapter"] = _chapter_preview(chapter_form, fmt)
    return preview


def _chapter_preview(chapter_form: ChapterForm, fmt: str) -> dict:
    data = chapter_form.cleaned_data
    fmt = data.get("text_format") or fmt
    return {
        "title": data["title"],
        "text_html": textlib.render(data["text"], fmt),
        "notes_begin_html": textlib.render(data["notes_begin"], fmt),
        "notes_end_html": textlib.render(data["notes_end"], fmt),
    }


def _series_args(form: WorkForm) -> dict:
    data = form.cleaned_data
    return {
        "series": data["series"],
        "new_series_title": data["new_series_title"],
        "series_position": data["series_position"],
    }


# --- works ---------------------------------------------------------------------------
def _create_work(request, form: WorkForm, chapter_form: ChapterForm, submit, sections) -> Work:
    work = services.create_work(
        request.user,
        fields=form.work_fields(),
        pseuds=form.cleaned_data["pseuds"],
        cocreators=form.cleaned_data["cocreators"],
        tags_by_type=form.tags_by_type(),
        chapter=chapter_form.save(commit=False),
        post=submit == "post",
        **_series_args(form),
    )
    for problem in form_sections.save_all(sections, work):
        messages.warning(request, problem)
    return work


@login_required
@confirmed_email_required
def work_new(request):
    preview = None
    if request.method == "POST":
        form = WorkForm(request.POST, user=request.user)
        chapter_form = ChapterForm(
            request.POST, prefix="chapter", work_format=_posted_format(request), with_publishing=False
        )
        sections = form_sections.bound(request.POST, user=request.user, work=None)
        # Validate all (no short-circuit) so every problem shows at once.
        valid = form.is_valid() & chapter_form.is_valid() & form_sections.all_valid(sections)
        submit = request.POST.get("submit")
        if valid and submit == "preview":
            preview = _work_preview(form, chapter_form)
        elif valid:
            # One transaction with the sections (collections, gifts): subscribers are told of the
            # work only after it has joined an anonymous or unrevealed collection, never before.
            with transaction.atomic():
                work = _create_work(request, form, chapter_form, submit, sections)
            if work.is_draft:
                messages.success(request, _("Draft saved. Only you and your co-creators can see it."))
            else:
                messages.success(request, _("Work posted."))
            return redirect(work)
    else:
        form = WorkForm(user=request.user)
        chapter_form = ChapterForm(prefix="chapter", work_format=textlib.PLAIN, with_publishing=False)
        sections = form_sections.bound(None, user=request.user, work=None)
    return render(
        request,
        "works/work_form.html",
        {"form": form, "chapter_form": chapter_form, "preview": preview, "work": None, "sections": sections},
    )


def _suggestion_click(request, work: Work):
    """The suggestion an Accept or Dismiss button asked about, if one was pressed."""
    for action in ("accept_suggestion", "dismiss_suggestion"):
        value = request.POST.get(action, "")
        if value.isdigit():
            found = work.tag_suggestions.filter(pk=int(value)).first()
            if found is not None:
                return action, found
    return None, None


def _unsaved_form(data, request, work: Work) -> WorkForm:
    """The form as the author left it, shown again without validating or saving."""
    bound = WorkForm(data, user=request.user, work=work)
    return WorkForm(initial={name: bound[name].value() for name in bound.fields}, user=request.user, work=work)


@login_required
def work_edit(request, pk):
    work = work_for_editing(request.user, pk)
    preview = None
    data = request.POST if request.method == "POST" else None
    action, suggestion = _suggestion_click(request, work) if data is not None else (None, None)
    sections = form_sections.bound(data, user=request.user, work=work)
    if action:
        data = (suggestions.accept_into if action == "accept_suggestion" else suggestions.dismiss_into)(
            data, suggestion
        )
        form = _unsaved_form(data, request, work)
    elif data is not None:
        form = WorkForm(data, user=request.user, work=work)
        valid = form.is_valid() & form_sections.all_valid(sections)
        if valid and data.get("submit") == "preview":
            preview = _work_preview(form)
        elif valid:
            with transaction.atomic():
                services.update_work(
                    work,
                    request.user,
                    fields=form.work_fields(),
                    pseuds=form.cleaned_data["pseuds"],
                    cocreators=form.cleaned_data["cocreators"],
                    tags_by_type=form.tags_by_type(),
                    **_series_args(form),
                )
                for problem in form_sections.save_all(sections, work):
                    messages.warning(request, problem)
            suggestions.record_outcomes(work, data)
            if data.get("submit") == "post" and work.is_draft:
                # Post from the edit page saves first: what the author typed is never thrown away.
                return _post_and_redirect(request, work)
            messages.success(request, _("Work updated."))
            return redirect(work)
    else:
        form = WorkForm(user=request.user, work=work)
    dismissed = suggestions.dismissed_ids(data)
    context = {
        "form": form,
        "preview": preview,
        "work": work,
        "sections": sections,
        "suggested": suggestions.pending_by_field(work, form, dismissed),
        "dismissed": ",".join(str(i) for i in sorted(dismissed)),
    }
    return render(request, "works/work_form.html", context)


@login_required
@require_POST
@confirmed_email_required
def work_post(request, pk):
    return _post_and_redirect(request, work_for_editing(request.user, pk))


def _post_and_redirect(request, work: Work):
    missing = work.missing_for_posting()
    if missing:
        # A draft made from pasted text has no tags until the author chooses them.
        messages.error(request, _("Before posting, add %(missing)s on this page.") % {"missing": _and(missing)})
        return redirect("works:edit", work.pk)
    services.post_work(work)
    work.refresh_from_db()
    if work.is_draft:
        messages.warning(
            request,
            _("Nothing was posted: every chapter is scheduled. The work goes up with its first chapter."),
        )
    else:
        messages.success(request, _("Work posted."))
    return redirect(work)


@login_required
def work_delete(request, pk):
    work = work_for_editing(request.user, pk)
    if request.method == "POST":
        title = work.title
        work.delete()
        messages.success(request, _("“%(title)s” was deleted.") % {"title": title})
        return redirect("works:index")
    return render(
        request,
        "works/confirm_delete.html",
        {
            "heading": _("Delete “%(title)s”?") % {"title": work.title},
            "explanation": _("The work, its chapters and everything readers left on it will be gone for good."),
            "cancel_url": work.get_absolute_url(),
            "button": _("Yes, delete this work"),
        },
    )


# --- chapters --------------------------------------------------------------------------
def _save_chapter_form(request, work: Work, form: ChapterForm):
    chapter = form.save(commit=False)
    chapter.work = work
    action = form.cleaned_data.get("action")
    services.save_chapter(
        chapter,
        publish_now=action == PublishAction.POST,
        publish_at=form.cleaned_data["publish_at"] if action == PublishAction.SCHEDULE else None,
    )
    if chapter.state == ChapterState.SCHEDULED:
        messages.success(request, _("Chapter scheduled. Readers will see it once its time comes."))
    elif chapter.state == ChapterState.DRAFT:
        messages.success(request, _("Chapter saved as a draft. Only creators can see it."))
    else:
        messages.success(request, _("Chapter saved."))
    return redirect(chapter)


def _chapter_page(request, work: Work, form: ChapterForm, chapter: Chapter | None):
    preview = None
    if request.method == "POST" and form.is_valid():
        if request.POST.get("submit") == "preview":
            preview = _chapter_preview(form, work.text_format)
        else:
            return _save_chapter_form(request, work, form)
    return render(
        request,
        "works/chapter_form.html",
        {"work": work, "form": form, "chapter": chapter, "preview": preview},
    )


@login_required
@confirmed_email_required
def chapter_new(request, pk):
    work = work_for_editing(request.user, pk)
    if request.method == "POST":
        form = ChapterForm(request.POST)
    else:
        form = ChapterForm(initial={"text_format": work.text_format})
    return _chapter_page(request, work, form, None)


@login_required
def chapter_edit(request, pk, chapter_id):
    work = work_for_editing(request.user, pk)
    chapter = _get_chapter(work, chapter_id)
    form = ChapterForm(request.POST if request.method == "POST" else None, instance=chapter)
    return _chapter_page(request, work, form, chapter)


@login_required
def chapter_delete(request, pk, chapter_id):
    work = work_for_editing(request.user, pk)
    chapter = _get_chapter(work, chapter_id)
    only = work.chapters.count() <= 1
    if request.method == "POST":
        try:
            services.delete_chapter(chapter)
        except services.OnlyChapter as error:
            messages.error(request, str(error))
            return redirect("works:chapter_edit", work.pk, chapter.pk)
        messages.success(request, _("%(chapter)s was deleted.") % {"chapter": chapter.display_title})
        return redirect(work)
    return render(
        request,
        "works/confirm_delete.html",
        {
            "heading": _("Delete %(chapter)s of “%(title)s”?")
            % {"chapter": chapter.display_title, "title": work.title},
            "explanation": _("The chapter's text and notes will be gone for good; later chapters move up."),
            "refusal": ONLY_CHAPTER if only else "",
            "cancel_url": reverse("works:chapter_edit", args=[work.pk, chapter.pk]),
            "button": _("Yes, delete this chapter"),
        },
    )


@login_required
def chapters_manage(request, pk):
    work = work_for_editing(request.user, pk)
    chapters = list(work.chapters.order_by("position"))
    form = ReorderForm(request.POST or None, chapters=chapters)
    if request.method == "POST" and form.is_valid():
        services.renumber_chapters(work, form.ordered_ids())
        messages.success(request, _("Chapter order saved."))
        return redirect("works:chapters_manage", work.pk)
    rows = [(chapter, form[f"position_{chapter.pk}"]) for chapter in chapters]
    return render(request, "works/chapters_manage.html", {"work": work, "form": form, "rows": rows})


# --- co-creators -----------------------------------------------------------------------
@login_required
def creatorships(request):
    pending = Creatorship.objects.filter(pseud__user=request.user, accepted=False).select_related(
        "work", "pseud", "invited_by"
    )
    if request.method == "POST":
        invitation = get_object_or_404(pending, pk=request.POST.get("creatorship"))
        if request.POST.get("decision") == "accept":
            invitation.accepted = True
            invitation.save(update_fields=["accepted"])
            messages.success(request, _("You're now credited on “%(title)s”.") % {"title": invitation.work.title})
        else:
            invitation.delete()
            messages.success(
                request, _("You declined the invitation to “%(title)s”.") % {"title": invitation.work.title}
            )
        return redirect("works:creatorships")
    return render(request, "works/creatorships.html", {"pending": pending})


# --- series ----------------------------------------------------------------------------
@login_required
def series_new(request):
    form = SeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            series = form.save()
            series.creators.add(request.user.default_pseud)
        messages.success(request, _("Series created. Add works to it from the work form."))
        return redirect(series)
    return render(request, "works/series_form.html", {"form": form, "series": None})


@login_required
def series_edit(request, pk):
    series = series_for_editing(request.user, pk)
    form = SeriesForm(request.POST or None, instance=series)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Series updated."))
        return redirect(series)
    return render(request, "works/series_form.html", {"form": form, "series": series})
