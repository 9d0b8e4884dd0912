# `=` where `==` was meant, with a call on the left.
def check(x):
    return x

if check(3) = 3:
    print("equal")
