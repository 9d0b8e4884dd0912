# except and except* cannot be mixed on one try statement.
print("never printed")
try:
    pass
except* ValueError:
    pass
except TypeError:
    pass
