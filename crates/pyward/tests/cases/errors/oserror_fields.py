# OSError(errno, strerror[, filename[, winerror[, filename2]]]): the fields, the str, args
# without the filenames, and the subclass errno picks.
def show(e):
    print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, e.filename2, repr(str(e)))

show(OSError())
show(OSError("plain message"))
show(OSError(2, "No such file or directory"))
show(OSError(2, "No such file or directory", "data.txt"))
show(OSError(1, "Operation not permitted", "a", None, "b"))
show(OSError(13, "Permission denied", None))
show(OSError(17, "File exists", "out"))
show(OSError(999, "odd", "x"))
show(OSError("a", "b", "c", "d", "e", "f"))
show(FileNotFoundError(2, "missing", "cfg.json"))
show(PermissionError("denied"))
for n in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111]:
    print(n, type(OSError(n, "x")).__name__)
print(issubclass(FileExistsError, OSError), issubclass(BrokenPipeError, ConnectionError))
print(EnvironmentError is OSError, IOError is OSError)
e = OSError(2, "missing", "f")
e.filename = "g"
e.errno = 5
print(e, e.errno)

class MyIOError(OSError):
    def __init__(self, path):
        super().__init__(2, "not found", path)
        self.extra = 1

m = MyIOError("p.txt")
show(m)

try:
    raise FileNotFoundError(2, "No such file or directory", "missing.txt")
except OSError as err:
    print(type(err).__name__, err.errno, err.filename, err)

raise OSError(2, "No such file or directory", "final.txt")
