# SyntaxError built by hand: fields come from the (filename, lineno, offset, text,
# end_lineno, end_offset) tuple, str() names the file's basename and line, assignments stick,
# and an uncaught one prints its location and msg alone.
FIELDS = ("msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset")

def show(e):
    print(type(e).__name__, [getattr(e, f) for f in FIELDS], repr(str(e)), e.args)

show(SyntaxError())
show(SyntaxError("bad"))
show(SyntaxError("bad", ("/a/b/f.py", 3, 5, "  abc def\n", 3, 8)))
show(SyntaxError("bad", ("f.py", 3, 5, "abc")))
show(SyntaxError("bad", (None, 3, 5, "abc")))
show(SyntaxError("bad", ("f.py", None, 5, "abc")))
show(SyntaxError("bad", "extra", "args"))
show(IndentationError("unexpected indent", ("g.py", 2, 3, "  x\n", 2, -1)))
print(SyntaxError("m").print_file_and_line)

e = SyntaxError("bad", ("f.py", 3, 5, "abc", 3, 6))
e.lineno = 10
e.msg = "changed"
show(e)

class MyError(SyntaxError):
    pass

m = MyError("mine", ("x.py", 1, 1, "zzz", 1, 2))
show(m)
print(isinstance(m, SyntaxError), issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError))

try:
    compile_me = "def f(:\n    pass\n"
    exec(compile_me)
except SyntaxError as err:
    print(err.__class__.__name__, err.msg, err.lineno, err.offset)

def fail():
    raise SyntaxError("custom message", ("prog.py", 4, 7, "    bad code here\n", 4, 10))

fail()
