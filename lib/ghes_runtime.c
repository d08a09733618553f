/* Run time: a VMM writes CPER into a GHES/GHESv2 error status block over
 * its own guest-memory accessors.
 *
 * The protocol, from the two ends that exist:
 *   - the OS (Linux drivers/acpi/apei/ghes.c) reads the error status address
 *     register, reads the block when block_status != 0, then clears
 *     block_status and, for GHESv2, acknowledges:
 *         val = read(reg); val &= preserve << bit_offset;
 *         val |= write << bit_offset; write(reg, val);
 *   - QEMU (hw/acpi/ghes.c) refuses to write while the read-ack register
 *     reads 0, otherwise writes 0 to it and then the record; its registers
 *     start at 1 with preserve = ~1, write = 1.
 * Generalised: the source is free when the register's non-preserved bits
 * equal write's (the state an acknowledgement leaves), and writing re-arms
 * it by clearing write's non-preserved bits. */
#include <string.h>
#include <hest/cper.h>
#include <hest/inject.h>

static uint64_t mask_of(unsigned width)
{
	return width >= 64 ? UINT64_MAX : ((uint64_t)1 << width) - 1;
}

static int read_le(const struct hest_guest_mem *m, uint64_t gpa, unsigned size, uint64_t *v)
{
	uint8_t b[8];
	if (m->read(m->user, gpa, b, size) != 0)
		return -1;
	*v = hest_get_le(b, size);
	return 0;
}

static int write_le(const struct hest_guest_mem *m, uint64_t gpa, unsigned size, uint64_t v)
{
	uint8_t b[8];
	hest_put_le(b, size, v);
	return m->write(m->user, gpa, b, size) != 0 ? -1 : 0;
}

/* The read-ack register's bits the OS sets and clears: `np` are the bits it
 * does not preserve, `ack` those of them it sets.  false for unusable masks. */
static unsigned ack_width(const struct hest_ghes_target *t)
{
	return t->read_ack_bit_width ? t->read_ack_bit_width : 64;
}

/* Bytes of a read-ack register access: the register's width (QEMU: 8). */
static unsigned ack_bytes(const struct hest_ghes_target *t)
{
	unsigned w = ack_width(t);
	return w <= 8 ? 1 : w <= 16 ? 2 : w <= 32 ? 4 : 8;
}

static bool ack_bits(const struct hest_ghes_target *t, uint64_t *np, uint64_t *ack)
{
	unsigned width = ack_width(t);
	if (width > 64 || t->read_ack_bit_offset >= 64)
		return false;
	uint64_t reg = mask_of(width);
	*np = ~(t->read_ack_preserve << t->read_ack_bit_offset) & reg;
	*ack = (t->read_ack_write << t->read_ack_bit_offset) & *np;
	return *ack != 0;
}

static int finish(struct hest_ghes_report *r, enum hest_ghes_status st)
{
	r->status = st;
	return st == HEST_GHES_WRITTEN ? 0 : -1;
}

/* Frees the source or reports why not: reads the read-ack register (GHESv2)
 * or block_status (GHES) and re-arms. */
static enum hest_ghes_status claim(const struct hest_guest_mem *m, const struct hest_ghes_target *t,
				   struct hest_ghes_report *r)
{
	if (!t->read_ack_address)
		return r->block_status_before ? HEST_GHES_BUSY : HEST_GHES_WRITTEN;
	uint64_t np, ack, reg;
	if (!ack_bits(t, &np, &ack))
		return HEST_GHES_BAD_TARGET;
	if (read_le(m, t->read_ack_address, ack_bytes(t), &reg) < 0)
		return HEST_GHES_IO_ERROR;
	r->read_ack_before = reg;
	if ((reg & np) != ack)
		return HEST_GHES_BUSY;
	r->read_ack_after = reg & ~ack;
	if (write_le(m, t->read_ack_address, ack_bytes(t), r->read_ack_after) < 0)
		return HEST_GHES_IO_ERROR;
	return HEST_GHES_WRITTEN;
}

