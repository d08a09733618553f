/* The GHESv2 read-ack protocol over a simulated guest memory: a first
 * record goes in, a second is refused until the OS acknowledges the way
 * Linux does (reg = (reg & preserve) | write, shifted by bit_offset), then
 * it goes in.  Also plain GHES, odd masks and failing accessors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/cper.h>
#include "tap.h"

#define BASE 0x40000000ull
#define SIZE 0x4000u

struct guest {
	uint8_t mem[SIZE];
	unsigned writes;
	uint64_t last_gpa;  /* where the last write went */
	size_t last_len;
	uint64_t fail_at;   /* an access touching this gpa fails (0 = never) */
};

static bool inside(const struct guest *g, uint64_t gpa, size_t len)
{
	if (gpa < BASE || gpa - BASE > SIZE || len > SIZE - (gpa - BASE))
		return false;
	return !(g->fail_at && g->fail_at >= gpa && g->fail_at < gpa + len);
}

static int g_read(void *user, uint64_t gpa, void *buf, size_t len)
{
	struct guest *g = user;
	if (!inside(g, gpa, len))
		return -1;
	memcpy(buf, g->mem + (gpa - BASE), len);
	return 0;
}

static int g_write(void *user, uint64_t gpa, const void *buf, size_t len)
{
	struct guest *g = user;
	if (!inside(g, gpa, len))
		return -1;
	memcpy(g->mem + (gpa - BASE), buf, len);
	g->writes++;
	g->last_gpa = gpa;
	g->last_len = len;
	return 0;
}

static uint64_t peek(const struct guest *g, uint64_t gpa, unsigned size)
{
	return hest_get_le(g->mem + (gpa - BASE), size);
}

static void poke(struct guest *g, uint64_t gpa, unsigned size, uint64_t v)
{
	hest_put_le(g->mem + (gpa - BASE), size, v);
}

/* QEMU's layout: register, read-ack register (initially 1), 1 KiB block. */
static void qemu_layout(struct guest *g, struct hest_ghes_target *t)
{
	memset(g, 0, sizeof(*g));
	memset(t, 0, sizeof(*t));
	t->register_address = BASE;
	t->read_ack_address = BASE + 8;
	t->read_ack_preserve = ~1ull;
	t->read_ack_write = 1;
	t->read_ack_bit_width = 64;
	t->block_length = 1024;
	t->block_address = BASE + 0x100;
	poke(g, BASE, 8, BASE + 0x100);
	poke(g, BASE + 8, 8, 1);
}

/* A memory error record, encoded by the library. */
static void record(struct hest_buf *out, uint64_t pa)
{
	struct hest_cper_block b;
	struct hest_diags d;
	hest_diags_init(&d);
	hest_cper_block_init(&b, HEST_CPER_STATUS_BLOCK);
	struct hest_cper_section *s = hest_cper_add_section(&b, HEST_CPER_MEMORY);
	hest_cper_set(&s->body, "physical_address", pa);
	hest_buf_init(out);
	hest_cper_encode(&b, out, NULL, &d);
	hest_cper_block_free(&b);
	hest_diags_free(&d);
}

