# A decimal literal with a leading zero.
month = 08
print(month)
