# Positional-only parameters passed by keyword: every such name is listed, in parameter
# order, whichever keyword the call spelled first; **kwargs swallows them instead.
def area(width, height, /, unit="m"):
    return f"{width * height}{unit}"


def collect(key, /, **extra):
    return key, extra


def strict(a, b, /, *, scale):
    return (a + b) * scale


calls = [
    lambda: area(2, 3),
    lambda: area(2, height=3),
    lambda: area(width=2, height=3),
    lambda: area(height=3, width=2, unit="cm"),
    lambda: area(2, 3, colour="red"),
    lambda: area(2, 3, colour="red", height=3),
    lambda: collect(1, key=2),
    lambda: collect(key=2),
    lambda: strict(1, 2, scale=3),
    lambda: strict(1, b=2, scale=3),
    lambda: strict(b=1, a=2, scale=3),
    lambda: strict(1, 2),
]
for call in calls:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
