# No suggestion: nothing close, a subclass of AttributeError, a user-raised error without
# a name, and an UnboundLocalError (only exact NameError and AttributeError get one).
class Quiet(AttributeError):
    pass
class Proxy:
    def __getattr__(self, name):
        raise Quiet(name)
    def colour(self):
        return "red"
for f in [lambda: Proxy().color, lambda: (1).zzzzzz]:
    try:
        f()
    except AttributeError as e:
        print(type(e).__name__, e, e.name)
def later():
    total = 1
    print(totl)
    totl = 2
try:
    later()
except UnboundLocalError as e:
    print(e)
class Config:
    debug = False
Config().verbose_logging_enabled
