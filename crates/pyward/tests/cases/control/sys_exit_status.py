# An uncaught SystemExit with an int code exits with that status and prints nothing.
import sys
print("working")
try:
    pass
finally:
    print("cleanup runs")
sys.exit(3)
