"""Run FanFicFare's own command line against a Quire server (used by .ci/downloads.sh,
with the interpreter of the venv FanFicFare is installed in, not Quire's).

FanFicFare only downloads from sites it knows: `adapters._get_class_for` looks the
URL's host up in a table built from its `adapter_*.py` modules, and there is no ini
setting that adds a host (an unknown one raises UnknownSite). Every eFiction site it
supports is a few lines subclassing the generic eFiction adapter with the site's
domain; this does the same for the Quire host under test, in memory, and then hands
over to FanFicFare's unmodified CLI, so the download and the update are parsed by its
real generic eFiction code.

Usage: python fanficfare_driver.py HOST:PORT [fanficfare arguments...]
"""

import sys

from fanficfare import adapters, cli
from fanficfare.adapters.base_efiction_adapter import BaseEfictionAdapter


def register(host: str) -> None:
    class QuireAdapter(BaseEfictionAdapter):
        @staticmethod
        def getSiteDomain():
            return host

        @classmethod
        def getSiteAbbrev(cls):
            return "quire"

        @classmethod
        def getDateFormat(cls):
            return "%d %b %Y"

    registry = vars(adapters)
    registry["__class_list"].append(QuireAdapter)
    for domain in QuireAdapter.getAcceptDomains():
        registry["__domain_map"].setdefault(domain, []).append(QuireAdapter)


if __name__ == "__main__":
    register(sys.argv[1])
    sys.exit(cli.main(sys.argv[2:]))
