#!/usr/bin/env python3
"""Fills a running Hulul with approved reports for the analytics benchmark (issue 6):
organisations of every type (about PARTNERS, more if their reports come out smaller),
each working in two or three governorates, each reporting QUARTERS quarters of values,
until VALUES data values in all. A partner
reports a dozen of the framework's indicators with their full breakdowns at the
sub-districts (or districts) of its governorates, for three or four population groups,
with numbers that drift from quarter to quarter. Every report goes in through the import
API, is submitted and approved, as partners' data would.

  bench/generate-analytics.py http://localhost:8092 bench-admin-pw 10000000 [PARTNERS] [QUARTERS]
"""
import csv
import io
import itertools
import json
import random
import subprocess
import sys
import time
import urllib.request
import uuid

from hulul_api import Api

BASE, ADMIN_PASSWORD, VALUES = sys.argv[1], sys.argv[2], int(sys.argv[3])
PARTNERS = int(sys.argv[4]) if len(sys.argv) > 4 else 160
QUARTERS = int(sys.argv[5]) if len(sys.argv) > 5 else 8
random.seed(20251201)
TYPES = ['UN_AGENCY', 'INTERNATIONAL_NGO', 'NATIONAL_NGO', 'NATIONAL_NGO', 'GOVERNMENT', 'RED_CROSS_RED_CRESCENT']


API = Api(BASE)
call, login = API.call, API.login


admin = login('admin', ADMIN_PASSWORD)
run = uuid.uuid4().hex[:4].upper()
reviewer_name = f'an-bench-reviewer-{run.lower()}'
call('POST', '/api/v1/users', admin, {'username': reviewer_name, 'password': 'bench-reviewer-pw', 'role': 'REVIEWER',
                                      'organisation': 'IOM'})
reviewer = login(reviewer_name, 'bench-reviewer-pw')
framework = call('GET', '/api/v1/frameworks/current', admin)
categories = {c['code']: [o['code'] for o in c['options']] for c in framework['categories']}
groups = [g['code'] for g in framework['populationGroups']]
indicators = [i for o in framework['objectives'] for s in o['subCriteria'] for i in s['indicators']]
locations = {level: call('GET', f'/api/v1/locations?level={level}', admin) for level in (1, 2, 3)}
governorates = [g['pcode'] for g in locations[1]]
columns = ['indicator', 'location', 'population_group'] + list(categories) + ['value', 'numerator', 'denominator']


def places(indicator, home):
    level = indicator['lowestLevel']
    return [p['pcode'] for p in locations[level] if p['pcode'][:5] in home]


year = int(time.strftime('%Y')) + 1
periods = [f'{year + q // 4}Q{q % 4 + 1}' for q in range(QUARTERS)]
per_report = VALUES // (PARTNERS * QUARTERS)
written = 0
start = time.perf_counter()
p = -1
while written < VALUES:
    p += 1
    code = f'AB{run}-{p:03d}'
    call('POST', '/api/v1/organisations', admin, {'code': code, 'name': f'Analytics benchmark partner {p}',
                                                  'type': TYPES[p % len(TYPES)]})
    call('POST', '/api/v1/users', admin, {'username': code.lower(), 'password': 'bench-partner-pw',
                                          'role': 'REPORTER', 'organisation': code})
    reporter = login(code.lower(), 'bench-partner-pw')
    home = set(random.sample(governorates, random.randint(2, 3)))
    chosen = random.sample(indicators, 12)
    pool = []
    for indicator in chosen:
        combos = list(itertools.product(*[categories[c] for c in indicator['disaggregations']])) or [()]
        for place in places(indicator, home):
            for group in random.sample(groups, 3):
                for combo in combos:
                    pool.append((indicator, place, group, dict(zip(indicator['disaggregations'], combo))))
    random.shuffle(pool)
    lines = pool[:per_report]
    base = {id(line): random.randint(5, 400) for line in lines}
    for quarter, period in enumerate(periods):
        out = io.StringIO()
        writer = csv.DictWriter(out, columns, extrasaction='ignore')
        writer.writeheader()
        for line in lines:
            indicator, place, group, breakdown = line
            row = {'indicator': indicator['code'], 'location': place, 'population_group': group, **breakdown}
            value = max(0, int(base[id(line)] * (1 + 0.1 * quarter) + random.randint(-10, 10)))
            if indicator['aggregation'] == 'RATIO':
                row.update(numerator=value, denominator=value + random.randint(1, 400))
            else:
                row['value'] = value
            writer.writerow(row)
        result = json.loads(subprocess.run(
            ['curl', '-s', '-X', 'POST', BASE + '/api/v1/imports', '-H', 'Authorization: Bearer ' + reporter,
             '-F', 'file=@-;filename=lines.csv', '-F', 'organisation=' + code, '-F', 'period=' + period],
            input=out.getvalue().encode(), capture_output=True, check=True).stdout)
        if not result.get('saved'):
            raise SystemExit(f'{code} {period}: {json.dumps(result)[:800]}')
        report = call('POST', '/api/v1/reports', reporter, {'organisation': code, 'period': period})['id']
        call('POST', f'/api/v1/reports/{report}/submit', reporter, {'acknowledgeWarnings': True})
        call('POST', f'/api/v1/reports/{report}/approve', reviewer, {})
        written += len(lines)
    print(f'{p + 1} partners, {written:,} values, {time.perf_counter() - start:.0f} s', flush=True)
print(f'{written:,} approved values in {(p + 1) * QUARTERS} reports of {p + 1} partners, {time.perf_counter() - start:.0f} s')
