# Placeholder until the account views land; every name in urls.py must exist.
from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("Not built yet", status=501)


signup = login = logout = password_reset = password_reset_done = password_reset_confirm = _todo
password_reset_complete = password_change = email_change = email_confirm = preferences = _todo
profile_edit = pseuds = pseud_new = pseud_edit = pseud_delete = invite_request = invitations = _todo
profile = pseud_detail = _todo
