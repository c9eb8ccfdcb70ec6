"""The mapping file: how an eFiction archive's ratings, categories and classes
become Quire tags. TOML or JSON with the same keys; the README shows an example.

    [ratings]        # eFiction rating name -> Quire rating
    [categories]     # category name, or "Parent > Child", -> fandom ("" leaves it out)
    [classtypes]     # class type name -> "warning", "category", "freeform" or "skip"
    [classes]        # class name -> tag name (a Quire archive warning for warning classes)
    [defaults]       # warning = used when a story has no warning class; language = "en"
"""

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from quire.tags.models import CATEGORIES, RATINGS, WARNINGS

CLASSTYPE_TARGETS = ("warning", "category", "freeform", "skip")


class MappingError(ValueError):
    """The mapping file cannot be used; the message names the entry."""


@dataclass
class Mapping:
    ratings: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    classtypes: dict[str, str] = field(default_factory=dict)
    classes: dict[str, str] = field(default_factory=dict)
    default_warning: str = "Choose Not To Use Archive Warnings"
    language: str = "en"

    @classmethod
    def load(cls, path: Path | str | None) -> "Mapping":
        if not path:
            return cls()
        path = Path(path)
        try:
            raw = path.read_bytes()
            data = json.loads(raw) if path.suffix.lower() == ".json" else tomllib.loads(raw.decode("utf-8"))
        except OSError as error:
            raise MappingError(f"Cannot read the mapping file {path}: {error.strerror}.") from error
        except (ValueError, tomllib.TOMLDecodeError) as error:
            raise MappingError(
                f"The mapping file {path} is not valid {path.suffix[1:].upper() or 'TOML'}: {error}"
            ) from error
        known = {"ratings", "categories", "classtypes", "classes", "defaults"}
        unknown = set(data) - known
        if unknown:
            raise MappingError(
                f"Unknown section(s) in {path}: {', '.join(sorted(unknown))}. Known: {', '.join(sorted(known))}."
            )
        defaults = data.get("defaults", {})
        mapping = cls(
            ratings={str(k): str(v) for k, v in data.get("ratings", {}).items()},
            categories={str(k): str(v) for k, v in data.get("categories", {}).items()},
            classtypes={str(k).lower(): str(v).lower() for k, v in data.get("classtypes", {}).items()},
            classes={str(k): str(v) for k, v in data.get("classes", {}).items()},
            default_warning=str(defaults.get("warning", cls.default_warning)),
            language=str(defaults.get("language", cls.language)),
        )
        mapping.check()
        return mapping

    def check(self) -> None:
        for name, rating in self.ratings.items():
            if rating not in RATINGS:
                raise MappingError(f"ratings: {name!r} maps to {rating!r}, which is not one of {', '.join(RATINGS)}.")
        for name, target in self.classtypes.items():
            if target not in CLASSTYPE_TARGETS:
                raise MappingError(
                    f"classtypes: {name!r} maps to {target!r}; use one of {', '.join(CLASSTYPE_TARGETS)}."
                )
        if self.default_warning and self.default_warning not in WARNINGS:
            raise MappingError(f"defaults: warning {self.default_warning!r} is not one of {', '.join(WARNINGS)}.")

    def classtype_target(self, classtype_name: str) -> str:
        """eFiction's own "warnings" class type becomes archive warnings unless mapped otherwise."""
        name = classtype_name.lower()
        if name in self.classtypes:
            return self.classtypes[name]
        return "warning" if name == "warnings" else "freeform"

    def class_tag(self, target: str, class_name: str) -> tuple[str, str] | None:
        """(tag type, tag name) for a class, or None when it has no mapping where one is needed."""
        mapped = self.classes.get(class_name)
        if target == "warning":
            return ("warning", mapped) if mapped in WARNINGS else None
        if target == "category":
            return ("category", mapped) if mapped in CATEGORIES else None
        if mapped == "":
            return ("skip", "")
        return ("freeform", mapped or class_name)
