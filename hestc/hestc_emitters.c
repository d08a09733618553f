/* The output kinds of `hestc compile --emit`, one row per file. */
#include <string.h>
#include <hest/aml.h>
#include <hest/decompile.h>
#include <hest/layout.h>
#include <hest/loader.h>
#include "hestc.h"

static const uint8_t *view_hest(const struct emit_ctx *c, size_t *len)
{
	*len = c->tablelen;
	return c->table;
}

static int build_loader(const struct emit_ctx *c, struct hest_loader *l)
{
	hest_loader_init(l);
	if (hest_build_loader(c->m, c->tablelen, l, c->d) < 0) {
		hest_loader_free(l);
		return -1;
	}
	return 0;
}

static int emit_loader_bin(const struct emit_ctx *c, struct hest_buf *out)
{
	struct hest_loader l;
	if (build_loader(c, &l) < 0)
		return -1;
	bool ok = hest_loader_encode(&l, out);
	hest_loader_free(&l);
	return ok ? 0 : -1;
}

static int emit_loader_txt(const struct emit_ctx *c, struct hest_buf *out)
{
	struct hest_loader l;
	if (build_loader(c, &l) < 0)
		return -1;
	bool ok = hest_loader_format(&l, out);
	hest_loader_free(&l);
	return ok ? 0 : -1;
}

static int emit_blob(const struct emit_ctx *c, struct hest_buf *out)
{
	return hest_emit_blob(c->m, out) ? 0 : -1;
}

/* The HEST as a VMM serves it inside its tables blob for the loader: GAS
 * fields hold offsets into the region and the checksum byte is 0, as in
 * QEMU's own blobs.  OVMF/AAVMF execute ADD_CHECKSUM by storing the range's
 * checksum, which is right only when that byte starts at 0 (SeaBIOS
 * subtracts and does not care); hest.aml keeps a valid checksum for tools
 * and for use on its own. */
static int emit_fwcfg_hest(const struct emit_ctx *c, struct hest_buf *out)
{
	if (!hest_buf_append(out, c->table, c->tablelen))
		return -1;
	hest_loader_served_table(out->p, out->len);
	return 0;
}

/* Standalone scripts ALLOCATE the tables blob themselves, so the VMM needs
 * its content. */
static int emit_tables_blob(const struct emit_ctx *c, struct hest_buf *out)
{
	return hest_emit_tables_blob(c->m, c->table, c->tablelen, out) ? 0 : -1;
}

static int emit_dsl(const struct emit_ctx *c, struct hest_buf *out)
{
	return hest_emit_dsl(c->m, c->table, c->tablelen, out, c->d);
}

static int emit_header(const struct emit_ctx *c, struct hest_buf *out)
{
	return hest_emit_layout_header(c->m, c->origin, out, c->d);
}

static int emit_json(const struct emit_ctx *c, struct hest_buf *out)
{
	return hest_emit_layout_json(c->m, out, c->d);
}

static int emit_ssdt(const struct emit_ctx *c, struct hest_buf *out)
{
	return hest_emit_ssdt(c->m, out, c->d);
}

static int emit_ssdt_asl(const struct emit_ctx *c, struct hest_buf *out)
{
	return hest_emit_ssdt_asl(c->m, c->origin, out, c->d);
}

static const char *needs_linker_loader(const struct hest_model *m)
{
	return m->placement.mode == HEST_PLACE_LINKER_LOADER ? NULL : "needs placement mode linker-loader";
}

static const char *needs_placement(const struct hest_model *m)
{
	return m->placement.mode != HEST_PLACE_NONE ? NULL : "needs placement mode linker-loader or fixed";
}

static const char *needs_standalone(const struct hest_model *m)
{
	return m->placement.mode == HEST_PLACE_LINKER_LOADER && m->placement.standalone
		       ? NULL
		       : "needs placement mode linker-loader with standalone: true";
}

static const struct emitter emitters[] = {
	{ "hest", "hest.aml", NULL, "the HEST table (always written)", NULL, view_hest },
	{ "dsl", "hest.dsl", emit_dsl, "iasl data-table source of the HEST", NULL, NULL },
	{ "loader", "table-loader.bin", emit_loader_bin, "BIOS linker/loader script (128-byte commands)",
	  needs_linker_loader, NULL },
	{ "loader", "table-loader.txt", emit_loader_txt, "the same script, one command per line", needs_linker_loader,
	  NULL },
	{ "blobs", "hardware_errors.bin", emit_blob, "initial content of the reserved region", needs_placement, NULL },
	{ "blobs", "hest-fwcfg.aml", emit_fwcfg_hest,
	  "the HEST as served in the tables blob for the loader (checksum byte 0)", needs_linker_loader, NULL },
	{ "blobs", "tables.bin", emit_tables_blob, "standalone: the tables blob, HEST at table_offset",
	  needs_standalone, NULL },
	{ "header", "hest-layout.h", emit_header, "C header with the layout, for VMMs", NULL, NULL },
	{ "json", "hest-layout.json", emit_json, "the layout as JSON, for tools", NULL, NULL },
	{ "ssdt", "ssdt.aml", emit_ssdt, "SSDT: the error device (PNP0C33) and the event methods of GPIO/GSIV sources",
	  hest_ssdt_not_applicable, NULL },
	{ "ssdt-asl", "ssdt.asl", emit_ssdt_asl, "the same SSDT as ASL source for iasl", hest_ssdt_not_applicable,
	  NULL },
};

