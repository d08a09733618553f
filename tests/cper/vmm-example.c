/* The worked example of docs/cper.md, compiled and run: a VMM reports
 * memory errors through the 'memory' GHESv2 source of examples/fixed-vmm.yaml,
 * using the hest-layout.h hestc generated for it (tests/golden/placement/
 * fixed-vmm/) and a simulated guest RAM holding its hardware_errors.bin. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../unit/tap.h"

/* BEGIN DOC */
#include <hest/cper.h>
#include "hest-layout.h" /* hestc compile fixed-vmm.yaml --emit header */

/* The VMM's own guest-memory accessors (0 = done). */
int guest_read(void *vm, uint64_t gpa, void *buf, size_t len);
int guest_write(void *vm, uint64_t gpa, const void *buf, size_t len);
int report_memory_error(void *vm, uint64_t pa);

/* Reports an uncorrected, recoverable memory error at guest physical
 * address `pa`.  Returns 0 when the record is in the block (then raise the
 * source's notification, an SCI here), 1 when the OS has not consumed the
 * previous record yet (retry later or drop), -1 on failure. */
int report_memory_error(void *vm, uint64_t pa)
{
	const struct hest_guest_mem mem = { vm, guest_read, guest_write };
	const struct hest_ghes_target target = {
		.register_address = HEST_SRC_MEMORY_REGISTER_ADDR,
		.read_ack_address = HEST_SRC_MEMORY_READ_ACK_ADDR,
		.read_ack_preserve = HEST_SRC_MEMORY_READ_ACK_PRESERVE,
		.read_ack_write = HEST_SRC_MEMORY_READ_ACK_WRITE,
		.block_length = HEST_SRC_MEMORY_BLOCK_SIZE,
		.block_address = HEST_SRC_MEMORY_BLOCK_ADDR,
	};
	struct hest_cper_block block;
	struct hest_buf bytes;
	struct hest_diags diags;
	struct hest_ghes_report report;
	int rc = -1;

	hest_diags_init(&diags);
	hest_buf_init(&bytes);
	if (hest_cper_block_init(&block, HEST_CPER_STATUS_BLOCK) < 0)
		return -1;
	hest_cper_set(&block.head, "severity", 0); /* recoverable */
	struct hest_cper_section *s = hest_cper_add_section(&block, HEST_CPER_MEMORY);
	if (s && hest_cper_set(&s->header, "flags", 0x1) == 0 &&  /* primary */
	    hest_cper_set(&s->body, "physical_address", pa) == 0 &&  /* sets its validation bit */
	    hest_cper_set(&s->body, "physical_address_mask", ~0xfffull) == 0 &&
	    hest_cper_set(&s->body, "error_type", 3) == 0 &&  /* multi-bit ECC */
	    hest_cper_encode(&block, &bytes, NULL, &diags) == 0) {
		hest_ghes_write_record(&mem, &target, bytes.p, bytes.len, &report);
		rc = report.status == HEST_GHES_WRITTEN ? 0 : report.status == HEST_GHES_BUSY ? 1 : -1;
	}
	hest_cper_block_free(&block);
	hest_buf_free(&bytes);
	hest_diags_free(&diags);
	return rc;
}
/* END DOC */

/* --- the simulated guest ------------------------------------------------ */

struct ram {
	uint64_t base;
	uint8_t *p;
	size_t len;
};

int guest_read(void *vm, uint64_t gpa, void *buf, size_t len)
{
	struct ram *r = vm;
	if (gpa < r->base || gpa - r->base > r->len || len > r->len - (gpa - r->base))
		return -1;
	memcpy(buf, r->p + (gpa - r->base), len);
	return 0;
}

int guest_write(void *vm, uint64_t gpa, const void *buf, size_t len)
{
	struct ram *r = vm;
	if (gpa < r->base || gpa - r->base > r->len || len > r->len - (gpa - r->base))
		return -1;
	memcpy(r->p + (gpa - r->base), buf, len);
	return 0;
}

static uint64_t block_pa(const struct ram *r)
{
	struct hest_cper_block b;
	struct hest_diags d;
	uint64_t pa = 0;
	hest_diags_init(&d);
	if (hest_cper_decode(&b, r->p + (HEST_SRC_MEMORY_BLOCK_ADDR - r->base), HEST_SRC_MEMORY_BLOCK_SIZE,
			     HEST_CPER_STATUS_BLOCK, "block", &d) == 0 && b.nsec == 1)
		hest_cper_get(&b.sec[0].body, "physical_address", &pa);
	hest_cper_block_free(&b);
	hest_diags_free(&d);
	return pa;
}

int main(void)
{
	const char *top = getenv("top_srcdir");
	char path[1024];
	snprintf(path, sizeof(path), "%s/tests/golden/placement/fixed-vmm/hardware_errors.bin", top ? top : ".");
	struct ram ram = { HEST_LAYOUT_BASE, calloc(1, HEST_LAYOUT_BLOB_SIZE), HEST_LAYOUT_BLOB_SIZE };
	FILE *f = fopen(path, "rb");
	size_t got = f && ram.p ? fread(ram.p, 1, ram.len, f) : 0;
	if (f)
		fclose(f);
	tap_ok(got == HEST_LAYOUT_BLOB_SIZE, "hardware_errors.bin (%zu bytes) loaded at 0x%llx", got,
	       (unsigned long long)HEST_LAYOUT_BASE);
	const struct hest_ghes_target os = {
		.register_address = HEST_SRC_MEMORY_REGISTER_ADDR,
		.read_ack_address = HEST_SRC_MEMORY_READ_ACK_ADDR,
		.read_ack_preserve = HEST_SRC_MEMORY_READ_ACK_PRESERVE,
		.read_ack_write = HEST_SRC_MEMORY_READ_ACK_WRITE,
	};
	const struct hest_guest_mem mem = { &ram, guest_read, guest_write };
	tap_ok(report_memory_error(&ram, 0x12345000) == 0, "first error: written");
	tap_ok(block_pa(&ram) == 0x12345000, "the 'memory' block holds it (physical_address 0x12345000)");
	tap_ok(report_memory_error(&ram, 0x6789a000) == 1, "second error before the OS acknowledged: busy");
	tap_ok(block_pa(&ram) == 0x12345000, "the first record is untouched");
	tap_ok(hest_ghes_os_acknowledge(&mem, &os) == 0, "the OS reads the block and acknowledges (Linux's way)");
	tap_ok(report_memory_error(&ram, 0x6789a000) == 0 && block_pa(&ram) == 0x6789a000,
	       "second error after the acknowledgement: written");
	free(ram.p);
	return tap_done();
}
