# One closing parenthesis too many.
values = [1, 2, 3]
print(sum(values)))
