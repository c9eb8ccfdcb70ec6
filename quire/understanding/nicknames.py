"""Common English diminutives and the given names they shorten ("Jim" for James, "Bill" for
William): how fans write a character the canon lists under the formal name. Used only
when the canon knows the written name under no character at all, and only for the
fandoms the story is already in, so "Will" never casts a vote of its own."""
from __future__ import annotations

# diminutive -> formal given names it may stand for
_TABLE = """
abby abigail|al albert alan alfred|alex alexander alexandra alexis|alf alfred|ali alison alice
andy andrew|annie anne anna|archie archibald|art arthur|barney barnaby bernard|becky rebecca
ben benjamin|bert albert herbert robert|beth elizabeth bethany|betty elizabeth|bill william
billy william|bob robert|bobby robert|cathy catherine katherine|charlie charles charlotte
chris christopher christine|chuck charles|cindy cynthia lucinda|dan daniel|danny daniel
dave david|davy david|debbie deborah|dick richard|don donald|dot dorothy|doug douglas
ed edward edmund edwin|eddie edward|ellie eleanor elizabeth|fred frederick alfred|freddie frederick
gabe gabriel|gerry gerald gerard|ginny ginevra virginia|greg gregory|hal henry harold|hank henry
harry henry harold|izzy isabel isabella isidore|jack john jackson|jake jacob|jamie james
jen jennifer|jenny jennifer|jeff jeffrey|jerry gerald jerome|jim james|jimmy james|joe joseph
joey joseph|johnny john|jon jonathan|jos josephine|kate katherine catherine|katie katherine
kathy katherine|ken kenneth|kit christopher katherine|larry lawrence|len leonard|lenny leonard
leo leonard leopold|liz elizabeth|lizzie elizabeth|lou louis louise|maggie margaret|matt matthew
meg margaret|mike michael|mick michael|mickey michael|mo maurice|molly mary|nat nathaniel natalie natasha
ned edward edmund|nell eleanor helen|nick nicholas|nicky nicholas|nico nicholas nicolas|pat patrick patricia
patty patricia|peggy margaret|pete peter|phil philip phillip|polly mary|ron ronald|ronnie ronald
rob robert|robbie robert|sam samuel samantha|sammy samuel|sandy alexander alexandra|sasha alexander alexandra
steve steven stephen|stevie steven stephen|sue susan|susie susan|ted edward theodore|teddy edward theodore
theo theodore|tim timothy|tom thomas|tommy thomas|tony anthony|trish patricia|vicky victoria
vince vincent|walt walter|will william|willy william|zach zachary|zack zachary
"""

NICKNAMES: dict[str, tuple[str, ...]] = {}
for _entry in _TABLE.replace("\n", "|").split("|"):
    _words = _entry.split()
    if _words:
        NICKNAMES[_words[0]] = tuple(_words[1:])


def formal_names(name: str) -> tuple[str, ...]:
    """The given names `name` may be short for (empty when it is none of the table's)."""
    return NICKNAMES.get(name.lower(), ())
