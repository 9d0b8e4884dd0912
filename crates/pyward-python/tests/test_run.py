"""pyward.run and pyward.Program: output, reuse, streaming."""

import pyward
import pytest


def test_run_returns_printed_output():
    result = pyward.run("print('hello', 6 * 7)\nprint([1, 2.5, None])")
    assert result.stdout == "hello 42\n[1, 2.5, None]\n"
    assert result.stderr == ""


def test_run_captures_stderr():
    result = pyward.run("import sys\nsys.stderr.write('oops\\n')")
    assert result.stderr == "oops\n"


def test_program_compiles_once_and_runs_many_times():
    program = pyward.Program("total = sum(range(10))\nprint(total)")
    for _ in range(3):
        assert program.run().stdout == "45\n"


def test_runs_do_not_share_state():
    program = pyward.Program("try:\n    n += 1\nexcept NameError:\n    n = 0\nprint(n)")
    assert program.run().stdout == "0\n"
    assert program.run().stdout == "0\n"


def test_on_stdout_streams_each_write():
    seen = []
    result = pyward.run("for i in range(3):\n    print(i)", on_stdout=seen.append)
    assert "".join(seen) == "0\n1\n2\n"
    assert result.stdout == ""


def test_on_stdout_exception_is_reraised_after_the_run():
    def broken(text):
        raise ValueError("sink is full")

    with pytest.raises(ValueError, match="sink is full"):
        pyward.run("print('x')", on_stdout=broken)


def test_filename_appears_in_traceback():
    with pytest.raises(pyward.ExecutionError) as info:
        pyward.run("x = 1\nraise KeyError('k')", filename="agent.py")
    assert 'File "agent.py", line 2, in <module>' in info.value.traceback


def test_sandbox_cannot_import_host_modules():
    with pytest.raises(pyward.ExecutionError) as info:
        pyward.run("import os")
    assert info.value.type_name == "ModuleNotFoundError"
    assert info.value.message == "No module named 'os'"


def test_version_is_exposed():
    assert pyward.__version__.count(".") == 2
