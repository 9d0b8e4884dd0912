"""Shallow and deep copy operations (CPython's copy, for the types pyward has)."""


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, complex, str, bytes, type, range,
           type(len), type(lambda: None), type(Ellipsis), type(NotImplemented))


def copy(x):
    cls = type(x)
    if cls in _atomic:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is tuple or cls is frozenset:
        return x
    if cls is bytearray:
        return bytearray(x)
    copier = getattr(x, '__copy__', None)
    if copier is not None:
        return copier()
    if isinstance(x, BaseException):
        return _reconstruct_exception(x, None)
    return _reconstruct_shallow(x)


def _reconstruct_exception(x, memo):
    # CPython reduces an exception to (type(x), x.args, x.__dict__ or None) and sets the
    # state back attribute by attribute (BaseException.__setstate__); traceback, cause and
    # context are not copied.
    args = x.args
    if memo is not None:
        args = deepcopy(args, memo)
    y = type(x)(*args)
    if memo is not None:
        memo[id(x)] = y
    state = getattr(x, '__dict__', None)
    if state:
        if memo is not None:
            state = deepcopy(state, memo)
        for k, v in state.items():
            setattr(y, k, v)
    return y


def _reconstruct_shallow(x):
    cls = type(x)
    if isinstance(x, dict):
        y = cls.__new__(cls)
        y.__dict__.update(x.__dict__)
        for k, v in x.items():
            y[k] = v
        return y
    if isinstance(x, list):
        y = cls.__new__(cls)
        y.__dict__.update(x.__dict__)
        y.extend(x)
        return y
    y = cls.__new__(cls)
    state = getattr(x, '__dict__', None)
    if state:
        for k, v in state.items():
            setattr(y, k, v)
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        elif isinstance(x, BaseException):
            y = _reconstruct_exception(x, memo)
        else:
            y = _reconstruct_deep(x, memo, d)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _reconstruct_deep(x, memo, d):
    cls = type(x)
    y = cls.__new__(cls)
    memo[d] = y
    if isinstance(x, dict):
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif isinstance(x, list):
        for v in x:
            y.append(deepcopy(v, memo))
    state = getattr(x, '__dict__', None)
    if state:
        if hasattr(y, '__setstate__'):
            y.__setstate__(deepcopy(state, memo))
        else:
            for k, v in state.items():
                setattr(y, k, deepcopy(v, memo))
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
