/* The rule catalogue's lookup and the diagnostic records the validator
 * builds: each part of the catalogue sorted by id (hest_rule_find bisects
 * it), every id found as itself, no other string found; diagnostics
 * formatted once and printed the way the programs always printed them;
 * the validator's message formatter (vfmt) gives what vsnprintf gives. */
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/diag.h>
#include <hest/rules.h>
#include "../../validate/rules.h"
#include "../../validate/check_helpers.h"
#include "../unit/tap.h"

static const struct {
	const char *name;
	const struct hest_rule_table *t;
} parts[] = {
	{ "rules_table.c", &hest_rules_table_part }, { "rules_loader.c", &hest_rules_loader_part },
	{ "rules_cper.c", &hest_rules_cper_part },   { "rules_val.c", &hest_rules_val_part },
	{ "rules_ssdt.c", &hest_rules_ssdt_part },   { "rules_apei.c", &hest_rules_apei_part },
};
#define NPARTS (sizeof(parts) / sizeof(parts[0]))

static void test_catalogue(void)
{
	size_t total = 0;
	for (size_t p = 0; p < NPARTS; p++) {
		const struct hest_rule_table *t = parts[p].t;
		size_t bad = 0;
		for (size_t i = 1; i < t->n; i++)
			if (strcmp(t->v[i - 1].id, t->v[i].id) >= 0) {
				if (!bad)
					printf("# %s: '%s' comes before '%s'\n", parts[p].name, t->v[i - 1].id,
					       t->v[i].id);
				bad++;
			}
		tap_ok(t->n > 0 && bad == 0, "%s: %zu rules, sorted by id with none repeated", parts[p].name, t->n);
		total += t->n;
	}
	tap_ok(total == hest_rules_count(), "the parts hold the %zu rules of the catalogue", hest_rules_count());

	size_t missed = 0, wrong = 0;
	for (size_t i = 0; i < hest_rules_count(); i++) {
		const struct hest_rule *r = hest_rule_at(i);
		const struct hest_rule *f = hest_rule_find(r->id);
		/* A copy: the lookup compares text, not pointers. */
		char copy[64];
		snprintf(copy, sizeof(copy), "%s", r->id);
		if (!f)
			missed++;
		else if (f != r || hest_rule_find(copy) != r)
			wrong++;
	}
	tap_ok(missed == 0 && wrong == 0, "every rule is found by its id, and is the rule found (%zu missed, %zu other)",
	       missed, wrong);

	/* Strings that are not ids: around each id in the order, and cut
	 * short or extended. */
	size_t found = 0;
	static const char *const none[] = { "", "A", "ZZZZ", "HEST-", "HEST", "GAS", "hest-dup-id", "HEST-DUP-ID ",
					    "~" };
	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++)
		if (hest_rule_find(none[i]))
			found++;
	for (size_t i = 0; i < hest_rules_count(); i++) {
		char s[80];
		const char *id = hest_rule_at(i)->id;
		size_t n = strlen(id);
		snprintf(s, sizeof(s), "%.*s", (int)(n - 1), id);
		if (hest_rule_find(s) && strcmp(hest_rule_find(s)->id, s) != 0)
			found++;
		snprintf(s, sizeof(s), "%sX", id);
		if (hest_rule_find(s))
			found++;
		snprintf(s, sizeof(s), "%s-", id);
		if (hest_rule_find(s))
			found++;
	}
	tap_ok(found == 0, "strings that are not ids find nothing (%zu found)", found);
}

static struct hest_diag make(enum hest_severity sev, const char *rule, const char *file, uint32_t line,
			     uint32_t col, bool has_offset, uint64_t offset, char *message)
{
	return (struct hest_diag){ sev, rule, { file, line, col, has_offset, offset }, message };
}

