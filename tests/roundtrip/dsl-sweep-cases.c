/* The cases of tests/roundtrip/dsl-sweep.sh, made from libhest's own field
 * tables (lib/fields.c), so that a field added there is swept too.
 *
 * For every field of every structure (the header, each error source type,
 * and within them the notification, the GASes, the read-ack and an MCA
 * bank) it prints descriptions that differ from a minimal one in that field
 * alone, with several values: all-ones, a mid value, 0 or 1 against the
 * default, each enum name and an undefined number, each flag and all of
 * them, every printable ASCII character in strings, strings of full width,
 * NUL-padded and not ASCII.  One line a case:
 *
 *   STRUCTURE <TAB> PATH <TAB> VALUE <TAB> DESCRIPTION
 *
 * STRUCTURE is the source type's key ("ghes-v2") or "table" (the header),
 * PATH is the field as `--emit dsl` names it in its diagnostics
 * ("notification.length", "banks[0].reserved_3", "length" for the header's),
 * VALUE the value as written in the description and DESCRIPTION a one-line
 * YAML description.
 *
 * Fields no value of which is a description of its own are left out, each
 * with a '#' line saying why: a source's type (the structure itself) and
 * num_banks (the parser requires it to equal the banks listed; the sweep
 * varies the number of banks instead). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <hest/fields.h>

#define MAXDEPTH 4

struct sweep {
	const struct hest_struct_desc *top; /* an error source, or the header */
	const struct hest_field *stack[MAXDEPTH];
	int depth;
	unsigned cases;
	const char *extra; /* top-level keys the case needs besides `sources:` */
};

/* A minimal source of the structure: what every case adds its field to. */
static bool has_field(const struct hest_struct_desc *d, const char *key)
{
	return hest_field_find(d, key) != NULL;
}

static void print_value_at(const struct sweep *sw, int level, const char *value)
{
	const struct hest_field *f = sw->stack[level];
	if (level == sw->depth - 1) {
		printf("%s: %s", f->key, value);
		return;
	}
	if (f->kind == HEST_FK_ARRAY) {
		printf("%s: [ { ", f->key);
		print_value_at(sw, level + 1, value);
		printf(" } ]");
		return;
	}
	printf("%s: { ", f->key);
	/* a notification needs its type */
	if (f->sub == &hest_desc_notification && strcmp(sw->stack[level + 1]->key, "type") != 0)
		printf("type: polled, ");
	print_value_at(sw, level + 1, value);
	printf(" }");
}

/* The source (or header) mapping's content with the field at the stack set. */
static void print_source(const struct sweep *sw, const char *value, int nbanks)
{
	const struct hest_struct_desc *d = sw->top;
	const char *first = sw->depth ? sw->stack[0]->key : "";
	bool banks_set = nbanks >= 0 || strcmp(first, "banks") == 0;
	printf("{ type: %s", d->key);
	if (strcmp(first, "id") != 0)
		printf(", id: 0");
	if (has_field(d, "notification") && strcmp(first, "notification") != 0)
		printf(", notification: { type: polled }");
	if (has_field(d, "banks") && !banks_set)
		printf(", banks: [ { bank_number: 0 } ]");
	if (nbanks >= 0) {
		printf(", banks: [");
		for (int i = 0; i < nbanks; i++)
			printf("%s { bank_number: %d }", i ? "," : "", i);
		printf(" ]");
	}
	if (sw->depth) {
		printf(", ");
		print_value_at(sw, 0, value);
	}
	printf(" }");
}

static void path_of(const struct sweep *sw, char *buf, size_t size)
{
	size_t at = 0;
	buf[0] = '\0';
	for (int i = 0; i < sw->depth && at < size; i++) {
		const struct hest_field *f = sw->stack[i];
		at += (size_t)snprintf(buf + at, size - at, "%s%s%s", i ? "." : "", f->key,
				       f->kind == HEST_FK_ARRAY ? "[0]" : "");
	}
}

