def f():
    try:
        return 'ret'
    finally:
        try:
            raise ValueError('x')
        except ValueError as e:
            print('caught', e)
print(f())
def g(items):
    for x in items:
        try:
            with open_cm() as c:
                break
        finally:
            try:
                1/0
            except ZeroDivisionError:
                print('zde')
    return 'g'
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): print('exit'); return False
def open_cm(): return CM()
print(g([1,2]))
def h():
    for i in range(3):
        try:
            try:
                return i
            finally:
                try:
                    [][1]
                except IndexError:
                    pass
        finally:
            print('outer', i)
print(h())
