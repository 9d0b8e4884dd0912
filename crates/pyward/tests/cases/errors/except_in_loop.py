# try/except/finally inside for loops: the loop iterator must survive a caught exception.
for a in [1, 2, 3]:
    try:
        if a == 1: raise ValueError("v")
        if a == 2: raise KeyError("k")
        raise TypeError("t")
    except ValueError as e:
        print("V", e)
    except (KeyError, IndexError) as e:
        print("K", e)
    except Exception:
        print("other")
for a in [1, 2]:
    try:
        try:
            raise ValueError(a)
        except KeyError:
            print("no")
    except ValueError as e:
        print("outer", e)
def g():
    for i in range(3):
        try:
            try:
                1 / 0
            finally:
                print("fin", i)
        except ZeroDivisionError:
            print("zd", i)
            continue
    return "end"
print(g())
try:
    for x in [1]:
        try:
            raise ValueError
        except KeyError:
            pass
except ValueError:
    print("propagated")
class_log = []
def f(n):
    out = []
    for i in range(n):
        try:
            try:
                if i % 2: raise ValueError(i)
                out.append(i)
            finally:
                out.append(-i)
        except ValueError as e:
            out.append(str(e))
            if i == 3: break
            continue
        finally:
            out.append('f')
    return out
print(f(6))
def h():
    for i in range(3):
        try:
            return i
        finally:
            print("fin", i)
print(h())
def w():
    r = []
    for i in range(4):
        try:
            try:
                raise KeyError(i)
            except KeyError:
                r.append("k")
                raise ValueError(i)
        except ValueError as e:
            r.append(repr(e))
    return r
print(w())
for i in range(3):
    try:
        [][i]
    except IndexError as e:
        print(i, e)
    else:
        print("else")
    finally:
        print("finally", i)
