/* decode(encode(x)) == x for every field of every structure, computed fields
 * as computed, validation bits following what is given; then property tests
 * over random blocks and records (fixed seed, deterministic) and mutated
 * inputs for the decoder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/cper.h>
#include "tap.h"

/* xorshift64*: deterministic across platforms. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static uint64_t below(uint64_t n)
{
	return n ? rnd() % n : 0;
}

static void fill(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)rnd();
}

static bool skip_field(const struct hest_cper_field *f)
{
	/* Computed fields are checked against what they must hold; the
	 * validation bits follow the fields given. */
	return (f->attr & (HEST_CA_COMPUTED | HEST_CA_VALIDATION)) != 0;
}

/* Gives a field a value: random, or "all" (every settable field). */
static void set_random(struct hest_cper_image *im, const struct hest_cper_field *f, bool keep_valid_enums)
{
	if (hest_cper_field_is_int(f)) {
		uint64_t v = rnd() & hest_cper_field_max(f);
		if (keep_valid_enums && f->kind == HEST_CF_ENUM && (f->attr & HEST_CA_CLOSED))
			v = f->names->v[below(f->names->n)].value;
		if (keep_valid_enums && f->kind == HEST_CF_RESERVED)
			v = 0;
		if (strcmp(f->key, "revision") == 0 && im->desc == &hest_cper_desc_entry)
			v = below(2) ? 0x300 : 0x201;
		if (strcmp(f->key, "timestamp") == 0 && im->desc == &hest_cper_desc_entry) {
			uint64_t rev = 0;
			hest_cper_get(im, "revision", &rev);
			if (hest_cper_entry_size((uint16_t)rev) < HEST_CPER_ENTRY_SIZE)
				return;
		}
		if (strcmp(f->key, "signature_end") == 0)
			v = 0xffffffffu;
		hest_cper_set(im, f->key, v);
	} else {
		uint8_t b[128];
		size_t n = f->kind == HEST_CF_GUID ? 16 : below(f->size + 1u);
		if (f->kind == HEST_CF_RESERVED && keep_valid_enums)
			return;
		fill(b, n);
		if (f->kind == HEST_CF_TEXT)
			for (size_t i = 0; i < n; i++)
				b[i] = (uint8_t)(' ' + b[i] % 94);
		if (strcmp(f->key, "signature") == 0) {
			memcpy(b, "CPER", 4);
			n = 4;
		}
		hest_cper_set_bytes(im, f->key, b, n);
	}
}

static void set_fields(struct hest_cper_image *im, bool all, bool keep_valid)
{
	/* Table order sets an entry's revision before its timestamp. */
	for (size_t i = 0; i < im->desc->nfields; i++) {
		const struct hest_cper_field *f = &im->desc->fields[i];
		/* Computed fields stay computed, except the default severity. */
		if (skip_field(f) && strcmp(f->key, "severity") != 0)
			continue;
		if (all || below(3) == 0)
			set_random(im, f, keep_valid);
	}
}

/* Compares every field of two images of the same table; counts mismatches. */
static int compare(const struct hest_cper_image *a, const struct hest_cper_image *b, const char *what, bool report)
{
	int bad = 0;
	if (a->desc != b->desc)
		return 1;
	for (size_t i = 0; i < a->desc->nfields; i++) {
		const struct hest_cper_field *f = &a->desc->fields[i];
		if ((f->attr & HEST_CA_COMPUTED) || (uint32_t)f->offset + f->size > a->len ||
		    (uint32_t)f->offset + f->size > b->len)
			continue;
		bool same = hest_cper_field_is_int(f)
				    ? hest_cper_field_get(f, a->bytes) == hest_cper_field_get(f, b->bytes)
				    : memcmp(a->bytes + f->offset, b->bytes + f->offset, f->size) == 0;
		if (!same) {
			if (report)
				printf("# %s: field %s differs\n", what, f->key);
			bad++;
		}
	}
	if (a->len > a->desc->size && (a->len != b->len || memcmp(a->bytes + a->desc->size, b->bytes + b->desc->size,
								 a->len - a->desc->size) != 0)) {
		if (report)
			printf("# %s: trailing register data differs\n", what);
		bad++;
	}
	return bad;
}

