"""`analyze FILE [--canon CSV] [--json]`: the command behind `quire analyze`.

Errors go to stderr as one line naming the file and what to do, with exit status 2.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from . import analyze, format_report, to_json_dict
from .canon import Canon
from .model import AnalyzeError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise AnalyzeError(f"{message}. Usage: analyze FILE [--canon CSV] [--json]")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="quire", description="Analyze a story file and suggest tags.")
    sub = p.add_subparsers(dest="command")
    a = sub.add_parser("analyze", help="analyze one story file")
    a.add_argument("file", help="story file: .txt, .md, .html, .docx or .epub")
    a.add_argument("--canon", help="CSV of canonical tags: type,name,fandom,aliases")
    a.add_argument("--json", action="store_true", help="print the JSON contract")
    return p


def main(argv: list[str] | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args_in = list(sys.argv[1:] if argv is None else argv)
    if args_in and args_in[0] not in ("analyze", "-h", "--help"):
        args_in.insert(0, "analyze")  # `quire analyze` may pass the arguments without the verb
    try:
        args = build_parser().parse_args(args_in)
        if args.command != "analyze":
            raise AnalyzeError("no command given. Usage: analyze FILE [--canon CSV] [--json]")
        canon = Canon.from_csv(args.canon) if args.canon else None
        doc, suggestions = analyze(args.file, canon=canon)
    except AnalyzeError as exc:
        err.write(f"error: {exc}\n")
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    except Exception as exc:  # noqa: BLE001 - a bug must still not print a traceback
        err.write(f"error: {getattr(args_in, '__len__', None) and args_in[-1]}: could not be "
                  f"analyzed ({type(exc).__name__}: {exc}). Please report this file.\n")
        return 2
    if args.json:
        json.dump(to_json_dict(doc.structure, suggestions), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(format_report(doc.structure, suggestions, doc.name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
