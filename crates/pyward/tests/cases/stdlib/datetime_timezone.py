from datetime import datetime, timedelta, timezone, tzinfo, time, UTC


def t(f):
    try:
        r = f()
        print(repr(r), '|', str(r))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: timezone.utc)
t(lambda: UTC is timezone.utc)
t(lambda: timezone(timedelta(hours=1)))
t(lambda: timezone(timedelta(hours=-1, minutes=-30)))
t(lambda: timezone(timedelta(hours=1), 'CET'))
t(lambda: timezone(timedelta(hours=24)))
t(lambda: timezone(5))
t(lambda: timezone(timedelta(0)) == timezone.utc)
t(lambda: timezone(timedelta(hours=5, minutes=30)).tzname(None))
t(lambda: timezone(timedelta(seconds=3661)).tzname(None))
t(lambda: timezone.utc.utcoffset(None))
t(lambda: timezone.utc.dst(None))
t(lambda: (timezone.min, timezone.max))
ist = timezone(timedelta(hours=5, minutes=30))
a = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
b = datetime(2024, 1, 1, 17, 30, tzinfo=ist)
t(lambda: a == b)
t(lambda: hash(a) == hash(b))
t(lambda: a - b)
t(lambda: b.astimezone(timezone.utc))
t(lambda: a.astimezone(ist))
t(lambda: a.astimezone(timezone(timedelta(hours=-8))))
t(lambda: datetime(2024, 1, 1, 12).astimezone(timezone.utc))
t(lambda: a.utcoffset())
t(lambda: a.tzname())
t(lambda: b.tzname())
t(lambda: datetime(2024, 1, 1).utcoffset())
t(lambda: datetime(2024, 1, 1) < a)
t(lambda: datetime(2024, 1, 1) == a)
t(lambda: datetime(2024, 1, 1) - a)
t(lambda: a + timedelta(hours=30))
t(lambda: a.replace(tzinfo=None))
t(lambda: a.timestamp())
t(lambda: b.timestamp())
t(lambda: a.utctimetuple())
t(lambda: datetime.fromtimestamp(86400, ist))
t(lambda: time(10, 0, tzinfo=timezone.utc))
t(lambda: time(10, 0, tzinfo=ist).utcoffset())
t(lambda: time(10, 0, tzinfo=ist) < time(10, 0))
t(lambda: time(10, 0, tzinfo=ist) == time(4, 30, tzinfo=timezone.utc))


class Fixed(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=2)

    def dst(self, dt):
        return timedelta(0)

    def tzname(self, dt):
        return 'FIX'

    def __repr__(self):
        return 'Fixed()'


f = datetime(2024, 6, 1, 8, tzinfo=Fixed())
t(lambda: f)
t(lambda: f.utcoffset())
t(lambda: f.strftime('%H:%M %Z %z'))
t(lambda: f.astimezone(timezone.utc))
t(lambda: f == a.replace(month=6, hour=6))
t(lambda: tzinfo().utcoffset(None))
