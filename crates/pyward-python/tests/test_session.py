"""pyward.Session: a REPL whose state persists between snippets."""

import pyward
import pytest


def test_state_persists_between_snippets():
    session = pyward.Session()
    session.run("def double(x):\n    return 2 * x\nclass Box:\n    pass\nbox = Box()\nbox.v = 21")
    assert session.run("double(box.v)").value == 42


def test_a_failing_snippet_keeps_earlier_state():
    session = pyward.Session()
    session.run("x = 1")
    with pytest.raises(pyward.ExecutionError):
        session.run("x = 2\n1 / 0")
    assert session.run("x").value == 2
    with pytest.raises(pyward.CompileError):
        session.run("x = (")
    assert session.run("x").value == 2


def test_inputs_and_tools_serve_every_snippet():
    session = pyward.Session(inputs={"base": 100}, functions={"inc": lambda n: n + 1})
    session.run("n = inc(base)")
    assert session.run("inc(n)").value == 102


def test_snippet_tracebacks_name_their_snippet():
    session = pyward.Session()
    session.run("def f():\n    return 1 / 0")
    with pytest.raises(pyward.ExecutionError) as info:
        session.run("f()")
    assert '  File "<snippet 1>", line 2, in f\n' in info.value.traceback
    assert '  File "<snippet 2>", line 1, in <module>\n' in info.value.traceback


def test_duration_is_per_snippet():
    session = pyward.Session(limits=pyward.Limits(duration=0.3))
    with pytest.raises(pyward.TimeLimitError):
        session.run("while True:\n    pass")
    assert session.run("1 + 1").value == 2


def test_memory_is_one_budget_for_the_session():
    session = pyward.Session(limits=pyward.Limits(memory="8MB"))
    session.run("a = 'x' * (3 * 1024 * 1024)")
    session.run("b = 'y' * (3 * 1024 * 1024)")
    with pytest.raises(pyward.MemoryLimitError):
        session.run("c = 'z' * (3 * 1024 * 1024)")


def test_session_pause_mode():
    session = pyward.Session(functions=["ask"])
    session.run("greeting = 'hi'")
    step = session.start("answer = ask('q')\nf'{greeting} {answer}'")
    assert isinstance(step, pyward.Paused) and step.name == "ask"
    assert session.paused
    with pytest.raises(pyward.UsageError, match="paused"):
        session.run("1")
    assert step.resume("there").value == "hi there"
    assert not session.paused
    assert session.run("answer").value == "there"


def test_stdout_per_snippet():
    session = pyward.Session()
    assert session.run("print('one')").stdout == "one\n"
    assert session.run("print('two')").stdout == "two\n"


def test_a_tool_cannot_feed_its_own_session():
    holder = {}

    def reenter():
        holder["session"].run("1")

    session = pyward.Session(functions=[reenter])
    holder["session"] = session
    code = "try:\n    reenter()\nexcept RuntimeError as e:\n    print(e)"
    assert session.run(code).stdout == (
        "this session is running a snippet on this thread: a tool cannot use its own session\n"
    )
    assert session.run("2").value == 2


def test_a_session_is_usable_from_several_threads():
    import threading

    session = pyward.Session()
    session.run("n = 0")

    def work():
        for _ in range(20):
            session.run("n += 1")

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert session.run("n").value == 80