/* hest_diag_format_buf against the printf formats the programs used. */
static void test_format(void)
{
	char msg[] = "the message";
	struct hest_diag v[] = {
		make(HEST_SEV_ERROR, "HEST-DUP-ID", "t.dat", 0, 0, true, 0x1f0, msg),
		make(HEST_SEV_WARNING, NULL, "t.dat", 0, 0, true, 0, msg),
		make(HEST_SEV_NOTE, "X", NULL, 0, 0, true, UINT64_MAX, msg),
		make(HEST_SEV_ERROR, "HEST-DUP-ID", "d.yaml", 12, 7, false, 0, msg),
		make(HEST_SEV_WARNING, NULL, "d.yaml", 4294967295u, 4294967295u, false, 0, msg),
		make(HEST_SEV_NOTE, "R", NULL, 0, 0, false, 0, msg),
	};
	char want[6][256];
	snprintf(want[0], 256, "t.dat:0x1f0: error[HEST-DUP-ID]: the message");
	snprintf(want[1], 256, "t.dat:0x0: warning: the message");
	snprintf(want[2], 256, "<input>:0xffffffffffffffff: note[X]: the message");
	snprintf(want[3], 256, "d.yaml:12:7: error: the message [HEST-DUP-ID]");
	snprintf(want[4], 256, "d.yaml:4294967295:4294967295: warning: the message");
	snprintf(want[5], 256, "<input>: note: the message [R]");
	for (size_t i = 0; i < 6; i++) {
		char *s = hest_diag_format(&v[i]);
		tap_ok(s && strcmp(s, want[i]) == 0, "hest_diag_format: '%s'", s ? s : "(null)");
		free(s);
		size_t len = strlen(want[i]), bad = 0;
		for (size_t size = 0; size <= len + 2; size++) {
			char buf[256];
			memset(buf, '#', sizeof(buf));
			size_t n = hest_diag_format_buf(&v[i], size ? buf : NULL, size);
			if (n != len)
				bad++;
			else if (size && (strncmp(buf, want[i], size - 1) != 0 || buf[size > len ? len : size - 1] != 0))
				bad++;
			else if (buf[size] != '#' && size < sizeof(buf))
				bad++; /* wrote past size */
		}
		tap_ok(bad == 0, "hest_diag_format_buf cuts it short like snprintf at every size (%zu bad)", bad);
	}
}

static void test_add(void)
{
	struct hest_diags d;
	hest_diags_init(&d);
	/* past the 512-byte stack buffer, and well past it */
	static char big[5000];
	memset(big, 'x', sizeof(big) - 1);
	for (size_t x = 508; x <= 510; x++) /* messages of 511, 512 and 513 bytes */
		hest_diag_add(&d, HEST_SEV_ERROR, "R", (struct hest_loc){ 0 }, "%s|%d", big + sizeof(big) - 1 - x, 42);
	hest_diag_add(&d, HEST_SEV_WARNING, NULL, (struct hest_loc){ 0 }, "<%s>", big);
	hest_diag_add(&d, HEST_SEV_NOTE, NULL, (struct hest_loc){ 0 }, "%s", "");
	tap_ok(d.n == 5 && d.errors == 3 && d.warnings == 1 && !d.oom, "five recorded, three errors, one warning");
	for (size_t k = 0; k < 3 && d.n == 5; k++)
		tap_ok(strlen(d.v[k].message) == 511 + k && strcmp(d.v[k].message + 508 + k, "|42") == 0 &&
			       strspn(d.v[k].message, "x") == 508 + k,
		       "a %zu-byte message is kept whole", 511 + k);
	tap_ok(d.n == 5 && strlen(d.v[3].message) == sizeof(big) + 1 && d.v[3].message[0] == '<' &&
		       d.v[3].message[sizeof(big)] == '>',
	       "a %zu-byte message is kept whole", sizeof(big) + 1);
	tap_ok(d.n == 5 && d.v[4].message[0] == 0, "an empty message is recorded");

	hest_diag_add_msg(&d, HEST_SEV_WARNING, "W", (struct hest_loc){ "f", 1, 2, false, 0 }, "abc%sdef", 5);
	tap_ok(d.n == 6 && strcmp(d.v[5].message, "abc%s") == 0 && d.warnings == 2 && strcmp(d.v[5].rule, "W") == 0 &&
		       d.v[5].loc.line == 1 && d.v[5].loc.col == 2,
	       "hest_diag_add_msg records the first len bytes, unformatted");
	hest_diags_free(&d);

	hest_diags_init(&d);
	for (unsigned i = 0; i < HEST_DIAGS_MAX + 5; i++) {
		if (i % 2)
			hest_diag_add(&d, HEST_SEV_ERROR, NULL, (struct hest_loc){ 0 }, "e%u", i);
		else
			hest_diag_add_msg(&d, HEST_SEV_WARNING, NULL, (struct hest_loc){ 0 }, "w", 1);
	}
	tap_ok(d.n == HEST_DIAGS_MAX && d.dropped == 5 && d.errors + d.warnings == HEST_DIAGS_MAX + 5,
	       "both stop recording at %u and count the rest (%zu dropped)", HEST_DIAGS_MAX, d.dropped);
	hest_diags_free(&d);
}

