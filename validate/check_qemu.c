/* QEMU-HEST-WALK: QEMU 10.2 machine types learn the HEST's address through
 * etc/acpi_table_hest_addr and, to record an error for source id X, walk the
 * HEST themselves (hw/acpi/ghes.c, get_ghes_source_offsets):
 *
 *   count = Error Source Count; entry = HEST + 40
 *   for i in 0 .. count-1:
 *       type = u16 at entry;  if type != 10: fail "HEST: type %d not supported."
 *       id = u16 at entry+2;  if id == X: found
 *       entry += 92                     (HEST_GHES_V2_ENTRY_SIZE)
 *   fail "HEST: Source %d not found."
 *
 * then read the error status address and read-ack register addresses from
 * the GAS fields of the entry found.  So a source is found only when every
 * structure up to and including it is a GHESv2 (92 bytes: the stride is
 * only right then), it lies within the count, and no earlier structure has
 * its id.  Runs when the firmware wrote the HEST's address to that file
 * (a loader script) or when a description sends it there
 * (placement.hest_address_blob, set by profile qemu-virt-hest-addr). */
#include <string.h>
#include <stdio.h>
#include "check_passes.h"

/* The loader script the firmware ran wrote the HEST's address to QEMU's
 * file; a description sends it there. */
static bool walked(const struct vctx *c)
{
	if (c->o->sim) {
		for (size_t i = 0; i < c->o->sim->nwrites; i++)
			if (strcmp(c->o->sim->writes[i].file, QEMU_HEST_ADDR_FILE) == 0)
				return true;
		return false;
	}
	return !c->info && hest_qemu_walks(c->m);
}

void check_qemu(struct vctx *c)
{
	if (!walked(c))
		return;
	for (size_t k = 0; k < c->nreal; k++) {
		const struct hest_source *s = &c->m->src[k];
		size_t at = 0;
		enum hest_qemu_walk r;
		if (!vis_ghes(s) || (r = hest_qemu_walk(c->m, c->nreal, k, &at)) == HEST_QEMU_WALK_FOUND)
			continue;
		char msg[400];
		hest_qemu_walk_message(c->m, k, r, at, msg, sizeof(msg));
		if (c->info)
			vreport_at(c, "QEMU-HEST-WALK", s->layout.hest_offset, "%s", msg);
		else
			vreport(c, "QEMU-HEST-WALK", s, "type", 0, "%s", msg);
	}
}
