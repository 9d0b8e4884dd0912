# An assignment expression inside a comprehension binds in the enclosing function, and
# follows that function's `global` / `nonlocal` declarations.
total = "untouched"


def running_total(values):
    global total
    sums = [total := total + v for v in values] if isinstance(total, int) else None
    return sums


total = 0
print(running_total([1, 2, 3]), total)


def last_match(words):
    global found
    any((found := w).startswith("b") for w in words)
    return found


print(last_match(["apple", "banana", "cherry"]), found)


def counter():
    count = 0

    def bump(items):
        nonlocal count
        return [count := count + 1 for _ in items]

    print(bump("abc"), count)
    print(bump("de"), count)


counter()


def nested_global():
    def inner():
        global marker
        return {(marker := k): k * 2 for k in range(3)}

    return inner()


print(nested_global(), marker)


def local_only():
    seen = [last := x for x in "xyz"]
    return seen, last


print(local_only(), "last" in globals())
