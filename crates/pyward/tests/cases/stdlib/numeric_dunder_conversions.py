# float()/int() call __float__, __int__, __index__; divmod() calls __divmod__/__rdivmod__; a dict finds a user key equal to a builtin key.
class A:
    def __float__(self): return 1.5
    def __int__(self): return 7
    def __divmod__(self, o): return ("d", o)
    def __rdivmod__(self, o): return ("r", o)
class I:
    def __index__(self): return 3
class K:
    def __hash__(self): return hash(2)
    def __eq__(self, o): return o == 2
print(float(A()), int(A()), float(I()), int(I()), divmod(A(), 5), divmod(5, A()))
print({K(): "k"}[2], 2 in {K(): 1}, {K(): 1}.get(2.0))
class BadF:
    def __float__(self): return 1
try:
    float(BadF())
except TypeError as e:
    print(e)
