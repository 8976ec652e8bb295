#!/usr/bin/python3
"""Reference periods for satmetrics' period tests, computed with Python's
datetime and zoneinfo (the IANA database), independently of the Go code.

For instants around daylight-saving changes and year ends in several zones,
it writes the instant (Unix seconds), the zone, and the canonical label of the
day, ISO week, month, quarter and year that contain it, plus the Unix time of
the first instant of each of those periods (the first instant whose local
date is on or after the period's first day). Run: /usr/bin/python3 gen_periods.py > periods.csv
"""
import csv, sys, random
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

zones = ["UTC", "America/New_York", "Europe/London", "Europe/Berlin",
         "Australia/Lord_Howe", "America/Sao_Paulo", "Pacific/Apia",
         "Asia/Kolkata", "America/St_Johns", "Asia/Tehran"]

def day_start(d, tz):
    # first instant whose local date is on or after d, by bisection on seconds
    guess = datetime(d.year, d.month, d.day, tzinfo=timezone.utc).timestamp()
    lo, hi = int(guess) - 3 * 86400, int(guess) + 3 * 86400
    def ok(s):
        return datetime.fromtimestamp(s, tz).date() >= d
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid
    return hi

rng = random.Random(20261123)
instants = []
for year in (2011, 2018, 2021, 2026, 2027):
    for m, dd in ((1, 1), (3, 8), (3, 29), (4, 2), (10, 4), (10, 25), (11, 1), (11, 4), (12, 29), (12, 31)):
        base = datetime(year, m, dd, tzinfo=timezone.utc).timestamp()
        for off in (-7200, -3600, -1, 0, 1, 1800, 3600, 5400, 7200, 43200, 86399):
            instants.append(int(base) + off)
# a few around known odd transitions
instants += [1325239200 + k * 1800 for k in range(-48, 49)]   # Apia skips 2011-12-30
instants += [1541300400 + k * 900 for k in range(-16, 17)]     # Sao Paulo DST 2018-11-04 at midnight
for _ in range(400):
    instants.append(rng.randrange(0, 4102444800))

w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["unix", "zone", "day", "week", "month", "quarter", "year", "day_start", "week_start", "month_start", "quarter_start", "year_start"])
for z in zones:
    tz = ZoneInfo(z)
    for s in instants:
        lt = datetime.fromtimestamp(s, tz)
        iy, iw, _ = lt.isocalendar()
        d = lt.date()
        w.writerow([s, z, d.isoformat(), "%04d-W%02d" % (iy, iw), "%04d-%02d" % (lt.year, lt.month),
                    "%04d-Q%d" % (lt.year, (lt.month - 1) // 3 + 1), "%04d" % lt.year, day_start(d, tz),
                    day_start(d - timedelta(days=d.isoweekday() - 1), tz),
                    day_start(d.replace(day=1), tz),
                    day_start(d.replace(month=(lt.month - 1) // 3 * 3 + 1, day=1), tz),
                    day_start(d.replace(month=1, day=1), tz)])
