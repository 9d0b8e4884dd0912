import time

t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
n0 = time.perf_counter_ns()
print(type(t0).__name__, type(time.time_ns()).__name__, type(n0).__name__, t0 > 1.6e9)
time.sleep(2.5)
print(time.time() - t0 >= 2.5, time.monotonic() - m0 >= 2.5, time.perf_counter() - p0 >= 2.5)
print(time.perf_counter_ns() - n0 >= 2_500_000_000)
time.sleep(0)
for bad in [-1, 'x', float('nan'), None]:
    try:
        time.sleep(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(time.gmtime(0))
print(time.gmtime(1.9e9), time.gmtime(-1))
g = time.gmtime(1700000000)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_wday, g.tm_yday, g[0], len(g), tuple(g)[:3])
print(time.strftime('%Y-%m-%d %H:%M:%S %a %b %j', g))
print(time.strftime('%c|%x|%X|%D|%e|%-d|%_d|%^a|%Q|%k|%l|%C|%G|%V|%u|%E|%', time.gmtime(0)))
print(time.strftime('%Y', (2024, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.asctime(g), time.ctime(0), time.mktime(g), time.mktime(time.gmtime(0)))
print(time.struct_time((2024, 1, 1, 0, 0, 0, 0, 1, 0)))
print(type(time.localtime()).__name__, time.localtime(0) == time.gmtime(0))
try:
    time.gmtime('x')
except Exception as e:
    print(type(e).__name__, e)
try:
    time.strftime('%Y', (2024, 13, 1, 0, 0, 0, 0, 1, 0))
except Exception as e:
    print(type(e).__name__, e)
print(time.timezone, time.daylight)