static void emit_case(struct sweep *sw, const char *value)
{
	char path[160];
	path_of(sw, path, sizeof(path));
	printf("%s\t%s\t%s\t", sw->top->key, path, value);
	if (sw->extra)
		printf("{ %s, ", sw->extra);
	else
		printf("{ ");
	if (sw->top == &hest_desc_header) {
		printf("table: { %s: %s }, sources: [ ", sw->stack[0]->key, value);
		struct sweep ghes = { hest_source_desc_by_key("ghes"), { NULL }, 0, 0, NULL };
		print_source(&ghes, NULL, -1);
		printf(" ] }\n");
	} else {
		printf("sources: [ ");
		print_source(sw, value, -1);
		printf(" ] }\n");
	}
	sw->cases++;
}

static void emit_int(struct sweep *sw, const struct hest_field *f, uint64_t v)
{
	char val[32];
	if (v == f->def && !(f->attr & (HEST_FA_COMPUTED | HEST_FA_BLOCKLEN | HEST_FA_PLACED)))
		return;
	snprintf(val, sizeof(val), "0x%" PRIx64, v);
	emit_case(sw, val);
}

/* 0x12, 0x1234, 0x12345678, 0x123456789abcdef0: a value that is neither 0
 * nor all-ones in any byte order */
static uint64_t mid_value(unsigned size)
{
	return size >= 8 ? UINT64_C(0x123456789abcdef0) : UINT64_C(0x123456789abcdef0) >> (64 - 8 * size);
}

static void sweep_ints(struct sweep *sw, const struct hest_field *f)
{
	uint64_t max = hest_field_max(f->size);
	emit_int(sw, f, max);
	emit_int(sw, f, mid_value(f->size));
	/* an error status block of 1 byte is refused unless allowed */
	if (f->attr & HEST_FA_BLOCKLEN)
		sw->extra = "allow: [undersized-error-blocks]";
	emit_int(sw, f, f->def ? 0 : 1);
	sw->extra = NULL;
}

static void sweep_enum(struct sweep *sw, const struct hest_field *f)
{
	uint64_t undefined = 0;
	for (size_t i = 0; i < f->names->n; i++) {
		const struct hest_name *nm = &f->names->v[i];
		if (nm->value != f->def)
			emit_case(sw, nm->name);
	}
	/* the smallest number without a name, and all-ones */
	while (hest_name_of(f->names, undefined))
		undefined++;
	emit_int(sw, f, undefined);
	if (hest_field_max(f->size) != undefined)
		emit_int(sw, f, hest_field_max(f->size));
}

static void sweep_flags(struct sweep *sw, const struct hest_field *f)
{
	char val[512];
	size_t at = 0;
	uint64_t known = 0;
	for (size_t i = 0; i < f->names->n; i++) {
		const struct hest_name *nm = &f->names->v[i];
		char one[128];
		snprintf(one, sizeof(one), "[%s]", nm->name);
		emit_case(sw, one);
		at += (size_t)snprintf(val + at, sizeof(val) - at, "%s%s", i ? ", " : "[", nm->name);
		known |= nm->value;
	}
	snprintf(val + at, sizeof(val) - at, "]");
	if (f->names->n > 1)
		emit_case(sw, val);
	/* the highest bit without a name */
	for (unsigned bit = 8 * f->size; bit-- > 0;)
		if (!(known & UINT64_C(1) << bit)) {
			snprintf(val, sizeof(val), "[0x%" PRIx64 "]", UINT64_C(1) << bit);
			emit_case(sw, val);
			break;
		}
}

