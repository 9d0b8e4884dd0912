# The traceback module: format_exc, format_exception (chain, limit), format_exception_only,
# extract_tb and FrameSummary, format_tb, print_exc; file names are left out of the output
# since CPython prints the absolute path of the script.
import traceback, sys
def outer():
    inner()
def inner():
    raise ValueError("deep failure")
try:
    outer()
except ValueError as e:
    tb = traceback.format_exc()
    print(tb.splitlines()[0], tb.splitlines()[-1], len(tb.splitlines()))
    lines = traceback.format_exception(e)
    print(len(lines), lines[0], lines[-1], [l.split(",")[1:] for l in lines[1:-1]])
    print(traceback.format_exception_only(type(e), e), traceback.format_exception_only(e))
    print([(f.lineno, f.name, f.line) for f in traceback.extract_tb(e.__traceback__)])
    print([(f.lineno, f.name) for f in traceback.extract_tb(e.__traceback__, limit=1)], [f.name for f in traceback.extract_tb(e.__traceback__, -1)])
    fs = traceback.extract_tb(e.__traceback__)[-1]
    print(fs.name, fs.lineno, list(fs)[1:], fs[2], len(fs), repr(fs).split(",")[1:])
    print(len(traceback.format_exception(e, limit=1)), len(traceback.format_exception(e, limit=0)), len(traceback.format_exception(e, limit=-1)))
    print([x.split(",", 1)[1] for x in traceback.format_tb(e.__traceback__)])
    traceback.print_exc()
print(repr(traceback.format_exc()))
def risky(n):
    try:
        return 10 // n
    except ZeroDivisionError as e:
        raise RuntimeError(f"bad n={n}") from e
try:
    risky(0)
except RuntimeError as e:
    out = traceback.format_exception(e)
    print(len(out), out[-1], [l for l in out if "direct cause" in l])
    print(traceback.format_exception(e, chain=False)[-1], len(traceback.format_exception(e, chain=False)))
    print("".join(traceback.format_exception_only(e)))
    try:
        {}["k"]
    except KeyError:
        print(traceback.format_exc().splitlines()[-1], "During handling" in traceback.format_exc())
print(traceback.format_exception(ValueError("never raised")))
e = ValueError("noted"); e.add_note("a note")
print(traceback.format_exception_only(e))
try:
    exec("x = (1,")
except SyntaxError as s:
    print(traceback.format_exception_only(s)[-1])