/* --- vfmt against vsnprintf ------------------------------------------------ */

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static size_t below(size_t n)
{
	return (size_t)(next() % n);
}

/* Both formatters into buffers of `size` bytes (pre-filled, to see what is
 * written past the end); 1 when they agree in result, bytes and return. */
static int same(size_t size, const char *fmt, ...)
{
	char a[600], b[600];
	va_list ap, aq;
	memset(a, '#', sizeof(a));
	memset(b, '#', sizeof(b));
	va_start(ap, fmt);
	va_copy(aq, ap);
	int ra = vfmt(size ? a : NULL, size, fmt, ap);
	int rb = vsnprintf(size ? b : NULL, size, fmt, aq);
	va_end(aq);
	va_end(ap);
	if (ra != rb || memcmp(a, b, sizeof(a)) != 0) {
		printf("# '%s' (size %zu): vfmt %d '%.*s', vsnprintf %d '%.*s'\n", fmt, size, ra,
		       (int)(size ? size : 1), size ? a : "", rb, (int)(size ? size : 1), size ? b : "");
		return 0;
	}
	return 1;
}

static const char *const strs[] = { "", "a", "HEST", "error status address register", "source 'x' (ghes, id 7)",
				    "%s %d %%" };

/* One random directive (with literal text around it) and matching
 * arguments: flags, width and precision as digits or '*', every length
 * modifier, every conversion vfmt takes and some it hands to vsnprintf. */
