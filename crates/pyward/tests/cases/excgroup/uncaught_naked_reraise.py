# A naked exception caught by except* and re-raised comes out wrapped.
try:
    raise ValueError("naked")
except* ValueError:
    raise
