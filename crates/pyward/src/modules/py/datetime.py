"""datetime: dates, times, durations and fixed-offset time zones (CPython 3.11's API).

Written for pyward (not CPython's source): a date is its proleptic-Gregorian (year, month,
day), a timedelta is normalised (days, seconds, microseconds) with 0 <= seconds < 86400 and
0 <= microseconds < 10**6, and float arguments are converted exactly with round-half-even.
`now()`/`today()` read the sandbox clock through `time`; the local zone is UTC. Formatting
uses `time._format` (glibc in the C locale); parsing is `_strptime_*` at the end.
"""

import time as _time
from _datetime_delta import (timedelta, _tname, _cmp_error, _binop_error, _no_op,
                             _round_half_even)

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059
_EPOCH_ORD = 719163
_US_PER_DAY = 86400000000
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(y, m):
    return 29 if m == 2 and _is_leap(y) else _DAYS_IN_MONTH[m]


def _ymd2ord(y, m, d):
    return _time._days_from_civil(y, m, d) + _EPOCH_ORD


def _ord2ymd(n):
    return _time._civil(n - _EPOCH_ORD)


def _int_field(v):
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if hasattr(type(v), '__index__'):
        return v.__index__()
    raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")


def _check_date(year, month, day):
    year, month, day = _int_field(year), _int_field(month), _int_field(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'year {year} is out of range')
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time(hour, minute, second, microsecond, fold):
    hour, minute = _int_field(hour), _int_field(minute)
    second, microsecond = _int_field(second), _int_field(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError(f"tzinfo argument must be None or of a tzinfo subclass, "
                        f"not type '{type(tz).__name__}'")


def _fmt_offset(off, sep=':'):
    """'+HH:MM[:SS[.ffffff]]' for a timedelta offset, '' for None."""
    if off is None:
        return ''
    sign = '+'
    if off.days < 0:
        sign = '-'
        off = -off
    mm, ss = divmod(off.seconds, 60)
    hh, mm = divmod(mm, 60)
    s = f'{sign}{hh:02d}{sep}{mm:02d}'
    if ss or off.microseconds:
        s += f'{sep}{ss:02d}'
        if off.microseconds:
            s += f'.{off.microseconds:06d}'
    return s



class date:
    """A proleptic-Gregorian calendar date."""

    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month=None, day=None):
        if month is None:
            raise TypeError("function missing required argument 'month' (pos 2)")
        if day is None:
            raise TypeError("function missing required argument 'day' (pos 3)")
        year, month, day = _check_date(year, month, day)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        self._hashcode = -1
        return self

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d = _time.gmtime(t)[:3]
        return cls(y, m, d)

    @classmethod
    def fromordinal(cls, n):
        n = _int_field(n)
        if n < 1:
            raise ValueError('ordinal must be >= 1')
        if n > _MAXORDINAL:
            raise ValueError(f'year {_ord2ymd(n)[0]} is out of range')
        return cls(*_ord2ymd(n))

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        ymd = _parse_iso_date(s) if len(s) in (7, 8, 10) else None
        if ymd is None:
            raise ValueError(f'Invalid isoformat string: {s!r}')
        return cls(*ymd)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*_iso_to_ymd(year, week, day))

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def __repr__(self):
        return f'{_tname(self)}({self._year}, {self._month}, {self._day})'

    def isoformat(self):
        return f'{self._year:04d}-{self._month:02d}-{self._day:02d}'

    __str__ = isoformat

    def ctime(self):
        return _time.asctime(self.timetuple())

    def strftime(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f'strftime() argument 1 must be str, not {type(fmt).__name__}')
        return _strftime(self, fmt, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f'must be str, not {type(fmt).__name__}')
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def timetuple(self):
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                                  self.toordinal() - _ymd2ord(self._year, 1, 1) + 1, -1))

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        y = self._year
        week1 = _iso_week1_monday(y)
        today = self.toordinal()
        week, day = divmod(today - week1, 7)
        if week < 0:
            y -= 1
            week, day = divmod(today - _iso_week1_monday(y), 7)
        elif week >= 52 and today >= _iso_week1_monday(y + 1):
            y += 1
            week = 0
        return IsoCalendarDate(y, week + 1, day + 1)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    def _key(self):
        return (self._year, self._month, self._day)

    def _cmp(self, other, op):
        if isinstance(other, date) and not isinstance(other, datetime):
            a, b = self._key(), other._key()
            return (a > b) - (a < b)
        if isinstance(other, datetime):
            raise TypeError(f"can't compare {_tname(other)} to {_tname(self)}")
        raise _cmp_error(op, self, other)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() == other._key()
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        return self._cmp(other, '<') < 0

    def __le__(self, other):
        return self._cmp(other, '<=') <= 0

    def __gt__(self, other):
        return self._cmp(other, '>') > 0

    def __ge__(self, other):
        return self._cmp(other, '>=') >= 0

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if not 0 < n <= _MAXORDINAL:
                raise OverflowError('date value out of range')
            return type(self)(*_ord2ymd(n))
        return _no_op('+', self, other, other)

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self + other
        return _no_op('+', other, self, other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return _no_op('-', self, other, other)

    def __reduce__(self):
        return (type(self), self._key())


class IsoCalendarDate(tuple):
    """The (year, week, weekday) result of isocalendar()."""

    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    year = property(lambda self: self[0])
    week = property(lambda self: self[1])
    weekday = property(lambda self: self[2])

    def __repr__(self):
        return f'datetime.IsoCalendarDate(year={self[0]}, week={self[1]}, weekday={self[2]})'


def _iso_week1_monday(year):
    first = _ymd2ord(year, 1, 1)
    wd = (first + 6) % 7
    monday = first - wd
    if wd > 3:
        monday += 7
    return monday


def _iso_to_ymd(year, week, day):
    year, week, day = _int_field(year), _int_field(week), _int_field(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'Year is out of range: {year}')
    if not 0 < week < 53:
        ok = False
        if week == 53:
            first_wd = (_ymd2ord(year, 1, 1) + 6) % 7
            ok = first_wd == 3 or (first_wd == 2 and _is_leap(year))
        if not ok:
            raise ValueError(f'Invalid week: {week}')
    if not 0 < day < 8:
        raise ValueError(f'Invalid weekday: {day} (range is [1, 7])')
    return _ord2ymd(_iso_week1_monday(year) + (week - 1) * 7 + (day - 1))


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class tzinfo:
    """Abstract base class for time zone information."""

    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError('a tzinfo subclass must implement tzname()')

    def utcoffset(self, dt):
        raise NotImplementedError('a tzinfo subclass must implement utcoffset()')

    def dst(self, dt):
        raise NotImplementedError('a tzinfo subclass must implement dst()')

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc() requires a datetime argument')
        if dt.tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        off = dt.utcoffset()
        if off is None:
            raise ValueError('fromutc() requires a non-None utcoffset() result')
        dst = dt.dst()
        if dst is None:
            raise ValueError('fromutc() requires a non-None dst() result')
        delta = off - dst
        if delta:
            dt += delta
            dst = dt.dst()
        return dt + dst if dst else dt


class timezone(tzinfo):
    """A fixed offset from UTC."""

    __slots__ = ('_offset', '_name')

    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError(f'timezone() argument 1 must be datetime.timedelta, '
                            f'not {type(offset).__name__}')
        if name is not None and not isinstance(name, str):
            raise TypeError(f'timezone() argument 2 must be str, not {type(name).__name__}')
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError('offset must be a timedelta strictly between -timedelta(hours=24)'
                             f' and timedelta(hours=24), not {offset!r}.')
        self = object.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def utcoffset(self, dt):
        if dt is None or isinstance(dt, datetime):
            return self._offset
        raise TypeError('utcoffset() argument must be a datetime instance or None')

    def dst(self, dt):
        if dt is None or isinstance(dt, datetime):
            return None
        raise TypeError('dst() argument must be a datetime instance or None')

    def tzname(self, dt):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError('tzname() argument must be a datetime instance or None')
        if self._name is not None:
            return self._name
        if not self._offset:
            return 'UTC'
        return 'UTC' + _fmt_offset(self._offset)

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc() argument must be a datetime instance or None')
        if dt.tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        return dt + self._offset

    def __repr__(self):
        if self is timezone.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return f'{_tname(self)}({self._offset!r})'
        return f'{_tname(self)}({self._offset!r}, {self._name!r})'

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __getinitargs__(self):
        return (self._offset,) if self._name is None else (self._offset, self._name)


timezone.utc = timezone(timedelta(0))
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = timezone.utc


def _check_offset(name, off):
    if off is None:
        return None
    if not isinstance(off, timedelta):
        raise TypeError(f'tzinfo.{name}() must return None or timedelta, '
                        f'not {type(off).__name__!r}')
    if not -timedelta(1) < off < timedelta(1):
        raise ValueError(f'offset must be a timedelta strictly between -timedelta(hours=24) '
                         f'and timedelta(hours=24), not {off!r}.')
    return off


def _time_iso(h, m, s, us, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return f'{h:02d}'
    if timespec == 'minutes':
        return f'{h:02d}:{m:02d}'
    if timespec == 'seconds':
        return f'{h:02d}:{m:02d}:{s:02d}'
    if timespec == 'milliseconds':
        return f'{h:02d}:{m:02d}:{s:02d}.{us // 1000:03d}'
    if timespec == 'microseconds':
        return f'{h:02d}:{m:02d}:{s:02d}.{us:06d}'
    raise ValueError('Unknown timespec value')


def _time_repr_args(h, m, s, us):
    if us:
        return f'{h}, {m}, {s}, {us}'
    if s:
        return f'{h}, {m}, {s}'
    return f'{h}, {m}'


class time:
    """A time of day, optionally with a tzinfo."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold',
                 '_hashcode')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        h, m, s, us = _check_time(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour, self._minute, self._second, self._microsecond = h, m, s, us
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        t = _parse_iso_time(s[1:] if s[:1] == 'T' else s)
        if t is None:
            raise ValueError(f'Invalid isoformat string: {s!r}')
        return cls(*t)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset('utcoffset', self._tzinfo.utcoffset(None))

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset('dst', self._tzinfo.dst(None))

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(None)

    def isoformat(self, timespec='auto'):
        return (_time_iso(self._hour, self._minute, self._second, self._microsecond, timespec)
                + _fmt_offset(self.utcoffset()))

    __str__ = isoformat

    def __repr__(self):
        r = f'{_tname(self)}({_time_repr_args(self._hour, self._minute, self._second, self._microsecond)}'
        if self._tzinfo is not None:
            r += f', tzinfo={self._tzinfo!r}'
        if self._fold:
            r += ', fold=1'
        return r + ')'

    def strftime(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f'strftime() argument 1 must be str, not {type(fmt).__name__}')
        tt = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)
        return _strftime(self, fmt, tt)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f'must be str, not {type(fmt).__name__}')
        return self.strftime(fmt) if fmt else str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True,
                *, fold=None):
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def _us_of_day(self):
        return ((self._hour * 60 + self._minute) * 60 + self._second) * 1000000 + \
            self._microsecond

    def _cmp(self, other, op):
        if not isinstance(other, time):
            raise _cmp_error(op, self, other)
        a_off, b_off = self.utcoffset(), other.utcoffset()
        a, b = self._us_of_day(), other._us_of_day()
        if self._tzinfo is not other._tzinfo and a_off != b_off:
            if (a_off is None) != (b_off is None):
                if op in ('==', '!='):
                    return 2
                raise TypeError("can't compare offset-naive and offset-aware times")
            a -= a_off._us()
            b -= b_off._us()
        return (a > b) - (a < b)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._cmp(other, '==') == 0
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        return self._cmp(other, '<') < 0

    def __le__(self, other):
        return self._cmp(other, '<=') <= 0

    def __gt__(self, other):
        return self._cmp(other, '>') > 0

    def __ge__(self, other):
        return self._cmp(other, '>=') >= 0

    def __hash__(self):
        if self._hashcode == -1:
            off = self.utcoffset()
            us = self._us_of_day() - (off._us() if off else 0)
            self._hashcode = hash(us)
        return self._hashcode

    def __bool__(self):
        return True


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


class datetime(date):
    """A date and a time of day, optionally with a tzinfo."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0,
                tzinfo=None, *, fold=0):
        if month is None:
            raise TypeError("function missing required argument 'month' (pos 2)")
        if day is None:
            raise TypeError("function missing required argument 'day' (pos 3)")
        year, month, day = _check_date(year, month, day)
        h, m, s, us = _check_time(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        self._hour, self._minute, self._second, self._microsecond = h, m, s, us
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def _from_us(cls, us, tz=None):
        """The datetime `us` microseconds after 0001-01-01T00:00 (naive fields)."""
        days, rest = divmod(us, _US_PER_DAY)
        if not 0 <= days < _MAXORDINAL:
            raise OverflowError('date value out of range')
        y, mo, d = _ord2ymd(days + 1)
        secs, frac = divmod(rest, 1000000)
        return cls(y, mo, d, secs // 3600, secs // 60 % 60, secs % 60, frac, tz)

    def _local_us(self):
        return ((self.toordinal() - 1) * _US_PER_DAY
                + ((self._hour * 60 + self._minute) * 60 + self._second) * 1000000
                + self._microsecond)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        if not isinstance(t, (int, float)):
            raise TypeError(f"'{type(t).__name__}' object cannot be interpreted as an integer")
        if isinstance(t, float):
            if t != t:
                raise ValueError('Invalid value NaN (not a number)')
            if t in (float('inf'), float('-inf')):
                raise OverflowError('cannot convert float infinity to integer')
            n, d = t.as_integer_ratio()
            us = _round_half_even(n * 1000000, d)
        else:
            us = t * 1000000
        try:
            r = cls._from_us(us + _EPOCH_ORD * _US_PER_DAY - _US_PER_DAY, None)
        except (OverflowError, ValueError):
            raise ValueError('year is out of range') from None
        if tz is not None:
            r = tz.fromutc(r.replace(tzinfo=tz))
        return r

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls.fromtimestamp(t)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if not isinstance(date, globals()['date']):
            raise TypeError(f'combine() argument 1 must be datetime.date, '
                            f'not {type(date).__name__}')
        if not isinstance(time, globals()['time']):
            raise TypeError(f'combine() argument 2 must be datetime.time, '
                            f'not {type(time).__name__}')
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        r = _strptime.parse_iso_datetime(s)
        if r is None:
            raise ValueError(f'Invalid isoformat string: {s!r}')
        (y, mo, d), t = r
        if t is None:
            return cls(y, mo, d)
        return cls(y, mo, d, *_time_fields(t))

    @classmethod
    def strptime(cls, date_string, format):
        fields, off_us = _parse_strptime(date_string, format)
        tz = None
        if off_us is not None:
            tz = timezone.utc if off_us == 0 else timezone(timedelta(microseconds=off_us))
        return cls(*fields, tzinfo=tz)

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo,
                    fold=self._fold)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset('utcoffset', self._tzinfo.utcoffset(self))

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset('dst', self._tzinfo.dst(self))

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(self)

    def timetuple(self):
        dst = self.dst()
        isdst = -1 if dst is None else (1 if dst else 0)
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute,
                                  self._second, self.weekday(),
                                  self.toordinal() - _ymd2ord(self._year, 1, 1) + 1, isdst))

    def utctimetuple(self):
        off = self.utcoffset()
        dt = self - off if off else self
        t = dt.timetuple()
        return _time.struct_time(tuple(t[:8]) + (0,))

    def timestamp(self):
        off = self.utcoffset()
        us = self._local_us() - (off._us() if off is not None else 0)
        return (us - (_EPOCH_ORD - 1) * _US_PER_DAY) / 10**6

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        elif not isinstance(tz, tzinfo):
            raise TypeError(f'astimezone() argument 1 must be datetime.tzinfo, '
                            f'not {type(tz).__name__}')
        off = self.utcoffset()
        if off is None:
            off = timedelta(0)
        if self._tzinfo is tz:
            return self
        utc = (self - off).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def isoformat(self, sep='T', timespec='auto'):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError('isoformat() argument 1 must be a unicode character, '
                            f'not {type(sep).__name__}')
        return (f'{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}'
                + _time_iso(self._hour, self._minute, self._second, self._microsecond,
                            timespec)
                + _fmt_offset(self.utcoffset()))

    def __str__(self):
        return self.isoformat(' ')

    def __repr__(self):
        r = (f'{_tname(self)}({self._year}, {self._month}, {self._day}, '
             f'{_time_repr_args(self._hour, self._minute, self._second, self._microsecond)}')
        if self._tzinfo is not None:
            r += f', tzinfo={self._tzinfo!r}'
        if self._fold:
            r += ', fold=1'
        return r + ')'

    def ctime(self):
        return _time.asctime(self.timetuple())

    def strftime(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f'strftime() argument 1 must be str, not {type(fmt).__name__}')
        return _strftime(self, fmt, self.timetuple())

    def _cmp(self, other, op):
        if not isinstance(other, datetime):
            if isinstance(other, date):
                raise TypeError(f"can't compare {_tname(self)} to {_tname(other)}")
            raise _cmp_error(op, self, other)
        a, b = self._local_us(), other._local_us()
        if self._tzinfo is not other._tzinfo:
            a_off, b_off = self.utcoffset(), other.utcoffset()
            if (a_off is None) != (b_off is None):
                if op in ('==', '!='):
                    return 2
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            if a_off is not None:
                a -= a_off._us()
                b -= b_off._us()
        return (a > b) - (a < b)

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, '==') == 0
        if isinstance(other, date):
            return False
        return NotImplemented

    def __lt__(self, other):
        return self._cmp(other, '<') < 0

    def __le__(self, other):
        return self._cmp(other, '<=') <= 0

    def __gt__(self, other):
        return self._cmp(other, '>') > 0

    def __ge__(self, other):
        return self._cmp(other, '>=') >= 0

    def __hash__(self):
        if self._hashcode == -1:
            off = self.utcoffset()
            self._hashcode = hash(self._local_us() - (off._us() if off else 0))
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            return type(self)._from_us(self._local_us() + other._us(), self._tzinfo)
        return _no_op('+', self, other, other)

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self + other
        return _no_op('+', other, self, other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return type(self)._from_us(self._local_us() - other._us(), self._tzinfo)
        if isinstance(other, datetime):
            a, b = self._local_us(), other._local_us()
            if self._tzinfo is not other._tzinfo:
                a_off, b_off = self.utcoffset(), other.utcoffset()
                if (a_off is None) != (b_off is None):
                    raise TypeError("can't subtract offset-naive and offset-aware datetimes")
                if a_off is not None:
                    a -= a_off._us()
                    b -= b_off._us()
            return timedelta._from_us(a - b)
        return _no_op('-', self, other, other)

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day, self._hour, self._minute,
                             self._second, self._microsecond, self._tzinfo))


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)


