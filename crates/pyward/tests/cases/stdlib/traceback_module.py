# The traceback module: format_exc, format_exception (chains, limit, chain=False), the
# legacy (type, value, tb) form, format_exception_only, extract_tb, TracebackException.
import re
import sys
import traceback


def show(text):
    """Tracebacks name this file by the path it was run as: print its name alone."""
    print(re.sub(r'File "[^"<]*"', 'File "FILE"', text))


def parse(rows):
    return [int(r["n"]) for r in rows]

def run(rows):
    try:
        return parse(rows)
    except (KeyError, ValueError) as e:
        print("failed:", repr(e))
        show(traceback.format_exc())
        return None

run([{"n": "1"}, {"m": "2"}])
run([{"n": "x"}])

try:
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    lines = traceback.format_exception(e)
    print(len(lines) > 3, lines[-1], end="")
    show("".join(lines))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    tb = e.__traceback__
    for fs in traceback.extract_tb(tb):
        print(fs.filename.rsplit("/", 1)[-1], fs.lineno, fs.name, repr(fs.line))
    show(str(traceback.format_tb(tb)))
    te = traceback.TracebackException.from_exception(e)
    print(str(te), te.exc_type.__name__, type(te.__cause__).__name__)
    show("".join(te.format()))
    show("".join(traceback.format_exception(e, chain=False)))
    show("".join(traceback.format_exception(type(e), e, e.__traceback__)))

def deep(n):
    if n == 0:
        raise ValueError("bottom")
    deep(n - 1)

try:
    deep(5)
except ValueError:
    show(traceback.format_exc(limit=2))
    show(traceback.format_exc(limit=-1))
    show(traceback.format_exc(limit=0))
    out = []
    traceback.print_exc(file=type("W", (), {"write": lambda self, s: out.append(s)})())
    show("".join(out))
show(traceback.format_exc())
print(traceback.format_exception_only(None))
try:
    exec("x = (1,")
except SyntaxError as e:
    print(traceback.format_exception_only(e))
e = ValueError("v")
e.add_note("a note")
print(traceback.format_exception(e))
