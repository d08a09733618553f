/* Hostile tables: every truncation, every single-byte corruption and
 * thousands of random mutants of real tables decode, validate and
 * summarise without a crash or an out-of-bounds read (run it under ASan),
 * and decoding keeps every byte: the header and the sources' images laid
 * end to end are the input again.  acpidump text is mutated the same way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/decode.h>
#include <hest/validate.h>
#include "../unit/tap.h"
#include "../unit/files.h"

struct stats {
	size_t runs, lossy, failed;
};

static uint32_t rng = 0x12345678u; /* fixed seed: the same mutants every run */

static uint32_t next(void)
{
	rng = rng * 1664525u + 1013904223u;
	return rng >> 8;
}

static bool same_bytes(const struct hest_model *m, const uint8_t *p, size_t len)
{
	/* a BERT or EINJ: its 48-byte header, entries, then trailing bytes */
	size_t hsize = m->kind == HEST_TABLE_HEST ? HEST_SOURCES_OFFSET : m->hdr.len;
	size_t head = len < hsize ? len : hsize;
	if (memcmp(m->hdr.bytes, p, head) != 0)
		return false;
	size_t at = head;
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source *s = &m->src[i];
		if (at + s->len > len || memcmp(s->bytes, p + at, s->len) != 0 || s->layout.hest_offset != at)
			return false;
		at += s->len;
	}
	if (m->kind != HEST_TABLE_HEST && m->trailing_len) {
		if (at + m->trailing_len > len || memcmp(m->trailing, p + at, m->trailing_len) != 0)
			return false;
		at += m->trailing_len;
	}
	return at == len;
}

static void one(const uint8_t *p, size_t len, enum hest_arch arch, struct stats *st)
{
	struct hest_model m;
	struct hest_decode_info info;
	struct hest_diags d;
	struct hest_linux_summary s;
	hest_diags_init(&d);
	st->runs++;
	if (hest_model_init(&m) < 0) {
		st->failed++;
		return;
	}
	if (hest_decode_table(p, len, "mutant", &m, &info, &d) < 0) {
		st->failed++;
	} else {
		if (!same_bytes(&m, p, len))
			st->lossy++;
		struct hest_validate_options o = { arch, NULL, 0, false, &info, p, NULL, NULL, 0 };
		if (hest_validate(&m, &o, &d) < 0)
			st->failed++;
		if (hest_linux_summarize(&m, &info, arch, 0, &s) < 0)
			st->failed++;
		else
			hest_linux_summary_free(&s);
	}
	hest_model_free(&m);
	hest_diags_free(&d);
}

static void torture_table(const char *path, void *ctx)
{
	(void)ctx;
	size_t len;
	uint8_t *orig = tests_slurp(path, &len);
	rng = 0x12345678u ^ (uint32_t)len; /* each file's mutants do not depend on the others */
	if (!orig) {
		tap_ok(0, "%s: readable", path);
		return;
	}
	uint8_t *p = malloc(len ? len : 1);
	struct stats st = { 0, 0, 0 };
	one(orig, len, HEST_ARCH_ANY, &st);
	for (size_t n = 0; n < len; n++) { /* every truncation, into an exact-size buffer */
		uint8_t *t = malloc(n ? n : 1);
		memcpy(t, orig, n);
		one(t, n, HEST_ARCH_X86_64, &st);
		free(t);
	}
	static const uint8_t patterns[] = { 0x00, 0xff, 0x80, 0x01 };
	for (size_t i = 0; i < len; i++) /* every byte, four ways */
		for (size_t k = 0; k < sizeof(patterns); k++) {
			memcpy(p, orig, len);
			p[i] = k == 2 ? (uint8_t)(orig[i] ^ 0x80) : patterns[k];
			one(p, len, k & 1 ? HEST_ARCH_ARM64 : HEST_ARCH_ANY, &st);
		}
	for (int r = 0; r < 3000 && len; r++) { /* random multi-byte mutants */
		memcpy(p, orig, len);
		int edits = 1 + (int)(next() % 8);
		for (int e = 0; e < edits; e++)
			p[next() % len] = (uint8_t)next();
		one(p, len, (enum hest_arch)(next() % 3), &st);
	}
	tap_ok(st.failed == 0 && st.lossy == 0, "%s: %zu mutants decoded, validated and summarised (%zu lost bytes, %zu failures)",
	       path, st.runs, st.lossy, st.failed);
	free(p);
	free(orig);
}

static void torture_dump(const char *path, void *ctx)
{
	(void)ctx;
	size_t len;
	uint8_t *orig = tests_slurp(path, &len);
	rng = 0x9e3779b9u ^ (uint32_t)len;
	if (!orig) {
		tap_ok(0, "%s: readable", path);
		return;
	}
	uint8_t *p = malloc(len ? len : 1);
	static const char junk[] = "0123456789abcdefABCDEF: @x\n\t HEST";
	size_t runs = 0, found = 0;
	struct stats st = { 0, 0, 0 };
	for (int r = 0; r < 400; r++) {
		memcpy(p, orig, len);
		int edits = 1 + (int)(next() % 40);
		for (int e = 0; e < edits; e++)
			p[next() % len] = (uint8_t)junk[next() % (sizeof(junk) - 1)];
		size_t cut = r % 4 == 0 ? next() % (len + 1) : len;
		struct hest_dump dump;
		struct hest_diags d;
		hest_diags_init(&d);
		runs++;
		if (hest_dump_is_text(p, cut) && hest_dump_parse(p, cut, "dump", &dump, &d) == 0) {
			const struct hest_dump_table *t = hest_dump_find(&dump, "HEST");
			if (t) {
				found++;
				one(t->data, t->len, HEST_ARCH_ANY, &st);
			}
			hest_dump_free(&dump);
		}
		hest_diags_free(&d);
	}
	tap_ok(st.failed == 0 && st.lossy == 0, "%s: %zu mutated dumps parsed, %zu HEST decoded (%zu lost bytes, %zu failures)",
	       path, runs, found, st.lossy, st.failed);
	free(p);
	free(orig);
}

int main(void)
{
	const char *top = tests_top(), *shared = tests_shared();
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/tests/golden", top);
	tests_each(dir, ".aml", torture_table, NULL);
	snprintf(dir, sizeof(dir), "%s/corpus/real/hest", shared);
	tests_each(dir, ".dat", torture_table, NULL);
	snprintf(dir, sizeof(dir), "%s/corpus/real/acpidump", shared);
	tests_each(dir, ".txt", torture_dump, NULL);
	snprintf(dir, sizeof(dir), "%s/reference/iasl", shared);
	tests_each(dir, ".aml", torture_table, NULL);
	tap_ok(tap_n > 0, "found tables to torture");
	return tap_done();
}
