"""The type stub python/alueverkko/_core.pyi covers the compiled module: every public name, every
public member of its classes, and for every function and method the same parameters as the runtime
(names, keyword-only or not, with or without a default: pybind11's docstring signatures, or
inspect.signature for the methods the pure-Python modules attach), fully annotated."""
import ast
import inspect
import re
from pathlib import Path

import pytest

import alueverkko  # noqa: F401  (attaches the pure-Python to_pandas methods to the compiled classes)
from alueverkko import _core

STUB = Path(__file__).resolve().parents[2] / "python" / "alueverkko" / "_core.pyi"
# Members every pybind11 enum has, which stubs spell as properties of the class.
ENUM_MEMBERS = {"name", "value"}


def split_top(text, sep=","):
    """`text` split at `sep` outside brackets and quotes."""
    parts, depth, current, quote = [], 0, "", None
    for ch in text:
        if quote:
            current += ch
            quote = None if ch == quote else quote
            continue
        if ch in "'\"":
            quote = ch
        elif ch in "[(<{":
            depth += 1
        elif ch in "])>}":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        parts.append(current.strip())
    return parts


def runtime_signatures(obj, name, method):
    """[(parameter, kind, has_default)] per overload, from pybind11's docstring or inspect.signature."""
    if inspect.isfunction(obj):  # pure-Python method attached to a compiled class
        params = list(inspect.signature(obj).parameters.values())[1 if method else 0:]
        kinds = {inspect.Parameter.KEYWORD_ONLY: "kw", inspect.Parameter.VAR_POSITIONAL: "*",
                 inspect.Parameter.VAR_KEYWORD: "**"}
        return [[(p.name, kinds.get(p.kind, "pos"), p.default is not inspect.Parameter.empty) for p in params]]
    signatures = []
    for line in (obj.__doc__ or "").splitlines():
        match = re.match(r"^(?:\d+\. )?" + re.escape(name) + r"\((.*)\) -> .*$", line)
        if not match:
            continue
        params, keyword_only = [], False
        for i, part in enumerate(split_top(match.group(1))):
            if part == "*":
                keyword_only = True
                continue
            pname = part.split(":")[0].split("=")[0].strip()
            if method and i == 0:  # self (pybind11 says arg0 for lambdas)
                continue
            if pname.startswith("**"):
                params.append((pname[2:], "**", False))
            elif pname.startswith("*"):
                params.append((pname[1:], "*", False))
            else:
                params.append((pname, "kw" if keyword_only else "pos", "=" in part))
        signatures.append(params)
    return signatures


def stub_signature(node: ast.FunctionDef, method: bool):
    a = node.args
    positional = a.posonlyargs + a.args
    if method and not any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list):
        positional = positional[1:]
    first_default = len(positional) - len(a.defaults)
    out = [(p.arg, "pos", i >= first_default) for i, p in enumerate(positional)]
    if a.vararg:
        out.append((a.vararg.arg, "*", False))
    out += [(p.arg, "kw", d is not None) for p, d in zip(a.kwonlyargs, a.kw_defaults)]
    if a.kwarg:
        out.append((a.kwarg.arg, "**", False))
    return out


def collect(body):
    """name → list of FunctionDef (overloads) or the annotated/assigned name."""
    names = {}
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.setdefault(node.name, []).append(node)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.setdefault(node.target.id, []).append(node)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names.setdefault(target.id, []).append(node)
    return names


@pytest.fixture(scope="module")
def stub():
    return collect(ast.parse(STUB.read_text(encoding="utf-8"), filename=str(STUB)).body)


def public_module_names():
    return sorted(n for n in dir(_core) if not n.startswith("_") or n == "__version__")


def public_members(cls):
    members = {n for n in vars(cls) if not n.startswith("_")}
    if "__init__" in vars(cls) and runtime_signatures(vars(cls)["__init__"], "__init__", True):
        members.add("__init__")  # constructible from Python
    return sorted(members)


