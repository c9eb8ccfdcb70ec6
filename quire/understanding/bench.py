"""`run_bench()`: time parse + suggest on ~1 MB of synthetic fan fiction (target: < 1 s,
< 300 MB). The text is generated here from original sentence templates."""
from __future__ import annotations

import random
import time
import tracemalloc
from typing import Any

from .canon import Canon
from .structure import parse
from .suggest import suggest

_NAMES = ["Mara Quill", "Oren Vale", "Tess Harrow", "Jonah Pike", "Lena Ostrow", "Felix Dunmore",
          "Priya Sandoval", "Caleb Wren"]
_SENTENCES = [
    "{a} looked at {b} across the crowded kitchen and wondered if the storm would pass.",
    "\"You can't keep doing this,\" {a} said, and {b} only shrugged.",
    "The rain had not stopped for three days, and {a} was beginning to hate the sound of it.",
    "{a} poured another glass of wine and pretended not to notice the bottle was nearly empty.",
    "Somewhere down the hall a door slammed, and {b} flinched before catching herself.",
    "They walked to the harbour in silence, the lights of the ferry blinking in the fog.",
    "\"I told you already,\" {b} muttered. \"I'm not going back to the hospital.\"",
    "{a} remembered the summer they had spent painting the old boathouse, laughing at nothing.",
    "It was a stupid plan, {b} thought, but it was the only one they had left.",
    "{a}'s hands were shaking as she folded the letter and slid it under the door.",
    "The rehearsal ran late again, and the director yelled until everyone was hoarse.",
    "{b} kissed {a} softly, like an apology neither of them knew how to say out loud.",
]
_NOTES = ["Hi everyone! Thanks so much for the reviews on the last chapter, I hope you enjoy this one.",
          "This is a Harbour Lights AU, eventual {a}/{b}. Not {b}/{c}, sorry!",
          "Next chapter should be up on Sunday. Please review!"]


def synthetic_text(target_bytes: int = 1_000_000, seed: int = 7) -> str:
    rng = random.Random(seed)
    out: list[str] = ["Disclaimer: I don't own Harbour Lights.",
                      _NOTES[1].format(a="Mara", b="Oren", c="Tess")]
    size, chapter = 0, 0
    while size < target_bytes:
        chapter += 1
        block = [f"Chapter {chapter}: Tides {chapter}", _NOTES[0]]
        for p in range(40):
            sentences = []
            for _ in range(rng.randint(3, 7)):
                a, b = rng.sample(_NAMES, 2)
                if rng.random() < 0.6:
                    a, b = a.split()[0], b.split()[0]
                sentences.append(rng.choice(_SENTENCES).format(a=a, b=b))
            block.append(" ".join(sentences))
            if p % 13 == 12:
                block.append(rng.choice(["***", "~~~", "oOo", "* * *", "-----"]))
        block.append(_NOTES[2])
        chunk = "\n\n".join(block)
        out.append(chunk)
        size += len(chunk.encode())
    return "\n\n".join(out)


def _canon() -> Canon:
    rows: list[tuple[str, str, str, str]] = [("fandom", "Harbour Lights (TV)", "", "Harbour Lights")]
    rows += [("character", n, "Harbour Lights (TV)", "") for n in _NAMES]
    rows.append(("relationship", "Mara Quill/Oren Vale", "Harbour Lights (TV)", ""))
    # A realistic archive canon has thousands of entries: add distractors.
    for i in range(5000):
        rows.append(("character", f"Extra{i} Person{i}", f"Other Fandom {i % 50}", ""))
    return Canon(rows)


def _time(text: str, canon: Canon | None) -> tuple[float, float, int]:
    t0 = time.process_time()
    structure = parse(text)
    t1 = time.process_time()
    suggest(structure, canon)
    t2 = time.process_time()
    return t1 - t0, t2 - t1, len(structure.chapters)


def run_bench(target_bytes: int = 1_000_000, repeat: int = 3) -> dict[str, Any]:
    """CPU seconds (best of `repeat`, so other processes on the machine do not count) and
    peak Python memory (a separate run under tracemalloc, which slows code down)."""
    text = synthetic_text(target_bytes)
    canon = _canon()
    result: dict[str, Any] = {"bytes": len(text.encode()), "words": len(text.split())}
    for label, c in (("without_canon", None), ("with_canon", canon)):
        runs = [_time(text, c) for _ in range(repeat)]
        parse_s, suggest_s, chapters = min(runs, key=lambda r: r[0] + r[1])
        tracemalloc.start()
        suggest(parse(text), c)
        _cur, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        result[label] = {"parse_s": round(parse_s, 3), "suggest_s": round(suggest_s, 3),
                         "total_s": round(parse_s + suggest_s, 3),
                         "peak_mb": round(peak / 1048576, 1), "chapters": chapters}
    try:
        import resource
        result["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    except ImportError:  # not on Windows
        pass
    return result


if __name__ == "__main__":
    import json
    print(json.dumps(run_bench(), indent=2))
