/* Register rules: the Generic Address Structures of GHES error status
 * address and GHESv2 read-ack registers, judged the way Linux's
 * apei_check_gar reads them (drivers/acpi/apei/apei-base.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <hest/fields.h>
#include "check_passes.h"

#define SPACE_MEMORY 0u
#define SPACE_IO 1u

struct reg {
	const struct hest_source *s;
	const char *path;   /* "error_status_address" or "read_ack.register" */
	const char *what;
	uint8_t space;
	uint64_t addr, end; /* [addr, end) */
};

/* Bits Linux reads: 8 << (access - 1), widened for aligned 32/64-bit
 * registers with a smaller access size (its "common BIOS bug" fix-up). */
static unsigned linux_access_bits(const struct vgas *g, bool *widened)
{
	unsigned bits = g->access >= 1 && g->access <= 4 ? 4u << g->access : 0;
	*widened = false;
	if (g->width == 32 && g->offset == 0 && (g->addr & 3) == 0 && bits && bits < 32) {
		bits = 32;
		*widened = true;
	} else if (g->width == 64 && g->offset == 0 && (g->addr & 7) == 0 && bits && bits < 64) {
		bits = 64;
		*widened = true;
	}
	return bits;
}

/* "error_status_address.space_id": formatted only for a report (the checks
 * run for every GHES of the table). */
static const char *field_path(char *buf, size_t size, const char *path, const char *field)
{
	size_t a = strlen(path), b = strlen(field);
	if (a + 1 + b >= size) { /* not with the paths of this file */
		snprintf(buf, size, "%s.%s", path, field);
		return buf;
	}
	memcpy(buf, path, a);
	buf[a] = '.';
	memcpy(buf + a + 1, field, b + 1);
	return buf;
}

static void check_one(struct vctx *c, const struct hest_source *s, struct vgas_memo *gm, const char *what,
		      struct reg *out, size_t *nout)
{
	struct vgas g;
	char at[64];
	const char *path = gm->vm.path;
	vget_gas_m(s, gm, &g);
	if (g.space != SPACE_MEMORY && g.space != SPACE_IO)
		vreport(c, "GAS-SPACE", s, field_path(at, sizeof(at), path, "space_id"), 0,
			"%s is in address space %" PRIu64 "; Linux reads GHES registers from SystemMemory (0) or "
			"SystemIO (1) only (\"Invalid address space type in GAR\")",
			what, g.space);
	if (g.addr == 0)
		vreport(c, "HEST-GAS-ZERO", s, field_path(at, sizeof(at), path, "address"), 0,
			"%s is 0%s; Linux refuses the source (\"Invalid physical address in GAR\", probe fails with "
			"error -22)",
			what, c->o->sim ? " after the loader script ran: no ADD_POINTER patches it" : " and nothing patches it");
	if (g.access < 1 || g.access > 4) {
		vreport(c, "GAS-ACCESS", s, field_path(at, sizeof(at), path, "access_size"), 0,
			"%s has access size %" PRIu64 "%s; Linux needs 1 (byte) to 4 (qword) (\"Invalid access size "
			"code in GAR\")",
			what, g.access, g.access == 0 ? " (undefined)" : "");
		return;
	}
	bool widened;
	unsigned bits = linux_access_bits(&g, &widened);
	if (g.width == 0 && g.space == SPACE_MEMORY && g.addr)
		vreport(c, "GAS-WIDTH", s, field_path(at, sizeof(at), path, "bit_width"), 0,
			"%s has bit width 0; Linux maps nothing for it (acpi_os_map_generic_address) and the probe "
			"fails with -6, so the source is never bound",
			what);
	else if (g.width + g.offset > bits)
		vreport(c, "GAS-WIDTH", s, field_path(at, sizeof(at), path, "bit_width"), 0,
			"%s: bit width %" PRIu64 " + bit offset %" PRIu64 " exceed the %u-bit access; Linux refuses "
			"it (\"Invalid bit width + offset in GAR\")",
			what, g.width, g.offset, bits);
	else if (widened)
		vreport(c, "GAS-WIDEN", s, field_path(at, sizeof(at), path, "bit_width"), 0,
			"%s: bit width %" PRIu64 " is wider than the %u-bit access size %" PRIu64
			"; only Linux's fix-up for aligned registers reads it with %u bits, other consumers may read "
			"%u",
			what, g.width, 4u << g.access, g.access, bits, 4u << g.access);
	bool status = strcmp(path, "error_status_address") == 0;
	if (status && g.width && (bits < 64 || g.width < 64))
		vreport(c, "GAS-REGISTER-64", s, field_path(at, sizeof(at), path, "bit_width"), 0,
			"%s has bit width %" PRIu64 " and is read with %u-bit accesses; it cannot hold the address "
			"of an error status block above 4 GiB",
			what, g.width, bits);
	if (g.addr && g.space == SPACE_MEMORY && (g.addr & (bits / 8 - 1)))
		vreport(c, "GAS-ALIGN", s, field_path(at, sizeof(at), path, "address"), 0,
			"%s 0x%" PRIx64 " is not aligned to its %u-byte access", what, g.addr,
			bits / 8);
	if (g.addr && (g.space == SPACE_MEMORY || g.space == SPACE_IO)) {
		uint64_t n = bits / 8;
		out[*nout] = (struct reg){ s, path, what, (uint8_t)g.space, g.addr,
					   g.addr > UINT64_MAX - n ? UINT64_MAX : g.addr + n };
		(*nout)++;
	}
}

