# A function's __globals__ is its module's globals dict (read-only attribute).
counter = 0


def bump():
    global counter
    counter += 1
    return counter


g = bump.__globals__
print(type(g).__name__, g is globals(), g["counter"])
bump()
print(g["counter"])
g["injected"] = "via __globals__"
print(injected)
print((lambda: 0).__globals__ is globals())

for attr in ("__globals__", "__closure__"):
    try:
        setattr(bump, attr, {})
    except AttributeError as e:
        print("AttributeError:", e)
