/* Placement: every example with linker-loader placement is compiled,
 * its loader script executed by the simulator at two base addresses, and the
 * result checked the way firmware and the OS will see it. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/hest.h>
#include <hest/layout.h>
#include <hest/loader.h>
#include "tap.h"
#include "files.h"

struct compiled {
	struct hest_model m;
	uint8_t *table;
	size_t tablelen;
	struct hest_buf blob;
	struct hest_loader loader;
};

static int compile_file(const char *path, struct compiled *c)
{
	size_t len;
	char *text = (char *)tests_slurp(path, &len);
	struct hest_diags d;
	hest_diags_init(&d);
	memset(c, 0, sizeof(*c));
	hest_model_init(&c->m);
	hest_buf_init(&c->blob);
	hest_loader_init(&c->loader);
	int rc = -1;
	if (text && hest_desc_parse(&c->m, path, (const uint8_t *)text, len, &d) == 0 && hest_compile(&c->m, &d) == 0 &&
	    hest_encode_table(&c->m, &c->table, &c->tablelen, &d) == 0) {
		rc = 0;
		if (c->m.placement.mode == HEST_PLACE_LINKER_LOADER &&
		    (!hest_emit_blob(&c->m, &c->blob) || hest_build_loader(&c->m, c->tablelen, &c->loader, &d) < 0))
			rc = -1;
	}
	for (size_t i = 0; i < d.n; i++) {
		char *s = hest_diag_format(&d.v[i]);
		printf("# %s\n", s ? s : "?");
		free(s);
	}
	hest_diags_free(&d);
	free(text);
	return rc;
}

static void compiled_free(struct compiled *c)
{
	free(c->table);
	hest_buf_free(&c->blob);
	hest_loader_free(&c->loader);
	hest_model_free(&c->m);
}

/* The VMM's own script allocates the tables blob before ours (unless ours
 * is standalone). */
static int simulate(const struct compiled *c, uint64_t tables_at, uint64_t blob_at, enum hest_firmware fw,
		    struct hest_sim *sim)
{
	const struct hest_placement *p = &c->m.placement;
	struct hest_loader l;
	hest_loader_init(&l);
	if (!p->standalone) {
		struct hest_loader_entry e;
		memset(&e, 0, sizeof(e));
		e.command = HEST_LOADER_ALLOCATE;
		snprintf(e.file, sizeof(e.file), "%s", p->tables_blob);
		e.name_ok = e.src_ok = true;
		e.align = 64;
		e.zone = 1;
		hest_loader_push(&l, &e);
	}
	for (size_t i = 0; i < c->loader.n; i++)
		hest_loader_push(&l, &c->loader.v[i]);
	/* the tables blob as served: the HEST at table_offset, checksum byte 0 */
	struct hest_buf tables;
	hest_buf_init(&tables);
	hest_emit_tables_blob(&c->m, c->table, c->tablelen, &tables);
	uint8_t addr_file[8] = { 0 };
	struct hest_blob blobs[] = {
		{ p->tables_blob, tables.p, tables.len, HEST_BLOB_ACCESS_UNKNOWN },
		{ p->blob, c->blob.p, c->blob.len, HEST_BLOB_ACCESS_UNKNOWN },
		{ p->address_blob, addr_file, sizeof(addr_file), HEST_BLOB_WRITABLE },
		{ p->hest_address_blob, addr_file, sizeof(addr_file), HEST_BLOB_WRITABLE },
	};
	struct hest_sim_place place[] = { { p->tables_blob, tables_at }, { p->blob, blob_at } };
	/* a fragment's HEST is reached by the VMM's XSDT entry */
	struct hest_sim_target entry = { p->tables_blob, p->table_offset };
	struct hest_sim_options o = { 0x7f000000u, 0xe0000u, 0x100000u, place, 2, fw, &entry, p->standalone ? 0 : 1 };
	struct hest_diags d;
	hest_diags_init(&d);
	int rc = hest_loader_simulate(&l, blobs, p->hest_address_blob[0] ? 4 : 3, &o, "script", sim, &d);
	for (size_t i = 0; i < d.n; i++) {
		char *s = hest_diag_format(&d.v[i]);
		printf("# %s\n", s ? s : "?");
		free(s);
	}
	hest_diags_free(&d);
	hest_loader_free(&l);
	hest_buf_free(&tables);
	return rc;
}

