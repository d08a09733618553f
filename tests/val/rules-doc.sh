#!/bin/sh
# docs/rules.md documents exactly the rules `hestval rules` prints, each
# with a severity matching the catalogue and an example naming the rule.
. "$top_srcdir/tests/lib.sh"
doc=$top_srcdir/docs/rules.md

"$HESTVAL" rules >"$scratch/rules.txt" 2>"$scratch/rules.err"
check "hestval rules exits 0" test $? -eq 0
# odd lines: ID SEVERITY summary; even lines: the citation
awk 'NR % 2 == 1 { print $1, $2 }' "$scratch/rules.txt" | sort >"$scratch/catalogue"
check "the catalogue is not empty" test -s "$scratch/catalogue"

# "### ID" then "**severity** — ..."
awk '/^### / { id = $2; next }
     id != "" && /^\*\*(error|warning|note)\*\*/ { s = $1; gsub(/\*/, "", s); print id, s; id = "" }' "$doc" |
	sort >"$scratch/documented"
if cmp -s "$scratch/catalogue" "$scratch/documented"; then
	ok "docs/rules.md lists every rule of the catalogue, with its default severity, and no other"
else
	not_ok "docs/rules.md lists every rule of the catalogue, with its default severity, and no other"
	diag "< catalogue, > docs/rules.md:" "$(diff "$scratch/catalogue" "$scratch/documented")"
fi

# Each rule's section has an example diagnostic that names the rule.
missing=
for id in $(cut -d' ' -f1 "$scratch/catalogue"); do
	awk -v id="$id" '/^### / { on = ($2 == id); next } on' "$doc" >"$scratch/section"
	grep -q "\[$id\]" "$scratch/section" || missing="$missing $id"
done
check "every rule's section shows an example diagnostic naming it${missing:+ (missing:$missing)}" test -z "$missing"

# Ids are stable spellings: upper case, digits and dashes.
check "rule ids are upper case words joined by dashes" \
	sh -c "! cut -d' ' -f1 '$scratch/catalogue' | grep -v '^[A-Z][A-Z0-9]*\(-[A-Z0-9]*\)*\$'"
done_testing
