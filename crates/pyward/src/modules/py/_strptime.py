"""Parsing for datetime and time: ISO 8601 (CPython 3.11's fromisoformat grammar) and
strptime in the C locale (the regular expressions of CPython's _strptime.TimeRE).

Results are plain tuples and dicts; datetime.py builds the objects, so range errors come
from its constructors with CPython's messages. Offsets are in microseconds.
"""

import re
import time as _time

_DAYS = ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')
_MONTHS = ('january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
           'september', 'october', 'november', 'december')


def _digits(s):
    return len(s) > 0 and all('0' <= c <= '9' for c in s)


def _num(s):
    if not _digits(s):
        raise ValueError('not a number')
    return int(s)


def _iso_week_to_ymd(year, week, day):
    if not 0 < week < 53:
        first_wd = (_time._days_from_civil(year, 1, 1) + 3) % 7
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        if not (week == 53 and (first_wd == 3 or (first_wd == 2 and leap))):
            raise ValueError(f'Invalid week: {week}')
    if not 0 < day < 8:
        raise ValueError(f'Invalid weekday: {day} (range is [1, 7])')
    first = _time._days_from_civil(year, 1, 1)
    wd = (first + 3) % 7
    monday = first - wd + (7 if wd > 3 else 0)
    return _time._civil(monday + (week - 1) * 7 + day - 1)


def _iso_date(s):
    year = _num(s[0:4])
    has_sep = s[4:5] == '-'
    pos = 4 + has_sep
    if s[pos:pos + 1] == 'W':
        pos += 1
        week = _num(s[pos:pos + 2])
        pos += 2
        day = 1
        if len(s) > pos:
            if (s[pos:pos + 1] == '-') != has_sep:
                raise ValueError('Inconsistent use of dash separator')
            pos += has_sep
            day = _num(s[pos:pos + 1])
            pos += 1
        if pos != len(s):
            raise ValueError('trailing characters')
        return _iso_week_to_ymd(year, week, day)
    month = _num(s[pos:pos + 2])
    pos += 2
    if (s[pos:pos + 1] == '-') != has_sep:
        raise ValueError('Inconsistent use of dash separator')
    pos += has_sep
    day = _num(s[pos:pos + 2])
    if pos + 2 != len(s):
        raise ValueError('trailing characters')
    return year, month, day


def parse_iso_date(s):
    """(year, month, day) of an ISO date string, or None when it is malformed."""
    try:
        return _iso_date(s)
    except ValueError:
        return None


def _hh_mm_ss_ff(s):
    comps = [0, 0, 0, 0]
    pos = 0
    n = len(s)
    has_sep = False
    for comp in range(3):
        if n - pos < 2:
            raise ValueError('Incomplete time component')
        comps[comp] = _num(s[pos:pos + 2])
        pos += 2
        nxt = s[pos:pos + 1]
        if comp == 0:
            has_sep = nxt == ':'
        if not nxt or comp >= 2:
            break
        if has_sep and nxt != ':':
            raise ValueError('Invalid time separator')
        pos += has_sep
    if pos < n:
        if s[pos] not in '.,':
            raise ValueError('Invalid microsecond component')
        pos += 1
        rest = n - pos
        take = min(rest, 6)
        if take == 0:
            raise ValueError('empty fraction')
        comps[3] = _num(s[pos:pos + take]) * 10 ** (6 - take)
        if rest > take and not _digits(s[pos + take:]):
            raise ValueError('Non-digit values in unparsed fraction')
    return comps


def _iso_time(s):
    n = len(s)
    if n < 2:
        raise ValueError('Isoformat time too short')
    tz_pos = (s.find('-') + 1 or s.find('+') + 1 or s.find('Z') + 1)
    timestr = s[:tz_pos - 1] if tz_pos > 0 else s
    h, m, sec, us = _hh_mm_ss_ff(timestr)
    off = None
    if tz_pos == n and s[-1] == 'Z':
        off = 0
    elif tz_pos > 0:
        tzstr = s[tz_pos:]
        if len(tzstr) in (0, 1, 3):
            raise ValueError('Malformed time zone string')
        th, tm, ts, tus = _hh_mm_ss_ff(tzstr)
        off = ((th * 60 + tm) * 60 + ts) * 1000000 + tus
        if s[tz_pos - 1] == '-':
            off = -off
    return h, m, sec, us, off


