from datetime import date, datetime, time, timedelta, timezone


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


d = date(2024, 2, 28)
dt = datetime(2024, 3, 5, 14, 30, 5, 42)
for fmt in ['%d/%m/%Y', '%A %B %d, %Y', '%a %b %j %U %W', '%y%m%d', '%c', '%x', '%X', '%%',
            '%Y-%m-%dT%H:%M:%S.%f', '%I:%M %p', '%H%M%S', '%Z|%z', '%w %u %G-%V',
            '%e %-d %-m %k', '%D %T %F %R', 'plain text', '%Q', '%']:
    print(repr(fmt), repr(d.strftime(fmt)), repr(dt.strftime(fmt)))
print(date(2024, 1, 1).strftime('%U %W %V'), date(2023, 1, 1).strftime('%U %W %V %G'))
print(date(999, 1, 1).strftime('%Y'), date(2024, 12, 31).strftime('%j'))
print(time(1, 2, 3, 4).strftime('%H %M %S %f %p'), time(13).strftime('%I %p'))
aware = datetime(2024, 1, 1, 9, tzinfo=timezone(timedelta(hours=-5)))
print(aware.strftime('%z|%Z|%c'), datetime(2024, 1, 1, tzinfo=timezone.utc).strftime('%z %Z'))
print(format(d, '%d %b'), f'{dt:%Y/%m}', format(d, ''), f'{dt}', f'{time(4, 5):%H}')
print(d.isoformat(), dt.isoformat(), dt.isoformat(sep=' '), dt.isoformat(timespec='milliseconds'))
for spec in ['hours', 'minutes', 'seconds', 'microseconds', 'auto']:
    print(spec, dt.isoformat(timespec=spec), time(1, 2).isoformat(spec))
t(lambda: dt.isoformat(timespec='bad'))
print(aware.isoformat(), str(aware), repr(aware))
for s in ['2023-07-04T08:15:00', '2024-01-01T10:00:00.1234567', '2024-01-01T10:00:00,5',
          '2024-01-01T10:00:00.12', '2024-W01-2', '2024W012', '2024-01-01X10:00',
          '2024-01-0110:00', '2024-01-01T1000', '2024-01-01T10:00+0530',
          '2024-01-01T10:00:00-03', '2024-01-01T24:00', '2024-01-01 ', '2024-01-01T10:00:00.',
          '2024-01-01T10:00Z', '20240101T100000', '2024-01-01T10', '2024-01-01', 'x', '']:
    t(lambda: datetime.fromisoformat(s))
for s in ['10', '1000', '10:00:00Z', '10:00:00+01:00', 'T10:00', '10:00:00.5', '1', '10:7']:
    t(lambda: time.fromisoformat(s))
for s in ['20240101', '2024-W01', '2024-001', '2024-1-01', '2020-02-29', '2024-13-01']:
    t(lambda: date.fromisoformat(s))
t(lambda: date.fromisoformat(5))
for s, f in [('05/06/2022 13:45', '%d/%m/%Y %H:%M'), ('2024-13-01', '%Y-%m-%d'),
             ('2024-01-01 x', '%Y-%m-%d'), ('2024', '%Y-%m'),
             ('Mon Jan 01 2024 3PM', '%a %b %d %Y %I%p'),
             ('2024-01-01T10:00:00+0530', '%Y-%m-%dT%H:%M:%S%z'), ('1.5', '%S.%f'),
             ('24/1/5', '%y/%m/%d'), ('70', '%y'), ('Z', '%z'), ('2024 100', '%Y %j'),
             ('  2024', '%Y'), ('2024-1-5', '%Y-%m-%d'), ('january 5', '%B %d'),
             ('UTC', '%Z'), ('2024', '%Y %Q'), ('12:00 AM', '%I:%M %p'),
             ('2024-02-30', '%Y-%m-%d'), ('2024 10 3', '%Y %W %w'), ('2024 10 3', '%Y %U %w'),
             ('2024 W10 3', '%G W%V %u'), ('Tue, 05 Mar 2024 14:30:05 -0200',
                                            '%a, %d %b %Y %H:%M:%S %z'),
             ('03/05/24 14:30:05', '%x %X'), ('Tue Mar  5 14:30:05 2024', '%c'),
             ('2024-03-05  14:30', '%Y-%m-%d %H:%M'), ('29 Feb', '%d %b'), ('2024%', '%Y%%')]:
    t(lambda: datetime.strptime(s, f))
t(lambda: datetime.strptime(5, '%Y'))
import time as _t
print(_t.strptime('2024-03-05', '%Y-%m-%d'))
