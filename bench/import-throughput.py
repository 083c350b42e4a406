#!/usr/bin/env python3
"""Import throughput (issue 5): a generated CSV and XLSX of N rows imported into a report
over the API (every line validated, committed, and each value's history written), and,
on PostgreSQL, PostgreSQL's own COPY of the same rows into the same table, in the same
run. Needs Hulul running with the given administrator password, e.g.:

  HULUL_DATA_DIR=$(mktemp -d) HULUL_ADMIN_PASSWORD=bench-admin-pw HULUL_PORT=8092 ./hulul start &
  bench/import-throughput.py http://localhost:8092 bench-admin-pw 100000
  # on PostgreSQL: the same with HULUL_DB_URL=jdbc:postgresql://127.0.0.1:5432/<db>, and
  bench/import-throughput.py http://localhost:8092 bench-admin-pw 100000 postgresql://postgres@127.0.0.1/<db>
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

from hulul_api import Api

BASE, ADMIN_PASSWORD, ROWS = sys.argv[1], sys.argv[2], int(sys.argv[3])
PG = sys.argv[4] if len(sys.argv) > 4 else None
HERE = os.path.dirname(os.path.abspath(__file__))
call = Api(BASE, check=False).call


def upload(token, path, organisation, period):
    """Posts the file with curl (multipart); returns the result and the seconds it took."""
    start = time.perf_counter()
    out = subprocess.run(['curl', '-s', '-X', 'POST', BASE + '/api/v1/imports', '-H', 'Authorization: Bearer ' + token,
                          '-F', 'file=@' + path, '-F', 'organisation=' + organisation, '-F', 'period=' + period],
                         capture_output=True, check=True).stdout
    return json.loads(out), time.perf_counter() - start


admin = call('POST', '/api/v1/auth/token', body={'username': 'admin', 'password': ADMIN_PASSWORD})['token']
code = 'IMP-' + uuid.uuid4().hex[:6].upper()
call('POST', '/api/v1/organisations', admin, {'code': code, 'name': 'Import benchmark partner', 'type': 'NATIONAL_NGO'})
call('POST', '/api/v1/users', admin, {'username': code.lower(), 'password': 'import-bench-pw',
                                      'role': 'REPORTER', 'organisation': code})
reporter = call('POST', '/api/v1/auth/token', body={'username': code.lower(), 'password': 'import-bench-pw'})['token']
env = dict(os.environ, HULUL_BENCH_USER='admin', HULUL_BENCH_PASSWORD=ADMIN_PASSWORD)
work = tempfile.mkdtemp()
files = {}
for kind in ('csv', 'xlsx'):
    files[kind] = os.path.join(work, f'import-{ROWS}.{kind}')
    subprocess.run([sys.executable, os.path.join(HERE, 'generate-import.py'), BASE, str(ROWS), files[kind]], env=env,
                   check=True, capture_output=True)
year = int(time.strftime('%Y')) + 1
print(f'{ROWS} rows; CSV {os.path.getsize(files["csv"]) // 1024} KB, XLSX {os.path.getsize(files["xlsx"]) // 1024} KB')
periods = [f'{y}Q{q}' for y in range(year, year + 5) for q in range(1, 5)]
for period in periods[:3]:  # warm-up: the JVM compiles the import's code on its first runs
    upload(reporter, files['csv'], code, period)
report_ids = {}
for kind, used in (('csv', periods[3:8]), ('xlsx', periods[8:11])):
    times = []
    for period in used:
        result, seconds = upload(reporter, files[kind], code, period)
        assert result.get('saved'), result
        times.append(seconds)
        report_ids.setdefault(kind, call('POST', '/api/v1/reports', reporter, {'organisation': code, 'period': period})['id'])
    times.sort()
    median = times[len(times) // 2]
    print(f'{kind}: {ROWS} values imported in ' + ', '.join(f'{t:.2f}' for t in times)
          + f' s; median {median:.2f} s = {ROWS / median:,.0f} values/s')
# the same file again: nothing changes
result, seconds = upload(reporter, files['csv'], code, periods[3])
print(f'csv again: {result["ignored"]} unchanged, {result["imported"] + result["updated"]} changed, {seconds:.2f} s')
if PG:
    target = call('POST', '/api/v1/reports', reporter, {'organisation': code, 'period': periods[11]})['id']
    rows_file = os.path.join(work, 'rows.tsv')
    columns = 'indicator_id, location_id, group_id, breakdown_id, amount, numerator, denominator, comment'
    subprocess.run(['psql', PG, '-qc', f"\\copy (select {target}, {columns} from report_value where report_id = {report_ids['csv']}) to '{rows_file}'"], check=True)
    copies = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(['psql', PG, '-qc', f"\\copy report_value (report_id, {columns}) from '{rows_file}'"], check=True)
        copies.append(time.perf_counter() - start)
        subprocess.run(['psql', PG, '-qc', f'delete from report_value where report_id = {target}'], check=True)
    copies.sort()
    copy = copies[1]
    print(f'PostgreSQL COPY of the same {ROWS} rows into report_value: ' + ', '.join(f'{t:.2f}' for t in copies)
          + f' s; median {copy:.2f} s = {ROWS / copy:,.0f} rows/s')
