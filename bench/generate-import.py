#!/usr/bin/env python3
"""Makes realistic import files of any size for one organisation and quarter, from the
results framework and the Iraq geography of a running Hulul (issue 5's benchmark):
indicators drawn from the framework with their own breakdowns (every combination of
their options), sub-districts (or districts and governorates where the indicator allows
no lower), the six population groups, counts, ratios with numerator <= denominator,
some comments, Arabic names for a part of the locations. Every row is a different line.

  HULUL_BENCH_USER=admin HULUL_BENCH_PASSWORD=... bench/generate-import.py http://localhost:8080 100000 out.csv
  ... bench/generate-import.py http://localhost:8080 100000 out.xlsx   # XLSX (inline strings)
"""
import csv
import itertools
import json
import os
import random
import sys
import urllib.request
import zipfile
from xml.sax.saxutils import escape

BASE, ROWS, OUT = sys.argv[1], int(sys.argv[2]), sys.argv[3]
random.seed(20250601)


def token():
    body = json.dumps({'username': os.environ.get('HULUL_BENCH_USER', 'admin'),
                       'password': os.environ.get('HULUL_BENCH_PASSWORD', 'bench-admin-pw')}).encode()
    request = urllib.request.Request(BASE + '/api/v1/auth/token', body, {'Content-Type': 'application/json'})
    with urllib.request.urlopen(request) as response:
        return json.load(response)['token']


TOKEN = token()


def get(path):
    request = urllib.request.Request(BASE + path, headers={'Authorization': 'Bearer ' + TOKEN})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def bare(name):
    name = name.lower().replace('-', '').replace(' ', '')
    return name[2:] if name.startswith('al') or name.startswith('ال') else name


def rows():
    """Distinct lines, indicator by indicator, until ROWS."""
    framework = get_framework()
    locations = {level: get(f'/api/v1/locations?level={level}') for level in (1, 2, 3)}
    # names several locations share are ambiguous in a file: those go by p-code
    counts = {}
    for place in itertools.chain(*locations.values()):
        for name in (place['name']['en'], place['name']['ar']):
            key = bare(name)
            counts[key] = counts.get(key, 0) + 1
    categories = {c['code']: [o['code'] for o in c['options']] for c in framework['categories']}
    groups = [g['code'] for g in framework['populationGroups']]
    indicators = [i for o in framework['objectives'] for s in o['subCriteria'] for i in s['indicators']]
    made = 0
    keys = []
    for indicator in indicators:
        combos = list(itertools.product(*[categories[c] for c in indicator['disaggregations']])) or [()]
        places = locations[indicator['lowestLevel']] + (locations[2] if indicator['lowestLevel'] == 3 else [])
        for place in places:
            for group in groups:
                keys.append((indicator, place, group, combos))
    random.shuffle(keys)
    for indicator, place, group, combos in keys:
        for combo in combos:
            if made >= ROWS:
                return
            breakdown = dict(zip(indicator['disaggregations'], combo))
            name = place['name']['ar'] if random.random() < 0.5 else place['name']['en']
            location = name if random.random() < 0.2 and counts[bare(name)] == 1 else place['pcode']
            row = {'indicator': indicator['code'], 'location': location, 'population_group': group, **breakdown,
                   'comment': 'verified by field visit' if random.random() < 0.02 else ''}
            if indicator['aggregation'] == 'RATIO':
                denominator = random.randint(20, 2000)
                row.update(numerator=random.randint(0, denominator), denominator=denominator)
            else:
                row['value'] = random.randint(0, 500)
            made += 1
            yield row, place


def get_framework():
    return get('/api/v1/frameworks/current')


def headers(framework):
    used = []
    for o in framework['objectives']:
        for s in o['subCriteria']:
            for i in s['indicators']:
                used += [c for c in i['disaggregations'] if c not in used]
    ordered = [c['code'] for c in framework['categories'] if c['code'] in used]
    return ['indicator', 'location', 'population_group'] + ordered + ['value', 'numerator', 'denominator', 'comment']


def column(n):
    name = ''
    while n >= 0:
        name = chr(ord('A') + n % 26) + name
        n = n // 26 - 1
    return name


framework = get_framework()
columns = headers(framework)
if OUT.endswith('.csv'):
    with open(OUT, 'w', newline='', encoding='utf-8') as out:
        writer = csv.DictWriter(out, columns, extrasaction='ignore')
        writer.writeheader()
        for row, _ in rows():
            writer.writerow(row)
else:
    with zipfile.ZipFile(OUT, 'w', zipfile.ZIP_DEFLATED) as book:
        book.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        book.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        book.writestr('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="lines" sheetId="1" r:id="rId1"/></sheets></workbook>')
        book.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        with book.open('xl/worksheets/sheet1.xml', 'w') as sheet:
            def write(text):
                sheet.write(text.encode('utf-8'))
            write('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            def cells(r, values):
                out = [f'<row r="{r}">']
                for c, value in enumerate(values):
                    if value in ('', None):
                        continue
                    ref = column(c) + str(r)
                    if isinstance(value, int):
                        out.append(f'<c r="{ref}"><v>{value}</v></c>')
                    else:
                        out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>')
                out.append('</row>')
                return ''.join(out)
            write(cells(1, columns))
            for n, (row, _) in enumerate(rows(), start=2):
                write(cells(n, [row.get(c, '') for c in columns]))
            write('</sheetData></worksheet>')
print(OUT, 'written')
