# Python 2's print statement.
total = 3
print "total:", total
