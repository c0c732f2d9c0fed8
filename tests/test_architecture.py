"""The apps depend on each other only as docs/architecture.md allows."""

import ast
import re
from pathlib import Path

import pytest
from django.template import engines

ROOT = Path(__file__).resolve().parent.parent

# Shared pieces that know no app: any app may use them (edge: the caches in front, the
# content version and the fragments kept in each process; worker: the background worker and
# the mail its tasks send once).
INFRASTRUCTURE = {"ops", "uploads", "plaintext", "edge", "worker"}

# Which of the project's packages each one may use: import in Python, and load, include,
# extend or link to with {% url %} in its templates (templates/<package>/). The arrows
# point one way: authors ← blog ← comments, readers; demo above them all; config wires
# everything together. A new package gets a row here.
ALLOWED = {
    "plaintext": set(),
    "uploads": set(),
    "ops": set(),
    "edge": set(),
    "worker": set(),
    "authors": {"uploads"},
    "blog": {"authors", *INFRASTRUCTURE},
    "comments": {"blog", "authors", *INFRASTRUCTURE},
    "readers": {"blog", "authors", *INFRASTRUCTURE},
    "demo": {"authors", "blog", "comments", "readers", *INFRASTRUCTURE},
    "moving": {"authors", "blog", "comments", *INFRASTRUCTURE},
    "newsroom": {"authors", "blog", "comments", *INFRASTRUCTURE},
    "config": {
        "authors",
        "blog",
        "comments",
        "readers",
        "demo",
        "moving",
        "newsroom",
        *INFRASTRUCTURE,
    },  # fmt: skip
}
# Top-level packages that are no part of the site.
OUTSIDE = {"tests", "bench"}

TEMPLATE_USES = re.compile(
    r"""\{%\s*(?:include|extends)\s+["'](?P<template>[^"'/]+)/"""
    r"""|\{%\s*url\s+["'](?P<namespace>\w+):"""
    r"""|\{%\s*load\s+(?P<libraries>[\w\s.]+?)\s*%\}"""
)


def python_uses(path):
    """Yield the top-level packages a module imports, or asks apps.get_model for."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.partition(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.partition(".")[0]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get_model"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            yield str(node.args[0].value).partition(".")[0]


def library_packages():
    """Map each template tag library's name to the package that provides it."""
    libraries = engines["django"].engine.libraries
    return {name: module.partition(".")[0] for name, module in libraries.items()}


def template_uses(path, libraries):
    """Yield the packages a template includes, extends, loads tags from or links into."""
    for match in TEMPLATE_USES.finditer(path.read_text(encoding="utf-8")):
        if match["template"]:
            yield match["template"]
        elif match["namespace"]:
            yield match["namespace"]
        else:
            for name in match["libraries"].split():
                yield libraries.get(name, name)


def uses_against_the_rules():
    """Return "path: package" for every use of a project package its rules do not allow."""
    libraries = library_packages()
    wrong = []
    for package, allowed in ALLOWED.items():
        sources = [
            *((path, python_uses(path)) for path in (ROOT / package).rglob("*.py")),
            *(
                (path, template_uses(path, libraries))
                for path in (ROOT / "templates" / package).rglob("*")
                if path.is_file()
            ),
        ]
        for path, used in sources:
            for other in sorted(set(used) & set(ALLOWED) - allowed - {package}):
                wrong.append(f"{path.relative_to(ROOT)}: {other}")
    return wrong


def test_every_package_of_the_site_has_rules():
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")}
    assert packages - OUTSIDE == set(ALLOWED)


def test_no_package_uses_another_against_the_rules():
    assert uses_against_the_rules() == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from comments.models import Comment", ["comments"]),
        ("import readers.forms", ["readers"]),
        ("from . import models", []),
        ("apps.get_model('comments', 'Comment')", ["comments"]),
    ],
)
def test_the_import_scan_sees_imports_and_model_lookups(tmp_path, source, expected):
    module = tmp_path / "module.py"
    module.write_text(source)
    assert list(python_uses(module)) == expected


def test_the_template_scan_sees_includes_tags_and_addresses(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '{% extends "base.html" %}{% load static comments %}'
        '{% include "readers/includes/save_button.html" %}'
        "<a href=\"{% url 'readers:my' %}\">MY</a>"
    )
    assert sorted(set(template_uses(page, library_packages()))) == ["comments", "django", "readers"]
