# A SyntaxError from exec/eval carries CPython's fields (msg, lineno, offset, text, end_lineno,
# end_offset, filename), its str and args, for the common mistakes: each class of message.
SOURCES = [
    "x = (1,\n", "def f(:\n  pass\n", "if x\n  pass\n", "a b\n", "x = 1\n  y = 2\n", "f(\n",
    "return 5\n", "1 +\n", "print 'hi'\n", "def f():\npass\n", "for i in range(3) print(i)\n",
    "'abc\n", '"""abc\n', "x === 1\n", "break\n", "continue\n", "a = 1 = 2\n", "del 1\n",
    "f() = 3\n", "class A:\nreturn\n", "x = {'a': 1, 'b' 2}\n", "if x = 1:\n    pass\n",
    "x = 1\nif x:\n    y = 2\n  z = 3\n", "for x in range(3):\nprint(x)\n",
    "try:\n    x = 1\nprint(x)\n", "f(a for a in b, c)\n", 'print("hello"\nprint("x")\n',
    "def f(a, a): pass\n", "x = [1, 2, 3}\n", "else:\n    pass\n", "import\n",
    "x = 1 if y\n", "f(**x, *y)\n", "f(x=1, y)\n", "f(**x, y)\n", "def f(x=1, y): pass\n",
    "nonlocal x\n", "x = yield = 3\n", "a, b += 1\n", "f() += 1\n", "True = 1\n",
    "None = 1\n", "l = [1 2 3]\n", "print('a' 'b' c)\n", "x = [1 2\n", "print(1))\n", "}\n",
    "x = (1, 2]\n", "foo(a, b\nbar()\n", "s = '''abc\n\nx = 1\n", "def f(*): pass\n",
    "def f(**k, a): pass\n", "(a, 1) = x\n", "[a, f()] = x\n", "del f()\n",
    "for f() in x: pass\n", "with x as f(): pass\n", "a < b = 1\n", "not a = 1\n",
    "lambda: x = 1\n", "x = 08\n", "x = 1_\n", "x = 0b2\n", "x = 0o8\n", "x = 0x\n",
    "x = 1e\n", "x = 1abc\n", "def f():\n    x = 1\n    global x\n", "def f(x):\n    global x\n",
    "yield 1\n", "await x\n", "f(a=1, a=2)\n", "x, *y, *z = 1\n", "*x = 1\n", "a = *b\n",
    "x = {1: 2, 3}\n", "x = 5 5\n", "f(1, x for x in y)\n", "f() = 3\nx = 'abc\n",
    "x = [1, 2\ny = 3\n", "x = 'aé' 'b\n",
]
FIELDS = ("msg", "lineno", "offset", "text", "end_lineno", "end_offset", "filename")

for src in SOURCES:
    try:
        exec(src, {})
    except SyntaxError as e:
        print(type(e).__name__, repr(src))
        print("  ", [getattr(e, f) for f in FIELDS])
        print("  ", str(e), len(e.args), e.args[0] == e.msg)

for src in ["x = (1,", "1 +", "a b", "f(", "x = 1 if y", "lambda: (yield", "[1 2 3]", "x y\n"]:
    try:
        eval(src)
    except SyntaxError as e:
        print("eval", repr(src), type(e).__name__, [getattr(e, f) for f in FIELDS])

# Errors CPython's symtable raises keep only the message in args.
for src in ["def f():\n    nonlocal y\n", "[(yield) for x in y]\n", "def f():\n  print(x)\n  global x\n",
            "def f():\n  x: int = 1\n  global x\n", "[x := 1 for x in y]\n", "lambda a, a: 1\n",
            "def f():\n  x = 1\n  def g():\n    nonlocal x\n    global x\n", "class A:\n  nonlocal x\n"]:
    try:
        exec(src, {})
    except SyntaxError as e:
        print(repr(src), e.args, [getattr(e, f) for f in FIELDS], str(e))
