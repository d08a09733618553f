/* The loader script (QEMU's etc/table-loader) that ties the HEST to the
 * placement blob hest_place laid out: allocations, pointers, checksum. */
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>
#include <stdio.h>
#include <hest/encode.h>
#include <hest/loader.h>
#include "place.h"

#if defined(__GNUC__)
__attribute__((format(printf, 7, 8)))
#endif
static bool push(struct hest_loader *l, uint32_t command, const char *file, const char *src, uint32_t offset,
		 uint8_t size, const char *fmt, ...)
{
	struct hest_loader_entry e;
	memset(&e, 0, sizeof(e));
	e.command = command;
	e.name_ok = e.src_ok = true;
	snprintf(e.file, sizeof(e.file), "%s", file);
	snprintf(e.src, sizeof(e.src), "%s", src ? src : "");
	e.offset = offset;
	e.size = size;
	e.byte_offset = (uint64_t)l->n * HEST_LOADER_ENTRY_SIZE;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e.note, sizeof(e.note), fmt, ap);
	va_end(ap);
	return hest_loader_push(l, &e);
}

static bool push_allocate(struct hest_loader *l, const char *file, uint32_t align, uint8_t zone, const char *why)
{
	if (!push(l, HEST_LOADER_ALLOCATE, file, NULL, 0, 0, "%s", why))
		return false;
	l->v[l->n - 1].align = align;
	l->v[l->n - 1].zone = zone;
	return true;
}

static bool build_register_pointers(const struct hest_model *m, struct hest_loader *l)
{
	const struct hest_placement *p = &m->placement;
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source *s = &m->src[i];
		if (!s->layout.placed)
			continue;
		if (!push(l, HEST_LOADER_ADD_POINTER, p->blob, p->blob, (uint32_t)s->layout.register_offset, 8,
			  "source '%s' (id %u): its error status address register at 0x%" PRIx64
			  " points at its block (0x%" PRIx64 ", %" PRIu32 " bytes)",
			  s->name, (unsigned)hest_get_le(s->bytes + 2, 2), s->layout.register_offset,
			  s->layout.block_offset, s->layout.block_size))
			return false;
	}
	return true;
}

static bool build_gas_pointers(const struct hest_model *m, struct hest_loader *l)
{
	const struct hest_placement *p = &m->placement;
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source *s = &m->src[i];
		if (!s->layout.placed)
			continue;
		unsigned id = (unsigned)hest_get_le(s->bytes + 2, 2);
		if (!push(l, HEST_LOADER_ADD_POINTER, p->tables_blob, p->blob,
			  p->table_offset + s->layout.gas_address_offset, 8,
			  "source '%s' (id %u): HEST error_status_address (table offset 0x%" PRIx32
			  ") -> its register at blob offset 0x%" PRIx64,
			  s->name, id, s->layout.gas_address_offset, s->layout.register_offset))
			return false;
		if (s->layout.has_read_ack &&
		    !push(l, HEST_LOADER_ADD_POINTER, p->tables_blob, p->blob,
			  p->table_offset + s->layout.read_ack_address_offset, 8,
			  "source '%s' (id %u): HEST read_ack.register (table offset 0x%" PRIx32
			  ") -> its read-ack register at blob offset 0x%" PRIx64,
			  s->name, id, s->layout.read_ack_address_offset, s->layout.read_ack_offset))
			return false;
	}
	return true;
}

void hest_loader_served_table(uint8_t *table, size_t len)
{
	if (len > 9)
		table[9] = 0;
}

uint64_t hest_loader_anchor_offset(const struct hest_model *m, uint64_t tablelen)
{
	return ((uint64_t)m->placement.table_offset + tablelen + 7) & ~(uint64_t)7;
}

/* BERT: the region blob, the table's region_address pointing into it. */
static bool build_bert(const struct hest_model *m, struct hest_loader *l)
{
	const struct hest_placement *p = &m->placement;
	return push_allocate(l, p->blob, p->align, (uint8_t)p->zone, "the boot error region: the error status blocks "
				"of the previous boot") &&
	       push(l, HEST_LOADER_ADD_POINTER, p->tables_blob, p->blob, p->table_offset + 40, 8,
		    "BERT region_address -> the boot error region");
}

/* EINJ: the register blob; every entry register and address-holding
 * register inside it gets the blob's address added. */
