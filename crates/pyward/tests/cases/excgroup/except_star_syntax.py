# The SyntaxErrors CPython gives for except*: break/continue/return that would leave an
# except* clause, except and except* on one try, a clause without types, unparenthesized
# type tuples. Loops and functions inside a clause may use them freely.
sources = {
    "break": "for i in range(3):\n    try:\n        pass\n    except* ValueError:\n        break\n",
    "continue": "for i in range(3):\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "return": "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
    "bare return": "def f():\n    try:\n        pass\n    except* ValueError:\n        return\n",
    "return in finally in clause": "def f():\n    try:\n        pass\n    except* ValueError:\n        try:\n            pass\n        finally:\n            return\n",
    "continue in except in clause": "for x in y:\n    try:\n        pass\n    except* ValueError:\n        try:\n            pass\n        except:\n            continue\n",
    "break in with in clause": "while 1:\n    try:\n        pass\n    except* ValueError:\n        with x:\n            break\n",
    "loop inside clause": "for i in y:\n    try:\n        pass\n    except* ValueError:\n        for j in y:\n            break\n        while 1:\n            continue\n",
    "def inside clause": "try:\n    pass\nexcept* ValueError:\n    def g():\n        return 1\n    class C:\n        def m(self):\n            return 2\n",
    "return in finally of try": "def f():\n    try:\n        pass\n    except* ValueError:\n        pass\n    finally:\n        return 1\n",
    "return in else": "def f():\n    try:\n        pass\n    except* ValueError:\n        pass\n    else:\n        return 1\n",
    "star then plain": "try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n",
    "plain then star": "try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n",
    "bare star": "try:\n    pass\nexcept*:\n    pass\n",
    "later bare star": "try:\n    pass\nexcept* ValueError:\n    pass\nexcept*:\n    pass\n",
    "star as": "try:\n    pass\nexcept* as e:\n    pass\n",
    "plain as": "try:\n    pass\nexcept as e:\n    pass\n",
    "star tuple": "try:\n    pass\nexcept* ValueError, TypeError:\n    pass\n",
    "plain tuple": "try:\n    pass\nexcept ValueError, TypeError:\n    pass\n",
    "star tuple as": "try:\n    pass\nexcept* ValueError, TypeError as e:\n    pass\n",
    "plain tuple as": "try:\n    pass\nexcept ValueError, TypeError as e:\n    pass\n",
    "spaced star": "try:\n    pass\nexcept *ValueError:\n    pass\n",
    "parenthesized": "try:\n    pass\nexcept* (ValueError, TypeError) as e:\n    pass\n",
    "yield in clause": "def f():\n    try:\n        pass\n    except* ValueError:\n        yield 1\n",
    "await in clause": "async def f():\n    try:\n        pass\n    except* ValueError:\n        await g()\n",
}
for label, src in sources.items():
    try:
        exec(src, {})
        print(label, "compiles")
    except SyntaxError as e:
        print(label, "->", type(e).__name__, e.args[0])
    except NameError as e:
        print(label, "runs:", e)
