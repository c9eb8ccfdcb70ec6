"""The throw-away archive `quire bench http` measures, built and counted in a
subprocess (`python -m quire.bench.http populate|count`) once Django is set up
there: `http.main` imports this module after `django.setup()`."""

import json
import sys
import time

from django.test import Client

from quire.accounts.models import User
from quire.accounts.policies import accept_current
from quire.interactions.models import Comment, Kudos
from quire.tags.models import Tag
from quire.works.models import Chapter, Creatorship

from .reading import build_corpus


def populate(works: int, readers: int, out: str) -> None:
    t0 = time.perf_counter()
    ids = build_corpus(works)
    print(f"{works} works in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    # One work per author to post chapters to: the bench authors of reading.build_corpus.
    authors = {}
    for user_id, work_id in Creatorship.objects.filter(work_id__in=ids).values_list("pseud__user_id", "work_id"):
        authors.setdefault(user_id, work_id)

    def session(user) -> str:
        client = Client()
        client.force_login(user)
        return client.cookies["sessionid"].value

    reader_users = [User.objects.create_user(f"reader{i}", f"reader{i}@example.invalid", None) for i in range(readers)]
    for user in reader_users:
        accept_current(user)  # else every signed-in request is sent to the terms page first
    chapters = dict(Chapter.objects.filter(work_id__in=ids, position=1).values_list("work_id", "pk"))
    data = {
        "works": ids,
        "first_chapter": {str(k): v for k, v in chapters.items()},
        "tags": list(Tag.objects.filter(type="freeform").values_list("pk", flat=True)[:40]),
        "readers": [session(u) for u in reader_users],
        "authors": [
            {"session": session(User.objects.get(pk=uid)), "work": wid} for uid, wid in list(authors.items())[:5]
        ],
    }
    with open(out, "w") as f:
        json.dump(data, f)


def count(out: str) -> None:
    with open(out, "w") as f:
        json.dump({"kudos": Kudos.objects.count(), "comments": Comment.objects.count(),
                   "chapters": Chapter.objects.count()}, f)
