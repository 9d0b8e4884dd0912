# An uncaught SystemExit whose code is not an int prints it on stderr and exits with 1.
import sys
def fail(reason):
    print("checking input")
    sys.exit(f"error: {reason}")
fail("missing config file")