static int random_case(void)
{
	static const char *const flags[] = { "", "", "-", "0", "-0", "0-", "00", "+", " ", "#" };
	static const char *const lens[] = { "", "", "hh", "h", "l", "ll", "z", "j", "t" };
	static const char convs[] = "diuxXcs%po";
	char fmt[64], spec[32];
	const char *fl = flags[below(sizeof(flags) / sizeof(flags[0]))];
	int wkind = (int)below(4), pkind = (int)below(5); /* none, digits, '*' (and '.' alone) */
	int w = (int)below(24) - (wkind == 2 ? 8 : 0), pr = (int)below(24) - (pkind == 2 ? 8 : 0);
	const char *len = lens[below(sizeof(lens) / sizeof(lens[0]))];
	char conv = convs[below(sizeof(convs) - 1)];
	if (conv == 'c' || conv == 's' || conv == '%' || conv == 'p')
		len = "";
	size_t k = 0;
	k += (size_t)snprintf(spec + k, sizeof(spec) - k, "%%%s", conv == '%' ? "" : fl);
	if (conv != '%') {
		if (wkind == 1)
			k += (size_t)snprintf(spec + k, sizeof(spec) - k, "%d", w < 0 ? -w : w);
		else if (wkind == 2)
			k += (size_t)snprintf(spec + k, sizeof(spec) - k, "*");
		if (pkind == 1)
			k += (size_t)snprintf(spec + k, sizeof(spec) - k, ".%d", pr < 0 ? -pr : pr);
		else if (pkind == 2)
			k += (size_t)snprintf(spec + k, sizeof(spec) - k, ".*");
		else if (pkind == 3)
			k += (size_t)snprintf(spec + k, sizeof(spec) - k, ".");
	}
	snprintf(spec + k, sizeof(spec) - k, "%s%c", len, conv);
	snprintf(fmt, sizeof(fmt), "%s%s%s", below(2) ? "x=" : "", spec, below(2) ? " end" : "");
	bool sw = conv != '%' && wkind == 2, sp = conv != '%' && pkind == 2;
	/* zero, small, large and extreme values of each width */
	static const uint64_t vals[] = { 0, 1, 7, 9, 10, 255, 256, 0x7f, 0x80, 0xffff, 0x10000, 0x7fffffff,
					 0x80000000u, 0xffffffffu, 0x123456789abcdefull, 0x7fffffffffffffffull,
					 0x8000000000000000ull, 0xffffffffffffffffull };
	uint64_t v = vals[below(sizeof(vals) / sizeof(vals[0]))];
	if (below(3) == 0)
		v = next();
	const char *str = strs[below(sizeof(strs) / sizeof(strs[0]))];
	size_t size = below(4) == 0 ? below(12) : 600;
	/* the argument list the directive reads: [width] [precision] value */
#define CALL(val)                                                                     \
	(sw && sp ? same(size, fmt, w, pr, val) : sw ? same(size, fmt, w, val)         \
		: sp ? same(size, fmt, pr, val) : same(size, fmt, val))
	if (conv == 's')
		return CALL(str);
	if (conv == 'p')
		return CALL((void *)str);
	if (conv == '%')
		return same(size, fmt, 0);
	if (conv == 'c')
		return CALL((int)(v % 94 + 33));
	bool sgn = conv == 'd' || conv == 'i';
	switch (len[0] ? len[0] + len[1] : 0) {
	case 'l':
		return sgn ? CALL((long)v) : CALL((unsigned long)v);
	case 'l' + 'l':
		return sgn ? CALL((long long)v) : CALL((unsigned long long)v);
	case 'z':
		return CALL((size_t)v);
	case 'j':
		return sgn ? CALL((intmax_t)v) : CALL((uintmax_t)v);
	case 't':
		return CALL((ptrdiff_t)v);
	default: /* int, and hh and h (promoted to int) */
		return sgn ? CALL((int)v) : CALL((unsigned)v);
	}
#undef CALL
}

static void test_vfmt(void)
{
	size_t bad = 0;
	for (int i = 0; i < 20000; i++)
		if (!random_case() && ++bad > 20)
			break;
	tap_ok(bad == 0, "vfmt and vsnprintf agree on 20000 random directives, arguments and buffer sizes");

	/* formats of the validator's own messages, cut at every size */
	bad = 0;
	for (size_t size = 0; size < 200; size++) {
		bad += !same(size, "reserved %s%s%s hold%s 0x%0*" PRIx64 "; must be zero", "notification", " ",
			     "bytes 4..7", "", 8, (uint64_t)0xdeadbeef);
		bad += !same(size, "%s '%.*s' is padded with %zu NUL byte%s instead of spaces", "OEM ID", 4, "ABCDEFG",
			     (size_t)2, "s");
		bad += !same(size, "the signature bytes are %02x %02x %02x %02x, not 'HEST'", 0, 0x7f, 0x80, 0xff);
		bad += !same(size, "the signature is '%.4s', not 'HEST'%s", "FACPxyz", "; another table");
		bad += !same(size, "structure type %" PRIu32 " (0x%04" PRIx32 ") is %s", (uint32_t)12, (uint32_t)12,
			     "reserved");
		bad += !same(size, "%c%-5d|%5d|%-5s|%5s|%%|%d", 'x', -42, -42, "ab", "ab", -2147483647 - 1);
	}
	tap_ok(bad == 0, "vfmt and vsnprintf agree on the validator's formats at every buffer size (%zu differ)", bad);
}

int main(void)
{
	test_catalogue();
	test_vfmt();
	test_format();
	test_add();
	return tap_done();
}
