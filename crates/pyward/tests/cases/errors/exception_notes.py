# BaseException.add_note (3.11): notes go to __notes__ and the traceback prints them after
# the message, so the last line of the output is the last note.
e = ValueError("note test")
e.add_note("first")
e.add_note("second")
print(e.__notes__, str(e), e.__dict__, e.with_traceback(None) is e)
class AppError(Exception):
    pass
a = AppError("x")
a.add_note("app note")
print(a.__notes__, [n for n in dir(a) if not n.startswith("_")])
try:
    e.add_note(5)
except TypeError as t:
    print(t)
e.__notes__ = "oops"
try:
    e.add_note("x")
except TypeError as t:
    print(t)
def load(cfg):
    try:
        return cfg["port"]
    except KeyError as err:
        err.add_note(f"config keys: {sorted(cfg)}")
        err.add_note("hint: set 'port'")
        raise
try:
    load({"host": 1})
except KeyError as err:
    print(repr(err), err.__notes__)
load({"host": 1, "debug": True})
