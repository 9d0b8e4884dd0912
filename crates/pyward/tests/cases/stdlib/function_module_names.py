import collections
import json
import re
import textwrap


def local():
    pass


print(collections.namedtuple.__module__, re.compile.__module__, textwrap.dedent.__module__)
print(local.__module__, (lambda: 0).__module__, json.dumps.__module__)
