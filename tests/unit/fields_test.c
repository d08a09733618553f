/* Invariants of the field-descriptor tables: every byte of every structure
 * is described exactly once, keys are unique, defaults fit their fields. */
#include <string.h>
#include <hest/hest.h>
#include <hest/schema.h>
#include "tap.h"

static void check_desc(const struct hest_struct_desc *d)
{
	unsigned char cover[256] = { 0 };
	int overlap = 0, fit = 1, unique = 1, sized = 1;
	for (size_t i = 0; i < d->nfields; i++) {
		const struct hest_field *f = &d->fields[i];
		if (f->size == 0)
			sized = 0;
		if (f->kind == HEST_FK_ARRAY) {
			tap_ok(f->offset == d->size, "%s: array '%s' starts at the end of the fixed part", d->key,
			       f->key);
			tap_ok(i + 1 == d->nfields, "%s: array '%s' is the last field (hest_array_field looks there)",
			       d->key, f->key);
			continue;
		}
		for (unsigned b = f->offset; b < (unsigned)f->offset + f->size && b < 256; b++)
			overlap |= cover[b]++;
		if (f->size <= 8 && f->kind != HEST_FK_CHARS && f->def > hest_field_max(f->size))
			fit = 0;
		if (f->kind == HEST_FK_CHARS && f->def_chars && strlen(f->def_chars) > f->size)
			fit = 0;
		for (size_t j = 0; j < i; j++)
			if (strcmp(d->fields[j].key, f->key) == 0)
				unique = 0;
		if (f->kind == HEST_FK_STRUCT)
			tap_ok(f->sub && f->sub->size == f->size, "%s: '%s' has the size of its %s", d->key, f->key,
			       f->sub ? f->sub->key : "?");
	}
	int full = 1;
	for (unsigned b = 0; b < d->size; b++)
		if (cover[b] != 1)
			full = 0;
	tap_ok(!overlap, "%s: no two fields overlap", d->key);
	tap_ok(full, "%s: fields cover all %u bytes", d->key, d->size);
	tap_ok(fit, "%s: defaults fit their fields", d->key);
	tap_ok(unique, "%s: keys are unique", d->key);
	/* with no overlap, no two fields of d share an offset: a given field
	 * is known by its offset and depth (struct hest_given) */
	tap_ok(sized, "%s: every field has a size", d->key);
}

int main(void)
{
	size_t n;
	const struct hest_struct_desc *const *v = hest_source_descs(&n);
	static const unsigned sizes[][2] = { { 0, 40 }, { 1, 48 }, { 2, 20 }, { 6, 48 }, { 7, 44 },
					     { 8, 56 }, { 9, 64 }, { 10, 92 }, { 11, 48 } };
	tap_ok(n == 9, "nine source types described (ACPI 6.5 types 0,1,2,6,7,8,9,10,11)");
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		const struct hest_struct_desc *d = hest_source_desc_by_type(sizes[i][0]);
		tap_ok(d && d->size == sizes[i][1], "type %u is %u bytes", sizes[i][0], sizes[i][1]);
	}
	for (size_t i = 0; i < n; i++)
		check_desc(v[i]);
	/* A source's mapping holds its structure's fields and the source
	 * options; the parser looks a key up as a field first, so an option may
	 * share its key only with the type field (which is not given as one). */
	size_t no;
	const struct hest_option *opts = hest_options(HEST_OPTS_SOURCE, &no);
	int apart = no > 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < no; j++) {
			const struct hest_field *f = hest_field_find(v[i], opts[j].key);
			if (f && !(f->attr & HEST_FA_TYPE)) {
				printf("# %s: option '%s' is also a field\n", v[i]->key, opts[j].key);
				apart = 0;
			}
		}
	tap_ok(apart, "no source option (%zu) is also a field of a source type, but type", no);
	check_desc(&hest_desc_header);
	check_desc(&hest_desc_gas);
	check_desc(&hest_desc_notification);
	check_desc(&hest_desc_bank);
	check_desc(&hest_desc_read_ack);
	tap_ok(hest_source_desc_by_type(3) == NULL && hest_source_desc_by_type(12) == NULL,
	       "reserved types 3 and 12 have no descriptor");
	size_t off = 0;
	const struct hest_field *f = hest_field_path(hest_source_desc_by_key("ghes-v2"), "read_ack.register.address",
						     &off);
	tap_ok(f && off == 68, "ghes-v2 read_ack.register.address is at offset 68");
	f = hest_field_path(hest_source_desc_by_key("ghes"), "notification.poll_interval_ms", &off);
	tap_ok(f && off == 36, "ghes notification.poll_interval_ms is at offset 36");
	uint8_t b[8];
	hest_put_le(b, 8, 0x0102030405060708ull);
	tap_ok(b[0] == 8 && b[7] == 1 && hest_get_le(b, 8) == 0x0102030405060708ull, "little-endian round trip");
	const uint8_t pat[8] = { 0xf1, 0x02, 0xe3, 0x04, 0xd5, 0x06, 0xc7, 0x88 };
	int widths = 1;
	for (unsigned size = 1; size <= 8; size++) {
		uint64_t want = 0;
		for (unsigned i = 0; i < size; i++)
			want |= (uint64_t)pat[i] << (8 * i);
		uint8_t out[8] = { 0 };
		hest_put_le(out, size, want);
		widths &= hest_get_le(pat, size) == want && memcmp(out, pat, size) == 0;
	}
	tap_ok(widths, "little-endian get and put of every width 1-8, high bits set");
	uint8_t z[40] = { 0 };
	int zeros = hest_all_zero(z, 0) && hest_all_zero(z, sizeof(z));
	for (size_t len = 1; len <= sizeof(z); len++)
		for (size_t at = 0; at < len; at++) {
			z[at] = 0x80;
			zeros &= !hest_all_zero(z, len) && hest_all_zero(z, at) && hest_all_zero(z + at + 1, len - at - 1);
			z[at] = 0;
		}
	tap_ok(zeros, "hest_all_zero finds one set byte anywhere in 1-40 bytes, and none in the rest");
	/* hest_byte_sum against a byte loop: every length to past two of its
	 * 1 KiB folds, at every start alignment, random bytes and all 0xFF
	 * (the largest lane sums) */
	static uint8_t big[2200];
	uint32_t r = 12345;
	int sums = 1;
	for (int fill = 0; fill < 2; fill++) {
		for (size_t i = 0; i < sizeof(big); i++) {
			r = r * 1103515245u + 12345u;
			big[i] = fill ? 0xFF : (uint8_t)(r >> 16);
		}
		for (size_t start = 0; start < 8; start++)
			for (size_t len = 0; start + len <= sizeof(big); len += len < 40 ? 1 : 37) {
				uint8_t want = 0;
				for (size_t i = 0; i < len; i++)
					want = (uint8_t)(want + big[start + i]);
				sums &= hest_byte_sum(big + start, len) == want;
			}
	}
	tap_ok(sums, "hest_byte_sum is the bytes' sum mod 256 for 0-2199 bytes at every alignment");
	return tap_done();
}
