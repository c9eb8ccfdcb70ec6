"""Import works: upload many story files (or a zip), watch them being read, review the drafts."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from quire.accounts.confirmation import confirmed_email_required
from quire.works.services import post_work

from .models import ImportBatch, ImportItem, ItemStatus
from .services import FILE_MAX, BatchProblem, enqueue, has_stalled, resolve_duplicate, start_batch

UPLOAD_TOTAL_MAX = 100 * 1024 * 1024


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class ImportForm(forms.Form):
    files = MultipleFileField(
        label=gettext_lazy("Story files"),
        help_text=gettext_lazy(
            "Choose several files at once, or one .zip of them: AO3 downloads (HTML or EPUB), AO3 and "
            "FanFiction.Net pages saved from your browser, Word (.docx), OpenDocument (.odt), Markdown or text; "
            "up to 10 MB each."
        ),
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        too_big = [f.name for f in files if f.size > FILE_MAX and not f.name.lower().endswith(".zip")]
        if too_big:
            raise forms.ValidationError(
                _("Over 10 MB: %(files)s. Split those stories into smaller files.") % {"files": ", ".join(too_big)}
            )
        if sum(f.size for f in files) > UPLOAD_TOTAL_MAX:
            raise forms.ValidationError(_("That is over 100 MB in all; import in smaller groups."))
        return files


@login_required
@confirmed_email_required
def new(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploads = [(f.name, f.read()) for f in form.cleaned_data["files"]]
        try:
            batch = start_batch(request.user, uploads)
        except BatchProblem as exc:
            form.add_error("files", str(exc))
        else:
            return redirect(batch)
    batches = ImportBatch.objects.filter(user=request.user)[:10]
    return render(request, "imports/new.html", {"form": form, "batches": batches})


def _own_batch(request, pk) -> ImportBatch:
    return get_object_or_404(ImportBatch, pk=pk, user=request.user)


@login_required
def batch(request, pk):
    b = _own_batch(request, pk)
    if has_stalled(b):
        enqueue(b)  # its worker died mid-file: hand the rest to a live one
    items = list(b.items.select_related("work", "existing").defer("data"))
    running = any(i.status in (ItemStatus.QUEUED, ItemStatus.RUNNING) for i in items)
    drafts = [i.work for i in items if i.status == ItemStatus.DONE and i.work is not None]
    for work in drafts:
        work.missing = work.missing_for_posting() if work.is_draft else []
    counts = {
        "done": sum(i.status == ItemStatus.DONE for i in items),
        "failed": sum(i.status == ItemStatus.FAILED for i in items),
        "waiting": sum(i.status in (ItemStatus.QUEUED, ItemStatus.RUNNING) for i in items),
        "duplicate": sum(i.status == ItemStatus.DUPLICATE for i in items),
        "total": len(items),
    }
    ready = [w for w in drafts if w.is_draft and not w.missing]
    return render(request, "imports/batch.html", {
        "batch": b, "items": items, "running": running, "counts": counts, "ready": ready,
    })


@login_required
@require_POST
def resolve(request, pk, choice):
    item = get_object_or_404(ImportItem, pk=pk, batch__user=request.user)
    if choice not in ("update", "new", "skip"):
        return redirect(item.batch)
    resolve_duplicate(item, choice)
    return redirect(item.batch)


@login_required
@require_POST
@confirmed_email_required
def post_all(request, pk):
    b = _own_batch(request, pk)
    posted, waiting = 0, 0
    for item in b.items.filter(status=ItemStatus.DONE, work__isnull=False).select_related("work"):
        work = item.work
        if not (work.is_draft and work.is_creator(request.user)):
            continue
        if work.missing_for_posting():
            waiting += 1
            continue
        post_work(work)
        posted += 1
    note = ngettext("Posted %(count)s work.", "Posted %(count)s works.", posted) % {"count": posted}
    if waiting:
        note += " " + ngettext(
            "%(count)s still needs a rating, warning or fandom: edit it, then post.",
            "%(count)s still need a rating, warning or fandom: edit them, then post.",
            waiting,
        ) % {"count": waiting}
    messages.success(request, note)
    return redirect(b)
