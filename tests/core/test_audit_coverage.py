"""Every writing service records an audit event inside its own transaction.

The test reads every `services.py` of `twinschools/` with `ast` (nothing is imported or run) and
asks of each public module-level function: does it write, does it audit, is it atomic? A
function writes when it calls a model write (`save`, `create`, `delete`, a relation's `add` ...)
or calls a function that writes: one of its own module, followed transitively, or a public
service of another app. It audits when it calls `audit.record` itself, through a helper of its
module, or through another app's service that audits. It is atomic when it is decorated with
`transaction.atomic`, opens `with transaction.atomic()`, or leaves every write to helpers that are.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "twinschools"

MODEL_WRITES = {
    "save",
    "create",
    "update",
    "delete",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}
# Written through a related manager (`school.members.add(...)`), never on a bare local name,
# which would be a Python set or dict.
RELATION_WRITES = {"set", "add", "remove", "clear"}

# Services that write without an audit event, on purpose. Keep this short: each entry says why.
NOT_AUDITED = {
    # The home page's "new since your last visit" bookkeeping: an event per page view would
    # drown the trail, and nobody is accountable for opening a page.
    "accounts.services:note_home_visit",
    # Derived columns (an event's first start, last end) recomputed from its sessions; the
    # services that change sessions record that change.
    "events.services:refresh_span",
    # An erasure step: its callers record the erasure (events.registrant.erased,
    # accounts.person.erased); an event per event here would tie the erased person to them again.
    "events.services:forget_registrations",
    # E-mail queue internals: which notices go out at once and which wait for a digest. The
    # notifications themselves are audited when sent (notifications.notification.sent).
    "notifications.services:route_emails",
    "notifications.services:send_digests",
}


@dataclass
class Function:
    module: str
    name: str
    node: ast.FunctionDef
    writes: bool = False
    audits: bool = False
    atomic: bool = False
    local_calls: set[str] = field(default_factory=set)
    foreign_calls: set[tuple[str, str]] = field(default_factory=set)

    @property
    def key(self) -> str:
        return f"{self.module}:{self.name}"


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(SOURCE).with_suffix("").parts)


def _service_imports(tree: ast.Module) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Names bound to other services modules, and names imported from them."""
    modules: dict[str, str] = {}
    functions: dict[str, tuple[str, str]] = {}
    for node in tree.body:
        source = node.module or "" if isinstance(node, ast.ImportFrom) else ""
        if not isinstance(node, ast.ImportFrom) or not source.startswith("twinschools."):
            continue
        package = source.removeprefix("twinschools.")
        for alias in node.names:
            bound = alias.asname or alias.name
            if alias.name == "services":
                modules[bound] = f"{package}.services"
            elif package.endswith("services"):
                functions[bound] = (package, alias.name)
    return modules, functions


def _is_atomic(node: ast.expr) -> bool:
    target = node.func if isinstance(node, ast.Call) else node
    return isinstance(target, ast.Attribute) and target.attr == "atomic"


def _read_function(
    module: str,
    node: ast.FunctionDef,
    imports: tuple[dict[str, str], dict[str, tuple[str, str]]],
    local: set[str],
) -> Function:
    modules, imported = imports
    function = Function(module, node.name, node)
    function.atomic = any(_is_atomic(decorator) for decorator in node.decorator_list)
    for inner in ast.walk(node):
        if isinstance(inner, ast.With) and any(_is_atomic(item.context_expr) for item in inner.items):
            function.atomic = True
        if not isinstance(inner, ast.Call):
            continue
        callee = inner.func
        if isinstance(callee, ast.Name):
            if callee.id in local:
                function.local_calls.add(callee.id)
            elif callee.id in imported:
                function.foreign_calls.add(imported[callee.id])
        elif isinstance(callee, ast.Attribute):
            receiver = callee.value
            if isinstance(receiver, ast.Name) and receiver.id == "audit" and callee.attr == "record":
                function.audits = True
            elif isinstance(receiver, ast.Name) and receiver.id in modules:
                function.foreign_calls.add((modules[receiver.id], callee.attr))
            elif callee.attr in MODEL_WRITES or (
                callee.attr in RELATION_WRITES and isinstance(receiver, ast.Attribute)
            ):
                function.writes = True
    return function


def _read_services() -> dict[str, Function]:
    functions: dict[str, Function] = {}
    for path in sorted(SOURCE.rglob("services.py")):
        module = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
        local = {node.name for node in defined}
        imports = _service_imports(tree)
        for node in defined:
            function = _read_function(module, node, imports, local)
            functions[function.key] = function
    return functions


def _close_over_calls(functions: dict[str, Function]) -> None:
    """Spread `writes` and `audits` from callee to caller until nothing changes."""
    changed = True
    while changed:
        changed = False
        for function in functions.values():
            callees = [functions.get(f"{function.module}:{name}") for name in function.local_calls]
            callees += [functions.get(f"{module}:{name}") for module, name in function.foreign_calls]
            for callee in filter(None, callees):
                for flag in ("writes", "audits"):
                    if getattr(callee, flag) and not getattr(function, flag):
                        setattr(function, flag, True)
                        changed = True


def _writes_directly(function: Function) -> bool:
    return any(
        isinstance(inner, ast.Call)
        and isinstance(inner.func, ast.Attribute)
        and (
            inner.func.attr in MODEL_WRITES
            or (inner.func.attr in RELATION_WRITES and isinstance(inner.func.value, ast.Attribute))
        )
        and not (isinstance(inner.func.value, ast.Name) and inner.func.value.id in {"audit"})
        for inner in ast.walk(function.node)
    )


def _atomic(function: Function, functions: dict[str, Function], seen: frozenset[str] = frozenset()) -> bool:
    """Atomic itself, or writing only through helpers of its module that are atomic."""
    if function.atomic:
        return True
    if _writes_directly(function) or function.key in seen:
        return False
    helpers = [functions[f"{function.module}:{name}"] for name in function.local_calls]
    return all(_atomic(helper, functions, seen | {function.key}) for helper in helpers if helper.writes)


def _public_writers() -> list[Function]:
    functions = _read_services()
    _close_over_calls(functions)
    return [f for f in functions.values() if f.writes and not f.name.startswith("_")]


def test_the_reader_finds_the_writing_services() -> None:
    keys = {function.key for function in _public_writers()}
    assert len(keys) > 80
    assert "accounts.services:invite_staff" in keys


def test_every_writing_service_records_an_audit_event() -> None:
    silent = sorted(
        function.key
        for function in _public_writers()
        if not function.audits and function.key not in NOT_AUDITED
    )
    assert not silent, "services that write without audit.record:\n" + "\n".join(silent)


def test_every_writing_service_runs_in_a_transaction() -> None:
    functions = _read_services()
    _close_over_calls(functions)
    loose = sorted(
        function.key
        for function in functions.values()
        if function.writes and not function.name.startswith("_") and not _atomic(function, functions)
    )
    assert not loose, "services that write outside transaction.atomic:\n" + "\n".join(loose)


def test_the_allow_list_names_only_services_that_exist_and_write() -> None:
    keys = {function.key for function in _public_writers()}
    assert sorted(NOT_AUDITED - keys) == []