static uint64_t get(const struct hest_cper_image *im, const char *key)
{
	uint64_t v = 0;
	hest_cper_get(im, key, &v);
	return v;
}

/* Computed fields of a decoded section hold what the built one implies. */
static int check_computed(const struct hest_cper_block *x, const struct hest_cper_section *built,
			  const struct hest_cper_section *dec)
{
	int bad = 0;
	const struct hest_cper_type *t = built->type;
	uint64_t len = built->body.len + (uint64_t)built->taillen;
	for (size_t i = 0; i < built->ninfo; i++)
		len += built->info[i].len;
	for (size_t i = 0; i < built->nctx; i++)
		len += built->ctx[i].len;
	for (unsigned v = 0; v < HEST_CPER_MAX_VAR; v++)
		len += built->varlen[v];
	const char *lenkey = x->form == HEST_CPER_RECORD ? "section_length" : "error_data_length";
	bad += get(&dec->header, lenkey) != len;
	uint64_t sev = hest_cper_given(&built->header, "severity") ? get(&built->header, "severity")
								   : get(&x->head, "severity");
	bad += get(&dec->header, "severity") != sev;
	bad += memcmp(hest_cper_get_bytes(&dec->header, "section_type", NULL),
		      hest_cper_get_bytes(&built->header, "section_type", NULL), 16) != 0;
	uint64_t v;
	uint64_t v2 = 0;
	hest_cper_bits_get(&t->info_count2, dec->body.bytes, &v2);
	if (hest_cper_bits_get(&t->info_count, dec->body.bytes, &v))
		bad += v + v2 != built->ninfo;
	if (hest_cper_bits_get(&t->ctx_count, dec->body.bytes, &v))
		bad += v != built->nctx;
	if (hest_cper_bits_get(&t->length, dec->body.bytes, &v))
		bad += v != len;
	for (size_t i = 0; i < dec->nctx && i < built->nctx; i++)
		if (hest_cper_bits_get(&t->ctx_size, dec->ctx[i].bytes, &v))
			bad += v != built->ctx[i].len - t->ctx->size;
	for (unsigned k = 0; k < HEST_CPER_MAX_VAR && t->var[k].key; k++)
		if (hest_cper_bits_get(&t->var[k].len, dec->body.bytes, &v))
			bad += v != built->varlen[k];
	return bad;
}

/* Everything the decoder returns equals what was built. */
static int same_block(const struct hest_cper_block *x, const struct hest_cper_block *y, bool report)
{
	int bad = compare(&x->head, &y->head, "head", report);
	if (x->nsec != y->nsec)
		return bad + 1;
	for (size_t i = 0; i < x->nsec; i++) {
		const struct hest_cper_section *a = &x->sec[i], *b = &y->sec[i];
		if (a->type != b->type || a->ninfo != b->ninfo || a->nctx != b->nctx || a->taillen != b->taillen ||
		    (a->taillen && memcmp(a->tail, b->tail, a->taillen) != 0)) {
			if (report)
				printf("# section %zu: shape differs\n", i);
			bad++;
			continue;
		}
		bad += compare(&a->header, &b->header, "header", report);
		bad += compare(&a->body, &b->body, a->type->key, report);
		for (size_t k = 0; k < a->ninfo; k++)
			bad += compare(&a->info[k], &b->info[k], "error_info", report);
		for (size_t k = 0; k < a->nctx; k++)
			bad += compare(&a->ctx[k], &b->ctx[k], "context", report);
		for (unsigned k = 0; k < HEST_CPER_MAX_VAR; k++)
			if (a->varlen[k] != b->varlen[k] ||
			    (a->varlen[k] && memcmp(a->var[k], b->var[k], a->varlen[k]) != 0)) {
				if (report)
					printf("# section %zu: %s differs\n", i, a->type->var[k].key);
				bad++;
			}
		bad += check_computed(x, a, b);
	}
	if (x->form == HEST_CPER_STATUS_BLOCK)
		bad += x->rawlen != y->rawlen || (x->rawlen && memcmp(x->raw, y->raw, x->rawlen) != 0);
	return bad;
}