static void test_ghes_v2(void)
{
	struct guest g;
	struct hest_ghes_target t;
	struct hest_ghes_report r;
	struct hest_buf a, b;
	struct hest_guest_mem m = { &g, g_read, g_write };
	qemu_layout(&g, &t);
	record(&a, 0x1000);
	record(&b, 0x2000);

	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) == 0 && r.status == HEST_GHES_WRITTEN,
	       "first record: written");
	tap_ok(r.block_address == BASE + 0x100 && r.bytes_written == a.len, "report: block address and %zu bytes",
	       a.len);
	tap_ok(r.read_ack_before == 1 && r.read_ack_after == 0 && peek(&g, BASE + 8, 8) == 0,
	       "read-ack register re-armed: 1 -> 0 (as QEMU does)");
	tap_ok(memcmp(g.mem + 0x100, a.p, a.len) == 0, "the block holds the record");
	tap_ok(g.last_gpa == BASE + 0x100 && g.last_len == 4, "block_status is the last thing written");

	unsigned writes = g.writes;
	tap_ok(hest_ghes_write_record(&m, &t, b.p, b.len, &r) < 0 && r.status == HEST_GHES_BUSY,
	       "second record before the acknowledgement: busy");
	tap_ok(g.writes == writes && memcmp(g.mem + 0x100, a.p, a.len) == 0,
	       "a refused record writes nothing; the first one stays intact");

	tap_ok(hest_ghes_os_acknowledge(&m, &t) == 0, "the OS consumes the record and acknowledges");
	tap_ok(peek(&g, BASE + 8, 8) == 1 && peek(&g, BASE + 0x100, 4) == 0,
	       "acknowledged: read-ack = (0 & ~1) | 1 = 1, block_status cleared");
	tap_ok(hest_ghes_write_record(&m, &t, b.p, b.len, &r) == 0 && r.status == HEST_GHES_WRITTEN,
	       "second record after the acknowledgement: written");
	tap_ok(memcmp(g.mem + 0x100, b.p, b.len) == 0, "the block now holds the second record");
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) < 0 && r.status == HEST_GHES_BUSY,
	       "and the source is busy again");
	hest_buf_free(&a);
	hest_buf_free(&b);
}

/* Preserved bits survive both sides; the acknowledgement may sit at a bit offset. */
static void test_masks(void)
{
	struct guest g;
	struct hest_ghes_target t;
	struct hest_ghes_report r;
	struct hest_buf a;
	struct hest_guest_mem m = { &g, g_read, g_write };
	record(&a, 0x3000);

	qemu_layout(&g, &t);
	poke(&g, BASE + 8, 8, 0xab00 | 1);
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) == 0 && peek(&g, BASE + 8, 8) == 0xab00,
	       "preserved bits stay when re-arming");
	hest_ghes_os_acknowledge(&m, &t);
	tap_ok(peek(&g, BASE + 8, 8) == 0xab01, "and when the OS acknowledges");

	qemu_layout(&g, &t);
	t.read_ack_bit_offset = 8;
	poke(&g, BASE + 8, 8, 0x100);
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) == 0 && peek(&g, BASE + 8, 8) == 0,
	       "bit_offset 8: bit 8 is the acknowledgement");
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) < 0 && r.status == HEST_GHES_BUSY, "busy until it is set");
	hest_ghes_os_acknowledge(&m, &t);
	tap_ok(peek(&g, BASE + 8, 8) == 0x100 && hest_ghes_write_record(&m, &t, a.p, a.len, &r) == 0,
	       "Linux's ack shifted by bit_offset frees it");

	/* A write mask that also clears bits: preserve 0xff00, write 0x0001. */
	qemu_layout(&g, &t);
	t.read_ack_preserve = 0xff00;
	poke(&g, BASE + 8, 8, 0x5501);
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) == 0, "preserve 0xff00/write 1: register 0x5501 is free");
	poke(&g, BASE + 8, 8, 0x5503);
	hest_ghes_os_acknowledge(&m, &t);
	tap_ok(peek(&g, BASE + 8, 8) == 0x5501, "the acknowledgement clears non-preserved bits outside write");
	poke(&g, BASE + 8, 8, 0x5503);
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) < 0 && r.status == HEST_GHES_BUSY,
	       "a register the OS did not write that way is busy");

	qemu_layout(&g, &t);
	t.read_ack_write = 0;
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) < 0 && r.status == HEST_GHES_BAD_TARGET,
	       "write 0: an acknowledgement cannot be seen, refused");
	qemu_layout(&g, &t);
	t.read_ack_preserve = ~0ull;
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) < 0 && r.status == HEST_GHES_BAD_TARGET,
	       "preserve all bits: refused");

	qemu_layout(&g, &t);
	t.read_ack_bit_width = 32;
	poke(&g, BASE + 8, 8, 0xdeadbeef00000001ull);
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) == 0 && peek(&g, BASE + 8, 8) == 0xdeadbeef00000000ull,
	       "a 32-bit read-ack register is accessed as 4 bytes");
	hest_buf_free(&a);
}

