#!/usr/bin/env bash
# Downloads checks that need outside tools (issue 6):
#  1. epubcheck on EPUBs of works that use every feature (notes, images by URL,
#     footnotes, tables, right-to-left text, 500 chapters, a series): no errors, no warnings;
#  2. the FanFicFare round trip: a pinned FanFicFare (in its own venv under /tmp)
#     downloads a work from a live Quire server through viewstory.php, a chapter is
#     posted, FanFicFare updates the EPUB, and the new chapter must be in it.
# Run from the repository root with .venv installed. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
FANFICFARE_VERSION=${FANFICFARE_VERSION:-4.62.0}
FFF_VENV=${FFF_VENV:-/tmp/quire-fanficfare-$FANFICFARE_VERSION}
PORT=${QUIRE_FFF_PORT:-8765}
step() { printf '\n==> %s\n' "$*"; }

step "epubcheck on feature-complete EPUBs"
if [ ! -f /usr/share/java/epubcheck.jar ] || ! command -v java >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq epubcheck >/dev/null
fi
# The tests skip without epubcheck; here it must run, so fail on skips.
.venv/bin/pytest -q -p no:cacheprovider tests/downloads/test_epubcheck.py -rs | tee /tmp/quire-epubcheck.log
if grep -q "skipped" /tmp/quire-epubcheck.log; then echo "FAILED: epubcheck tests were skipped"; exit 1; fi

step "FanFicFare $FANFICFARE_VERSION round trip"
if [ ! -x "$FFF_VENV/bin/python" ] || ! "$FFF_VENV/bin/python" -c "import fanficfare" 2>/dev/null; then
  python3 -m venv "$FFF_VENV"
  "$FFF_VENV/bin/pip" install --quiet "FanFicFare==$FANFICFARE_VERSION" >"/tmp/quire-fanficfare-pip.log" 2>&1 || { cat /tmp/quire-fanficfare-pip.log; exit 1; }
fi
WORKDIR=$(mktemp -d /tmp/quire-fff.XXXXXX)
export QUIRE_DATA_DIR="$WORKDIR/data" QUIRE_DATABASE_URL="sqlite:///$WORKDIR/data/quire.sqlite3"
export QUIRE_SITE_URL="http://127.0.0.1:$PORT" QUIRE_SECRET_KEY="fanficfare-round-trip" QUIRE_LOG_LEVEL=WARNING
SERVER_PID=""
cleanup() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi; rm -rf "$WORKDIR"; }
trap cleanup EXIT

.venv/bin/quire migrate --noinput >/dev/null
WORK_ID=$(.venv/bin/quire shell -c '
from quire.accounts.models import User
from quire.works import services
from quire.works.models import Chapter, Work
user = User.objects.create_user("tamsin", "tamsin@example.org", "round-trip-pass")
work = Work.objects.create(title="The Lighthouse Keeper", summary="A keeper counts ships.", expected_chapters=3)
services.add_creator(work, user.default_pseud, accepted=True)
services.set_tags(work, {"rating": ["General Audiences"], "warning": ["No Archive Warnings Apply"], "fandom": ["Original Work"]})
for n, text in enumerate(["The lamp was lit at dusk.", "Three ships passed before midnight."], start=1):
    Chapter.objects.create(work=work, position=n, title=f"Night {n}", text=text)
services.post_work(work)
print(work.pk)
' | tail -n1)
echo "Posted work $WORK_ID"

.venv/bin/quire runserver "127.0.0.1:$PORT" --noreload >"$WORKDIR/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do
  if curl -fsS "http://127.0.0.1:$PORT/viewstory.php?sid=$WORK_ID&action=printable&chapter=all" >/dev/null 2>&1; then break; fi
  sleep 0.2
done

cd "$WORKDIR"
STORY_URL="http://127.0.0.1:$PORT/viewstory.php?sid=$WORK_ID"
"$FFF_VENV/bin/python" "$OLDPWD/tests/downloads/fanficfare_driver.py" "127.0.0.1:$PORT" \
  --non-interactive -o "output_filename=story.epub" "$STORY_URL"
cd "$OLDPWD"
check_epub() {  # check_epub FILE TEXT...: every TEXT appears in the EPUB's chapters
  "$FFF_VENV/bin/python" - "$@" <<'PY'
import sys, zipfile
path, *wanted = sys.argv[1:]
with zipfile.ZipFile(path) as epub:
    text = "".join(epub.read(n).decode("utf-8", "replace") for n in epub.namelist() if n.endswith((".xhtml", ".html", ".opf")))
missing = [w for w in wanted if w not in text]
if missing:
    sys.exit(f"FAILED: {path} lacks {missing}")
print(f"{path}: has {wanted}")
PY
}
check_epub "$WORKDIR/story.epub" "The Lighthouse Keeper" "tamsin" "The lamp was lit at dusk." "Three ships passed before midnight."

step "Post chapter 3, then update with FanFicFare"
.venv/bin/quire shell -c "
from quire.works import services
from quire.works.models import Chapter, Work
work = Work.objects.get(pk=$WORK_ID)
services.save_chapter(Chapter(work=work, title='Night 3', text='A storm, and then the dawn.'), publish_now=True)
"
cd "$WORKDIR"
"$FFF_VENV/bin/python" "$OLDPWD/tests/downloads/fanficfare_driver.py" "127.0.0.1:$PORT" \
  --non-interactive --update-epub "story.epub"
cd "$OLDPWD"
check_epub "$WORKDIR/story.epub" "Night 3" "A storm, and then the dawn." "The lamp was lit at dusk."
echo "FanFicFare round trip passed."
