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
except ImportError as e:  # the judge is missing: fail
    print("libcper-validate: python3-jsonschema is required (%s)" % e, file=sys.stderr)
    sys.exit(2)
try:  # jsonschema 4.18 and later resolve references through `referencing`
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
except ImportError:  # Debian 12's python3-jsonschema (4.10): RefResolver
    Registry = None


def main():
    root, files = sys.argv[1], sys.argv[2:]
    index = {}
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith(".json"):
                index[n] = os.path.join(d, n)

    def load(uri):
        path = index.get(uri.rsplit("/", 1)[-1])
        if not path:
            return False
        with open(path) as f:
            return json.load(f)

    top = index["cper-json-full-log.json"]
    schema = load(top)
    jsonschema.Draft202012Validator.check_schema(schema)
    if Registry is not None:
        registry = Registry(retrieve=lambda uri: Resource.from_contents(load(uri), default_specification=DRAFT202012))
        validator = jsonschema.Draft202012Validator(schema, registry=registry)
    else:
        resolver = jsonschema.RefResolver("file://" + os.path.abspath(top), schema, handlers={"file": load})
        validator = jsonschema.Draft202012Validator(schema, resolver=resolver)
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