def test_stub_is_shipped_beside_the_module():
    assert STUB.is_file()
    built = Path(_core.__file__).with_name("_core.pyi")
    assert built.is_file(), "python/CMakeLists.txt should copy alueverkko/*.pyi into the package"
    assert built.read_text(encoding="utf-8") == STUB.read_text(encoding="utf-8"), "rebuild: the stub changed"
    assert Path(_core.__file__).with_name("py.typed").is_file()


def test_every_public_name_is_in_the_stub(stub):
    missing = [n for n in public_module_names() if n not in stub]
    assert not missing, f"add to _core.pyi: {missing}"
    stale = [n for n, nodes in stub.items() if not n.startswith("_") and not hasattr(_core, n)
             and not isinstance(nodes[0], (ast.Assign,))]
    assert not stale, f"in _core.pyi but not in alueverkko._core: {stale}"


def test_every_class_member_is_in_the_stub(stub):
    classes = [n for n in public_module_names() if inspect.isclass(getattr(_core, n))]
    assert len(classes) >= 20
    missing = []
    for name in classes:
        node = stub[name][0]
        assert isinstance(node, ast.ClassDef), f"{name} must be a class in the stub"
        members = collect(node.body)
        missing += [f"{name}.{m}" for m in public_members(getattr(_core, name)) if m not in members]
        stale = [m for m in members if not m.startswith("_") and not hasattr(getattr(_core, name), m)]
        assert not stale, f"{name} has no {stale} at runtime"
    assert not missing, f"add to _core.pyi: {missing}"


def function_cases():
    cases = []
    for name in public_module_names():
        obj = getattr(_core, name)
        if inspect.isclass(obj):
            for member in public_members(obj):
                value = inspect.getattr_static(obj, member)
                if isinstance(value, staticmethod):
                    cases.append((f"{name}.{member}", value.__func__, member, False, (name, member)))
                elif callable(value) and not isinstance(value, (property, obj)):
                    cases.append((f"{name}.{member}", value, member, True, (name, member)))
        elif callable(obj):
            cases.append((name, obj, name, False, (name,)))
    return cases


CASES = function_cases()


def test_there_are_functions_to_compare():
    assert len(CASES) >= 120


@pytest.mark.parametrize("qualified, obj, name, method, path", CASES, ids=[c[0] for c in CASES])
def test_signature_matches_runtime(stub, qualified, obj, name, method, path):
    nodes = stub[path[0]]
    if len(path) == 2:
        nodes = collect(nodes[0].body)[path[1]]
    defs = [n for n in nodes if isinstance(n, ast.FunctionDef)]
    assert defs, f"{qualified} is not a def in the stub"
    runtime = runtime_signatures(obj, name, method)
    assert runtime, f"no signature found for {qualified} at runtime"
    assert [stub_signature(d, method) for d in defs] == runtime
    for d in defs:  # fully annotated: every parameter but self, and the return type
        params = d.args.posonlyargs + d.args.args + d.args.kwonlyargs
        unannotated = [p.arg for p in params if p.annotation is None and p.arg != "self"]
        assert not unannotated and d.returns is not None, f"{qualified}: annotate {unannotated or 'the return'}"


def test_properties_are_annotated(stub):
    checked = 0
    for name in public_module_names():
        cls = getattr(_core, name)
        if not inspect.isclass(cls):
            continue
        members = collect(stub[name][0].body)
        for member in public_members(cls):
            value = inspect.getattr_static(cls, member)
            if isinstance(value, property) or isinstance(value, cls):
                node = members[member][0]
                if isinstance(node, ast.FunctionDef):
                    assert any(isinstance(d, ast.Name) and d.id == "property" for d in node.decorator_list), member
                    assert node.returns is not None, f"{name}.{member}"
                else:
                    assert isinstance(node, ast.AnnAssign), f"{name}.{member}"
                checked += 1
    assert checked >= 60
