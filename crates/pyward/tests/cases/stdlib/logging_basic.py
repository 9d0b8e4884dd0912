# logging: levels, the logger hierarchy and propagation, handlers on stdout with the three
# format styles, the caller's function and line, filters, adapters, basicConfig (once,
# then force=True), custom levels and disable(); the root's default output goes to stderr.
import logging, sys
logging.warning("root warning %s", 1)
logging.info("hidden")
log = logging.getLogger("app.db")
print(log, log.parent, logging.getLogger("app"), log.parent, log.getEffectiveLevel(), logging.getLevelName(20), logging.getLevelName("INFO"), logging.getLevelName(5))
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("%(levelname)-8s %(name)s [%(funcName)s:%(lineno)d] %(message)s"))
log.addHandler(h)
log.setLevel(logging.DEBUG)
def work():
    log.debug("debug %d items", 3)
    log.info("dict arg %(k)s", {"k": "v"})
work()
log.propagate = False
class Short(logging.Formatter):
    def formatException(self, ei):
        return "  exc: " + repr(ei[1])
h.setFormatter(Short("%(levelname)s %(message)s"))
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed: %s", "div")
log.error("explicit", exc_info=ValueError("v"))
h2 = logging.StreamHandler(sys.stdout)
h2.setFormatter(logging.Formatter("{levelname}|{name}|{message}|{module}|{filename}", style="{"))
other = logging.getLogger("other")
other.addHandler(h2)
other.warning("brace style")
other.setLevel("ERROR")
other.warning("suppressed")
other.error("shown")
class OnlyA(logging.Filter):
    def filter(self, record): return "A" in record.getMessage()
other.addFilter(OnlyA())
other.error("B no"); other.error("A yes")
adapter = logging.LoggerAdapter(other, {"ctx": 1})
adapter.error("A via adapter")
print(h, other.handlers, logging.root, logging.getLogger() is logging.root, logging.getLogger("app.db") is log, log.hasHandlers(), logging.getLogger("x.y.z").parent)
logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format="%(levelname)s - %(message)s")
logging.debug("not configured again (root has a handler)")
logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format="%(levelname)s - %(message)s", force=True)
logging.debug("now configured %s", [1, 2])
logging.getLogger("app").info("propagates to root")
logging.log(25, "custom level")
logging.addLevelName(25, "NOTICE")
logging.log(25, "custom named")
logging.disable(logging.INFO)
logging.info("disabled"); logging.warning("not disabled")
try:
    logging.getLogger("q").setLevel("LOUD")
except ValueError as e:
    print(e)
print("end")
