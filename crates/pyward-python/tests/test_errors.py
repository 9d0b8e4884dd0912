"""The exception hierarchy: one base class, compile errors, sandbox exceptions, limits."""

import pickle

import pyward
import pytest


def test_every_error_derives_from_pyward_error():
    for cls in (
        pyward.CompileError,
        pyward.ExecutionError,
        pyward.LimitError,
        pyward.TimeLimitError,
        pyward.FuelLimitError,
        pyward.MemoryLimitError,
        pyward.AllocationLimitError,
        pyward.OutputLimitError,
        pyward.InternalError,
    ):
        assert issubclass(cls, pyward.Error)
    assert issubclass(pyward.TimeLimitError, TimeoutError)
    assert issubclass(pyward.MemoryLimitError, MemoryError)


def test_syntax_error_carries_line_and_column():
    with pytest.raises(pyward.CompileError) as info:
        pyward.run("x = 1\ny = 2 +* 3\n")
    err = info.value
    assert err.type_name == "SyntaxError"
    assert err.message == "invalid syntax"
    assert err.line == 2
    assert err.column == 8
    assert str(err) == "SyntaxError: invalid syntax (line 2, column 8)"


def test_indentation_error_type_name():
    with pytest.raises(pyward.CompileError) as info:
        pyward.Program("if True:\nprint(1)\n")
    assert info.value.type_name == "IndentationError"
    assert info.value.line == 2


def test_uncaught_exception_carries_type_message_and_traceback():
    code = "def f(d):\n    return d['missing']\nprint('before')\nf({})\n"
    with pytest.raises(pyward.ExecutionError) as info:
        pyward.run(code)
    err = info.value
    assert err.type_name == "KeyError"
    assert err.message == "'missing'"
    assert str(err) == "KeyError: 'missing'"
    assert err.traceback == (
        "Traceback (most recent call last):\n"
        '  File "<string>", line 4, in <module>\n'
        "    f({})\n"
        '  File "<string>", line 2, in f\n'
        "    return d['missing']\n"
        "           ~^^^^^^^^^^^\n"
        "KeyError: 'missing'\n"
    )
    assert err.stdout == "before\n"


def test_exception_without_message():
    with pytest.raises(pyward.ExecutionError) as info:
        pyward.run("raise StopIteration")
    assert str(info.value) == "StopIteration"
    assert info.value.message == ""


def test_user_defined_exception_type_name():
    with pytest.raises(pyward.ExecutionError) as info:
        pyward.run("class QuotaExceeded(Exception):\n    pass\nraise QuotaExceeded('too many')")
    assert (info.value.type_name, info.value.message) == ("QuotaExceeded", "too many")


def test_duration_limit_is_a_timeout_error():
    limits = pyward.Limits(duration=0.2)
    with pytest.raises(TimeoutError) as info:
        pyward.run("print('start')\nwhile True:\n    pass", limits=limits)
    err = info.value
    assert type(err) is pyward.TimeLimitError
    assert err.limit == "duration"
    assert err.stdout == "start\n"


def test_fuel_limit():
    with pytest.raises(pyward.FuelLimitError) as info:
        pyward.run("for i in range(10**6):\n    pass", limits=pyward.Limits(fuel=1000))
    assert info.value.limit == "fuel"
    assert isinstance(info.value, pyward.TimeLimitError)


def test_memory_limit_is_a_memory_error():
    with pytest.raises(MemoryError) as info:
        pyward.run("x = 'a' * (100 * 1024 * 1024)", limits=pyward.Limits(memory="16MB"))
    assert type(info.value) is pyward.MemoryLimitError
    assert info.value.limit == "memory"


def test_memory_limit_cannot_be_caught_inside_the_sandbox():
    code = "try:\n    x = [0] * (10**8)\nexcept MemoryError:\n    print('swallowed')\n"
    with pytest.raises(pyward.MemoryLimitError) as info:
        pyward.run(code, limits=pyward.Limits(memory="8MB"))
    assert info.value.stdout == ""


def test_allocation_limit():
    code = "xs = []\nfor i in range(100000):\n    xs.append([i])"
    with pytest.raises(pyward.AllocationLimitError) as info:
        pyward.run(code, limits=pyward.Limits(allocations=1000))
    assert info.value.limit == "allocations"


def test_output_limit():
    with pytest.raises(pyward.OutputLimitError) as info:
        pyward.run("while True:\n    print('x' * 100)", limits=pyward.Limits(output="1KB"))
    assert info.value.limit == "output"
    assert len(info.value.stdout) <= 1024


def test_recursion_is_an_ordinary_catchable_exception():
    code = (
        "def f(n):\n    return f(n + 1)\n"
        "try:\n    f(0)\nexcept RecursionError as e:\n    print(type(e).__name__)\n"
    )
    assert pyward.run(code, limits=pyward.Limits(recursion=50)).stdout == "RecursionError\n"
    with pytest.raises(pyward.ExecutionError) as info:
        pyward.run("def f():\n    f()\nf()", limits=pyward.Limits(recursion=50))
    assert info.value.type_name == "RecursionError"


def test_errors_pickle_with_their_fields():
    with pytest.raises(pyward.ExecutionError) as info:
        pyward.run("print('out')\n1 / 0")
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is pyward.ExecutionError
    assert (copy.type_name, copy.message, copy.stdout) == ("ZeroDivisionError", "division by zero", "out\n")
    assert copy.traceback == info.value.traceback
    assert str(copy) == str(info.value)
