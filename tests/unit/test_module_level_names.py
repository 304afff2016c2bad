"""No module of the service binds one top-level name twice. A second `_SENTENCE_END = …` further down a module
silently replaces the first for every function that reads it at call time; the linter does not see a rebound
constant, and in session 22 such a shadowed pattern made the reader write a wrong amount in a replayed corpus."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
# Decorators that bind a name again on purpose (typing overloads, property setters, singledispatch registrations).
REBINDING_DECORATORS = {"overload", "setter", "register"}


def top_level_names(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            decorators = {d.id if isinstance(d, ast.Name) else d.attr if isinstance(d, ast.Attribute) else ""
                          for d in node.decorator_list}
            if not decorators & REBINDING_DECORATORS:
                names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [target.id for target in node.targets if isinstance(target, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names.append(node.target.id)
    return names


def twice_bound(source: str) -> list[str]:
    return sorted(name for name, count in Counter(top_level_names(ast.parse(source))).items() if count > 1)


def test_the_check_finds_a_rebound_pattern_and_passes_a_clean_module() -> None:
    shadowed = 'import re\n_END = re.compile(r"[.;]$")\n\ndef f(): ...\n\n_END = re.compile(r"[.!?]")\n'
    assert twice_bound(shadowed) == ["_END"]
    assert twice_bound('import re\n_END = re.compile(r"[.;]$")\n_BETWEEN = re.compile(r"[.!?]")\n') == []


def test_no_module_of_the_service_binds_a_top_level_name_twice() -> None:
    found = {str(path.relative_to(APP)): names for path in sorted(APP.rglob("*.py"))
             if (names := twice_bound(path.read_text(encoding="utf-8")))}
    assert found == {}