static void add_parts(struct hest_cper_section *s, bool all, bool keep_valid, size_t ninfo, size_t nctx)
{
	for (size_t i = 0; s->type->info && i < ninfo; i++) {
		struct hest_cper_image *im = hest_cper_add_info(s);
		if (im)
			set_fields(im, all, keep_valid);
	}
	for (size_t i = 0; s->type->ctx && i < nctx; i++) {
		uint8_t regs[80];
		size_t n = below(sizeof(regs));
		fill(regs, n);
		struct hest_cper_image *im = hest_cper_add_context(s, regs, n);
		if (im)
			set_fields(im, all, keep_valid);
	}
	for (unsigned v = 0; v < HEST_CPER_MAX_VAR && s->type->var[v].key; v++) {
		uint8_t p[48];
		size_t n = below(sizeof(p));
		fill(p, n);
		hest_cper_set_var(s, v, p, n);
	}
	if (s->type->kind == HEST_CPER_RAW || s->type->kind == HEST_CPER_ARM || below(4) == 0) {
		uint8_t t[40];
		size_t n = below(sizeof(t));
		fill(t, n);
		hest_cper_set_tail(s, t, n);
	}
}

static struct hest_cper_section *add_section(struct hest_cper_block *b, enum hest_cper_kind k, bool all,
					     bool keep_valid)
{
	struct hest_cper_section *s = hest_cper_add_section(b, k);
	if (!s)
		return NULL;
	/* Revision first: it decides whether the entry carries a timestamp. */
	if (b->form == HEST_CPER_STATUS_BLOCK && below(4) == 0)
		hest_cper_set(&s->header, "revision", 0x201);
	set_fields(&s->header, all, keep_valid);
	if (k == HEST_CPER_RAW) {
		uint8_t g[16];
		fill(g, 16);
		hest_cper_set_bytes(&s->header, "section_type", g, 16);
	}
	set_fields(&s->body, all, keep_valid);
	return s;
}

static int roundtrip(const struct hest_cper_block *x, bool report, bool expect_clean)
{
	struct hest_buf a, b2;
	struct hest_diags d;
	struct hest_cper_block y;
	int bad = 0;
	hest_buf_init(&a);
	hest_buf_init(&b2);
	hest_diags_init(&d);
	if (hest_cper_encode(x, &a, "built", &d) < 0) {
		if (report)
			printf("# encode failed: %s\n", d.n ? d.v[0].message : "?");
		hest_diags_free(&d);
		hest_buf_free(&a);
		return 1;
	}
	if (hest_cper_decode(&y, a.p, a.len, -1, "built", &d) < 0 || d.errors) {
		if (report)
			printf("# decode reported: %s\n", d.n ? d.v[0].message : "?");
		bad++;
	} else {
		bad += same_block(x, &y, report);
		hest_cper_check(&y, 0, "built", &d);
		if (expect_clean && d.errors) {
			if (report)
				for (size_t i = 0; i < d.n; i++)
					printf("# check: %s %s\n", d.v[i].rule ? d.v[i].rule : "", d.v[i].message);
			bad++;
		}
		if (hest_cper_encode(&y, &b2, "decoded", &d) < 0 || b2.len != a.len || memcmp(a.p, b2.p, a.len) != 0) {
			if (report)
				printf("# re-encoding the decoded block changed its bytes\n");
			bad++;
		}
	}
	hest_cper_block_free(&y);
	hest_diags_free(&d);
	hest_buf_free(&a);
	hest_buf_free(&b2);
	return bad;
}

