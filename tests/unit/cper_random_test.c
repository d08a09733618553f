/* hest_cper_random and hest_cper_format_desc over 10 000 seeds: each random
 * block encodes, decodes to the same bytes, checks without a diagnostic,
 * and its YAML and JSON descriptions build the same bytes again
 * (decode(encode(x)) = x both ways).  Also: the same seed gives the same
 * block, every section kind and both forms come up, options are kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/cper.h>
#include "tap.h"

#define SEEDS 10000u

static bool encode(const struct hest_cper_block *b, struct hest_buf *out)
{
	struct hest_diags d;
	hest_diags_init(&d);
	out->len = 0;
	bool ok = hest_cper_encode(b, out, NULL, &d) == 0 && !d.n;
	hest_diags_free(&d);
	return ok;
}

/* The description (flags) of block `b` builds `want`. */
static bool desc_round_trip(const struct hest_cper_block *b, unsigned flags, const struct hest_buf *want,
			    char *why, size_t size)
{
	struct hest_diags d;
	struct hest_buf text, again;
	struct hest_cper_block back;
	bool ok = false;
	hest_diags_init(&d);
	hest_buf_init(&text);
	hest_buf_init(&again);
	memset(&back, 0, sizeof(back));
	if (hest_cper_format_desc(b, flags, &text, NULL, &d) < 0)
		snprintf(why, size, "no description: %s", d.n ? d.v[0].message : "?");
	else if (hest_cper_desc_parse(&back, "desc", text.p, text.len, &d) < 0)
		snprintf(why, size, "description does not parse: %s\n%.*s", d.n ? d.v[0].message : "?",
			 (int)text.len, (const char *)text.p);
	else if (!encode(&back, &again))
		snprintf(why, size, "description does not encode");
	else if (again.len != want->len || memcmp(again.p, want->p, want->len) != 0)
		snprintf(why, size, "description builds other bytes");
	else
		ok = true;
	hest_cper_block_free(&back);
	hest_buf_free(&text);
	hest_buf_free(&again);
	hest_diags_free(&d);
	return ok;
}

