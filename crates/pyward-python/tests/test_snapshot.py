"""Snapshots: a paused run or a session as bytes, restored here or in another process."""

import subprocess
import sys
import textwrap

import pyward
import pytest

CODE = """
import json
seen = []
def gen():
    for i in range(3):
        yield i * 10
it = gen()
seen.append(next(it))
reply = ask('continue?', step=len(seen))
seen.append(next(it))
json.dumps({'seen': seen, 'reply': reply})
"""


def paused_run():
    step = pyward.Program(CODE).start(functions=["ask"])
    assert isinstance(step, pyward.Paused)
    return step


def test_dump_and_load_in_the_same_process():
    restored = pyward.load(paused_run().dump())
    assert (restored.name, restored.args, restored.kwargs) == ("ask", ("continue?",), {"step": 1})
    assert restored.resume("yes").value == '{"seen": [0, 10], "reply": "yes"}'


def test_a_snapshot_forks():
    data = paused_run().dump()
    first = pyward.load(data).resume("a").value
    second = pyward.load(data).resume("b").value
    assert (first, second) == ('{"seen": [0, 10], "reply": "a"}', '{"seen": [0, 10], "reply": "b"}')


def test_snapshot_resumed_in_another_process(tmp_path):
    path = tmp_path / "run.snapshot"
    path.write_bytes(paused_run().dump())
    script = textwrap.dedent(
        f"""
        import pyward
        step = pyward.load(open({str(path)!r}, 'rb').read())
        print(step.name, step.args, step.kwargs)
        print(step.resume('from another process').value)
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout == (
        "ask ('continue?',) {'step': 1}\n"
        '{"seen": [0, 10], "reply": "from another process"}\n'
    )


def test_corrupted_snapshots_are_refused_cleanly():
    data = paused_run().dump()
    for bad in (b"", b"garbage", data[: len(data) // 2], data[:-1] + bytes([data[-1] ^ 0xFF])):
        try:
            step = pyward.load(bad)
        except pyward.SnapshotError:
            continue
        # A flipped byte in a value's payload can still be a well-formed snapshot.
        assert isinstance(step, pyward.Paused)


def test_session_dump_and_load_in_another_process(tmp_path):
    session = pyward.Session(functions={"twice": lambda x: 2 * x})
    session.run("class Counter:\n    def __init__(self):\n        self.n = 0\nc = Counter()\nc.n = twice(21)")
    path = tmp_path / "session.snapshot"
    path.write_bytes(session.dump())
    script = textwrap.dedent(
        f"""
        import pyward
        session = pyward.Session.load(open({str(path)!r}, 'rb').read(),
                                      functions={{'twice': lambda x: x * 2}})
        print(session.run('c.n += twice(1)\\nc.n').value)
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout == "44\n"
    assert session.run("c.n").value == 42


def test_a_session_dumped_while_paused_resumes_after_load():
    session = pyward.Session(functions=["ask"])
    session.run("x = 1")
    step = session.start("y = ask('y?')\nx + y")
    assert isinstance(step, pyward.Paused)
    with pytest.raises(pyward.UsageError, match="Session.dump"):
        step.dump()
    restored = pyward.Session.load(session.dump())
    assert restored.paused
    pending = restored.pending
    assert pending is not None and (pending.name, pending.args) == ("ask", ("y?",))
    assert pending.resume(41).value == 42
    assert restored.pending is None


def test_session_bytes_are_not_a_paused_run():
    with pytest.raises(pyward.SnapshotError):
        pyward.load(pyward.Session().dump())
