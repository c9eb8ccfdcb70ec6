"""Post from text: paste or upload a story as it was posted elsewhere and get a
draft with its parts in the right fields and tag suggestions beside the tag fields."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from quire.accounts.confirmation import confirmed_email_required
from quire.tags.canon import canon_from_database
from quire.understanding import AnalyzeError, load, suggest
from quire.works.importing import ImportProblem, check_structure, create_draft, find_existing

from .services import start_batch

UPLOAD_MAX = 10 * 1024 * 1024
# The most a request reads itself. Bigger texts are read by the background worker with a
# progress page, so no request holds a server process (or the database) for long.
INLINE_MAX = 256 * 1024


class FromTextForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Paste your story"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "class": "chapter-text"}),
        help_text=gettext_lazy(
            "Everything as you posted it elsewhere: notes, disclaimer, chapter headings, the story, sign-off."
        ),
    )
    upload = forms.FileField(
        label=gettext_lazy("…or upload a file"),
        required=False,
        help_text=gettext_lazy(
            "Plain text, Markdown, HTML (an AO3 or FanFiction.Net page saved from your browser, an AO3 "
            "HTML download), .docx, .odt or .epub (an AO3 EPUB download too); up to 10 MB."
        ),
    )

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("upload"):
            raise forms.ValidationError(_("Paste your story or choose a file to upload."))
        upload = data.get("upload")
        if upload and upload.size > UPLOAD_MAX:
            self.add_error(
                "upload",
                _("%(name)s is %(size)s MB; the limit is 10 MB.")
                % {"name": upload.name, "size": formats.number_format(upload.size / 1e6, 1)},
            )
        return data


@login_required
@confirmed_email_required
def work_from_text(request):
    form = FromTextForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("upload")
        if upload:
            name, data = upload.name, upload.read()
        else:
            name, data = "pasted.txt", form.cleaned_data["text"].encode("utf-8")
        if len(data) > INLINE_MAX:
            return _in_background(request, name, data)
        try:
            document = load(data, name)
            if find_existing(request.user, document.structure.metadata) is not None:
                # Imported before: the import page asks whether to update that draft.
                return _in_background(request, name, data)
            check_structure(document.structure)  # refuse what cannot be stored before suggesting tags
            fallback = name.rsplit(".", 1)[0].replace("_", " ") if upload else "Untitled"
            work = create_draft(
                request.user, document.structure, suggest(document.structure, canon_from_database()),
                fallback_title=fallback,
            )
        except (AnalyzeError, ImportProblem) as exc:
            form.add_error(None, str(exc).replace("pasted.txt: ", _("Your text: ")))
        except RecursionError:
            form.add_error(None, _("The text is nested too deeply to read. Paste it as plain text instead."))
        else:
            chapters = work.chapters.count()
            messages.success(
                request,
                ngettext(
                    "Your story is saved as a draft with %(count)s chapter. "
                    "Check the fields, accept or dismiss the suggested tags, then post it.",
                    "Your story is saved as a draft with %(count)s chapters. "
                    "Check the fields, accept or dismiss the suggested tags, then post it.",
                    chapters,
                )
                % {"count": chapters},
            )
            return redirect("works:edit", work.pk)
    return render(request, "imports/from_text.html", {"form": form})


def _in_background(request, name: str, data: bytes):
    batch = start_batch(request.user, [(name, data)])
    messages.info(
        request, _("Your story is being read in the background; this page shows when the draft is ready.")
    )
    return redirect(batch)
