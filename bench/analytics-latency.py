#!/usr/bin/env python3
"""Analytics latency (issue 6), against a Hulul filled by bench/generate-analytics.py:
the national pivot (SO x governorate x quarter) and a district x indicator x organisation
pivot for one governorate over GET /api/v1/analytics, timed from here after warm-up
(median and p95 of RUNS); then, in the same run, the same questions as a plain SQL GROUP
BY over the raw values (bench/PlainGroupBy.java) on the same database. For H2 the
application must run with AUTO_SERVER=TRUE in its URL so the second process may connect.

  bench/analytics-latency.py http://localhost:8092 bench-admin-pw JDBC-URL DB-USER [RUNS]
"""
import glob
import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from hulul_api import Api

BASE, ADMIN_PASSWORD, JDBC, USER = sys.argv[1:5]
RUNS = int(sys.argv[5]) if len(sys.argv) > 5 else 50
HERE = os.path.dirname(os.path.abspath(__file__))
call = Api(BASE).call


token = call('POST', '/api/v1/auth/token', body={'username': 'admin', 'password': ADMIN_PASSWORD})['token']


def timed(name, query):
    path = '/api/v1/analytics?' + urllib.parse.urlencode(query)
    for _ in range(5):
        result = call('GET', path, token)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = call('GET', path, token)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f'analytics, {name}: {len(result["rows"])} rows; median {times[len(times) // 2]:.0f} ms, '
          f'p95 {times[int(len(times) * 0.95) - 1]:.0f} ms ({RUNS} runs)')
    return result


total = call('GET', '/api/v1/analytics?dimensions=adm1', token)
national = timed('national (SO x governorate x quarter)', {'dimensions': 'objective,adm1,period'})
count = {}
for row in call('GET', '/api/v1/analytics?dimensions=adm1,indicator', token)['rows']:
    count[row['adm1']] = count.get(row['adm1'], 0) + 1
governorate = max((g for g in count if g), key=lambda g: count[g])
timed(f'district x indicator x organisation in {governorate}',
      {'dimensions': 'adm2,indicator,organisation', 'filter': f'adm1:{governorate}'})
# the national overview page, signed in through the login form as a person would be
import http.cookiejar
import re
jar = http.cookiejar.CookieJar()
browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
login_page = browser.open(BASE + '/login').read().decode()
csrf = re.search(r'name="_csrf"\s+value="([^"]+)"', login_page) or re.search(r'value="([^"]+)"\s+name="_csrf"', login_page)
browser.open(BASE + '/login', urllib.parse.urlencode({'username': 'admin', 'password': ADMIN_PASSWORD,
                                                      '_csrf': csrf.group(1)}).encode()).read()


def page_timed(path, must_have):
    for _ in range(5):
        page = browser.open(BASE + path).read()
    assert must_have in page, page[:300]
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        browser.open(BASE + path).read()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f'page {path}: {len(page) // 1024} KB; median {times[len(times) // 2]:.0f} ms, '
          f'p95 {times[int(len(times) * 0.95) - 1]:.0f} ms ({RUNS} runs)')


# targets for the latest year held: one per indicator and governorate with values, up to 80
year = max(int(r['year']) for r in call('GET', '/api/v1/analytics?dimensions=year', token)['rows'] if r['year'])
held = {(t['indicator'], t['scope']): t['version']
        for t in call('GET', f'/api/v1/targets?year={year}', token)['targets']}
wanted = [r for r in call('GET', f'/api/v1/analytics?dimensions=indicator,adm1&filter=year:{year}', token)['rows']
          if r['value'] and r['adm1']][:80]
call('PUT', '/api/v1/targets', token, [{'indicator': r['indicator'], 'scope': r['adm1'], 'year': year,
                                         'value': round(r['value'] * 1.2) + 1,
                                         'version': held.get((r['indicator'], r['adm1']))} for r in wanted])
