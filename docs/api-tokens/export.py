#!/usr/bin/env python3
"""Start an export, wait for it, and read it, with a personal API token (docs/api-tokens.md).

Standard library only. Settings come from the environment, never from the script or a URL:
  OUTCOMES_API         the address of the API, e.g. https://outcomes.example.dk (default http://localhost:3000)
  OUTCOMES_TOKEN       the personal API token (otk_...), with the scope export-jobs:create and export-jobs:read
  OUTCOMES_PROJECT_ID  the export project to export from
  OUTCOMES_DATASET     enrolments, assessments, sessions, outreach or codebook (default enrolments)
  OUTCOMES_OUT         where to write the CSV file (default export.csv)
Prints one line of JSON: the job's id, the file's columns and its number of data rows.
"""
import csv
import io
import json
import os
import sys
import time
import urllib.error
import urllib.request

BASE = os.environ.get("OUTCOMES_API", "http://localhost:3000").rstrip("/")
TOKEN = os.environ["OUTCOMES_TOKEN"]
PROJECT_ID = os.environ["OUTCOMES_PROJECT_ID"]
DATASET = os.environ.get("OUTCOMES_DATASET", "enrolments")
OUT = os.environ.get("OUTCOMES_OUT", "export.csv")


def call(method, path, body=None):
    """One request with the token in the Authorization header; an error answer stops the script with its reason."""
    headers = {"Authorization": "Bearer " + TOKEN}
    data = None
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        # Every error answer is {statusCode, code, message, errors?}: e.g. 401 TOKEN_EXPIRED, 403 TOKEN_SCOPE.
        answer = json.loads(error.read() or b"{}")
        sys.exit(f"{method} {path}: {error.code} {answer.get('code')}: {answer.get('message')}")


# 1. Start the export (a job that runs on the server).
job = json.loads(call("POST", "/api/export-jobs", {"projectId": PROJECT_ID, "dataset": DATASET, "format": "csv"}))

# 2. Wait for it: poll its status every 2 seconds, for at most 10 minutes.
deadline = time.monotonic() + 600
while job["status"] in ("queued", "running"):
    if time.monotonic() > deadline:
        sys.exit(f"export {job['id']} still {job['status']} after 10 minutes")
    time.sleep(2)
    job = json.loads(call("GET", f"/api/export-jobs/{job['id']}"))
if job["status"] != "done":
    sys.exit(f"export {job['id']} ended {job['status']}")

# 3. Download it, keep a copy, and read it (UTF-8 with a byte-order mark, for Excel).
content = call("GET", f"/api/export-jobs/{job['id']}/download")
with open(OUT, "wb") as file:
    file.write(content)
rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
print(json.dumps({"jobId": job["id"], "columns": rows[0] if rows else [], "rows": max(len(rows) - 1, 0)}))