static void test_ghes_v1(void)
{
	struct guest g;
	struct hest_ghes_target t;
	struct hest_ghes_report r;
	struct hest_buf a;
	struct hest_guest_mem m = { &g, g_read, g_write };
	record(&a, 0x4000);
	qemu_layout(&g, &t);
	t.read_ack_address = 0;
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) == 0, "GHES: first record written");
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) < 0 && r.status == HEST_GHES_BUSY &&
		       r.block_status_before != 0,
	       "GHES: busy while block_status is set");
	hest_ghes_os_acknowledge(&m, &t);
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) == 0, "GHES: written after the OS cleared block_status");
	hest_buf_free(&a);
}

static void test_failures(void)
{
	struct guest g;
	struct hest_ghes_target t;
	struct hest_ghes_report r;
	struct hest_buf a;
	struct hest_guest_mem m = { &g, g_read, g_write };
	record(&a, 0x5000);

	qemu_layout(&g, &t);
	poke(&g, BASE, 8, 0);
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) < 0 && r.status == HEST_GHES_NO_BLOCK,
	       "register 0 (firmware has not patched it): no block");
	qemu_layout(&g, &t);
	poke(&g, BASE, 8, BASE + 0x800);
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) < 0 && r.status == HEST_GHES_WRONG_BLOCK &&
		       r.block_address == BASE + 0x800,
	       "register pointing elsewhere than expected: refused, address reported");
	qemu_layout(&g, &t);
	t.block_length = (uint32_t)a.len - 1;
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) < 0 && r.status == HEST_GHES_TOO_BIG,
	       "a record longer than error_block_length: too big");
	qemu_layout(&g, &t);
	g.fail_at = BASE + 8;
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) < 0 && r.status == HEST_GHES_IO_ERROR,
	       "a failing guest read: I/O error");
	qemu_layout(&g, &t);
	g.fail_at = BASE + 0x100 + 40;
	tap_ok(hest_ghes_write_record(&m, &t, a.p, a.len, &r) < 0 && r.status == HEST_GHES_IO_ERROR,
	       "a failing write into the block: I/O error");
	qemu_layout(&g, &t);
	tap_ok(hest_ghes_write_record(&m, &t, a.p, 10, &r) < 0 && r.status == HEST_GHES_BAD_TARGET,
	       "fewer bytes than a status block header: refused");
	tap_ok(strcmp(hest_ghes_status_name(HEST_GHES_BUSY), "busy") == 0, "status names");
	hest_buf_free(&a);
}

/* A target filled from a model source the way a VMM with the model would. */
static void test_from_source(void)
{
	struct hest_model model;
	struct hest_ghes_target t;
	hest_model_init(&model);
	struct hest_source *s = hest_model_add_source(&model, 10, 0);
	s->layout.has_block = true;
	s->layout.has_read_ack = true;
	s->layout.register_offset = 0;
	s->layout.read_ack_offset = 8;
	s->layout.block_offset = 16;
	hest_source_set(s, "error_block_length", 2048);
	hest_source_set(s, "read_ack.preserve", 0xfffffffffffffffeull);
	hest_source_set(s, "read_ack.write", 1);
	tap_ok(hest_ghes_target_from_source(s, 0x80000000ull, &t) == 0 && t.register_address == 0x80000000ull &&
		       t.read_ack_address == 0x80000008ull && t.block_address == 0x80000010ull &&
		       t.block_length == 2048 && t.read_ack_preserve == ~1ull && t.read_ack_write == 1 &&
		       t.read_ack_bit_width == 64,
	       "target from a placed GHESv2 source: addresses, length, masks");
	s->layout.has_block = false;
	tap_ok(hest_ghes_target_from_source(s, 0, &t) < 0, "a source without a block has no target");
	hest_model_free(&model);
}

int main(void)
{
	test_ghes_v2();
	test_masks();
	test_ghes_v1();
	test_failures();
	test_from_source();
	return tap_done();
}
