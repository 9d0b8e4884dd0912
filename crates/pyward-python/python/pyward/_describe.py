"""Python stubs of host tools, for the sandbox's argument checks and for an LLM's prompt.

``describe(functions)`` renders each tool as ``def name(signature) -> ret:`` plus its
docstring, so a model sees exactly what the sandbox will accept (defaults that are not
literals render as ``...``). ``declaration(fn)`` gives what the native module declares in the
sandbox: the parameter list the sandbox binds arguments against, the docstring, async or not.
"""

from __future__ import annotations

import ast
import functools
import inspect
from collections.abc import Callable, Iterable, Mapping
from typing import Any

Functions = Mapping[str, Callable[..., Any] | None] | Iterable[Callable[..., Any] | str]


def named_functions(functions: Functions | None) -> dict[str, Callable[..., Any] | None]:
    """Normalise ``{name: fn}`` or ``[fn, ...]`` to a name -> callable dict (a bare name in
    the list maps to None: declared for pause mode, with no implementation)."""
    if functions is None:
        return {}
    if isinstance(functions, Mapping):
        items = dict(functions)
    else:
        items = {}
        for fn in functions:
            if isinstance(fn, str):  # declared by name only (pause mode)
                items[fn] = None
                continue
            name = getattr(fn, "__name__", None)
            if not isinstance(name, str):
                raise TypeError(f"functions: cannot tell the name of {fn!r}: pass a dict")
            items[name] = fn
    for name, fn in items.items():
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f"functions: {name!r} is not a valid function name")
        if fn is not None and not callable(fn):
            raise TypeError(f"functions[{name!r}]: {type(fn).__name__!r} object is not callable")
    return items


def _signature(fn: Callable[..., Any]) -> inspect.Signature | None:
    try:
        return inspect.signature(fn, eval_str=True)
    except (NameError, TypeError, SyntaxError):
        pass
    try:
        return inspect.signature(fn)
    except (TypeError, ValueError):
        return None


def _annotation(annotation: Any) -> str:
    if isinstance(annotation, str):
        return annotation
    text = inspect.formatannotation(annotation)
    return text.replace("typing.", "")


def _default(value: Any) -> str:
    text = repr(value)
    try:
        ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return "..."
    return text


def _parameters(sig: inspect.Signature) -> str:
    parts = []
    for param in sig.parameters.values():
        text = param.name
        if param.kind is param.VAR_POSITIONAL:
            text = "*" + text
        elif param.kind is param.VAR_KEYWORD:
            text = "**" + text
        if param.annotation is not param.empty:
            text += ": " + _annotation(param.annotation)
        if param.default is not param.empty:
            sep = " = " if param.annotation is not param.empty else "="
            text += sep + _default(param.default)
        parts.append((param.kind, text))
    out = []
    seen_star = False
    for i, (kind, text) in enumerate(parts):
        if kind is inspect.Parameter.KEYWORD_ONLY and not seen_star:
            out.append("*")
            seen_star = True
        if kind is inspect.Parameter.VAR_POSITIONAL:
            seen_star = True
        out.append(text)
        nxt = parts[i + 1][0] if i + 1 < len(parts) else None
        if kind is inspect.Parameter.POSITIONAL_ONLY and nxt is not inspect.Parameter.POSITIONAL_ONLY:
            out.append("/")
    return ", ".join(out)


def _sandbox_signature(sig: inspect.Signature) -> str | None:
    """The parameter list the sandbox binds arguments against: names, kinds and literal
    defaults, without annotations (they are for people and models, and need not parse)."""
    plain = []
    for param in sig.parameters.values():
        default = param.default
        if default is not param.empty and _default(default) == "...":
            return None
        plain.append(param.replace(annotation=param.empty))
    return f"({_parameters(sig.replace(parameters=plain, return_annotation=sig.empty))})"


def _is_async(fn: Callable[..., Any]) -> bool:
    call = getattr(fn, "__call__", None)
    return inspect.iscoroutinefunction(fn) or inspect.iscoroutinefunction(call)


def _declare(fn: Callable[..., Any]) -> tuple[str | None, str | None, bool]:
    sig = _signature(fn)
    signature = None if sig is None else _sandbox_signature(sig)
    doc = fn.__doc__ if isinstance(getattr(fn, "__doc__", None), str) else None
    return signature, doc and inspect.cleandoc(doc), _is_async(fn)


_declare_cached = functools.lru_cache(maxsize=1024)(_declare)


def declaration(fn: Callable[..., Any]) -> tuple[str | None, str | None, bool]:
    """How the sandbox declares ``fn``: (signature text or None, docstring, is async).

    A signature with a default that is not a literal is left out: the sandbox would have to
    evaluate it, so arguments then pass through as given and Python binds them on the host.
    """
    try:
        return _declare_cached(fn)
    except TypeError:  # an unhashable callable
        return _declare(fn)


def _stub(name: str, fn: Callable[..., Any]) -> str:
    sig = _signature(fn)
    params = "*args, **kwargs" if sig is None else _parameters(sig)
    ret = ""
    if sig is not None and sig.return_annotation is not sig.empty:
        ret = " -> " + _annotation(sig.return_annotation)
    prefix = "async def" if _is_async(fn) else "def"
    lines = [f"{prefix} {name}({params}){ret}:"]
    doc = inspect.getdoc(fn)
    if doc:
        doc = doc.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
        body = doc.splitlines()
        if len(body) == 1:
            lines.append(f'    """{body[0]}"""')
        else:
            lines.append(f'    """{body[0]}')
            lines.extend(f"    {line}" if line else "" for line in body[1:])
            lines.append('    """')
    lines.append("    ...")
    return "\n".join(lines)


def describe(functions: Functions) -> str:
    """Render the given tools as Python stubs (signature and docstring), one after another.

    ``functions`` is ``{name: callable}`` (the name the sandbox sees) or a list of callables.
    The text is meant for an LLM's prompt: it says what each tool takes and returns.
    """
    stubs = [_stub(name, fn) for name, fn in named_functions(functions).items() if fn is not None]
    return "\n\n".join(stubs) + "\n"
