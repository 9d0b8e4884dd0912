"""time: CPython 3.11's time module over the sandbox clock (`_sandbox`).

The wall clock and the monotonic clock come from the VM's OS policy; `sleep` advances a
virtual clock instead of blocking and counts against the run's duration limit. The local
time zone is UTC. `strftime` follows glibc in the C locale (and `datetime` uses it too).
"""

import _sandbox

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_DAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
           'September', 'October', 'November', 'December')
_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday',
           'tm_yday', 'tm_isdst')


def time():
    return _sandbox.time_ns() / 1e9


def time_ns():
    return _sandbox.time_ns()


def monotonic():
    return _sandbox.monotonic_ns() / 1e9


def monotonic_ns():
    return _sandbox.monotonic_ns()


perf_counter = monotonic
perf_counter_ns = monotonic_ns
process_time = monotonic
process_time_ns = monotonic_ns
thread_time = monotonic
thread_time_ns = monotonic_ns
sleep = _sandbox.sleep


class struct_time(tuple):
    """The 9-field time tuple, with tm_zone and tm_gmtoff attributes."""

    n_fields = 11
    n_sequence_fields = 9
    n_unnamed_fields = 0

    def __new__(cls, seq, zone=None, gmtoff=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError(f'time.struct_time() takes an at least 9-sequence '
                            f'({len(seq)}-sequence given)')
        if len(seq) > 11:
            raise TypeError(f'time.struct_time() takes an at most 11-sequence '
                            f'({len(seq)}-sequence given)')
        self = tuple.__new__(cls, seq[:9])
        self._zone = seq[9] if len(seq) > 9 else zone
        self._gmtoff = seq[10] if len(seq) > 10 else gmtoff
        return self

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._zone)
    tm_gmtoff = property(lambda self: self._gmtoff)

    def __repr__(self):
        inner = ', '.join(f'{n}={v!r}' for n, v in zip(_FIELDS, self))
        return f'time.struct_time({inner})'

    __str__ = __repr__

    def __reduce__(self):
        return (struct_time, (tuple(self),))


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _civil(days):
    """(year, month, day) of `days` since 1970-01-01 (Howard Hinnant's algorithm)."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + 1 if m <= 2 else y), m, d


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    mp = m - 3 if m > 2 else m + 9
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _yday(y, m, d):
    return _days_from_civil(y, m, d) - _days_from_civil(y, 1, 1) + 1


def _secs_arg(secs):
    if secs is None:
        return int(time())
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError('Invalid value NaN (not a number)')
        if secs in (float('inf'), float('-inf')):
            raise OverflowError('timestamp out of range for platform time_t')
        return int(secs // 1)
    if isinstance(secs, int):
        return secs
    raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer")


def gmtime(secs=None):
    s = _secs_arg(secs)
    days, rem = divmod(s, 86400)
    y, m, d = _civil(days)
    if not -2147481748 <= y <= 2147485547:
        raise OverflowError('timestamp out of range for platform time_t')
    return struct_time((y, m, d, rem // 3600, rem // 60 % 60, rem % 60, (days + 3) % 7,
                        _yday(y, m, d), 0), 'GMT', 0)


def localtime(secs=None):
    t = gmtime(secs)
    return struct_time(tuple(t), 'UTC', 0)


def _tuple_arg(t, fname):
    if t is None:
        return localtime()
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError(f'{fname}(): illegal time tuple argument')
    return t


def mktime(t):
    t = _tuple_arg(t, 'mktime')
    y, m, d, hh, mm, ss = t[:6]
    return float(_days_from_civil(y, 1, 1) * 86400 + _month_days_offset(y, m) * 86400
                 + (d - 1) * 86400 + hh * 3600 + mm * 60 + ss)


def _month_days_offset(y, m):
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    return _days_from_civil(y, m, 1) - _days_from_civil(y, 1, 1)


timegm = mktime


def asctime(t=None):
    t = _tuple_arg(t, 'asctime')
    return '%s %s %2d %02d:%02d:%02d %d' % (_DAYS[t[6] % 7][:3], _MONTHS[(t[1] - 1) % 12][:3],
                                            t[2], t[3], t[4], t[5], t[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def _iso_week(y, yday, wday):
    """(ISO year, ISO week) from the year, day of year (1-based) and weekday (Monday 0)."""
    week = (yday - wday + 9) // 7
    if week < 1:
        y -= 1
        prev_days = 366 if _is_leap(y) else 365
        week = (yday + prev_days - wday + 9) // 7
    elif week == 53:
        days = 366 if _is_leap(y) else 365
        if yday - wday + 3 > days:
            y += 1
            week = 1
    return y, week


def _directive(c, t, zone, gmtoff):
    y, mon, mday, hh, mm, ss, wday, yday = t[:8]
    if c == 'Y':
        return str(y), None
    if c == 'm':
        return mon, 2
    if c == 'd':
        return mday, 2
    if c == 'e':
        return mday, -2
    if c == 'H':
        return hh, 2
    if c == 'k':
        return hh, -2
    if c == 'I':
        return (hh % 12 or 12), 2
    if c == 'l':
        return (hh % 12 or 12), -2
    if c == 'M':
        return mm, 2
    if c == 'S':
        return ss, 2
    if c == 'p':
        return ('AM' if hh < 12 else 'PM'), None
    if c == 'P':
        return ('am' if hh < 12 else 'pm'), None
    if c == 'y':
        return y % 100, 2
    if c == 'C':
        return y // 100, 2
    if c == 'j':
        return yday, 3
    if c == 'a':
        return _DAYS[wday % 7][:3], None
    if c == 'A':
        return _DAYS[wday % 7], None
    if c in 'bh':
        return _MONTHS[(mon - 1) % 12][:3], None
    if c == 'B':
        return _MONTHS[(mon - 1) % 12], None
    if c == 'w':
        return (wday + 1) % 7, 1
    if c == 'u':
        return wday % 7 + 1, 1
    if c == 'U':
        return (yday - 1 + 7 - (wday + 1) % 7) // 7, 2
    if c == 'W':
        return (yday - 1 + 7 - wday % 7) // 7, 2
    if c in 'GgV':
        iy, iw = _iso_week(y, yday, wday % 7)
        if c == 'G':
            return str(iy), None
        return (iy % 100 if c == 'g' else iw), 2
    if c == 'Z':
        return (zone or ''), None
    if c == 'z':
        if gmtoff is None:
            return '', None
        sign = '-' if gmtoff < 0 else '+'
        off = abs(gmtoff)
        return '%s%02d%02d' % (sign, off // 3600, off // 60 % 60), None
    if c == 'c':
        return asctime(tuple(t[:9])), None
    if c in 'xD':
        return '%02d/%02d/%02d' % (mon, mday, y % 100), None
    if c in 'XT':
        return '%02d:%02d:%02d' % (hh, mm, ss), None
    if c == 'R':
        return '%02d:%02d' % (hh, mm), None
    if c == 'r':
        return '%02d:%02d:%02d %s' % (hh % 12 or 12, mm, ss, 'AM' if hh < 12 else 'PM'), None
    if c == 'F':
        return '%d-%02d-%02d' % (y, mon, mday), None
    if c == 's':
        return str(int(mktime(tuple(t[:9])))), None
    if c == 'n':
        return '\n', None
    if c == 't':
        return '\t', None
    if c == '%':
        return '%', None
    return None, None


def _format(fmt, t, zone, gmtoff):
    """glibc strftime in the C locale over the 9 fields of `t`."""
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch != '%':
            out.append(ch)
            i += 1
            continue
        j = i + 1
        flag = ''
        while j < n and fmt[j] in '-_0^#':
            flag += fmt[j]
            j += 1
        if j >= n:
            out.append(fmt[i:])
            break
        c = fmt[j]
        val, width = _directive(c, t, zone, gmtoff)
        if val is None:
            out.append(fmt[i:j + 1])
        else:
            if width is not None:
                pad = '0' if width > 0 else ' '
                width = abs(width)
                if '-' in flag:
                    s = str(val)
                elif '_' in flag:
                    s = str(val).rjust(width, ' ')
                elif '0' in flag:
                    s = str(val).rjust(width, '0')
                else:
                    s = str(val).rjust(width, pad)
            else:
                s = val
            if '^' in flag:
                s = s.upper()
            out.append(s)
        i = j + 1
    return ''.join(out)


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError(f'strftime() argument 1 must be str, not {type(format).__name__}')
    if t is None:
        t = localtime()
    t = _tuple_arg(t, 'strftime')
    for v in t:
        if not isinstance(v, int):
            raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    if not 1 <= t[1] <= 12 and t[1] != 0:
        raise ValueError('month out of range')
    if not 0 <= t[3] <= 23:
        raise ValueError('hour out of range')
    if not 0 <= t[4] <= 59:
        raise ValueError('minute out of range')
    if not 0 <= t[5] <= 61:
        raise ValueError('seconds out of range')
    if not 0 <= t[7] <= 366 and t[7] != 0:
        raise ValueError('day of year out of range')
    fields = list(t)
    if fields[1] == 0:
        fields[1] = 1
    if fields[2] == 0:
        fields[2] = 1
    if fields[7] == 0:
        fields[7] = 1
    fields[6] = (fields[6] + 0) % 7
    zone = getattr(t, 'tm_zone', None)
    gmtoff = getattr(t, 'tm_gmtoff', None)
    if zone is None:
        zone = 'UTC'
    if gmtoff is None:
        gmtoff = 0
    return _format(format, fields, zone, gmtoff)


def strptime(string, format='%a %b %d %H:%M:%S %Y'):
    import datetime
    return datetime._strptime_struct(string, format)


def get_clock_info(name):
    raise ValueError('unknown clock')
