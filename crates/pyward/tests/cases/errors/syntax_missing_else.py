# A conditional expression without its else.
x = 3
label = "big" if x > 2
print(label)
