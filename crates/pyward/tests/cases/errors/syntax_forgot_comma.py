# Two expressions side by side in a list: CPython suggests the missing comma.
names = ["ada", "grace"]
scores = [10 20 30]
print(names, scores)
