#!/bin/sh
# The description format, one source of truth: the JSON Schema and the key
# reference in docs/ are generated from the compiler's tables and committed;
# they must be current, every example must validate against the schema, and
# the parser must accept exactly the keys the schema lists.
. "$top_srcdir/tests/lib.sh"

python3 - "$top_srcdir" "$HESTC" "$scratch" <<'EOP'
import glob, json, os, subprocess, sys
import jsonschema, yaml

top, hestc, scratch = sys.argv[1:4]
n = failed = 0
def ok(cond, what):
    global n, failed
    n += 1
    failed += not cond
    print(("ok" if cond else "not ok"), n, "-", what)

r = subprocess.run([os.path.join(top, "scripts/gen-docs"), hestc, top, "--check"], capture_output=True, text=True)
ok(r.returncode == 0, "schemas/ and docs/description-format.md are current (make regen-docs)")
for line in (r.stdout + r.stderr).splitlines():
    print("#", line)

schema = json.load(open(os.path.join(top, "schemas/hest-description.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
ok(True, "the schema is a valid draft 2020-12 schema")
validator = jsonschema.Draft202012Validator(schema)

# YAML 1.1 resolvers turn some names into booleans (on/off/yes/no); the
# compiler reads them as text where a name is expected, so keep strings.
class Loader(yaml.SafeLoader):
    pass
import re
for first, resolvers in list(Loader.yaml_implicit_resolvers.items()):
    Loader.yaml_implicit_resolvers[first] = [(t, r) for t, r in resolvers if t != "tag:yaml.org,2002:bool"]
Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                             list("tTfF"))
def load(path):
    return yaml.load(open(path), Loader=Loader)

for path in sorted(glob.glob(os.path.join(top, "examples", "*.yaml"))):
    doc = load(path)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    ok(not errors, "%s validates against the schema%s" % (os.path.basename(path),
       "" if not errors else ": " + errors[0].message[:200]))
    first = open(path).readline().strip()
    ok(first == "# yaml-language-server: $schema=../schemas/hest-description.schema.json",
       "%s names the schema on its first line" % os.path.basename(path))

# An empty sources list only with the deliberate opt-out, as the parser does.
ok(any(True for _ in validator.iter_errors({"sources": []})), "the schema refuses an empty sources list")
ok(not any(True for _ in validator.iter_errors({"sources": [], "allow": ["no-sources"]})),
   "... unless allow: [no-sources]")

# Every key the schema lists is accepted by the parser; a made-up key is not.
defs = schema["$defs"]
ghes = "type: ghes, id: 0, notification: {type: polled}"
contexts = {
    "description": lambda k: "%s: 0\nsources: [{%s}]\n" % (k, ghes) if k != "sources" else None,
    "placement": lambda k: "placement: {%s: 0}\nsources: [{%s}]\n" % (k, ghes),
    "target": lambda k: "target: {%s: 0}\nsources: [{%s}]\n" % (k, ghes),
    "table": lambda k: "table: {%s: 0}\nsources: [{%s}]\n" % (k, ghes),
    "gas": lambda k: "sources: [{%s, error_status_address: {%s: 0}}]\n" % (ghes, k),
    "notification": lambda k: "sources: [{type: ghes, id: 0, notification: {type: polled, %s: 0}}]\n" % k
        if k != "type" else None,
    "read_ack": lambda k: "sources: [{type: ghes-v2, id: 0, notification: {type: sea}, read_ack: {%s: 0}}]\n" % k,
    "bank": lambda k: "sources: [{type: mce, id: 0, banks: [{%s: 0}]}]\n" % k,
    "ssdt": lambda k: "ssdt: {%s: 0}\nsources: [{%s}]\n" % (k, ghes),
    "event": lambda k: "sources: [{type: ghes, id: 0, notification: {type: gsiv}, event: {%s: 0}}]\n" % k,
}
# BERT and EINJ descriptions (table.signature selects them)
contexts["bert-description"] = lambda k: "table: {signature: BERT}\n%s: 0\n" % k if k != "table" else None
contexts["einj-description"] = lambda k: "table: {signature: EINJ}\n%s: 0\n" % k if k != "table" else None
contexts["erst-description"] = lambda k: "table: {signature: ERST}\n%s: 0\n" % k if k != "table" else None
contexts["erst-entry"] = lambda k: ("table: {signature: ERST}\nentries: [{action: end, instruction: noop, %s: 0}]\n" % k
                                    if k not in ("action", "instruction") else None)
contexts["einj-entry"] = lambda k: ("table: {signature: EINJ}\nentries: [{action: noop, instruction: noop, %s: 0}]\n" % k
                                    if k not in ("action", "instruction") else None)
for name, d in defs.items():
    if name.startswith("source-"):
        t = name[len("source-"):]
        base = "type: %s, id: 0" % t
        if "notification" in d.get("properties", {}):
            base += ", notification: {type: polled}"
        contexts[name] = (lambda base: lambda k: "sources: [{%s, %s: 0}]\n" % (base, k)
                          if k not in ("type", "id", "notification") else None)(base)
def unknown_key_reported(text):
    path = os.path.join(scratch, "k.yaml")
    open(path, "w").write(text)
    r = subprocess.run([hestc, "compile", path, "-o", os.path.join(scratch, "o")], capture_output=True, text=True)
    return "unknown key" in r.stderr
checked = 0
for name, make in sorted(contexts.items()):
    props = defs[name].get("properties", {})
    for key in props:
        text = make(key)
        if text is None:
            continue
        if unknown_key_reported(text):
            ok(False, "the parser accepts %s.%s" % (name, key))
        checked += 1
    ok(unknown_key_reported(make("zzz_not_a_key")), "the parser refuses a key the schema lacks in %s" % name)
ok(checked > 150, "the parser accepts all %d keys the schema lists" % checked)

# The schema refuses what the parser refuses: unknown keys in the negative tests.
for path in sorted(glob.glob(os.path.join(top, "tests", "neg", "unknown-key*.yaml"))):
    try:
        doc = load(path)
    except Exception:
        continue
    ok(any(True for _ in validator.iter_errors(doc)), "the schema refuses %s too" % os.path.basename(path))
print("1..%d" % n)
sys.exit(1 if failed else 0)
EOP
