"""Pause mode: Program.start returns a Result or a Paused host call; resume answers it."""

import pyward
import pytest

CODE = "name = ask('name?')\nprint('got', name)\nf'hi {name}'"


def test_start_pauses_at_a_host_call_and_resumes_with_a_value():
    step = pyward.Program(CODE).start(functions=["ask"])
    assert isinstance(step, pyward.Paused)
    assert (step.name, step.args, step.kwargs) == ("ask", ("name?",), {})
    (call,) = step.calls
    assert (call.id, call.name, call.args) == (step.id, "ask", ("name?",))
    done = step.resume("Ada")
    assert isinstance(done, pyward.Result)
    assert done.value == "hi Ada"
    assert done.stdout == "got Ada\n"


def test_start_without_host_calls_finishes():
    done = pyward.Program("1 + 1").start()
    assert isinstance(done, pyward.Result) and done.value == 2


def test_resume_with_an_error_raises_at_the_call_site():
    code = "try:\n    ask()\nexcept PermissionError as e:\n    print('denied:', e)\n'end'"
    step = pyward.Program(code).start(functions=["ask"])
    done = step.resume(error=PermissionError("no access"))
    assert (done.value, done.stdout) == ("end", "denied: no access\n")


def test_resume_with_an_uncaught_error_ends_the_run():
    step = pyward.Program("ask()").start(functions=["ask"])
    with pytest.raises(pyward.ExecutionError) as info:
        step.resume(error=LookupError("gone"))
    assert (info.value.type_name, info.value.message) == ("LookupError", "gone")


def test_several_pauses_in_sequence():
    program = pyward.Program("[ask(i) for i in range(3)]")
    step = program.start(functions=["ask"])
    seen = []
    while isinstance(step, pyward.Paused):
        seen.append(step.args)
        step = step.resume(step.args[0] * 10)
    assert seen == [(0,), (1,), (2,)]
    assert step.value == [0, 10, 20]


def test_callables_declare_signatures_in_pause_mode():
    def search(query, limit=5):
        raise AssertionError("never called in pause mode")

    step = pyward.Program("search('q')").start(functions=[search])
    assert (step.name, step.args, step.kwargs) == ("search", ("q", 5), {})
    assert step.resume([1]).value == [1]


def test_a_paused_run_resumes_once():
    step = pyward.Program(CODE).start(functions=["ask"])
    step.resume("a")
    with pytest.raises(RuntimeError, match="already resumed"):
        step.resume("b")


def test_unconvertible_resume_value_leaves_the_run_paused():
    step = pyward.Program(CODE).start(functions=["ask"])
    with pytest.raises(TypeError, match=r"^resume value\[0\]: cannot convert 'object'$"):
        step.resume([object()])
    assert step.resume("ok").value == "hi ok"


def test_resume_many_by_id():
    step = pyward.Program(CODE).start(functions=["ask"])
    assert step.resume_many({step.id: "Bo"}).value == "hi Bo"


def test_resume_many_with_a_wrong_id_is_a_usage_error():
    step = pyward.Program(CODE).start(functions=["ask"])
    with pytest.raises(pyward.UsageError):
        step.resume_many({step.id + 100: "x"})


def test_resume_rejects_a_value_and_an_error_together():
    step = pyward.Program(CODE).start(functions=["ask"])
    with pytest.raises(TypeError, match="not both"):
        step.resume("x", error=ValueError("y"))
    with pytest.raises(TypeError, match="error must be an exception"):
        step.resume(error="oops")


def test_limits_hold_across_resumes():
    code = "ask()\nwhile True:\n    pass"
    step = pyward.Program(code).start(functions=["ask"], limits=pyward.Limits(duration=0.2))
    with pytest.raises(pyward.TimeLimitError):
        step.resume(None)


def test_output_streams_across_resumes():
    seen = []
    step = pyward.Program("print('a')\nask()\nprint('b')").start(functions=["ask"], on_stdout=seen.append)
    assert seen == ["a\n"]
    step.resume(None)
    assert "".join(seen) == "a\nb\n"
