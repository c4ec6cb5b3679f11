# End-to-end: the JSON Schema of the deck format
# (questions/schema/recall-deck.schema.json) against a real validator,
# python3-jsonschema (installed by the test dependency step: its absence is
# a failure, not a skip).  Every bundled deck and every valid test deck
# passes it; decks with wrong types, missing required fields or unknown
# fields fail it; and recall check accepts the decks' "$schema".
. tests/e2e/lib.sh
schema=questions/schema/recall-deck.schema.json

# validate FILE...: one line per file, "ok FILE" or "invalid FILE: why".
validate() {
	python3 - "$schema" "$@" <<'PY'
import json, sys
import jsonschema
with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
for path in sys.argv[2:]:
    with open(path, encoding="utf-8-sig") as f:
        deck = json.load(f)
    errors = sorted(v.iter_errors(deck), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        print("invalid %s: %s: %s" % (path, "/".join(map(str, e.path)), e.message[:200]))
    else:
        print("ok %s" % path)
PY
}

if python3 -c 'import jsonschema' 2>"$T/imp"; then
	pass "schema: python3-jsonschema is installed"
else
	fail "schema: python3-jsonschema is installed (make test-deps installs it)" "$(cat "$T/imp")"
	e2e_end
fi

if python3 -c 'import json, sys, jsonschema
jsonschema.Draft202012Validator.check_schema(json.load(open(sys.argv[1])))' "$schema" 2>"$T/meta"; then
	pass "schema: is itself a valid 2020-12 schema"
else
	fail "schema: is itself a valid 2020-12 schema" "$(tail -5 "$T/meta")"
fi

# Every field the schema describes has a description.
if python3 - "$schema" >"$T/undescribed" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
missing = []
def walk(node, path):
    if isinstance(node, dict):
        for k, v in node.get("properties", {}).items():
            if isinstance(v, dict) and "description" not in v and not (
                    "$ref" in v and "description" in
                    s["$defs"][v["$ref"].split("/")[-1]]):
                missing.append(path + "/" + k)
        for k, v in node.items():
            if k != "if":  # the conditions that pick a type's fields
                walk(v, path + "/" + k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk(v, path + "/" + str(i))
walk(s, "")
for k, v in s["$defs"].items():
    if "description" not in v:
        missing.append("$defs/" + k)
print("\n".join(missing))
sys.exit(1 if missing else 0)
PY
then
	pass "schema: every field has a description"
else
	fail "schema: every field has a description" "$(cat "$T/undescribed")"
fi

# The bundled decks and the valid test decks pass.
valid="tests/data/basic.json tests/data/cards.json tests/data/study.json"
for f in questions/*.json $valid; do
	line=$(validate "$f" 2>&1)
	case $line in
	"ok $f") pass "schema: $f passes" ;;
	*) fail "schema: $f passes" "$line" ;;
	esac
done

# The bundled decks name the schema, by a path that leads to it.
for f in questions/*.json; do
	ref=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get("$schema", ""))' "$f")
	if [ -n "$ref" ] && [ -f "$(dirname "$f")/$ref" ]; then
		pass "schema: $f names it in \$schema"
	else
		fail "schema: $f names it in \$schema" "\$schema: '$ref'"
	fi
done
run check-bundled "" check questions/*.json
expect_rc "schema: recall check accepts \$schema" 0
expect_not_in "schema: recall check does not warn about \$schema" "$out" "warning"

# $schema must be a string; no other unknown top-level field is let through.
printf '{"$schema": 3, "format": "recall-deck/1", "id": "x", "title": "T",\n "questions": [{"id": "q", "type": "truefalse", "prompt": "P", "answer": true}]}\n' >"$T/schema-num.json"
run check-schema-num "" check "$T/schema-num.json"
expect_rc "schema: a \$schema that is not a string is refused" 2
expect_in "schema: says so at its place" "$out" "schema-num.json:1:13: error: '\$schema' must be a string"
printf '{"$schemas": "x", "format": "recall-deck/1", "id": "x", "title": "T",\n "questions": [{"id": "q", "type": "truefalse", "prompt": "P", "answer": true}]}\n' >"$T/schemas.json"
run check-schemas "" check "$T/schemas.json"
expect_in "schema: other unknown top-level fields still warned about" "$out" \
	"schemas.json:1:2: warning: unknown field '\$schemas' (ignored); did you mean '\$schema'?"

# The schema is not a deck: the start screen's search passes over it.
run start-plain ""
expect_rc "schema: recall alone still runs over the bundled decks" 0
expect_not_in "schema: not taken for a broken deck" "$err" "schema"

# Broken decks fail it: each a small change to a valid deck.
base='"format": "recall-deck/1", "id": "d", "title": "T"'
tf='{"id": "q", "type": "truefalse", "prompt": "P", "answer": true}'
i=0
while IFS='|' read -r what json; do
	i=$((i + 1))
	printf '%s\n' "$json" >"$T/broken-$i.json"
	line=$(validate "$T/broken-$i.json" 2>&1)
	case $line in
	"invalid "*) pass "schema: refuses $what" ;;
	*) fail "schema: refuses $what" "$line" "deck: $json" ;;
	esac
done <<EOD
a missing format|{"id": "d", "title": "T", "questions": [$tf]}
another format|{"format": "recall-deck/2", "id": "d", "title": "T", "questions": [$tf]}
a missing title|{"format": "recall-deck/1", "id": "d", "questions": [$tf]}
missing questions|{$base}
no questions|{$base, "questions": []}
an id that is not a slug|{"format": "recall-deck/1", "id": "Big Deck", "title": "T", "questions": [$tf]}
a blank title|{"format": "recall-deck/1", "id": "d", "title": " \n ", "questions": [$tf]}
a control character|{$base, "questions": [{"id": "q", "type": "truefalse", "prompt": "a\u001bb", "answer": true}]}
an unknown top-level field|{$base, "colour": "red", "questions": [$tf]}
an unknown question field|{$base, "questions": [{"id": "q", "type": "truefalse", "prompt": "P", "answer": true, "colour": 1}]}
a field of another type|{$base, "questions": [{"id": "q", "type": "truefalse", "prompt": "P", "answer": true, "choices": ["a", "b"]}]}
an unknown type|{$base, "questions": [{"id": "q", "type": "essay", "prompt": "P"}]}
a question without id|{$base, "questions": [{"type": "truefalse", "prompt": "P", "answer": true}]}
a question without type|{$base, "questions": [{"id": "q", "prompt": "P", "answer": true}]}
a truefalse answer that is a string|{$base, "questions": [{"id": "q", "type": "truefalse", "prompt": "P", "answer": "yes"}]}
a missing prompt|{$base, "questions": [{"id": "q", "type": "truefalse", "answer": true}]}
a choice without choices|{$base, "questions": [{"id": "q", "type": "choice", "prompt": "P", "answer": "a"}]}
one choice only|{$base, "questions": [{"id": "q", "type": "choice", "prompt": "P", "choices": ["a"], "answer": "a"}]}
a choice listed twice|{$base, "questions": [{"id": "q", "type": "choice", "prompt": "P", "choices": ["a", "a"], "answer": "a"}]}
a choice answer that is a number|{$base, "questions": [{"id": "q", "type": "choice", "prompt": "P", "choices": ["a", "b"], "answer": 1}]}
a multi answer that is a string|{$base, "questions": [{"id": "q", "type": "multi", "prompt": "P", "choices": ["a", "b"], "answer": "a"}]}
an empty multi answer|{$base, "questions": [{"id": "q", "type": "multi", "prompt": "P", "choices": ["a", "b"], "answer": []}]}
a number answer that is a string|{$base, "questions": [{"id": "q", "type": "number", "prompt": "P", "answer": "3"}]}
a negative tolerance|{$base, "questions": [{"id": "q", "type": "number", "prompt": "P", "answer": 3, "tolerance": -1}]}
tolerance with min and max|{$base, "questions": [{"id": "q", "type": "number", "prompt": "P", "answer": 3, "tolerance": 1, "min": 2, "max": 4}]}
min without max|{$base, "questions": [{"id": "q", "type": "number", "prompt": "P", "answer": 3, "min": 2}]}
an empty text answer list|{$base, "questions": [{"id": "q", "type": "text", "prompt": "P", "answer": []}]}
an exact that is a string|{$base, "questions": [{"id": "q", "type": "text", "prompt": "P", "answer": "a", "exact": "yes"}]}
one item to order|{$base, "questions": [{"id": "q", "type": "order", "prompt": "P", "items": ["a"]}]}
a pair of three|{$base, "questions": [{"id": "q", "type": "match", "prompt": "P", "pairs": [["a", "b", "c"], ["d", "e"]]}]}
a pair that is a string|{$base, "questions": [{"id": "q", "type": "match", "prompt": "P", "pairs": ["a", ["d", "e"]]}]}
a card with a prompt|{$base, "questions": [{"id": "q", "type": "card", "prompt": "P", "front": "F", "back": "B"}]}
a card without back|{$base, "questions": [{"id": "q", "type": "card", "front": "F"}]}
a difficulty of 6|{$base, "questions": [{"id": "q", "type": "truefalse", "prompt": "P", "answer": true, "difficulty": 6}]}
a difficulty of 2.5|{$base, "questions": [{"id": "q", "type": "truefalse", "prompt": "P", "answer": true, "difficulty": 2.5}]}
points of 0|{$base, "questions": [{"id": "q", "type": "truefalse", "prompt": "P", "answer": true, "points": 0}]}
tags that are a string|{$base, "questions": [{"id": "q", "type": "truefalse", "prompt": "P", "answer": true, "tags": "x"}]}
a tag listed twice|{$base, "questions": [{"id": "q", "type": "truefalse", "prompt": "P", "answer": true, "tags": ["x", "x"]}]}
a source without title|{$base, "sources": [{"id": "s"}], "questions": [$tf]}
a source reference without ref|{$base, "questions": [{"id": "q", "type": "truefalse", "prompt": "P", "answer": true, "source": {"paragraph": 2}}]}
EOD

# The invalid test decks fail it too.
for f in tests/data/escape.json tests/data/odd-key.json; do
	line=$(validate "$f" 2>&1)
	case $line in
	"invalid "*) pass "schema: refuses $f" ;;
	*) fail "schema: refuses $f" "$line" ;;
	esac
done
e2e_end
