# A parameter named twice is a SyntaxError pointing at the second occurrence.
def greet(name, greeting="hi"):
    return f"{greeting} {name}"


def scale(v, k, *, v=None):
    return v * k