def parse_iso_time(s):
    """(hour, minute, second, microsecond, offset or None), or None when malformed."""
    try:
        return _iso_time(s)
    except ValueError:
        return None


def _date_end(s):
    """Where the date part of an ISO datetime string ends (CPython's separator search)."""
    n = len(s)
    if n == 7:
        return 7
    if s[4:5] == '-':
        if s[5:6] == 'W':
            if n > 8 and s[8] == '-':
                if n == 9:
                    raise ValueError('Invalid ISO string')
                if n > 10 and _digits(s[10]):
                    return 8
                return 10
            return 8
        return 10
    if s[4:5] == 'W':
        idx = 7
        while idx < n and _digits(s[idx]):
            idx += 1
        if idx < 9:
            return idx
        return 7 if idx % 2 == 0 else 8
    return 8


def parse_iso_datetime(s):
    """((y, m, d), time tuple or None), or None when malformed."""
    try:
        if len(s) < 7:
            return None
        end = _date_end(s)
        ymd = _iso_date(s[:end])
        if len(s) == end:
            return ymd, None
        t = s[end + 1:]
        if not t:
            return None
        return ymd, _iso_time(t)
    except ValueError:
        return None


def _alt(names):
    return '(?:' + '|'.join(sorted(names, key=len, reverse=True)) + ')'


_RE = {
    'd': r'(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])',
    'f': r'(?P<f>[0-9]{1,6})',
    'H': r'(?P<H>2[0-3]|[0-1]\d|\d)',
    'I': r'(?P<I>1[0-2]|0[1-9]|[1-9])',
    'G': r'(?P<G>\d\d\d\d)',
    'j': r'(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])',
    'm': r'(?P<m>1[0-2]|0[1-9]|[1-9])',
    'M': r'(?P<M>[0-5]\d|\d)',
    'S': r'(?P<S>6[0-1]|[0-5]\d|\d)',
    'U': r'(?P<U>5[0-3]|[0-4]\d|\d)',
    'W': r'(?P<W>5[0-3]|[0-4]\d|\d)',
    'w': r'(?P<w>[0-6])',
    'u': r'(?P<u>[1-7])',
    'V': r'(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)',
    'y': r'(?P<y>\d\d)',
    'Y': r'(?P<Y>\d\d\d\d)',
    'z': r'(?P<z>[+-]\d\d:?[0-5]\d(?::?[0-5]\d(?:\.\d{1,6})?)?|Z)',
    'A': '(?P<A>' + _alt(_DAYS) + ')',
    'a': '(?P<a>' + _alt([d[:3] for d in _DAYS]) + ')',
    'B': '(?P<B>' + _alt(_MONTHS) + ')',
    'b': '(?P<b>' + _alt([m[:3] for m in _MONTHS]) + ')',
    'p': '(?P<p>am|pm)',
    'Z': '(?P<Z>utc|gmt)',
    '%': '%',
}
_COMPOSITE = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S'}
_cache = {}


def _pattern(fmt):
    out = []
    seen = set()
    i, n = 0, len(fmt)
    while i < n:
        ch = fmt[i]
        if ch == '%':
            if i + 1 >= n:
                raise ValueError(f"stray % in format '{fmt}'")
            c = fmt[i + 1]
            if c in _COMPOSITE:
                out.append(_pattern(_COMPOSITE[c]))
            elif c in _RE:
                p = _RE[c]
                if c in seen and c != '%':
                    p = p.replace('(?P<' + c + '>', '(?:')
                seen.add(c)
                out.append(p)
            else:
                raise ValueError(f"'{c}' is a bad directive in format '{fmt}'")
            i += 2
        elif ch.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            out.append(r'\s+')
        else:
            out.append(re.escape(ch))
            i += 1
    return ''.join(out)