static void check_loaded(const char *name, const struct compiled *c, uint64_t tables_at, uint64_t blob_at,
			 enum hest_firmware fw)
{
	struct hest_sim sim;
	int rc = simulate(c, tables_at, blob_at, fw, &sim);
	tap_ok(rc == 0, "%s @0x%llx, %s: the script runs without a fault", name, (unsigned long long)blob_at,
	       hest_firmware_title(fw));
	const struct hest_placement *p = &c->m.placement;
	const struct hest_sim_file *t = hest_sim_find(&sim, p->tables_blob);
	const struct hest_sim_file *b = hest_sim_find(&sim, p->blob);
	if (rc != 0 || !t || !b) {
		hest_sim_free(&sim);
		return;
	}
	if (fw == HEST_FW_UEFI)
		tap_ok(hest_sim_installed(&sim, t, p->table_offset) != NULL && !b->freed,
		       "%s: OVMF/AAVMF install the HEST and keep the region", name);
	const uint8_t *hest = t->data + p->table_offset;
	uint8_t sum = 0;
	for (size_t i = 0; i < c->tablelen; i++)
		sum = (uint8_t)(sum + hest[i]);
	tap_ok(sum == 0, "%s: HEST checksum valid after patching", name);
	int regs_ok = 1, blocks_ok = 1, acks_ok = 1, disjoint = 1;
	for (size_t i = 0; i < c->m.nsrc; i++) {
		const struct hest_source *s = &c->m.src[i];
		if (!s->layout.placed)
			continue;
		uint64_t gas = hest_get_le(hest + s->layout.gas_address_offset, 8);
		uint64_t reg_addr = b->addr + s->layout.register_offset;
		uint64_t block = 0;
		if (gas != reg_addr || !hest_sim_read(&sim, gas, 8, &block))
			regs_ok = 0;
		if (block != b->addr + s->layout.block_offset ||
		    block + s->layout.block_size > b->addr + b->len || block < b->addr)
			blocks_ok = 0;
		if (s->layout.has_read_ack &&
		    hest_get_le(hest + s->layout.read_ack_address_offset, 8) != b->addr + s->layout.read_ack_offset)
			acks_ok = 0;
		for (size_t j = 0; j < i; j++) {
			const struct hest_source_layout *o = &c->m.src[j].layout;
			if (o->placed && s->layout.block_offset < o->block_offset + o->block_size &&
			    o->block_offset < s->layout.block_offset + s->layout.block_size)
				disjoint = 0;
		}
	}
	tap_ok(regs_ok, "%s: every error status address points at its register", name);
	tap_ok(blocks_ok, "%s: every register points at its own block inside the blob", name);
	tap_ok(acks_ok, "%s: every read-ack GAS points at its read-ack register", name);
	tap_ok(disjoint, "%s: blocks do not overlap", name);
	if (p->write_pointer && p->address_blob[0])
		tap_ok(sim.nwrites == 1 && sim.writes[0].value == b->addr,
		       "%s: WRITE_POINTER sends the blob address back", name);
	hest_sim_free(&sim);
}

/* QEMU's own HEST goldens (tests/golden/qemu, copies of
 * ../shared/reference/qemu: the table after the firmware ran QEMU's script
 * with etc/hardware_errors at `blob_at`): each example, loaded there by
 * AAVMF's rules, installs exactly those bytes. */
static const struct {
	const char *example, *golden;
	uint64_t blob_at;
	size_t blob_len; /* etc/hardware_errors as QEMU sizes it */
} qemu_goldens[] = {
	{ "qemu-virt-arm64", "aarch64-virt-HEST.loaded", 0x46360000u, 2 * 8 + 2 * 8 + 2 * 1024 },
	{ "qemu-profile-hw-errors-addr", "HEST.aarch64-virt.v1-132B.bin", 0x43da0000u, 8 + 8 + 1024 },
	{ "qemu-profile-hest-addr", "HEST.aarch64-virt.v2-224B.bin", 0x43da0000u, 2 * 8 + 2 * 8 + 2 * 1024 },
	{ "qemu-profile-hest-addr", "aarch64-virt-HEST.loaded", 0x46360000u, 2 * 8 + 2 * 8 + 2 * 1024 },
	{ "qemu-profile-hest-addr-4k", "HEST.aarch64-virt.v3b-224B-4KiB.bin", 0x43da0000u, 2 * 8 + 2 * 8 + 2 * 4096 },
};