static int cmp_reg(const void *a, const void *b)
{
	const struct reg *x = a, *y = b;
	if (x->space != y->space)
		return x->space < y->space ? -1 : 1;
	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	/* Stable for equal addresses: table order. */
	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return strcmp(x->path, y->path);
}

static bool is_read_ack(const struct reg *r)
{
	return strcmp(r->path, "read_ack.register") == 0;
}

/* Two GHESv2 sharing a read-ack register form a doorbell when the firmware
 * can tell their acknowledgements apart: distinct write values (a mailbox
 * that sees each write, or bits that the preserve masks accumulate).  With
 * one write value no preserve mask helps: the acks look the same. */
static bool doorbell(const struct reg *a, const struct reg *b)
{
	if (!is_read_ack(a) || !is_read_ack(b) || a->addr != b->addr || a->end != b->end)
		return false;
	return vget(a->s, "read_ack.write") != vget(b->s, "read_ack.write");
}

static void check_overlaps(struct vctx *c, struct reg *r, size_t n)
{
	qsort(r, n, sizeof(*r), cmp_reg);
	size_t open = 0; /* the register reaching furthest among those before */
	for (size_t i = 1; i < n; i++) {
		const struct reg *a = &r[open], *b = &r[i];
		if (a->space == b->space && b->addr < a->end) {
			char tb[32];
			char at[64];
			snprintf(at, sizeof(at), "%s.address", b->path);
			if (doorbell(a, b))
				vreport(c, "GAS-READ-ACK-SHARED", b->s, at, 0,
					"%s 0x%" PRIx64 " is shared with source %u (%s), a doorbell: write 0x%" PRIx64
					" and 0x%" PRIx64 " tell the acknowledgements apart",
					b->what, b->addr, vsource_id(a->s), vtype_name(a->s, tb, sizeof(tb)),
					vget(b->s, "read_ack.write"), vget(a->s, "read_ack.write"));
			else
				vreport(c, "GAS-OVERLAP", b->s, at, 0,
					"%s 0x%" PRIx64 " overlaps %s of source %u (%s) at 0x%" PRIx64, b->what, b->addr,
					a->what, vsource_id(a->s), vtype_name(a->s, tb, sizeof(tb)), a->addr);
		}
		if (b->space != a->space || b->end > a->end)
			open = i;
	}
}

void check_gas(struct vctx *c)
{
	struct reg *regs = calloc(2 * (c->nreal + 1), sizeof(*regs));
	size_t n = 0;
	if (!regs) {
		c->d->oom = true;
		return;
	}
	for (size_t i = 0; i < c->nreal; i++) {
		const struct hest_source *s = &c->m->src[i];
		if (!vis_ghes(s) || s->len < s->desc->size || vall_zero(s))
			continue;
		check_one(c, s, &c->mm->status, "the error status address register", regs, &n);
		if (s->type == 10)
			check_one(c, s, &c->mm->read_ack, "the read-ack register", regs, &n);
	}
	check_overlaps(c, regs, n);
	free(regs);
}
