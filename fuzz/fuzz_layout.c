/* Fuzz target: hest-layout.json as hestc inject reads it
 * (hest_layout_json_parse), every source turned into a writer's target,
 * and, for inputs starting with "MAP:", the --map GPA:SIZE@OFFSET parser
 * and the map it builds.
 *
 * Invariants: a parsed layout's sources have names; a target the reader
 * accepts has a register address and, with linker-loader placement,
 * addresses at the region's address plus the layout's offsets; a map
 * never answers a lookup outside the ranges it was given. */
#include <string.h>
#include <hest/inject.h>
#include "fuzz.h"

static void fuzz_maps(const char *s, size_t len)
{
	struct hest_gpa_map m;
	hest_gpa_map_init(&m);
	char buf[256];
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != ',')
			continue;
		size_t n = i - start < sizeof(buf) - 1 ? i - start : sizeof(buf) - 1;
		memcpy(buf, s + start, n);
		buf[n] = 0;
		start = i + 1;
		struct hest_gpa_range r;
		const char *why = NULL;
		if (hest_gpa_range_parse(buf, &r, &why) < 0) {
			FUZZ_ASSERT(why != NULL, "a refused --map has no reason");
			continue;
		}
		FUZZ_ASSERT(r.size && r.gpa + (r.size - 1) >= r.gpa, "a parsed range wraps or is empty");
		hest_gpa_map_add(&m, r.gpa, r.size, r.offset);
	}
	for (size_t i = 0; i < m.n; i++) {
		const struct hest_gpa_range *r = &m.v[i];
		uint64_t off;
		FUZZ_ASSERT(hest_gpa_map_lookup(&m, r->gpa, 1, &off) == 0 && off == r->offset, "range %zu not found", i);
		FUZZ_ASSERT(hest_gpa_map_lookup(&m, r->gpa + (r->size - 1), 1, &off) == 0 &&
				    off == r->offset + (r->size - 1),
			    "range %zu's last byte not found", i);
		if (r->size < UINT64_MAX && r->gpa + r->size > r->gpa)
			FUZZ_ASSERT(hest_gpa_map_lookup(&m, r->gpa + (r->size - 1), 2, &off) < 0 ||
					    i + 1 < m.n,
				    "an access past range %zu was answered", i);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size >= 4 && memcmp(data, "MAP:", 4) == 0) {
		fuzz_maps((const char *)data + 4, size - 4);
		return 0;
	}
	struct hest_layout_info li;
	struct hest_diags d;
	hest_diags_init(&d);
	int rc = hest_layout_json_parse(&li, "fuzz.json", data, size, &d);
	fuzz_format_diags(&d);
	FUZZ_ASSERT(rc == 0 || hest_diags_failed(&d), "refused without an error");
	if (rc == 0) {
		for (size_t i = 0; i < li.nsrc; i++) {
			const struct hest_layout_src *s = &li.src[i];
			FUZZ_ASSERT(s->name && s->type, "source %zu without a name or type", i);
			FUZZ_ASSERT(hest_layout_find(&li, s->name) >= 0, "source '%s' not found by name", s->name);
			struct hest_ghes_target t;
			const char *why = NULL;
			uint64_t blob = UINT64_C(0x40000000);
			if (hest_layout_target(&li, i, li.mode == HEST_PLACE_FIXED ? 0 : blob, &t, &why) < 0) {
				FUZZ_ASSERT(why != NULL, "source %zu refused without a reason", i);
				continue;
			}
			FUZZ_ASSERT(t.block_length == s->block_size, "block length changed");
			if (li.mode == HEST_PLACE_LINKER_LOADER)
				FUZZ_ASSERT(t.register_address == blob + s->register_offset &&
						    t.block_address == blob + s->block_offset,
					    "linker-loader addresses are not the region's plus the offsets");
		}
		hest_layout_info_free(&li);
	}
	hest_diags_free(&d);
	return 0;
}