static void check_qemu_goldens(const char *top)
{
	for (size_t i = 0; i < sizeof(qemu_goldens) / sizeof(qemu_goldens[0]); i++) {
		char path[4096];
		struct compiled c;
		const char *ex = qemu_goldens[i].example;
		snprintf(path, sizeof(path), "%s/examples/%s.yaml", top, ex);
		if (compile_file(path, &c) < 0) {
			tap_ok(0, "%s compiles", ex);
			compiled_free(&c);
			continue;
		}
		tap_ok(c.blob.len == qemu_goldens[i].blob_len, "%s: hardware_errors is %zu bytes (QEMU: %zu)", ex,
		       c.blob.len, qemu_goldens[i].blob_len);
		struct hest_sim sim;
		int rc = simulate(&c, 0x47000000u, qemu_goldens[i].blob_at, HEST_FW_UEFI, &sim);
		const struct hest_sim_file *t = hest_sim_find(&sim, c.m.placement.tables_blob);
		snprintf(path, sizeof(path), "%s/tests/golden/qemu/%s", top, qemu_goldens[i].golden);
		size_t rlen = 0;
		char *ref = (char *)tests_slurp(path, &rlen);
		tap_ok(ref != NULL, "QEMU's golden %s is readable", path);
		tap_ok(rc == 0 && t && ref && rlen == c.tablelen && rlen <= t->len &&
			       memcmp(ref, t->data + c.m.placement.table_offset, rlen) == 0 &&
			       hest_sim_installed(&sim, t, c.m.placement.table_offset),
		       "%s: after AAVMF's loading with etc/hardware_errors at 0x%llx the installed HEST equals QEMU's %s "
		       "byte for byte",
		       ex, (unsigned long long)qemu_goldens[i].blob_at, qemu_goldens[i].golden);
		/* the address QEMU learns: the region's (before 10.2) or the HEST's (10.2) */
		const struct hest_placement *p = &c.m.placement;
		bool told = false;
		for (size_t w = 0; w < sim.nwrites; w++) {
			if (p->hest_address_blob[0] && strcmp(sim.writes[w].file, p->hest_address_blob) == 0)
				told = sim.writes[w].value == t->addr + p->table_offset;
			else if (p->write_pointer && p->address_blob[0] && strcmp(sim.writes[w].file, p->address_blob) == 0)
				told = sim.writes[w].value == qemu_goldens[i].blob_at;
		}
		tap_ok(sim.nwrites == 1 && told, "%s: one WRITE_POINTER, to '%s', with the %s's address", ex,
		       p->hest_address_blob[0] ? p->hest_address_blob : p->address_blob,
		       p->hest_address_blob[0] ? "HEST" : "region");
		free(ref);
		hest_sim_free(&sim);
		compiled_free(&c);
	}
}

/* Reserved ranges (hest_layout_reserved): the region and pinned blocks,
 * page-rounded and merged where they touch or overlap. */
static int compile_text(const char *text, struct hest_model *m)
{
	struct hest_diags d;
	hest_diags_init(&d);
	hest_model_init(m);
	int rc = hest_desc_parse(m, "reserved.yaml", (const uint8_t *)text, strlen(text), &d) == 0 &&
			 hest_compile(m, &d) == 0 ? 0 : -1;
	for (size_t i = 0; i < d.n && rc; i++) {
		char *s = hest_diag_format(&d.v[i]);
		printf("# %s\n", s ? s : "?");
		free(s);
	}
	hest_diags_free(&d);
	return rc;
}

