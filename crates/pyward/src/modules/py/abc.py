"""Abstract base classes (pyward: ABCMeta is an ordinary base class, no metaclasses)."""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True


class abstractproperty(property):
    __isabstractmethod__ = True


def _is_abstract(value):
    if getattr(value, '__isabstractmethod__', False):
        return True
    for attr in ('fget', 'fset', 'fdel', '__func__'):
        f = getattr(value, attr, None)
        if f is not None and getattr(f, '__isabstractmethod__', False):
            return True
    return False


def _abstract_methods(cls):
    names = set()
    seen = set()
    for klass in cls.__mro__:
        d = getattr(klass, '__dict__', None)
        if d is None:
            continue
        for name in d:
            if name in seen:
                continue
            seen.add(name)
            if _is_abstract(d[name]):
                names.add(name)
    return names


class ABC:
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        abstracts = _abstract_methods(cls)
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s" % (
                cls.__name__, 's' if len(names) > 1 else '', ', '.join(names)))
        return super().__new__(cls)


ABCMeta = ABC


def get_cache_token():
    return 0


def update_abstractmethods(cls):
    return cls
