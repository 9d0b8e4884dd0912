# 'await' in a plain def is a compile-time SyntaxError.
def f():
    return await g()
