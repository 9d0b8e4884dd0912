"""Host tools: Python functions the sandbox calls, and exceptions both ways."""

import threading

import pyward
import pytest


def search(query: str, limit: int = 10, *, site: str | None = None) -> dict:
    """Search for things."""
    return {"q": query, "limit": limit, "site": site}


class QuotaExceeded(Exception):
    pass


def test_tool_result_comes_back_into_the_sandbox():
    result = pyward.run("r = search('cats', 2)\nprint(r['q'])\nr['limit'] * 10", functions=[search])
    assert result.value == 20
    assert result.stdout == "cats\n"


def test_arguments_bind_by_the_tools_signature():
    assert pyward.run("search('x')", functions=[search]).value == {"q": "x", "limit": 10, "site": None}
    out = pyward.run("search(limit=3, query='y', site='z')", functions=[search]).value
    assert out == {"q": "y", "limit": 3, "site": "z"}
    code = "try:\n    search()\nexcept TypeError as e:\n    print(e)"
    assert pyward.run(code, functions=[search]).stdout == (
        "search() missing 1 required positional argument: 'query'\n"
    )


def test_tool_docstring_is_visible_in_the_sandbox():
    assert pyward.run("search.__doc__", functions=[search]).value == "Search for things."


def test_tools_by_dict_name_and_module():
    calls = []
    functions = {"find": lambda q: calls.append(q) or len(q), "tools.web.fetch": lambda url: url.upper()}
    code = "from tools.web import fetch\n(find('abc'), fetch('u'))"
    assert pyward.run(code, functions=functions).value == (3, "U")
    assert calls == ["abc"]


def test_tool_exception_is_catchable_with_same_type_and_message():
    def lookup(key):
        raise ValueError(f"unknown key {key!r}")

    code = "try:\n    lookup('k')\nexcept ValueError as e:\n    print(type(e).__name__, e)"
    assert pyward.run(code, functions=[lookup]).stdout == "ValueError unknown key 'k'\n"


def test_key_error_message_reads_as_on_the_host():
    def get(key):
        raise KeyError(key)

    code = "try:\n    get('k')\nexcept KeyError as e:\n    print(repr(e), str(e))"
    assert pyward.run(code, functions=[get]).stdout == "KeyError('k') 'k'\n"


def test_custom_tool_exception_keeps_its_name():
    def spend():
        raise QuotaExceeded("too many calls")

    code = "try:\n    spend()\nexcept RuntimeError as e:\n    print(type(e).__name__, e)"
    assert pyward.run(code, functions=[spend]).stdout == "QuotaExceeded too many calls\n"


def test_uncaught_tool_exception_shows_no_host_frames():
    def spend():
        secret = "host-only"  # noqa: F841
        raise QuotaExceeded("too many calls")

    with pytest.raises(pyward.ExecutionError) as info:
        pyward.run("x = 1\nspend()", functions=[spend])
    err = info.value
    assert (err.type_name, err.message) == ("QuotaExceeded", "too many calls")
    assert err.traceback == (
        "Traceback (most recent call last):\n"
        '  File "<string>", line 2, in <module>\n'
        "    spend()\n"
        "QuotaExceeded: too many calls\n"
    )
    assert err.__cause__ is None and err.__context__ is None


def test_unconvertible_tool_result_is_a_type_error_in_the_sandbox():
    def bad():
        return {"ok": [1, object()]}

    code = "try:\n    bad()\nexcept TypeError as e:\n    print(e)"
    out = pyward.run(code, functions=[bad]).stdout
    assert out == "bad() return value['ok'][1]: cannot convert 'object'\n"


def test_keyboard_interrupt_in_a_tool_reaches_the_host():
    def stop():
        raise KeyboardInterrupt

    code = "try:\n    stop()\nexcept BaseException:\n    pass\nprint('ran on')"
    with pytest.raises(KeyboardInterrupt):
        pyward.run(code, functions=[stop])


def test_tool_with_non_literal_default_receives_arguments_as_given():
    marker = object()

    def f(a, b=marker):
        return b is marker

    assert pyward.run("f(1)", functions=[f]).value is True
    assert pyward.run("f(1, 2)", functions=[f]).value is False


def test_async_tool_in_a_sync_run_is_refused_in_the_sandbox():
    async def fetch(url):
        return url

    with pytest.raises(pyward.ExecutionError) as info:
        pyward.run("import asyncio\nasyncio.run(fetch('u'))", functions=[fetch])
    assert info.value.type_name == "RuntimeError"
    assert "run_async" in info.value.message


def test_bad_function_declarations():
    with pytest.raises(TypeError, match="is not callable"):
        pyward.run("1", functions={"f": 3})
    with pytest.raises(TypeError, match="names alone are for start"):
        pyward.run("1", functions=["f"])
    with pytest.raises(pyward.UsageError):
        pyward.run("1", functions={"print": print})


def test_tools_from_many_threads():
    program = pyward.Program("total = 0\nfor i in range(50):\n    total += double(i)\ntotal")
    lock = threading.Lock()
    seen = []

    def double(x):
        with lock:
            seen.append(x)
        return 2 * x

    results = []

    def work():
        results.append(program.run(functions=[double]).value)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [2450] * 4
    assert len(seen) == 200
