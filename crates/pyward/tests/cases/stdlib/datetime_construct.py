from datetime import date, datetime, time, timedelta, timezone, MINYEAR, MAXYEAR


def t(f):
    try:
        r = f()
        print(repr(r), '|', str(r))
    except Exception as e:
        print(type(e).__name__, e)


print(MINYEAR, MAXYEAR)
t(lambda: date(2024, 2, 29))
t(lambda: date(0, 1, 1))
t(lambda: date(10000, 1, 1))
t(lambda: date(2024, 13, 1))
t(lambda: date(2023, 2, 29))
t(lambda: date(2024, 4, 31))
t(lambda: date('2024', 1, 1))
t(lambda: date(2024.0, 1, 1))
t(lambda: date(2024, 1))
t(lambda: time(24))
t(lambda: time(1, 60))
t(lambda: time(1, 1, 60))
t(lambda: time(1, 1, 1, 1000000))
t(lambda: time(9, 5))
t(lambda: time(23, 59, 59, 500000))
t(lambda: time(0, 0, 1))
t(lambda: time())
t(lambda: datetime(2024, 1, 1, 25))
t(lambda: datetime(2024, 2, 28, 13, 5))
t(lambda: datetime(2024, 1, 1, 0, 0, 0, 250))
t(lambda: datetime(2024, 1, 1, 0, 0, 7))
t(lambda: datetime(2024, 1, 1, tzinfo=5))
d = date(2024, 7, 4)
print(d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.toordinal(), d.isocalendar())
print(d.isocalendar().week, d.isocalendar()[0], date(2024, 12, 30).isocalendar(),
      date(2021, 1, 3).isocalendar(), date(2026, 12, 31).isocalendar())
print(date.fromordinal(738000), date.fromordinal(1), date.fromisocalendar(2024, 1, 1))
t(lambda: date.fromordinal(0))
t(lambda: date.fromisocalendar(2024, 54, 1))
print(d.timetuple())
print(d.timetuple().tm_yday, d.ctime(), datetime(2024, 3, 1, 5, 6, 7).timetuple())
t(lambda: d.replace(month=12))
t(lambda: d.replace(day=40))
t(lambda: datetime(2024, 1, 31, 10).replace(month=2))
t(lambda: datetime(2024, 1, 1).replace(year=2025, hour=3, microsecond=7))
print(date.min, date.max, datetime.min, datetime.max, time.min, time.max)
print(date.resolution, datetime.resolution)
dt = datetime(2024, 3, 15, 14, 30, 5, 123)
print(dt.date(), dt.time(), dt.timetz(), dt.hour, dt.minute, dt.second, dt.microsecond)
print(datetime.combine(date(2024, 1, 2), time(3, 4)))
print(isinstance(dt, date), isinstance(d, datetime), type(dt).__name__)
print(date(2024, 1, 1) < date(2024, 1, 2), date(2024, 1, 1) == date(2024, 1, 1))
t(lambda: date(2024, 1, 1) < datetime(2024, 1, 1))
t(lambda: date(2024, 1, 1) == datetime(2024, 1, 1))
t(lambda: datetime(2024, 1, 1) < date(2024, 1, 1))
t(lambda: date(2024, 1, 1) < 5)
print(hash(date(2024, 1, 1)) == hash(date(2024, 1, 1)), len({date(2024, 1, 1), date(2024, 1, 1)}))
print(len({datetime(2024, 1, 1, 12), datetime(2024, 1, 1, 12, tzinfo=timezone.utc)}))
print(sorted([date(2024, 5, 1), date(2023, 5, 1), date(2024, 1, 1)]))
print({date(2024, 1, 1): 'x'}[date(2024, 1, 1)])
now = datetime.now()
print(type(now).__name__, now.year >= 2024, type(date.today()).__name__)
print(type(datetime.utcnow()).__name__, datetime.now(timezone.utc).tzinfo)
a = datetime.now()
b = datetime.now()
print(b >= a)
print(datetime.fromtimestamp(0), datetime.fromtimestamp(1e9, timezone.utc), date.fromtimestamp(86400 * 365))
print(datetime(2024, 1, 1, tzinfo=timezone.utc).timestamp(), datetime(2001, 9, 9, 1, 46, 40).timestamp())
print(datetime.fromtimestamp(1700000000.5))


class MyDate(date):
    def label(self):
        return f'<{self.isoformat()}>'


m = MyDate(2024, 5, 6)
print(m.label(), repr(m), type(m + timedelta(1)).__name__)
