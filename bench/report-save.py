#!/usr/bin/env python3
"""Report save/submit timings (issue 4): over the API, a 500-line report replaced, one line
changed in a 20-line and in a 500-line report, the 500-line report submitted; over the
report page, one grid (an indicator at a location, by sex) saved in place (htmx) in the
500-line report, as a reporter's browser does it. Needs Hulul running on an empty database with
the given admin password, e.g.:
  HULUL_DATA_DIR=$(mktemp -d) HULUL_ADMIN_PASSWORD=bench-admin-pw ./hulul start &
  bench/report-save.py http://localhost:8080 bench-admin-pw
"""
import http.cookiejar
import json
import re
import statistics
import sys
import urllib.parse
import time
import urllib.error
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else 'http://localhost:8080'
ADMIN_PASSWORD = sys.argv[2] if len(sys.argv) > 2 else 'bench-admin-pw'


def call(method, path, token=None, body=None):
    request = urllib.request.Request(BASE + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None)
    request.add_header('Content-Type', 'application/json')
    if token:
        request.add_header('Authorization', 'Bearer ' + token)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read() or b'null')
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b'null')


def timed(method, path, token, body):
    start = time.perf_counter()
    status, answer = call(method, path, token, body)
    return status, answer, round((time.perf_counter() - start) * 1000)


admin = call('POST', '/api/v1/auth/token', body={'username': 'admin', 'password': ADMIN_PASSWORD})[1]['token']
call('POST', '/api/v1/organisations', admin, {'code': 'BENCH', 'name': 'Benchmark partner', 'type': 'NATIONAL_NGO'})
call('POST', '/api/v1/users', admin, {'username': 'bench-reporter', 'password': 'bench-reporter-pw',
                                      'role': 'REPORTER', 'organisation': 'BENCH'})
reporter = call('POST', '/api/v1/auth/token',
                body={'username': 'bench-reporter', 'password': 'bench-reporter-pw'})[1]['token']
locations = call('GET', '/api/v1/locations?level=3')[1]
period = time.strftime('%Y') + 'Q' + str((int(time.strftime('%m')) - 1) // 3 + 1)
report = call('POST', '/api/v1/reports', reporter, {'organisation': 'BENCH', 'period': period})[1]['id']
lines = [{'indicator': 'SO2-TS-01', 'location': l['pcode'], 'populationGroup': 'returnee',
          'disaggregation': {'sex': sex}, 'value': 10} for l in locations for sex in ('female', 'male')][:500]
values = f'/api/v1/reports/{report}/values'
call('PUT', values, reporter, lines[:10])
# warm-up: a just-started JVM has not compiled the code yet (first figures are printed
# apart from the steady ones)
first_replace = timed('PUT', values, reporter, lines)[2]
for i in range(30):
    call('PUT', values, reporter, [dict(l, value=20 + i) for l in lines])
print('first replace of 500 lines after start, ms:', first_replace)
print('replace 500 lines, ms:', [timed('PUT', values, reporter, [dict(l, value=10 + i) for l in lines])[2]
                                 for i in range(5)])
print('change one line of 20, ms:', [timed('PUT', values, reporter,
                                           [dict(l, value=(100 + i if n == 0 else 10)) for n, l in
                                            enumerate(lines[:20])])[2] for i in range(5)])
call('PUT', values, reporter, lines)
print('change one line of 500, ms:', [timed('PUT', values, reporter,
                                           [dict(l, value=(200 + i if n == 0 else 10)) for n, l in
                                            enumerate(lines)])[2] for i in range(10)])

call('PUT', values, reporter, lines)

# the report page, signed in as the reporter: the grid of SO2-TS-01 at one location
jar = http.cookiejar.CookieJar()
browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
login_page = browser.open(BASE + '/login').read().decode()
csrf = re.search(r'name="_csrf" value="([^"]+)"', login_page).group(1)
browser.open(BASE + '/login', urllib.parse.urlencode(
    {'username': 'bench-reporter', 'password': 'bench-reporter-pw', '_csrf': csrf}).encode())
page = browser.open(BASE + f'/reports/{report}?indicator=SO2-TS-01').read().decode()
token = re.search(r'name="_csrf" content="([^"]+)"', page).group(1)
header = re.search(r'name="_csrf_header" content="([^"]+)"', page).group(1)
pcode = lines[0]['location']
grid_times = []
for i in range(60):
    form = {'indicator': 'SO2-TS-01', 'location': pcode, 'populationGroup': 'returnee',
            'v.sex=female': str(11 + i), 'v.sex=male': '10',
            's.sex=female': str(10 if i == 0 else 10 + i), 's.sex=male': '10'}
    request = urllib.request.Request(BASE + f'/reports/{report}/entries', urllib.parse.urlencode(form).encode())
    request.add_header('HX-Request', 'true')
    request.add_header(header, token)
    start = time.perf_counter()
    answer = browser.open(request).read().decode()
    grid_times.append(round((time.perf_counter() - start) * 1000))
    assert 'Saved.' in answer, 'the grid was not saved'
steady = sorted(grid_times[20:])
print('save one grid (2 cells) on the page of the 500-line report, htmx, ms: first', grid_times[:5],
      '; after 20 saves: median', statistics.median(steady), 'p95', steady[int(len(steady) * 0.95) - 1],
      'max', steady[-1])
status, answer, ms = timed('POST', f'/api/v1/reports/{report}/submit', reporter, {'acknowledgeWarnings': True})
print('submit the 500-line report:', status, answer.get('status'), ms, 'ms')