static void sweep_chars(struct sweep *sw, const struct hest_field *f)
{
	static const char letters[] = "ZYXWVUTSRQPONMLK";
	char val[160];
	if (f->size >= sizeof(letters)) {
		printf("not a case: %s is wider than the sweep's strings\n", f->key);
		return;
	}
	/* every printable ASCII character, the field's width at a time (a YAML
	 * double-quoted string: '"' and '\\' escaped) */
	for (int c = 0x20; c <= 0x7e;) {
		size_t at = (size_t)snprintf(val, sizeof(val), "\"");
		for (unsigned i = 0; i < f->size && c <= 0x7e; i++, c++)
			at += (size_t)snprintf(val + at, sizeof(val) - at, "%s%c", c == '"' || c == '\\' ? "\\" : "", c);
		snprintf(val + at, sizeof(val) - at, "\"");
		emit_case(sw, val);
	}
	/* full width, printable */
	snprintf(val, sizeof(val), "\"%.*s\"", (int)f->size, letters);
	emit_case(sw, val);
	/* one letter and NUL padding */
	size_t at = (size_t)snprintf(val, sizeof(val), "\"Z");
	for (unsigned i = 1; i < f->size; i++)
		at += (size_t)snprintf(val + at, sizeof(val) - at, "\\0");
	snprintf(val + at, sizeof(val) - at, "\"");
	emit_case(sw, val);
	/* a byte above 0x7f */
	at = (size_t)snprintf(val, sizeof(val), "{ hex: \"");
	for (unsigned i = 0; i < f->size; i++)
		at += (size_t)snprintf(val + at, sizeof(val) - at, "%s%02x", i ? " " : "", i ? 0x41 + i : 0xff);
	snprintf(val + at, sizeof(val) - at, "\" }");
	emit_case(sw, val);
}

static void sweep_struct(struct sweep *sw, const struct hest_struct_desc *d);

static void sweep_field(struct sweep *sw, const struct hest_field *f)
{
	if (f->attr & HEST_FA_TYPE) {
		printf("# %s.%s: the structure's type, fixed by `type:`; every type is swept\n", sw->top->key, f->key);
		return;
	}
	if (f->attr & HEST_FA_COUNT) {
		printf("# %s.%s: must equal the banks listed; the number of banks is swept instead\n", sw->top->key,
		       f->key);
		return;
	}
	sw->stack[sw->depth++] = f;
	switch (f->kind) {
	case HEST_FK_INT:
	case HEST_FK_RESERVED:
		sweep_ints(sw, f);
		break;
	case HEST_FK_ENUM:
		sweep_enum(sw, f);
		break;
	case HEST_FK_FLAGS:
		sweep_flags(sw, f);
		break;
	case HEST_FK_CHARS:
		sweep_chars(sw, f);
		break;
	case HEST_FK_STRUCT:
		sweep_struct(sw, f->sub);
		break;
	case HEST_FK_ARRAY: {
		/* the number of elements, then each field of the first */
		char path[160];
		sw->depth--;
		path_of(sw, path, sizeof(path));
		for (int n = 0; n <= 3; n += n ? 1 : 2) {
			printf("%s\t%s%sbanks\t%d banks\t{ sources: [ ", sw->top->key, path, *path ? "." : "", n);
			print_source(sw, NULL, n);
			printf(" ] }\n");
			sw->cases++;
		}
		sw->depth++;
		sweep_struct(sw, f->sub);
		break;
	}
	default:
		printf("# %s: field kind %u is not swept\n", f->key, f->kind);
		printf("not a case: the sweep does not know every field kind\n");
		break;
	}
	sw->depth--;
}

static void sweep_struct(struct sweep *sw, const struct hest_struct_desc *d)
{
	if (sw->depth >= MAXDEPTH) {
		printf("not a case: structures nest deeper than %d\n", MAXDEPTH);
		return;
	}
	for (size_t i = 0; i < d->nfields; i++)
		sweep_field(sw, &d->fields[i]);
}

int main(void)
{
	size_t n;
	const struct hest_struct_desc *const *descs = hest_source_descs(&n);
	unsigned total = 0;
	struct sweep hdr = { &hest_desc_header, { NULL }, 0, 0, NULL };
	sweep_struct(&hdr, &hest_desc_header);
	total += hdr.cases;
	for (size_t i = 0; i < n; i++) {
		struct sweep sw = { descs[i], { NULL }, 0, 0, NULL };
		sweep_struct(&sw, descs[i]);
		total += sw.cases;
	}
	printf("# %u cases\n", total);
	return fflush(stdout) == 0 ? 0 : 1;
}