int main(void)
{
	unsigned bad_encode = 0, bad_decode = 0, bad_check = 0, bad_yaml = 0, bad_json = 0, bad_compact = 0;
	unsigned kinds_seen = 0, records = 0, blocks = 0, multi = 0;
	char first[2048] = "";
	struct hest_buf bytes, bytes2;
	hest_buf_init(&bytes);
	hest_buf_init(&bytes2);
	for (uint64_t seed = 1; seed <= SEEDS; seed++) {
		struct hest_cper_block b, dec;
		struct hest_diags d;
		char why[1536];
		memset(&dec, 0, sizeof(dec));
		hest_diags_init(&d);
		if (hest_cper_random(&b, seed, NULL) < 0 || !encode(&b, &bytes)) {
			bad_encode++;
			goto next;
		}
		records += b.form == HEST_CPER_RECORD;
		blocks += b.form == HEST_CPER_STATUS_BLOCK;
		multi += b.nsec > 1;
		for (size_t i = 0; i < b.nsec; i++)
			kinds_seen |= 1u << b.sec[i].type->kind;
		if (hest_cper_decode(&dec, bytes.p, bytes.len, -1, "random", &d) < 0 || d.n || !encode(&dec, &bytes2) ||
		    bytes2.len != bytes.len || memcmp(bytes2.p, bytes.p, bytes.len) != 0) {
			if (!bad_decode++ && !first[0])
				snprintf(first, sizeof(first), "seed %llu: decode: %s", (unsigned long long)seed,
					 d.n ? d.v[0].message : "bytes differ");
			goto next;
		}
		hest_cper_check(&dec, 0, "random", &d);
		if (d.n) {
			if (!bad_check++ && !first[0])
				snprintf(first, sizeof(first), "seed %llu: check: [%s] %s", (unsigned long long)seed,
					 d.v[0].rule ? d.v[0].rule : "", d.v[0].message);
			goto next;
		}
		if (!desc_round_trip(&dec, 0, &bytes, why, sizeof(why))) {
			if (!bad_yaml++ && !first[0])
				snprintf(first, sizeof(first), "seed %llu: yaml: %s", (unsigned long long)seed, why);
		}
		if (!desc_round_trip(&dec, HEST_CPER_DESC_JSON, &bytes, why, sizeof(why))) {
			if (!bad_json++ && !first[0])
				snprintf(first, sizeof(first), "seed %llu: json: %s", (unsigned long long)seed, why);
		}
		if (seed % 10 == 0 && !desc_round_trip(&dec, HEST_CPER_DESC_COMPACT, &bytes, why, sizeof(why)))
			bad_compact++;
next:
		hest_cper_block_free(&b);
		hest_cper_block_free(&dec);
		hest_diags_free(&d);
	}
	if (first[0])
		printf("# first failure: %s\n", first);
	tap_ok(bad_encode == 0, "%u seeds: every random block encodes (%u failed)", SEEDS, bad_encode);
	tap_ok(bad_decode == 0, "every one decodes without a diagnostic to the same bytes (%u failed)", bad_decode);
	tap_ok(bad_check == 0, "every one checks clean (%u with diagnostics)", bad_check);
	tap_ok(bad_yaml == 0, "the YAML description of every one builds the same bytes (%u failed)", bad_yaml);
	tap_ok(bad_json == 0, "the JSON description of every one builds the same bytes (%u failed)", bad_json);
	tap_ok(bad_compact == 0, "one-line JSON too (every tenth seed; %u failed)", bad_compact);
	tap_ok(kinds_seen == (1u << HEST_CPER_NKINDS) - 1, "every section kind comes up (mask 0x%x)", kinds_seen);
	tap_ok(records > SEEDS / 10 && blocks > SEEDS / 2 && multi > SEEDS / 4,
	       "both forms and multi-section blocks come up (%u records, %u status blocks, %u with several sections)",
	       records, blocks, multi);

	/* the same seed, the same bytes; another seed, other bytes */
	struct hest_cper_block a, b;
	bool same = hest_cper_random(&a, 42, NULL) == 0 && encode(&a, &bytes) &&
		    hest_cper_random(&b, 42, NULL) == 0 && encode(&b, &bytes2) && bytes.len == bytes2.len &&
		    memcmp(bytes.p, bytes2.p, bytes.len) == 0;
	hest_cper_block_free(&a);
	hest_cper_block_free(&b);
	tap_ok(same, "seed 42 twice: the same bytes");
	bool other = hest_cper_random(&a, 43, NULL) == 0 && encode(&a, &bytes2) &&
		     (bytes.len != bytes2.len || memcmp(bytes.p, bytes2.p, bytes.len) != 0);
	hest_cper_block_free(&a);
	tap_ok(other, "seed 43: other bytes");

	/* options: one kind, one form, a size limit */
	struct hest_cper_random_options o = { HEST_CPER_STATUS_BLOCK, 1u << HEST_CPER_ARM, 8, 1024 };
	bool kept = true;
	for (uint64_t seed = 1; seed <= 200 && kept; seed++) {
		kept = hest_cper_random(&a, seed, &o) == 0 && encode(&a, &bytes) && a.form == HEST_CPER_STATUS_BLOCK &&
		       a.nsec >= 1 && bytes.len <= 1024;
		for (size_t i = 0; kept && i < a.nsec; i++)
			kept = a.sec[i].type->kind == HEST_CPER_ARM;
		hest_cper_block_free(&a);
	}
	tap_ok(kept, "form, kinds and max_bytes are kept (200 seeds, ARM only, status blocks within 1 KiB)");
	struct hest_cper_random_options tiny = { -1, 0, 0, 10 };
	tap_ok(hest_cper_random(&a, 1, &tiny) < 0, "max_bytes below a header: refused");
	hest_cper_block_free(&a);
	hest_buf_free(&bytes);
	hest_buf_free(&bytes2);
	return tap_done();
}
