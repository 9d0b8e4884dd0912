# A property's __doc__ is its getter's docstring.
class P:
    @property
    def x(self):
        "the x value"
        return 1

    @property
    def y(self):
        return 2

    z = property(lambda self: 3)


print(P.x.__doc__, P.y.__doc__, P.z.__doc__, P().x)
print(property().__doc__)
