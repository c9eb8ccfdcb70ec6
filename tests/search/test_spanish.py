"""The works list, its filters and saved filters read in Spanish for a reader who
asks for it: labels built in Python (sort orders, filter choices, facet groups)
follow the reader's language per request, not the language the server started in."""

import html
import re

from django.urls import reverse

from quire.search.models import SavedExclusion
from quire.tags.models import Tag
from tests.factories import make_work

ES = {"HTTP_ACCEPT_LANGUAGE": "es"}


def text(response) -> str:
    return html.unescape(response.content.decode())


def option_labels(page: str, select_id: str) -> list[str]:
    select = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


def test_the_works_list_and_its_filters_are_spanish(client, author):
    make_work(author, "Farolillos", fandoms=("Cuentos del Sur",))
    make_work(author, "Verbena", fandoms=("Cuentos del Sur",))
    page = text(client.get(reverse("search:works"), **ES))
    assert "<h1>Obras</h1>" in page and "2 obras" in page
    assert option_labels(page, "filter-sort")[:3] == ["Fecha de actualización", "Fecha de publicación", "Kudos"]
    assert option_labels(page, "filter-complete") == ["Todas las obras", "Solo obras completas", "Solo obras en curso"]
    assert "<summary>Fandoms</summary>" in page and "<summary>Clasificaciones</summary>" in page
    assert "Ordenar y filtrar" in page and "Sort and filter" not in page
    # The next reader asks in English and gets English labels from the same dicts.
    english = text(client.get(reverse("search:works")))
    assert option_labels(english, "filter-sort")[:2] == ["Date updated", "Date posted"]
    assert "<summary>Ratings</summary>" in english and "2 works" in english


def test_counts_take_the_right_plural_in_spanish(client, author):
    make_work(author, "Farolillos")
    page = text(client.get(reverse("search:works"), {"q": "Farolillos"}, **ES))
    assert "1 obra encontrada" in page and "Resultados de la búsqueda" in page
    past_the_end = text(client.get(reverse("search:works"), {"page": 9}, **ES))
    assert "Solo hay 1 página." in past_the_end


def test_saved_filters_speak_spanish(login, reader, author):
    make_work(author, "Tormenta", freeforms=("Angustia",))
    make_work(author, "Calma")
    client = login(reader)
    response = client.post(reverse("search:add_exclusion"), {"name": "Angustia"}, follow=True, **ES)
    page = text(response)
    assert "Las obras etiquetadas con Angustia ahora están ocultas" in page
    assert "Etiquetas que nunca quieres ver" in page
    assert SavedExclusion.objects.filter(user=reader, tag=Tag.objects.get(name="Angustia")).exists()
    listing = text(client.get(reverse("search:works"), **ES))
    assert "1 obra oculta por tus" in listing and "mostrarla</a>" in listing
    missing = text(client.post(reverse("search:add_exclusion"), {"name": "Nada"}, follow=True, **ES))
    assert "No hay ninguna etiqueta llamada «Nada»." in missing
