# collections.abc is reachable after `import collections` alone, as after CPython startup.
import collections
print(collections.abc.Mapping, isinstance({}, collections.abc.Mapping), collections.abc.__name__)
from collections import abc
print(abc is collections.abc)
import collections.abc as cabc
print(cabc is abc)
