# Importing a submodule of a module that is not a package says so, as importlib does.
for name in ["math.nope", "json.nope", "collections.nope", "nope.x", "urllib.nope", "re.sub.x"]:
    try:
        __import__(name)
    except ImportError as e:
        print(type(e).__name__, e, e.name)
import math.nope
