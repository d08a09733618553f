/* Fuzz target: a YAML description through `hestc compile`: the parser,
 * table layout, placement, encoding and every `--emit` output (the real
 * emitter table of hestc/hestc_emitters.c).
 *
 * Invariants, for a description that compiles without errors:
 *   - every applicable emitter succeeds;
 *   - the table decompiles to a description that compiles to the same
 *     bytes (hest_decompile checks it);
 *   - with linker-loader placement, the loader script hestc builds runs in
 *     the simulator without a fault, over the blobs hestc emits. */
#include <string.h>
#include <hest/decompile.h>
#include <hest/desc.h>
#include <hest/encode.h>
#include <hest/layout.h>
#include <hest/loader.h>
#include "../hestc/hestc.h"
#include "fuzz.h"

/* Outputs above this are skipped (not a bug: a description may ask for a
 * 4 GiB reserved region; the fuzzer's memory limit is not the product's). */
#define FUZZ_MAX_OUTPUT (16u * 1024u * 1024u)

static void simulate_loader(struct hest_model *m, const uint8_t *table, size_t tablelen)
{
	const struct hest_placement *p = &m->placement;
	struct hest_diags d;
	struct hest_loader l;
	struct hest_buf blob, script;
	hest_diags_init(&d);
	hest_loader_init(&l);
	hest_buf_init(&blob);
	hest_buf_init(&script);
	if (!p->standalone) { /* the VMM's own script allocates the tables blob first */
		struct hest_loader_entry e;
		memset(&e, 0, sizeof(e));
		e.command = HEST_LOADER_ALLOCATE;
		memcpy(e.file, p->tables_blob, sizeof(p->tables_blob));
		e.name_ok = e.src_ok = true;
		e.align = 64;
		e.zone = HEST_ZONE_HIGH;
		hest_loader_push(&l, &e);
	}
	int rc = hest_build_loader(m, tablelen, &l, &d);
	FUZZ_ASSERT(rc == 0, "hest_build_loader failed after a clean compile: %s", fuzz_first_error(&d));
	FUZZ_ASSERT(hest_emit_blob(m, &blob), "hest_emit_blob failed");
	struct hest_buf tables;
	hest_buf_init(&tables);
	uint8_t addr[8] = { 0 };
	if (hest_emit_tables_blob(m, table, tablelen, &tables)) {
		struct hest_blob blobs[] = {
			{ p->tables_blob, tables.p, tables.len, HEST_BLOB_ACCESS_UNKNOWN },
			{ p->blob, blob.p, blob.len, HEST_BLOB_ACCESS_UNKNOWN },
			{ p->address_blob, addr, sizeof(addr), HEST_BLOB_WRITABLE },
			{ p->hest_address_blob, addr, sizeof(addr), HEST_BLOB_WRITABLE },
		};
		size_t nblobs = p->hest_address_blob[0] ? 4 : 3;
		/* the VMM's script points its XSDT at a HEST it allocates itself */
		struct hest_sim_target entry = { p->tables_blob, p->table_offset };
		for (int fw = 0; fw < HEST_FW_COUNT; fw++) {
			struct hest_sim_options o = { 0x7f000000u, 0xe0000u, 0x100000u, NULL, 0, (enum hest_firmware)fw,
						      &entry, p->standalone ? 0 : 1 };
			struct hest_sim sim;
			struct hest_diags sd;
			hest_diags_init(&sd);
			rc = hest_loader_simulate(&l, blobs, nblobs, &o, "built", &sim, &sd);
			FUZZ_ASSERT(rc == 0, "the loader script hestc built faults in the %s simulator: %s",
				    hest_firmware_title((enum hest_firmware)fw), fuzz_first_error(&sd));
			const struct hest_sim_file *t = hest_sim_find(&sim, p->tables_blob);
			FUZZ_ASSERT(fw != HEST_FW_UEFI || (t && hest_sim_installed(&sim, t, p->table_offset)),
				    "OVMF/AAVMF would not install the HEST hestc built");
			hest_sim_free(&sim);
			hest_diags_free(&sd);
		}
	}
	hest_buf_free(&tables);
	hest_buf_free(&blob);
	hest_buf_free(&script);
	hest_loader_free(&l);
	hest_diags_free(&d);
}

static bool too_big(const struct emitter *e, const struct hest_model *m)
{
	if (strcmp(e->kind, "blobs") != 0)
		return false;
	return hest_placement_blob_size(m) > FUZZ_MAX_OUTPUT || m->placement.tables_blob_size > FUZZ_MAX_OUTPUT;
}

static void emit_all(struct hest_model *m, const uint8_t *table, size_t tablelen)
{
	size_t n;
	const struct emitter *e = m->kind == HEST_TABLE_HEST ? hestc_emitters(&n) : hestc_apei_emitters(&n);
	for (size_t i = 0; i < n; i++) {
		if ((e[i].not_applicable && e[i].not_applicable(m)) || too_big(&e[i], m))
			continue;
		struct hest_diags d;
		struct emit_result out;
		hest_diags_init(&d);
		struct emit_ctx c = { m, table, tablelen, &d, "fuzz.yaml" };
		int rc = hestc_emit(&e[i], &c, NULL, NULL, &out);
		/* An emitter may refuse with a diagnostic (iasl cannot express
		 * everything); it may not fail silently. */
		FUZZ_ASSERT(rc == 0 || hest_diags_failed(&d) || out.buf.oom,
			    "emitter %s (%s) failed without a diagnostic", e[i].kind, e[i].file);
		FUZZ_ASSERT(rc != 0 || !out.buf.oom, "emitter %s (%s) succeeded with an incomplete buffer", e[i].kind,
			    e[i].file);
		fuzz_format_diags(&d);
		hest_buf_free(&out.buf);
		hest_diags_free(&d);
	}
}

static void round_trip(const uint8_t *table, size_t tablelen)
{
	struct hest_diags d;
	struct hest_buf out;
	hest_diags_init(&d);
	hest_buf_init(&out);
	struct hest_yaml_options o = { "fuzz.aml", tablelen & 1 };
	int rc = hest_decompile(table, tablelen, "fuzz.aml", &o, &out, &d);
	FUZZ_ASSERT(rc == 0, "a compiled table does not decompile and compile back: %s", fuzz_first_error(&d));
	hest_buf_free(&out);
	hest_diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t len)
{
	struct hest_model m;
	struct hest_diags d;
	hest_diags_init(&d);
	if (hest_model_init(&m) < 0)
		return 0;
	uint8_t *table = NULL;
	size_t tablelen = 0;
	if (hest_desc_parse(&m, "fuzz.yaml", p, len, &d) == 0 && hest_compile(&m, &d) == 0 &&
	    hest_encode_table(&m, &table, &tablelen, &d) == 0 && !hest_diags_failed(&d)) {
		FUZZ_ASSERT((tablelen >= m.hdr.len && hest_checksum(table, tablelen - m.trailing_len) == 0) ||
				    hest_source_given(&m.hdr, "checksum") != NULL,
			    "the encoded table's checksum is wrong");
		emit_all(&m, table, tablelen);
		round_trip(table, tablelen);
		if (m.placement.mode == HEST_PLACE_LINKER_LOADER && hest_placement_blob_size(&m) <= FUZZ_MAX_OUTPUT &&
		    m.placement.tables_blob_size <= FUZZ_MAX_OUTPUT)
			simulate_loader(&m, table, tablelen);
	}
	fuzz_format_diags(&d);
	free(table);
	hest_model_free(&m);
	hest_diags_free(&d);
	return 0;
}
