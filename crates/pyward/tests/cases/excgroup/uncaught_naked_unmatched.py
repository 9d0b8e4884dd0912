# A naked exception that no except* clause matches is re-raised as it was.
try:
    raise ValueError("naked")
except* TypeError:
    pass
