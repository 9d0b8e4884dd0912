# compile() to code objects run by exec/eval (modes exec, eval, single), their SyntaxErrors,
# code object attributes (also a function's __code__), and __import__.
code = compile("x = 1 + 2\nprint('in exec', x)", "<mine>", "exec")
print(type(code).__name__, code.co_name, code.co_filename, code.co_firstlineno)
ns = {}
exec(code, ns)
print(ns['x'])
e = compile("x * 10", "<expr>", "eval")
print(eval(e, {'x': 4}), eval(e, {'x': 5}))
print(eval(compile("1+1", "f", "exec")))
s = compile("40 + 2", "<single>", "single")
exec(s)
exec(compile("for i in range(3): i\n", "<s>", "single"))
exec(compile("None", "<s>", "single"))
exec(compile("'text'", "<s>", "single"))
for src, mode in [("a b", "exec"), ("1 +", "eval"), ("x = 1\ny = 2", "single"), ("return 3", "exec"), ("x", "bogus")]:
    try:
        compile(src, "prog.py", mode)
    except (SyntaxError, ValueError) as err:
        print(type(err).__name__, err, getattr(err, 'filename', None), getattr(err, 'text', None))
try:
    compile(5, "f", "exec")
except TypeError as err:
    print(err)
try:
    compile("x", 5, "exec")
except TypeError as err:
    print(err)
try:
    compile("x", "f")
except TypeError as err:
    print(err)
c2 = compile(source="y = 7", filename="<kw>", mode="exec")
g = {}
exec(c2, g); print(g['y'])
print(compile(b"1", "b", "eval") is not None, eval(compile(b"2*3", "b", "eval")))
def f(a, b, *args, c=1, **kw):
    z = a
    return z
print(f.__code__.co_varnames, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_name, f.__code__.co_qualname)
print(repr(compile("1", "zz.py", "eval"))[:24], str(f.__code__)[:19])
m = __import__("math")
print(m.sqrt(16), __import__("urllib.parse").__name__, __import__("urllib.parse", fromlist=["quote"]).__name__)
print(__import__("json", globals(), locals(), [], 0).dumps([1]))
for bad in [("nosuchmod",), (5,), ("",), ("math", None, None, (), -1), ("x", None, None, (), 1)]:
    try:
        __import__(*bad)
    except Exception as err:
        print(type(err).__name__, err)
for call in [lambda: __import__("math", name="json"), lambda: __import__("math", None, None, (), 0, 1),
             lambda: compile("1", "f", "eval", source="2"), lambda: compile("1", "f", "eval", 0, False, -1, 7)]:
    try:
        call()
    except TypeError as err:
        print("TypeError", err)
print(eval("\n1"), eval("  2"), eval("\t3"))
