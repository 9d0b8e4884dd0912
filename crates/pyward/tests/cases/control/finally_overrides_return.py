# A `break`, `continue` or `return` inside a `finally` body cancels a `return` that is
# unwinding through it, as well as an exception.
def first_even(values):
    for v in values:
        try:
            if v % 2 == 0:
                return v
        finally:
            if v < 4:
                continue
    return None


print(first_even([1, 2, 3, 4, 5, 6]))


def stop_early(n):
    found = []
    for i in range(n):
        try:
            found.append(i)
            return found
        finally:
            if i == 0:
                continue
            break
    return ("after loop", found)


print(stop_early(5))


def nested(x):
    for i in range(x):
        try:
            pass
        finally:
            try:
                try:
                    print("visit", x, i)
                finally:
                    try:
                        1 / 0
                    finally:
                        return 42
            finally:
                continue
    return "done"


print(nested(3))


def replace_value():
    try:
        return "first"
    finally:
        try:
            return "second"
        finally:
            print("inner finally")


print(replace_value())


def in_while():
    n = 0
    while n < 3:
        n += 1
        try:
            return n
        finally:
            if n < 3:
                continue
    return -1


print(in_while())


def with_exception_and_return():
    for i in range(3):
        try:
            try:
                raise ValueError(i)
            finally:
                return i
        finally:
            if i < 2:
                continue
    return "unreachable"


print(with_exception_and_return())
