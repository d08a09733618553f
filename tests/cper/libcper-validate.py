#!/usr/bin/env python3
"""Validates JSON files against openbmc/libcper's JSON Schema (the copy in
tests/cper/libcper-schema/, see its README.md).

usage: libcper-validate.py SCHEMA_DIR FILE...

libcper's schema files refer to each other by paths relative to the schema
root ("./sections/cper-memory.json", "./common/cper-json-nvp.json"), so a
reference is resolved by its file name.  Section kinds whose schema is not
vendored (hestc writes none of them) resolve to the false schema: a section
of such a kind fails validation.  Prints one line per file that does not
validate and exits 1; exits 2 when python3-jsonschema is missing (a failure,
never a skip)."""
import json
import os
import sys

try:
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
except ImportError as e:  # the judge is missing: fail
    print("libcper-validate: python3-jsonschema is required (%s)" % e, file=sys.stderr)
    sys.exit(2)


def main():
    root, files = sys.argv[1], sys.argv[2:]
    index = {}
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith(".json"):
                index[n] = os.path.join(d, n)

    def retrieve(uri):
        path = index.get(uri.rsplit("/", 1)[-1])
        contents = False
        if path:
            with open(path) as f:
                contents = json.load(f)
        return Resource.from_contents(contents, default_specification=DRAFT202012)

    with open(index["cper-json-full-log.json"]) as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, registry=Registry(retrieve=retrieve))
    bad = 0
    for path in files:
        with open(path) as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        if errors:
            bad += 1
            e = errors[0]
            where = "/".join(str(p) for p in e.absolute_path)
            print("%s: does not validate: at /%s: %s" % (path, where, e.message[:300]))
    sys.exit(1 if bad else 0)


main()
