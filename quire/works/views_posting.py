# Placeholder until the posting views land; every name in urls.py must exist.
from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("Not built yet", status=501)


work_new = work_edit = work_post = work_delete = chapter_new = chapters_manage = _todo
chapter_edit = chapter_delete = creatorships = series_new = series_edit = _todo
