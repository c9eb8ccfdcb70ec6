"""Prompt memes: prompts (optionally anonymous) tagged with fandoms and
characters, claims (several per prompt), fills (works posted into the
collection and linked back), and the prompt list filtered by fandom and
filled/unfilled."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from quire.lib.ratelimit import Window
from quire.tags.models import Tag, TagType
from quire.works.models import Work

from . import services
from .forms import PromptForm
from .models import Collection, Prompt, PromptClaim, PromptFill

PROMPTS_PER_HOUR = 30


def _meme(name) -> Collection:
    collection = get_object_or_404(Collection, name=name)
    if not collection.is_prompt_meme:
        raise Http404("This collection has no prompts.")
    return collection


def _fills_visible(prompt: Prompt, user):
    visible = Work.objects.visible_to(user).posted()
    return PromptFill.objects.filter(prompt=prompt, work__in=visible.values("pk")).select_related("work")


def prompt_list(request, name):
    collection = _meme(name)
    prompts = collection.prompts.select_related("user").prefetch_related("tags", "claims")
    visible = Work.objects.visible_to(request.user).posted()
    filled = Exists(PromptFill.objects.filter(prompt=OuterRef("pk"), work__in=visible.values("pk")))
    prompts = prompts.annotate(filled=filled)
    fandom = request.GET.get("fandom", "")
    status = request.GET.get("status", "")
    if fandom.isdigit():
        prompts = prompts.filter(tags__pk=int(fandom))
    if status == "filled":
        prompts = prompts.filter(filled=True)
    elif status == "unfilled":
        prompts = prompts.filter(filled=False)
    fandoms = Tag.objects.filter(type=TagType.FANDOM, prompts__collection=collection).distinct().order_by("name")
    rows = [(p, p.poster_visible_to(request.user)) for p in prompts]
    return render(
        request, "collections/prompts.html",
        {"collection": collection, "rows": rows, "fandoms": fandoms, "fandom": fandom, "status": status},
    )  # fmt: skip


@login_required
def prompt_new(request, name):
    collection = _meme(name)
    form = PromptForm(request.POST or None)
    if request.method == "POST":
        if collection.closed:
            messages.error(
                request, _("%(collection)s is closed: it takes no new prompts.") % {"collection": collection.title}
            )
        elif Window(f"prompt:{request.user.pk}", PROMPTS_PER_HOUR, 3600).seconds_blocked():
            messages.error(request, _("You have posted many prompts in the last hour. Please wait a little."))
        elif form.is_valid():
            Window(f"prompt:{request.user.pk}", PROMPTS_PER_HOUR, 3600).hit()
            with transaction.atomic():
                prompt = form.save(commit=False)
                prompt.collection, prompt.user = collection, request.user
                prompt.save()
                prompt.tags.set(form.tags())
            messages.success(request, _("Prompt posted."))
            return redirect(prompt)
    return render(request, "collections/prompt_form.html", {"collection": collection, "form": form})


def prompt_detail(request, name, pk):
    collection = _meme(name)
    prompt = get_object_or_404(Prompt.objects.prefetch_related("tags"), pk=pk, collection=collection)
    claims = prompt.claims.select_related("user")
    my_works = []
    if request.user.is_authenticated:
        my_works = (
            Work.objects.visible_to(request.user).posted()
            .filter(creatorships__pseud__user=request.user, creatorships__accepted=True)
            .exclude(prompt_fills__prompt=prompt).distinct()
        )  # fmt: skip
    context = {
        "collection": collection,
        "prompt": prompt,
        "poster": prompt.poster_visible_to(request.user),
        "claims": claims,
        "claimed": request.user.is_authenticated and claims.filter(user=request.user).exists(),
        "fills": _fills_visible(prompt, request.user),
        "my_works": my_works,
    }
    return render(request, "collections/prompt.html", context)


@login_required
@require_POST
def prompt_claim(request, name, pk):
    collection = _meme(name)
    prompt = get_object_or_404(Prompt, pk=pk, collection=collection)
    if request.POST.get("action") == "unclaim":
        PromptClaim.objects.filter(prompt=prompt, user=request.user).delete()
        messages.success(request, _("Claim dropped."))
    else:
        try:
            with transaction.atomic():
                PromptClaim.objects.create(prompt=prompt, user=request.user)
            messages.success(request, _("Claimed. Post your fill and add it here."))
        except IntegrityError:
            messages.info(request, _("You have already claimed this prompt."))
    return redirect(prompt)


@login_required
@require_POST
def prompt_fill(request, name, pk):
    """Add one of the user's works as a fill: it joins the collection and links back to the prompt."""
    collection = _meme(name)
    prompt = get_object_or_404(Prompt, pk=pk, collection=collection)
    work = (
        Work.objects.visible_to(request.user).posted()
        .filter(pk=request.POST.get("work") or 0, creatorships__pseud__user=request.user, creatorships__accepted=True)
        .first()
    )  # fmt: skip
    if work is None:
        messages.error(request, _("Choose one of your posted works."))
        return redirect(prompt)
    try:
        with transaction.atomic():
            services.add_work_to_collection(work, collection, by=request.user)
            PromptFill.objects.get_or_create(prompt=prompt, work=work)
            PromptClaim.objects.get_or_create(prompt=prompt, user=request.user)
    except services.Refused as refusal:
        messages.error(request, str(refusal))
        return redirect(prompt)
    if prompt.user_id != request.user.pk:
        services.notify(
            prompt.user, f"fill:{prompt.pk}:{work.pk}",
            gettext_lazy("Your prompt %(prompt)s was filled: %(title)s"), prompt.get_absolute_url(), work=work,
            params={"prompt": prompt.title, "title": work.title},
        )  # fmt: skip
    messages.success(request, _("%(title)s is now a fill for this prompt.") % {"title": work.title})
    return redirect(prompt)
