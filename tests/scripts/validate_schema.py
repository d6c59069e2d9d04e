#!/usr/bin/python3
"""Check scenario files against forecasts/jevons.schema.json (JSON Schema draft 2020-12).

Every forecasts/*.json must be valid. Files given after --invalid are negative controls: each must
be rejected, which shows the schema is not vacuous. Run with Debian's /usr/bin/python3, which has
python3-jsonschema.

Files given after --valid (fixtures using optional sections) must be accepted.

Usage: validate_schema.py --schema SCHEMA --forecasts DIR [--valid FILE ...] [--invalid FILE ...]
"""
import argparse
import glob
import json
import os
import sys

import jsonschema


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema", required=True)
    parser.add_argument("--forecasts", required=True, help="directory holding *.json forecasts")
    parser.add_argument("--valid", nargs="*", default=[], help="more files the schema must accept")
    parser.add_argument("--invalid", nargs="*", default=[], help="files the schema must reject")
    args = parser.parse_args()

    schema = load(args.schema)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0

    forecasts = sorted(glob.glob(os.path.join(args.forecasts, "*.json")))
    forecasts = [f for f in forecasts if os.path.abspath(f) != os.path.abspath(args.schema)]
    forecasts += args.valid
    for path in forecasts:
        errors = sorted(validator.iter_errors(load(path)), key=lambda e: list(e.absolute_path))
        for error in errors:
            print(f"{path}: {error.json_path}: {error.message}")
        failures += bool(errors)
        print(f"{'FAIL' if errors else 'ok  '} {path}")
    if not forecasts:
        print(f"no forecasts in {args.forecasts}; only the schema itself was checked")

    for path in args.invalid:
        try:
            document = load(path)
        except (ValueError, UnicodeDecodeError):
            print(f"skip {path}: not readable JSON")
            continue
        if validator.is_valid(document):
            print(f"FAIL {path}: the schema accepts this invalid file")
            failures += 1
        else:
            print(f"ok   {path} (rejected as expected)")

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
