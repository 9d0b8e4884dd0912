# A relative import compiles, and fails when it runs: the program is not in a package.
print("before")
try:
    from . import sibling
except ImportError as e:
    print(type(e).__name__, e)
def f():
    from .. import other
try:
    f()
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__(".name")
except ImportError as e:
    print(type(e).__name__, e)
from .pkg import thing