page_timed('/dashboard', b'SO1')  # the national overview
page_timed('/analytics/who', b'id="who"')  # who does what where, governorates, latest quarter
page_timed(f'/analytics/targets?year={year}', b'data-scope')  # 80 targets with their progress
page_timed('/public', b'SO1')  # the public overview, small numbers withheld
# a Plan of Action over the busiest governorate: 10 activities, each with a target for the
# year and one for its latest quarter, progress asked of the analytics once per page
run_plan = str(int(time.time()))[-6:]
area = f'BENCH-{run_plan}'
call('POST', '/api/v1/areas', token, {'code': area, 'name': 'Benchmark area', 'type': 'JCF', 'locations': [governorate]})
plan = call('POST', f'/api/v1/areas/{area}/plans', token, {'title': 'Benchmark plan'})['id']
in_governorate = [r for r in wanted if r['adm1'] == governorate][:10] or wanted[:10]
quarter = max(r['period'] for r in national['rows'] if r['period'])
for r in in_governorate:
    call('POST', f'/api/v1/plans/{plan}/activities', token,
         {'objective': r['indicator'].split('-')[0], 'indicators': [r['indicator']], 'lead': 'IOM',
          'targets': [{'indicator': r['indicator'], 'period': str(year), 'value': round(r['value'] * 1.2) + 1},
                      {'indicator': r['indicator'], 'period': quarter, 'value': round(r['value'] / 3) + 1}]})
page_timed(f'/plans/{plan}', b'id="activities"')  # the plan with its progress
page_timed(f'/areas/{area}', b'id="plans"')  # the area: its plans' progress, partners active
# freshness: a new report approved, then asked for until the answer has it
run = str(int(time.time()))[-6:]
code = f'FRESH-{run}'
call('POST', '/api/v1/organisations', token, {'code': code, 'name': 'Freshness partner', 'type': 'NATIONAL_NGO'})
for name, role, org in ((code.lower(), 'REPORTER', code), (f'fresh-reviewer-{run}', 'REVIEWER', 'IOM')):
    call('POST', '/api/v1/users', token, {'username': name, 'password': 'fresh-bench-pw', 'role': role, 'organisation': org})
reporter = call('POST', '/api/v1/auth/token', body={'username': code.lower(), 'password': 'fresh-bench-pw'})['token']
reviewer = call('POST', '/api/v1/auth/token', body={'username': f'fresh-reviewer-{run}', 'password': 'fresh-bench-pw'})['token']
report = call('POST', '/api/v1/reports', reporter, {'organisation': code, 'period': national['rows'][0]['period']})['id']
call('PUT', f'/api/v1/reports/{report}/values', reporter,
     [{'indicator': 'SO1-PPA-01', 'location': 'IQG01Q01N01', 'populationGroup': 'returnee', 'value': 7}])
call('POST', f'/api/v1/reports/{report}/submit', reporter, {'acknowledgeWarnings': True})
start = time.perf_counter()
call('POST', f'/api/v1/reports/{report}/approve', reviewer, {})
approved = time.perf_counter()
asks = 0
while True:
    asks += 1
    rows = call('GET', '/api/v1/analytics?' + urllib.parse.urlencode({'dimensions': 'organisation',
                                                                      'filter': f'organisation:{code}'}), token)['rows']
    if rows:
        break
seen = time.perf_counter()
print(f'freshness: approval answered in {(approved - start) * 1000:.0f} ms; the pivot had the report '
      f'{(seen - start) * 1000:.0f} ms after the approval was sent (question {asks})')
jars = [glob.glob(os.path.join(HERE, '..', 'target', 'app', 'lib', pattern))[0]
        for pattern in ('h2-*.jar', 'postgresql-*.jar')]
java = os.path.join(os.environ.get('JAVA_HOME', '/usr/lib/jvm/temurin-25-jdk-amd64'), 'bin', 'java')
sys.stdout.flush()
subprocess.run([java, '-cp', ':'.join(jars), os.path.join(HERE, 'PlainGroupBy.java'), JDBC, USER, str(min(RUNS, 10)),
                governorate], check=True)