def strptime(data, fmt):
    """Parse `data`; a dict of ymd, H, M, S, f, z (offset in us or None) and Z."""
    rx = _cache.get(fmt)
    if rx is None:
        rx = re.compile(_pattern(fmt), re.IGNORECASE)
        _cache[fmt] = rx
    found = rx.match(data)
    if found is None:
        raise ValueError(f'time data {data!r} does not match format {fmt!r}')
    if len(data) != found.end():
        raise ValueError(f'unconverted data remains: {data[found.end():]}')
    g = {k: v for k, v in found.groupdict().items() if v is not None}
    year = None
    month = day = 1
    hour = minute = second = fraction = 0
    off = None
    zone = None
    weekday = julian = None
    week_of_year = None
    week_starts_mon = False
    iso_year = iso_week = None
    if 'y' in g:
        year = int(g['y'])
        year += 2000 if year <= 68 else 1900
    if 'Y' in g:
        year = int(g['Y'])
    if 'G' in g:
        iso_year = int(g['G'])
    if 'm' in g:
        month = int(g['m'])
    if 'B' in g:
        month = _MONTHS.index(g['B'].lower()) + 1
    if 'b' in g:
        month = [m[:3] for m in _MONTHS].index(g['b'].lower()) + 1
    if 'd' in g:
        day = int(g['d'])
    if 'H' in g:
        hour = int(g['H'])
    if 'I' in g:
        hour = int(g['I'])
        ampm = g.get('p', '').lower()
        if ampm in ('', 'am'):
            if hour == 12:
                hour = 0
        elif hour != 12:
            hour += 12
    if 'M' in g:
        minute = int(g['M'])
    if 'S' in g:
        second = int(g['S'])
    if 'f' in g:
        fraction = int(g['f'] + '0' * (6 - len(g['f'])))
    if 'A' in g:
        weekday = _DAYS.index(g['A'].lower())
    if 'a' in g:
        weekday = [d[:3] for d in _DAYS].index(g['a'].lower())
    if 'w' in g:
        weekday = (int(g['w']) - 1) % 7
    if 'u' in g:
        weekday = int(g['u']) - 1
    if 'j' in g:
        julian = int(g['j'])
    if 'U' in g:
        week_of_year = int(g['U'])
    if 'W' in g:
        week_of_year = int(g['W'])
        week_starts_mon = True
    if 'V' in g:
        iso_week = int(g['V'])
    if 'z' in g:
        z = g['z']
        if z in ('Z', 'z'):
            off = 0
        else:
            if z[3:4] == ':':
                z = z[:3] + z[4:]
                if len(z) > 5:
                    if z[5] != ':':
                        raise ValueError(f'Inconsistent use of : in {g["z"]}')
                    z = z[:5] + z[6:]
            hours, minutes = int(z[1:3]), int(z[3:5])
            seconds = int(z[5:7] or 0)
            us = z[8:]
            us = int(us + '0' * (6 - len(us))) if us else 0
            off = ((hours * 60 + minutes) * 60 + seconds) * 1000000 + us
            if z.startswith('-'):
                off = -off
    if 'Z' in g:
        zone = g['Z'].upper()
    if iso_year is not None:
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO year "
                             "directive '%G'. Use '%Y' instead.")
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week "
                             "directive '%V' and a weekday directive ('%A', '%a', '%w', "
                             "or '%u').")
    elif iso_week is not None:
        if year is None or weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year "
                             "directive '%G' and a weekday directive ('%A', '%a', '%w', "
                             "or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year directive "
                         "'%Y'. Use the ISO year '%G' instead.")
    leap_default = False
    if year is None:
        if month == 2 and day == 29:
            year = 1904
            leap_default = True
        else:
            year = 1900
    if julian is None and weekday is not None:
        if week_of_year is not None:
            first_wd = (_time._days_from_civil(year, 1, 1) + 3) % 7
            wd = weekday
            if not week_starts_mon:
                first_wd = (first_wd + 1) % 7
                wd = (wd + 1) % 7
            if week_of_year == 0:
                julian = 1 + wd - first_wd
            else:
                julian = 1 + (7 - first_wd) % 7 + 7 * (week_of_year - 1) + wd
        elif iso_year is not None and iso_week is not None:
            y, month, day = _iso_week_to_ymd(iso_year, iso_week, weekday + 1)
            year = y
    if julian is not None:
        if julian <= 0:
            year -= 1
            julian += 366 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 365
        year, month, day = _time._civil(_time._days_from_civil(year, 1, 1) + julian - 1)
    if leap_default:
        year = 1900
    return {'ymd': (year, month, day), 'H': hour, 'M': minute, 'S': second, 'f': fraction,
            'z': off, 'Z': zone}