static const char *only_bert(const struct hest_model *m)
{
	return m->kind == HEST_TABLE_BERT ? NULL : "applies to a BERT";
}

static const char *only_einj(const struct hest_model *m)
{
	return m->kind == HEST_TABLE_EINJ ? NULL : "applies to an EINJ";
}

static const char *bert_placed(const struct hest_model *m)
{
	return m->kind == HEST_TABLE_BERT ? needs_placement(m) : "applies to a BERT";
}

static const char *apei_loader(const struct hest_model *m)
{
	return needs_linker_loader(m);
}

static const char *only_erst(const struct hest_model *m)
{
	return m->kind == HEST_TABLE_ERST ? NULL : "applies to an ERST";
}

static const char *einj_placed(const struct hest_model *m)
{
	return m->kind == HEST_TABLE_EINJ ? needs_placement(m) : "applies to an EINJ";
}

static const char *bert_loader(const struct hest_model *m)
{
	return m->kind == HEST_TABLE_BERT ? needs_linker_loader(m) : "applies to a BERT";
}

static const char *einj_loader(const struct hest_model *m)
{
	return m->kind == HEST_TABLE_EINJ ? needs_linker_loader(m) : "applies to an EINJ";
}

static int emit_apei_json(const struct emit_ctx *c, struct hest_buf *out)
{
	return hest_emit_apei_layout_json(c->m, out, c->d);
}

/* BERT and EINJ: the table, its iasl source, and a BERT's region with the
 * loader script that places it. */
static const struct emitter apei_emitters[] = {
	{ "table", "bert.aml", NULL, "the BERT (always written)", only_bert, view_hest },
	{ "table", "einj.aml", NULL, "the EINJ (always written)", only_einj, view_hest },
	{ "table", "erst.aml", NULL, "the ERST (always written)", only_erst, view_hest },
	{ "dsl", "bert.dsl", emit_dsl, "iasl data-table source of the BERT", only_bert, NULL },
	{ "dsl", "einj.dsl", emit_dsl, "iasl data-table source of the EINJ", only_einj, NULL },
	{ "dsl", "erst.dsl", emit_dsl, "iasl data-table source of the ERST", only_erst, NULL },
	{ "loader", "table-loader.bin", emit_loader_bin, "BIOS linker/loader script (128-byte commands)",
	  apei_loader, NULL },
	{ "loader", "table-loader.txt", emit_loader_txt, "the same script, one command per line", apei_loader,
	  NULL },
	{ "blobs", "boot_errors.bin", emit_blob, "the boot error region: the records, zeros up to region_length",
	  bert_placed, NULL },
	{ "blobs", "einj_registers.bin", emit_blob, "the EINJ's registers and trigger action table, initial content",
	  einj_placed, NULL },
	{ "blobs", "bert-fwcfg.aml", emit_fwcfg_hest,
	  "the BERT as served in the tables blob for the loader (checksum byte 0)", bert_loader, NULL },
	{ "blobs", "einj-fwcfg.aml", emit_fwcfg_hest,
	  "the EINJ as served in the tables blob for the loader (checksum byte 0)", einj_loader, NULL },
	{ "json", "bert-layout.json", emit_apei_json, "the region's placement as JSON, for VMMs", only_bert, NULL },
	{ "json", "einj-layout.json", emit_apei_json, "the registers' and trigger table's placement as JSON, for VMMs",
	  only_einj, NULL },
};

const struct emitter *hestc_apei_emitters(size_t *n)
{
	*n = sizeof(apei_emitters) / sizeof(apei_emitters[0]);
	return apei_emitters;
}

const struct emitter *hestc_emitters(size_t *n)
{
	*n = sizeof(emitters) / sizeof(emitters[0]);
	return emitters;
}

int hestc_emit(const struct emitter *e, const struct emit_ctx *c, hest_buf_sink_fn sink, void *sink_ctx,
	       struct emit_result *r)
{
	hest_buf_init(&r->buf);
	hest_buf_set_sink(&r->buf, sink, sink_ctx);
	r->p = NULL;
	r->len = 0;
	if (e->view) {
		const uint8_t *p = e->view(c, &r->len);
		if (!sink) {
			r->p = p;
			return 0;
		}
		r->buf.sink_failed = !sink(sink_ctx, p, r->len);
		r->len = 0;
		return r->buf.sink_failed ? -1 : 0;
	}
	int rc = e->fn(c, &r->buf);
	if (rc == 0 && sink && !hest_buf_flush(&r->buf))
		rc = -1;
	if (!sink) {
		r->p = r->buf.p;
		r->len = r->buf.len;
	}
	return rc;
}
