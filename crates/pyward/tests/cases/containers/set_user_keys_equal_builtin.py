from fractions import Fraction


class K:
    def __eq__(self, o):
        return o == 1

    def __hash__(self):
        return hash(1)


s = {K(), 5}
print(K() in {1, 2}, 1 in s, 2 in s, 5 in s, K() in {1: 2}, 1.0 in s, True in s)
s.discard(1)
print(len(s), 5 in s)
print(0.5 in {Fraction(1, 2)}, Fraction(1, 2) in {0.5}, 2 in {Fraction(4, 2)}, 3 in {Fraction(4, 2)})
