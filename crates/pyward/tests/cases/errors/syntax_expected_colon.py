x = 1
for v in [1]:
    if v > x
        print(v)