int hest_ghes_write_record(const struct hest_guest_mem *mem, const struct hest_ghes_target *t,
			   const uint8_t *record, size_t len, struct hest_ghes_report *r)
{
	uint64_t addr, status;
	memset(r, 0, sizeof(*r));
	if (!mem || !mem->read || !mem->write || !t || !record || len < HEST_CPER_STATUS_SIZE ||
	    !t->register_address)
		return finish(r, HEST_GHES_BAD_TARGET);
	if (len > t->block_length)
		return finish(r, HEST_GHES_TOO_BIG);
	if (read_le(mem, t->register_address, 8, &addr) < 0)
		return finish(r, HEST_GHES_IO_ERROR);
	r->block_address = addr;
	if (!addr)
		return finish(r, HEST_GHES_NO_BLOCK);
	if (t->block_address && addr != t->block_address)
		return finish(r, HEST_GHES_WRONG_BLOCK);
	if (addr > UINT64_MAX - t->block_length)
		return finish(r, HEST_GHES_BAD_TARGET);
	if (read_le(mem, addr, 4, &status) < 0)
		return finish(r, HEST_GHES_IO_ERROR);
	r->block_status_before = (uint32_t)status;
	enum hest_ghes_status st = claim(mem, t, r);
	if (st != HEST_GHES_WRITTEN)
		return finish(r, st);
	/* block_status last: an OS polling the block never sees a partial record. */
	if (mem->write(mem->user, addr + 4, record + 4, len - 4) != 0 ||
	    mem->write(mem->user, addr, record, 4) != 0)
		return finish(r, HEST_GHES_IO_ERROR);
	r->bytes_written = (uint32_t)len;
	return finish(r, HEST_GHES_WRITTEN);
}

int hest_ghes_os_acknowledge(const struct hest_guest_mem *mem, const struct hest_ghes_target *t)
{
	uint64_t addr, reg;
	if (read_le(mem, t->register_address, 8, &addr) < 0)
		return -1;
	if (addr && write_le(mem, addr, 4, 0) < 0)
		return -1;
	if (!t->read_ack_address)
		return 0;
	if (ack_width(t) > 64 || read_le(mem, t->read_ack_address, ack_bytes(t), &reg) < 0)
		return -1;
	unsigned off = t->read_ack_bit_offset < 64 ? t->read_ack_bit_offset : 0;
	reg &= t->read_ack_preserve << off;
	reg |= t->read_ack_write << off;
	return write_le(mem, t->read_ack_address, ack_bytes(t), reg);
}

int hest_ghes_target_from_source(const struct hest_source *s, uint64_t blob_address, struct hest_ghes_target *t)
{
	uint64_t v;
	memset(t, 0, sizeof(*t));
	if (!s->layout.has_block)
		return -1;
	t->register_address = blob_address + s->layout.register_offset;
	t->block_address = s->layout.block_pinned ? s->layout.block_address : blob_address + s->layout.block_offset;
	if (hest_source_get(s, "error_block_length", &v))
		t->block_length = (uint32_t)v;
	if (s->layout.has_read_ack) {
		t->read_ack_address = blob_address + s->layout.read_ack_offset;
		if (hest_source_get(s, "read_ack.preserve", &v))
			t->read_ack_preserve = v;
		if (hest_source_get(s, "read_ack.write", &v))
			t->read_ack_write = v;
		if (hest_source_get(s, "read_ack.register.bit_offset", &v))
			t->read_ack_bit_offset = (uint8_t)v;
		if (hest_source_get(s, "read_ack.register.bit_width", &v))
			t->read_ack_bit_width = (uint8_t)v;
	}
	return 0;
}

const char *hest_ghes_status_name(enum hest_ghes_status st)
{
	static const char *const names[] = {
		"written", "busy", "no-block", "wrong-block", "too-big", "bad-target", "io-error", "timeout",
	};
	return (unsigned)st < sizeof(names) / sizeof(names[0]) ? names[st] : "unknown";
}

int hest_ghes_source_free(const struct hest_guest_mem *mem, const struct hest_ghes_target *t, uint64_t *reg,
			  uint32_t *block_status, enum hest_ghes_status *status)
{
	enum hest_ghes_status dummy;
	uint64_t addr, v, np, ack;
	if (!status)
		status = &dummy;
	*status = HEST_GHES_BAD_TARGET;
	if (!mem || !mem->read || !t || !t->register_address)
		return -1;
	*status = HEST_GHES_IO_ERROR;
	if (read_le(mem, t->register_address, 8, &addr) < 0)
		return -1;
	if (!addr) {
		*status = HEST_GHES_NO_BLOCK;
		return -1;
	}
	if (t->block_address && addr != t->block_address) {
		*status = HEST_GHES_WRONG_BLOCK;
		return -1;
	}
	if (read_le(mem, addr, 4, &v) < 0)
		return -1;
	if (block_status)
		*block_status = (uint32_t)v;
	if (!t->read_ack_address) {
		*status = v ? HEST_GHES_BUSY : HEST_GHES_WRITTEN;
		return v == 0;
	}
	if (!ack_bits(t, &np, &ack)) {
		*status = HEST_GHES_BAD_TARGET;
		return -1;
	}
	if (read_le(mem, t->read_ack_address, ack_bytes(t), &v) < 0)
		return -1;
	if (reg)
		*reg = v;
	*status = (v & np) == ack ? HEST_GHES_WRITTEN : HEST_GHES_BUSY;
	return (v & np) == ack;
}
