#!/usr/bin/env python3
"""Report save/submit timings over the API (issue 4): a 500-line report replaced, one line
changed, and the 500-line report submitted. Needs Hulul running on an empty database with
the given admin password, e.g.:
  HULUL_DATA_DIR=$(mktemp -d) HULUL_ADMIN_PASSWORD=bench-admin-pw ./hulul start &
  bench/report-save.py http://localhost:8080 bench-admin-pw
"""
import json
import sys
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
call('PUT', values, reporter, lines[:10])  # warm-up
print('replace 500 lines, ms:', [timed('PUT', values, reporter, [dict(l, value=10 + i) for l in lines])[2]
                                 for i in range(5)])
print('change one line of 20, ms:', [timed('PUT', values, reporter,
                                           [dict(l, value=(100 + i if n == 0 else 10)) for n, l in
                                            enumerate(lines[:20])])[2] for i in range(5)])
call('PUT', values, reporter, lines)
status, answer, ms = timed('POST', f'/api/v1/reports/{report}/submit', reporter, {'acknowledgeWarnings': True})
print('submit the 500-line report:', status, answer.get('status'), ms, 'ms')
