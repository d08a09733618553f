/* Placement: where GHES error status address registers, read-ack registers
 * and error status blocks live, and the loader script that ties HEST to them.
 *
 * The blob (etc/hardware_errors by default) holds, as QEMU lays it out:
 *   address registers (8 bytes per GHES/GHESv2 source, table order)
 *   read-ack registers (8 bytes per GHESv2 source)          -- "grouped"
 *   error status blocks (error_block_length each, 8-aligned)
 * or, with register_order: interleaved, each source's address register
 * directly followed by its read-ack register. */
#include <inttypes.h>
#include <string.h>
#include <stdio.h>
#include <hest/encode.h>
#include <hest/loader.h>
#include <hest/layout.h>
#include "place.h"

#define REG_SIZE 8u
/* ACPI 6.5 18.3.2.7.1: a block must hold the 20-byte Generic Error Status
 * Block and at least one 72-byte Generic Error Data Entry header. */
#define MIN_BLOCK (20u + 72u)

static struct hest_loc given_loc(const struct hest_model *m, const struct hest_source *s, const char *path)
{
	const struct hest_given *g = hest_source_given(s, path);
	return pos_loc(m, g ? g->pos : s->pos);
}

static bool is_ghes(const struct hest_source *s)
{
	return s->desc && (s->type == 9 || s->type == 10);
}

static uint64_t align8(uint64_t v)
{
	return (v + 7u) & ~(uint64_t)7u;
}

/* In placed modes the compiler owns the GAS addresses. */
static bool check_not_given(const struct hest_model *m, const struct hest_source *s, struct hest_path_memo *path,
			    struct hest_diags *d)
{
	const struct hest_given *g = hest_source_given_m(s, path);
	if (!g)
		return true;
	hest_diag_add(d, HEST_SEV_ERROR, "PLACE-ADDRESS-GIVEN", pos_loc(m, g->pos),
		      "source '%s': '%s' is computed by placement mode %s; remove it, or use placement mode none",
		      s->name, path->path, m->placement.mode == HEST_PLACE_FIXED ? "fixed" : "linker-loader");
	return false;
}

static void warn_zero_gas(const struct hest_model *m, const struct hest_source *s, const char *path,
			  struct hest_diags *d)
{
	uint64_t a;
	if (hest_source_get(s, path, &a) && a == 0)
		hest_diag_add(d, HEST_SEV_WARNING, "HEST-GAS-ZERO", given_loc(m, s, path),
			      "source '%s': %s is 0 and placement mode none patches nothing; Linux refuses the "
			      "source (\"probe of GHES.N failed with error -22\")",
			      s->name, path);
}

/* Register and block offsets for every GHES source. */
static void assign_offsets(struct hest_model *m)
{
	size_t nreg = 0, nack = 0;
	for (size_t i = 0; i < m->nsrc; i++)
		if (m->src[i].layout.placed) {
			nreg++;
			nack += m->src[i].layout.has_read_ack;
		}
	uint64_t reg = 0, ack = REG_SIZE * nreg;
	for (size_t i = 0; i < m->nsrc; i++) {
		struct hest_source_layout *L = &m->src[i].layout;
		if (!L->placed)
			continue;
		if (m->placement.order == HEST_REGS_INTERLEAVED) {
			L->register_offset = reg;
			reg += REG_SIZE;
			if (L->has_read_ack) {
				L->read_ack_offset = reg;
				reg += REG_SIZE;
			}
		} else {
			L->register_offset = reg;
			reg += REG_SIZE;
			if (L->has_read_ack) {
				L->read_ack_offset = ack;
				ack += REG_SIZE;
			}
		}
	}
	uint64_t block = align8(REG_SIZE * (nreg + nack));
	for (size_t i = 0; i < m->nsrc; i++) {
		struct hest_source_layout *L = &m->src[i].layout;
		if (!L->placed || L->block_pinned)
			continue;
		L->block_offset = block;
		block = align8(block + L->block_size);
	}
}