def _time_fields(t):
    """(hour, minute, second, microsecond, tzinfo) from a parsed time with an offset in us."""
    h, m, s, us, off = t
    tz = None
    if off is not None:
        tz = timezone.utc if off == 0 else timezone(timedelta(microseconds=off))
    return h, m, s, us, tz


def _parse_iso_date(s):
    return _strptime.parse_iso_date(s)


def _parse_iso_time(s):
    t = _strptime.parse_iso_time(s)
    return None if t is None else _time_fields(t)


def _strftime(obj, fmt, tt):
    """CPython's wrap_strftime: %f, %z and %Z from the object, the rest from time."""
    out = []
    i, n = 0, len(fmt)
    while i < n:
        ch = fmt[i]
        if ch == '%' and i + 1 < n:
            c = fmt[i + 1]
            if c == 'f':
                out.append('%06d' % getattr(obj, 'microsecond', 0))
            elif c == 'z':
                off = obj.utcoffset() if hasattr(obj, 'utcoffset') else None
                out.append(_fmt_offset(off, ''))
            elif c == 'Z':
                name = obj.tzname() if hasattr(obj, 'tzname') else None
                out.append((name or '').replace('%', '%%'))
            else:
                out.append(fmt[i:i + 2])
            i += 2
            continue
        out.append(ch)
        i += 1
    return _time._format(''.join(out), tt, '', None)


def _parse_strptime(data, fmt):
    if not isinstance(data, str):
        raise TypeError(f'strptime() argument 1 must be str, not {type(data).__name__}')
    if not isinstance(fmt, str):
        raise TypeError(f'strptime() argument 2 must be str, not {type(fmt).__name__}')
    r = _strptime.strptime(data, fmt)
    y, mo, d = r['ymd']
    return (y, mo, d, r['H'], r['M'], r['S'], r['f']), r['z']


def _strptime_struct(data, fmt):
    """`time.strptime`: the struct_time of a parse."""
    if not isinstance(data, str):
        raise TypeError(f'strptime() argument 0 must be str, not {type(data).__name__}')
    r = _strptime.strptime(data, fmt)
    y, mo, d = r['ymd']
    _check_date(y, mo, d)
    wd = (_ymd2ord(y, mo, d) + 6) % 7
    yd = _ymd2ord(y, mo, d) - _ymd2ord(y, 1, 1) + 1
    off = r['z']
    return _time.struct_time((y, mo, d, r['H'], r['M'], r['S'], wd, yd, -1), r['Z'],
                             None if off is None else off // 1000000)


import _strptime
