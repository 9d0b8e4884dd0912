"""Python stubs of host tools, for the sandbox's argument checks and for an LLM's prompt.

``describe(functions)`` renders each tool as ``def name(signature) -> ret:`` plus its
docstring, so a model sees exactly what the sandbox will accept. ``signature_text`` gives the
parenthesised parameter list alone (what pyward's Rust API takes as a host function's
signature); defaults that are not literals render as ``...``.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable, Iterable, Mapping
from typing import Any

Functions = Mapping[str, Callable[..., Any]] | Iterable[Callable[..., Any]]


def named_functions(functions: Functions | None) -> dict[str, Callable[..., Any]]:
    """Normalise ``{name: fn}`` or ``[fn, ...]`` to a name -> callable dict."""
    if functions is None:
        return {}
    if isinstance(functions, Mapping):
        items = dict(functions)
    else:
        items = {}
        for fn in functions:
            name = getattr(fn, "__name__", None)
            if not isinstance(name, str):
                raise TypeError(f"functions: cannot tell the name of {fn!r}: pass a dict")
            items[name] = fn
    for name, fn in items.items():
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f"functions: {name!r} is not a valid function name")
        if not callable(fn):
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


def signature_text(fn: Callable[..., Any]) -> str | None:
    """``(a: int, b: str = 'x')`` for ``fn``, or None when Python cannot tell its signature."""
    sig = _signature(fn)
    if sig is None:
        return None
    return f"({_parameters(sig)})"


def _stub(name: str, fn: Callable[..., Any]) -> str:
    sig = _signature(fn)
    params = "*args, **kwargs" if sig is None else _parameters(sig)
    ret = ""
    if sig is not None and sig.return_annotation is not sig.empty:
        ret = " -> " + _annotation(sig.return_annotation)
    prefix = "async def" if inspect.iscoroutinefunction(fn) else "def"
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
    return "\n\n".join(_stub(name, fn) for name, fn in named_functions(functions).items()) + "\n"
