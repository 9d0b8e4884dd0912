# sys.exit() with None or 0 ends the program quietly with status 0; SystemExit can be caught.
import sys
def main(argv):
    try:
        sys.exit(2)
    except SystemExit as e:
        print("caught SystemExit", e.code, repr(e))
    try:
        exit("message")
    except SystemExit as e:
        print("caught exit()", e.code)
    print("finishing", argv)
    return 0
sys.exit(main(["prog"]))
print("not reached")