static void check_reserved(void)
{
	static const char fixed[] =
		"target: { arch: x86_64 }\n"
		"placement: { mode: fixed, base: 0x10000010, block_size: 1KiB }\n"
		"sources:\n"
		"  - { name: a, type: ghes, id: 0, notification: { type: polled, poll_interval_ms: 100 }, block_address: 0x20000800 }\n"
		"  - { name: b, type: ghes, id: 1, notification: { type: polled, poll_interval_ms: 100 }, block_address: 0x20000000 }\n"
		"  - { name: c, type: ghes, id: 2, notification: { type: polled, poll_interval_ms: 100 }, block_address: 0x10001000 }\n"
		"  - { name: d, type: ghes, id: 3, notification: { type: polled, poll_interval_ms: 100 }, block_address: 0x30000ff8, error_block_length: 4KiB }\n"
		"  - { name: e, type: ghes, id: 4, notification: { type: polled, poll_interval_ms: 100 }, block_address: 0x20001000 }\n"
		"  - { name: f, type: ghes, id: 5, notification: { type: polled, poll_interval_ms: 100 } }\n";
	struct hest_model m;
	struct hest_reserved_range *r = NULL;
	size_t n = 0;
	tap_ok(compile_text(fixed, &m) == 0, "reserved: the fixed description with pinned blocks compiles");
	tap_ok(hest_layout_reserved(&m, &r, &n) == 0 && n == 3, "reserved: three merged ranges");
	if (n == 3) {
		/* region 0x10000010 + 48 bytes of registers + one 1 KiB block, and c's block in the next page */
		tap_ok(r[0].address == 0x10000000 && r[0].size == 0x2000 && r[0].has_region && r[0].parts == 2,
		       "reserved: the region and c's block in the following page merge into 0x10000000+0x2000");
		/* a, b in one page, e in the page after it (touching) */
		tap_ok(r[1].address == 0x20000000 && r[1].size == 0x2000 && !r[1].has_region && r[1].parts == 3,
		       "reserved: blocks b, a (one page) and e (the next page) merge into 0x20000000+0x2000");
		/* d straddles a page boundary: two pages */
		tap_ok(r[2].address == 0x30000000 && r[2].size == 0x2000 && r[2].parts == 1,
		       "reserved: a block across a page boundary reserves both pages");
	}
	free(r);
	hest_model_free(&m);

	static const char loader[] =
		"target: { arch: arm64 }\n"
		"placement: { mode: linker-loader }\n"
		"sources:\n"
		"  - { name: a, type: ghes-v2, id: 0, notification: { type: polled, poll_interval_ms: 100 } }\n";
	r = NULL;
	n = 1;
	tap_ok(compile_text(loader, &m) == 0 && hest_layout_reserved(&m, &r, &n) == 0 && n == 0 && r == NULL,
	       "reserved: nothing for the VMM with linker-loader placement (the firmware allocates the region)");
	hest_model_free(&m);
}

int main(void)
{
	const char *top = getenv("top_srcdir");
	if (!top)
		top = ".";
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/examples", top);
	DIR *dp = opendir(dir);
	tap_ok(dp != NULL, "examples directory %s", dir);
	if (!dp)
		return tap_done();
	char *names[512];
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(dp)) && n < 512) {
		size_t l = strlen(de->d_name);
		if (l > 5 && strcmp(de->d_name + l - 5, ".yaml") == 0)
			names[n++] = strdup(de->d_name);
	}
	closedir(dp);
	/* deterministic order */
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (strcmp(names[j], names[i]) < 0) {
				char *t = names[i];
				names[i] = names[j];
				names[j] = t;
			}
	size_t placed = 0;
	for (size_t i = 0; i < n; i++) {
		char path[8192];
		struct compiled c;
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (compile_file(path, &c) == 0 && c.m.placement.mode == HEST_PLACE_LINKER_LOADER) {
			placed++;
			for (int fw = 0; fw < HEST_FW_COUNT; fw++) {
				check_loaded(names[i], &c, 0x7ffe0000u, 0x7fff0000u, (enum hest_firmware)fw);
				check_loaded(names[i], &c, 0x3e000000u, 0x40000000u, (enum hest_firmware)fw);
			}
		}
		compiled_free(&c);
		free(names[i]);
	}
	tap_ok(placed >= 1, "%zu examples use linker-loader placement", placed);
	check_qemu_goldens(top);
	check_reserved();
	return tap_done();
}