/* Every field of every kind, set explicitly, survives. */
static void test_every_field(void)
{
	for (int form = 0; form < 2; form++)
		for (int k = 0; k < HEST_CPER_NKINDS; k++) {
			struct hest_cper_block b;
			hest_cper_block_init(&b, (enum hest_cper_form)form);
			set_fields(&b.head, true, true);
			struct hest_cper_section *s = add_section(&b, (enum hest_cper_kind)k, true, true);
			add_parts(s, true, true, 2, 2);
			if (form == HEST_CPER_STATUS_BLOCK) {
				uint8_t raw[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
				hest_cper_set_raw_data(&b, raw, sizeof(raw));
			}
			tap_ok(roundtrip(&b, true, false) == 0, "%s, %s: decode(encode(x)) == x for every field",
			       form ? "record" : "status block", hest_cper_type_of((enum hest_cper_kind)k)->key);
			hest_cper_block_free(&b);
		}
}

/* Validation bits follow what is given; an explicit value stands. */
static void test_validation_bits(void)
{
	struct hest_cper_block b;
	hest_cper_block_init(&b, HEST_CPER_STATUS_BLOCK);
	struct hest_cper_section *s = hest_cper_add_section(&b, HEST_CPER_MEMORY);
	hest_cper_set(&s->body, "physical_address", 0x1000);
	hest_cper_set(&s->body, "error_type", 3);
	tap_ok(get(&s->body, "validation_bits") == ((1u << 1) | (1u << 14)),
	       "memory: physical_address and error_type given -> validation bits 1 and 14");
	hest_cper_set(&s->body, "bank_group", 2);
	tap_ok(get(&s->body, "validation_bits") >> 19 & 1, "bank_group sets bit 19 (CPER_MEM_VALID_BANK_GROUP)");
	hest_cper_set(&s->body, "validation_bits", 0x2);
	hest_cper_set(&s->body, "node", 7);
	tap_ok(get(&s->body, "validation_bits") == 0x2, "an explicit validation_bits stands against later fields");
	hest_cper_set_bytes(&s->header, "fru_text", "DIMM", 4);
	tap_ok(get(&s->header, "validation_bits") == 0x2, "fru_text sets the entry's FRU text valid bit");
	tap_ok(hest_cper_set(&s->body, "node", 0x10000) < 0, "a value wider than its field is refused");
	tap_ok(hest_cper_set(&s->body, "no_such_field", 1) < 0, "an unknown key is refused");
	tap_ok(hest_cper_set(&s->body, "bank_address", 0x100) < 0, "a bit range refuses values beyond its bits");
	struct hest_cper_section *a = hest_cper_add_section(&b, HEST_CPER_ARM);
	hest_cper_set_tail(a, "vend", 4);
	tap_ok(get(&a->body, "validation_bits") == 0x8, "ARM vendor data sets validation bit 3");
	struct hest_cper_section *ia = hest_cper_add_section(&b, HEST_CPER_IA32X64);
	hest_cper_add_info(ia);
	hest_cper_add_info(ia);
	hest_cper_add_context(ia, "12345678", 8);
	struct hest_buf out;
	struct hest_diags d;
	hest_buf_init(&out);
	hest_diags_init(&d);
	tap_ok(hest_cper_encode(&b, &out, NULL, &d) == 0, "block with memory, arm and ia32x64 encodes");
	/* IA32/X64 counts live in validation bits 7:2 and 13:8 (UEFI N.2.4.2). */
	size_t ia_body = 20 + (72 + 80) + (72 + 40 + 4) + 72;
	uint64_t vb = out.len > ia_body + 8 ? hest_get_le(out.p + ia_body, 8) : 0;
	tap_ok(((vb >> 2) & 0x3f) == 2 && ((vb >> 8) & 0x3f) == 1, "IA32/X64: 2 error infos and 1 context counted in "
									  "the validation bits");
	tap_ok(out.len > 16 && hest_get_le(out.p, 4) == (0x1u | 0x4u | 3u << 4),
	       "block_status: uncorrectable, multiple uncorrectable, 3 entries");
	hest_buf_free(&out);
	hest_diags_free(&d);
	hest_cper_block_free(&b);
}

static void test_encode_errors(void)
{
	struct hest_cper_block b;
	struct hest_buf out;
	struct hest_diags d;
	hest_cper_block_init(&b, HEST_CPER_STATUS_BLOCK);
	hest_buf_init(&out);
	hest_diags_init(&d);
	hest_cper_add_section(&b, HEST_CPER_RAW);
	tap_ok(hest_cper_encode(&b, &out, NULL, &d) < 0 && d.errors == 1, "a raw section without a GUID is refused");
	hest_cper_block_free(&b);
	hest_cper_block_init(&b, HEST_CPER_STATUS_BLOCK);
	struct hest_cper_section *s = hest_cper_add_section(&b, HEST_CPER_MEMORY);
	hest_cper_set(&s->header, "revision", 0x201);
	hest_cper_set(&s->header, "timestamp", 1);
	hest_buf_free(&out);
	hest_buf_init(&out);
	tap_ok(hest_cper_encode(&b, &out, NULL, &d) < 0, "a timestamp in a 64-byte (revision 0x201) entry is refused");
	hest_cper_block_free(&b);
	hest_buf_free(&out);
	hest_diags_free(&d);
}

/* Random blocks and records: the round trip holds for all of them. */
static void test_random(unsigned iterations)
{
	unsigned failures = 0, first = 0;
	for (unsigned it = 0; it < iterations; it++) {
		struct hest_cper_block b;
		enum hest_cper_form form = below(4) == 0 ? HEST_CPER_RECORD : HEST_CPER_STATUS_BLOCK;
		hest_cper_block_init(&b, form);
		set_fields(&b.head, false, true);
		size_t n = below(5);
		for (size_t i = 0; i < n; i++) {
			struct hest_cper_section *s = add_section(&b, (enum hest_cper_kind)below(HEST_CPER_NKINDS), false,
								  true);
			if (s)
				add_parts(s, false, true, below(4), below(4));
		}
		if (form == HEST_CPER_STATUS_BLOCK && below(3) == 0) {
			uint8_t raw[64];
			size_t rn = below(sizeof(raw));
			fill(raw, rn);
			hest_cper_set_raw_data(&b, raw, rn);
		}
		if (roundtrip(&b, failures == 0, true)) {
			if (!failures)
				first = it;
			failures++;
		}
		hest_cper_block_free(&b);
	}
	tap_ok(failures == 0, "%u random blocks and records round-trip and check clean (first failure: #%u)",
	       iterations, failures ? first : 0);
}

/* Mutated and truncated encodings never break the decoder, and what it
 * returns always encodes again. */
static void test_mutations(unsigned iterations)
{
	unsigned bad = 0, decoded = 0;
	for (unsigned it = 0; it < iterations; it++) {
		struct hest_cper_block b, y;
		struct hest_buf a, c;
		struct hest_diags d;
		hest_cper_block_init(&b, below(3) == 0 ? HEST_CPER_RECORD : HEST_CPER_STATUS_BLOCK);
		for (size_t i = 0, n = 1 + below(3); i < n; i++) {
			struct hest_cper_section *s = add_section(&b, (enum hest_cper_kind)below(HEST_CPER_NKINDS), false,
								  false);
			if (s)
				add_parts(s, false, false, below(3), below(3));
		}
		hest_buf_init(&a);
		hest_buf_init(&c);
		hest_diags_init(&d);
		if (hest_cper_encode(&b, &a, NULL, &d) == 0 && a.len) {
			size_t len = below(4) == 0 ? below(a.len + 1) : a.len;
			for (unsigned m = 0, nm = (unsigned)below(6); m < nm; m++)
				a.p[below(a.len)] = (uint8_t)rnd();
			/* The decoder gets exactly len bytes, in their own allocation
			 * (so a sanitizer sees any read past them). */
			uint8_t *in = malloc(len ? len : 1);
			memcpy(in, a.p, len);
			if (hest_cper_decode(&y, in, len, -1, "mutated", &d) == 0) {
				decoded++;
				hest_cper_check(&y, 1024, "mutated", &d);
				struct hest_buf t;
				hest_buf_init(&t);
				if (hest_cper_format_text(&y, &t) < 0 || hest_cper_format_json(&y, &t) < 0 ||
				    hest_cper_encode(&y, &c, "decoded", &d) < 0)
					bad++;
				hest_buf_free(&t);
			}
			hest_cper_block_free(&y);
			free(in);
		}
		hest_diags_free(&d);
		hest_buf_free(&a);
		hest_buf_free(&c);
		hest_cper_block_free(&b);
	}
	tap_ok(bad == 0, "%u mutated inputs: every decoded one (%u) lists, checks and encodes again", iterations,
	       decoded);
}

int main(void)
{
	test_every_field();
	test_validation_bits();
	test_encode_errors();
	test_random(600);
	test_mutations(2000);
	return tap_done();
}
