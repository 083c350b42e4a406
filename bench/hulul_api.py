"""What the benchmark scripts share: calls to a running Hulul's API."""
import json
import urllib.error
import urllib.request


class Api:
    """A Hulul at `base`; `check` makes an error answer stop the script with what it said."""

    def __init__(self, base, check=True):
        self.base = base
        self.check = check

    def call(self, method, path, token=None, body=None):
        request = urllib.request.Request(self.base + path, method=method,
                                         data=json.dumps(body).encode() if body is not None else None)
        request.add_header('Content-Type', 'application/json')
        if token:
            request.add_header('Authorization', 'Bearer ' + token)
        try:
            with urllib.request.urlopen(request) as response:
                return json.loads(response.read() or b'null')
        except urllib.error.HTTPError as error:
            if self.check:
                raise SystemExit(f'{method} {path}: {error.code} {error.read()[:500]}')
            return json.loads(error.read() or b'null')

    def login(self, username, password):
        return self.call('POST', '/api/v1/auth/token', body={'username': username, 'password': password})['token']
