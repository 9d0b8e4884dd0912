# Stores: a tuple item assignment, then an unpacking of the wrong length.
point = (1, 2)
try:
    point[0] = 5
except TypeError as e:
    print("caught:", e)
x, y, z = point