static bool build_einj(const struct hest_model *m, struct hest_loader *l)
{
	const struct hest_placement *p = &m->placement;
	if (hest_placement_blob_size(m) == 0)
		return true;
	bool ok = push_allocate(l, p->blob, p->align, (uint8_t)p->zone,
				"the EINJ registers and trigger action table the instructions use");
	for (size_t i = 0; ok && i < m->nsrc; i++)
		if (m->src[i].layout.placed)
			ok = push(l, HEST_LOADER_ADD_POINTER, p->tables_blob, p->blob,
				  p->table_offset + m->src[i].layout.hest_offset + 8, 8,
				  "entry %zu register -> its register at 0x%" PRIx64 " of the blob", i,
				  m->src[i].layout.register_offset);
	for (size_t i = 0; ok && i < m->nregs; i++)
		if (m->regs[i].points == HEST_REG_POINTS_TRIGGER)
			ok = push(l, HEST_LOADER_ADD_POINTER, p->blob, p->blob, m->regs[i].offset, 8,
				  "register '%s' -> the trigger action table", m->regs[i].name);
	for (size_t i = 0; ok && i < m->ntrig; i++)
		if (m->trig[i].layout.placed)
			ok = push(l, HEST_LOADER_ADD_POINTER, p->blob, p->blob,
				  (uint32_t)(m->trigger_offset + HEST_EINJ_TRIGGER_HEADER + i * 32 + 8), 8,
				  "trigger entry %zu register -> its register", i);
	return ok;
}

int hest_build_loader(const struct hest_model *m, size_t tablelen, struct hest_loader *l, struct hest_diags *d)
{
	const struct hest_placement *p = &m->placement;
	if (p->mode != HEST_PLACE_LINKER_LOADER) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, pos_loc(m, p->pos),
			      "a loader script needs placement mode linker-loader");
		return -1;
	}
	bool ok = true;
	const char *sig = hest_table_desc_of(m->kind)->signature;
	if (p->standalone) {
		uint64_t anchor = hest_loader_anchor_offset(m, tablelen);
		ok = push_allocate(l, p->tables_blob, p->tables_align, HEST_ZONE_HIGH,
				   "standalone: the script allocates the ACPI tables blob itself") &&
		     push(l, HEST_LOADER_ADD_POINTER, p->tables_blob, p->tables_blob, (uint32_t)anchor, 8,
			  "install anchor at 0x%" PRIx64 " -> the %s: UEFI firmware installs only tables that an "
			  "ADD_POINTER points at, and nothing else in this script does",
			  anchor, sig);
	}
	if (m->kind == HEST_TABLE_BERT) {
		ok = ok && build_bert(m, l);
	} else if (m->kind == HEST_TABLE_EINJ) {
		ok = ok && build_einj(m, l);
	} else if (hest_placement_blob_size(m) > 0) {
		ok = ok && push_allocate(l, p->blob, p->align, (uint8_t)p->zone,
					 "the reserved region: error status address registers, read-ack registers, "
					 "error status blocks");
		ok = ok && build_register_pointers(m, l);
		if (p->write_pointer && p->address_blob[0]) {
			ok = ok && push(l, HEST_LOADER_WRITE_POINTER, p->address_blob, p->blob, 0, 8,
					"tell the VMM where the region is: its address goes back through '%s'",
					p->address_blob);
		}
		ok = ok && build_gas_pointers(m, l);
	}
	if (ok && push(l, HEST_LOADER_ADD_CHECKSUM, p->tables_blob, NULL, p->table_offset + 9, 0,
		       "%s checksum, after every pointer inside it is patched", sig)) {
		l->v[l->n - 1].start = p->table_offset;
		l->v[l->n - 1].length = (uint32_t)tablelen;
	} else {
		ok = false;
	}
	if (ok && p->hest_address_blob[0]) {
		ok = push(l, HEST_LOADER_WRITE_POINTER, p->hest_address_blob, p->tables_blob, 0, 8,
			  "tell the VMM where the %s is: its address goes back through '%s'", sig, p->hest_address_blob);
		if (ok)
			l->v[l->n - 1].src_offset = p->table_offset;
	}
	if (!ok)
		hest_diag_add(d, HEST_SEV_ERROR, NULL, pos_loc(m, p->pos),
			      l->n >= HEST_LOADER_MAX_ENTRIES ? "the loader script would exceed %u commands"
							      : "out of memory building the loader script (%u commands)",
			      l->n >= HEST_LOADER_MAX_ENTRIES ? HEST_LOADER_MAX_ENTRIES : (unsigned)l->n);
	return ok ? 0 : -1;
}