uint64_t hest_placement_blob_size(const struct hest_model *m)
{
	if (m->kind != HEST_TABLE_HEST && m->placement.mode == HEST_PLACE_NONE)
		return 0;
	if (m->kind == HEST_TABLE_BERT)
		return hest_bert_region_size(m);
	if (m->kind == HEST_TABLE_EINJ)
		return hest_einj_blob_size(m);
	uint64_t end = 0;
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source_layout *L = &m->src[i].layout;
		if (!L->placed)
			continue;
		if (L->register_offset + REG_SIZE > end)
			end = L->register_offset + REG_SIZE;
		if (L->has_read_ack && L->read_ack_offset + REG_SIZE > end)
			end = L->read_ack_offset + REG_SIZE;
		if (!L->block_pinned && L->block_offset + L->block_size > end)
			end = L->block_offset + L->block_size;
	}
	return end;
}

static bool overlaps(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return a < b + blen && b < a + alen;
}

/* Fixed mode: pinned blocks must not overlap the blob or each other. */
static int check_fixed_regions(const struct hest_model *m, uint64_t blob_size, struct hest_diags *d)
{
	const struct hest_placement *p = &m->placement;
	int rc = 0;
	if (p->base + blob_size < p->base) {
		hest_diag_add(d, HEST_SEV_ERROR, "PLACE-RANGE", pos_loc(m, p->base_pos),
			      "the %" PRIu64 "-byte blob at base 0x%" PRIx64 " runs past the end of the address space",
			      blob_size, p->base);
		return -1;
	}
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source_layout *L = &m->src[i].layout;
		if (!L->placed || !L->block_pinned)
			continue;
		struct hest_loc at = pos_loc(m, L->block_address_pos);
		if (L->block_address + L->block_size < L->block_address) {
			hest_diag_add(d, HEST_SEV_ERROR, "PLACE-RANGE", at,
				      "source '%s': block at 0x%" PRIx64 " runs past the end of the address space",
				      m->src[i].name, L->block_address);
			rc = -1;
			continue;
		}
		if (L->block_address % 8)
			hest_diag_add(d, HEST_SEV_WARNING, "PLACE-RANGE", at,
				      "source '%s': block address 0x%" PRIx64 " is not 8-byte aligned", m->src[i].name,
				      L->block_address);
		if (overlaps(L->block_address, L->block_size, p->base, blob_size)) {
			hest_diag_add(d, HEST_SEV_ERROR, "PLACE-OVERLAP", at,
				      "source '%s': block 0x%" PRIx64 "..0x%" PRIx64 " overlaps the register blob at "
				      "0x%" PRIx64 "..0x%" PRIx64,
				      m->src[i].name, L->block_address, L->block_address + L->block_size - 1, p->base,
				      p->base + blob_size - 1);
			rc = -1;
		}
		for (size_t j = 0; j < i; j++) {
			const struct hest_source_layout *O = &m->src[j].layout;
			if (O->placed && O->block_pinned &&
			    overlaps(L->block_address, L->block_size, O->block_address, O->block_size)) {
				hest_diag_add(d, HEST_SEV_ERROR, "PLACE-OVERLAP", at,
					      "source '%s': block 0x%" PRIx64 "..0x%" PRIx64 " overlaps the block of "
					      "source '%s' at 0x%" PRIx64,
					      m->src[i].name, L->block_address, L->block_address + L->block_size - 1,
					      m->src[j].name, O->block_address);
				rc = -1;
			}
		}
	}
	return rc;
}

static int check_table_offset(const struct hest_model *m, struct hest_diags *d)
{
	const struct hest_placement *p = &m->placement;
	uint64_t len = hest_get_le(m->hdr.bytes + 4, 4);
	/* standalone: the install anchor follows the table */
	uint64_t end = p->standalone ? hest_loader_anchor_offset(m, len) + 8 : (uint64_t)p->table_offset + len;
	if (end > UINT32_MAX || (p->tables_blob_size && end > p->tables_blob_size)) {
		hest_diag_add(d, HEST_SEV_ERROR, "PLACE-TABLE-OFFSET", pos_loc(m, p->table_offset_pos),
			      "the %" PRIu64 "-byte HEST at table_offset 0x%" PRIx32 "%s does not fit in '%s' (%" PRIu64
			      " bytes)",
			      len, p->table_offset, p->standalone ? " and its 8-byte install anchor" : "", p->tables_blob,
			      p->tables_blob_size ? p->tables_blob_size : UINT32_MAX);
		return -1;
	}
	return 0;
}

