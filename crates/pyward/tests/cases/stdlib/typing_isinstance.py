# isinstance/issubclass with typing's aliases: a bare alias checks its class (List, Dict,
# the collections.abc ABCs), Union and Optional check each member, and subscripted aliases
# and special forms raise CPython's TypeErrors.
import typing
from typing import List, Dict, Mapping, Iterable, Optional, Union, Any, Callable, Sequence, Tuple, DefaultDict, Deque
from collections import defaultdict, deque
print(isinstance([], List), isinstance({}, Dict), isinstance({}, Mapping), isinstance("x", Iterable), isinstance(len, Callable), isinstance((1,), Sequence), isinstance((), Tuple))
print(isinstance(defaultdict(int), DefaultDict), isinstance(deque(), Deque), issubclass(list, Sequence), issubclass(dict, typing.MutableMapping), isinstance(5, typing.Hashable))
print(isinstance(1, Union[int, str]), isinstance(None, Optional[int]), isinstance(2.5, Optional[int]), isinstance("s", int | str), issubclass(bool, Union[int, str]))
for bad in [lambda: isinstance([], List[int]), lambda: isinstance(1, Any), lambda: issubclass(int, Any), lambda: isinstance(1, Union), lambda: isinstance(1, Union[int, List[int]]), lambda: isinstance(1, typing.Literal)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