/* Block sizes and the sources that get registers. */
static int select_sources(struct hest_model *m, struct hest_diags *d)
{
	int rc = 0;
	/* each path looked up once per source type, not once per source */
	struct hest_path_memo gas = HEST_PATH_MEMO("error_status_address.address"),
			      ack = HEST_PATH_MEMO("read_ack.register.address"),
			      ebl = HEST_PATH_MEMO("error_block_length");
	for (size_t i = 0; i < m->nsrc; i++) {
		struct hest_source *s = &m->src[i];
		struct hest_source_layout *L = &s->layout;
		L->placed = is_ghes(s);
		if (!L->placed)
			continue;
		if (!check_not_given(m, s, &gas, d) || (L->has_read_ack && !check_not_given(m, s, &ack, d)))
			rc = -1;
		uint64_t len = 0;
		hest_source_get_m(s, &ebl, &len);
		L->block_size = (uint32_t)len;
	}
	return rc;
}

/* Writes placed addresses (offsets in linker-loader mode, absolute
 * addresses in fixed mode) into the GAS fields. */
static void patch_gas(struct hest_model *m)
{
	uint64_t base = m->placement.mode == HEST_PLACE_FIXED ? m->placement.base : 0;
	struct hest_path_memo gas = HEST_PATH_MEMO("error_status_address.address"),
			      ack = HEST_PATH_MEMO("read_ack.register.address");
	for (size_t i = 0; i < m->nsrc; i++) {
		struct hest_source *s = &m->src[i];
		if (!s->layout.placed)
			continue;
		hest_source_set_m(s, &gas, base + s->layout.register_offset);
		if (s->layout.has_read_ack)
			hest_source_set_m(s, &ack, base + s->layout.read_ack_offset);
	}
}

/* In every mode: a block must fit at least one record header (unless the
 * description deliberately keeps a table's undersized blocks). */
static int check_block_sizes(const struct hest_model *m, struct hest_diags *d)
{
	int rc = 0;
	struct hest_path_memo ebl = HEST_PATH_MEMO("error_block_length"); /* resolved once per type */
	for (size_t i = 0; i < m->nsrc && !(m->allow & HEST_ALLOW_UNDERSIZED_BLOCKS); i++) {
		const struct hest_source *s = &m->src[i];
		uint64_t len = 0;
		if (!is_ghes(s) || !hest_source_get_m(s, &ebl, &len) || len >= MIN_BLOCK)
			continue;
		const struct hest_given *g = hest_source_given(s, "error_block_length");
		hest_diag_add(d, HEST_SEV_ERROR, "CPER-SIZE-ENTRY", pos_loc(m, g ? g->pos : m->placement.block_size_pos),
			      "source '%s': error_block_length %" PRIu64 "%s cannot hold one error status block "
			      "header (20 bytes) and one data entry header (72 bytes)",
			      s->name, len, g ? "" : " (from placement.block_size)");
		rc = -1;
	}
	return rc;
}

int hest_place(struct hest_model *m, struct hest_diags *d)
{
	if (check_block_sizes(m, d) < 0)
		return -1;
	if (m->placement.mode == HEST_PLACE_NONE) {
		for (size_t i = 0; i < m->nsrc; i++) {
			struct hest_source *s = &m->src[i];
			s->layout.placed = false;
			if (!is_ghes(s))
				continue;
			warn_zero_gas(m, s, "error_status_address.address", d);
			if (s->type == 10)
				warn_zero_gas(m, s, "read_ack.register.address", d);
		}
		return 0;
	}
	if (select_sources(m, d) < 0)
		return -1;
	assign_offsets(m);
	uint64_t size = hest_placement_blob_size(m);
	if (size > UINT32_MAX) {
		hest_diag_add(d, HEST_SEV_ERROR, "PLACE-RANGE", pos_loc(m, m->placement.pos),
			      "the placement blob would be %" PRIu64 " bytes; loader offsets are 32-bit", size);
		return -1;
	}
	if (m->placement.mode == HEST_PLACE_FIXED && check_fixed_regions(m, size, d) < 0)
		return -1;
	if (m->placement.mode == HEST_PLACE_LINKER_LOADER && check_table_offset(m, d) < 0)
		return -1;
	patch_gas(m);
	return 0;
}
