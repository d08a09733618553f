/* Loader scripts: listing <-> binary round trip, and one test per fault the
 * simulator reports (each asserting its rule id). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/hest.h>
#include <hest/loader.h>
#include "tap.h"

static uint8_t tables[256], blob[64], blob2[64], addr_file[8];

static const struct hest_blob blobs[] = {
	{ "etc/acpi/tables", tables, sizeof(tables), HEST_BLOB_ACCESS_UNKNOWN },
	{ "etc/hardware_errors", blob, sizeof(blob), HEST_BLOB_ACCESS_UNKNOWN },
	{ "etc/other", blob2, sizeof(blob2), HEST_BLOB_ACCESS_UNKNOWN },
	{ "etc/hardware_errors_addr", addr_file, sizeof(addr_file), HEST_BLOB_WRITABLE },
	{ "etc/empty", blob, 0, HEST_BLOB_ACCESS_UNKNOWN },
	{ "etc/ro_addr", addr_file, sizeof(addr_file), HEST_BLOB_READ_ONLY },
	{ "etc/any_addr", addr_file, sizeof(addr_file), HEST_BLOB_ACCESS_UNKNOWN },
};
/* options: arenas (and placements) for one firmware */
#define OPTS(high, fseg, fend, place, n, fw) (&(struct hest_sim_options){ high, fseg, fend, place, n, fw, NULL, 0 })
#define UEFI OPTS(0x7f000000u, 0xe0000u, 0x100000u, NULL, 0, HEST_FW_UEFI)
#define NBLOBS (sizeof(blobs) / sizeof(blobs[0]))

static bool has_rule(const struct hest_diags *d, const char *rule, enum hest_severity sev)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].rule && strcmp(d->v[i].rule, rule) == 0 && d->v[i].severity == sev)
			return true;
	return false;
}

static void dump(const struct hest_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		char *s = hest_diag_format(&d->v[i]);
		printf("#   %s\n", s ? s : "?");
		free(s);
	}
}

/* Runs a listing; checks whether `rule` is reported with `sev` (rule NULL:
 * expects a clean run). */
static void run(const char *what, const char *listing, const char *rule, enum hest_severity sev,
		const struct hest_sim_options *o)
{
	struct hest_loader l;
	struct hest_diags d;
	struct hest_sim sim;
	hest_loader_init(&l);
	hest_diags_init(&d);
	int prc = hest_loader_parse_text(listing, strlen(listing), "t.txt", &l, &d);
	int rc = prc == 0 ? hest_loader_simulate(&l, blobs, NBLOBS, o, "t.txt", &sim, &d) : -1;
	if (!rule)
		tap_ok(rc == 0 && d.n == 0, "%s: runs cleanly", what);
	else
		tap_ok(has_rule(&d, rule, sev) && (sev != HEST_SEV_ERROR || rc < 0), "%s: reports %s", what, rule);
	if ((rule && !has_rule(&d, rule, sev)) || (!rule && d.n))
		dump(&d);
	if (prc == 0)
		hest_sim_free(&sim);
	hest_loader_free(&l);
	hest_diags_free(&d);
}

static const char good[] =
	"ALLOCATE file=\"etc/acpi/tables\" align=64 zone=high\n"
	"ALLOCATE file=\"etc/hardware_errors\" align=8 zone=high  # trailing comment\n"
	"ADD_POINTER dest=\"etc/hardware_errors\" offset=0x0 size=8 src=\"etc/hardware_errors\"\n"
	"WRITE_POINTER dest=\"etc/hardware_errors_addr\" offset=0 size=8 src=\"etc/hardware_errors\" src_offset=0\n"
	"ADD_POINTER dest=\"etc/acpi/tables\" offset=0x40 size=8 src=\"etc/hardware_errors\"\n"
	"ADD_CHECKSUM file=\"etc/acpi/tables\" offset=9 start=0 length=256\n";

static void test_roundtrip(void)
{
	struct hest_loader a, b;
	struct hest_diags d;
	struct hest_buf bin, txt, bin2;
	hest_loader_init(&a);
	hest_loader_init(&b);
	hest_diags_init(&d);
	hest_buf_init(&bin);
	hest_buf_init(&txt);
	hest_buf_init(&bin2);
	int rc = hest_loader_parse_text(good, strlen(good), "t.txt", &a, &d);
	tap_ok(rc == 0 && a.n == 6, "listing parses into 6 commands");
	hest_loader_encode(&a, &bin);
	tap_ok(bin.len == 6 * 128, "binary form is 6 x 128 bytes");
	tap_ok(bin.p[0] == 1 && bin.p[128] == 1 && bin.p[256] == 2 && bin.p[384] == 4 && bin.p[640] == 3,
	       "command numbers ALLOCATE=1 ADD_POINTER=2 WRITE_POINTER=4 ADD_CHECKSUM=3");
	tap_ok(memcmp(bin.p + 4, "etc/acpi/tables", 16) == 0 && bin.p[60] == 64 && bin.p[64] == 1,
	       "ALLOCATE: name at 4, align at 60, zone at 64");
	tap_ok(bin.p[256 + 116] == 0 && bin.p[256 + 120] == 8 && memcmp(bin.p + 256 + 60, "etc/hardware_errors", 20) == 0,
	       "ADD_POINTER: src at 60, offset at 116, size at 120");
	tap_ok(bin.p[640 + 60] == 9 && bin.p[640 + 68] == 0 && bin.p[640 + 69] == 1,
	       "ADD_CHECKSUM: offset at 60, start at 64, length at 68");
	tap_ok(bin.p[384 + 124] == 8, "WRITE_POINTER: size at 124");
	hest_loader_format(&a, &txt);
	rc = hest_loader_parse_text((const char *)txt.p, txt.len, "t2.txt", &b, &d);
	hest_loader_encode(&b, &bin2);
	tap_ok(rc == 0 && bin2.len == bin.len && memcmp(bin.p, bin2.p, bin.len) == 0,
	       "format -> parse -> encode gives the same bytes");
	hest_loader_free(&b);
	hest_loader_init(&b);
	rc = hest_loader_decode(bin.p, bin.len, "t.bin", &b, &d);
	hest_buf_free(&bin2);
	hest_buf_init(&bin2);
	hest_loader_encode(&b, &bin2);
	tap_ok(rc == 0 && bin2.len == bin.len && memcmp(bin.p, bin2.p, bin.len) == 0, "decode -> encode is identity");
	rc = hest_loader_decode(bin.p, bin.len - 3, "t.bin", &b, &d);
	tap_ok(rc < 0 && has_rule(&d, "LOADER-SIZE", HEST_SEV_ERROR), "a truncated script reports LOADER-SIZE");
	hest_buf_free(&bin);
	hest_buf_free(&bin2);
	hest_buf_free(&txt);
	hest_loader_free(&a);
	hest_loader_free(&b);
	hest_diags_free(&d);
}

static void test_syntax(void)
{
	static const char *const bad[] = {
		"ALLOCATE file=\"x\" align=8\n",                        /* missing zone */
		"ALLOCATE file=\"x\" align=8 zone=high zone=high\n",   /* twice */
		"ALLOCATE file=x align=8 zone=high\n",                 /* unquoted */
		"ALLOCATE file=\"x\" align=0x100000000 zone=high\n",   /* too big */
		"ALLOCATED file=\"x\" align=8 zone=high\n",            /* unknown command */
		"ALLOCATE file=\"x\" align=8 zone=high colour=red\n",  /* unknown key */
		"ALLOCATE file=\"0123456789012345678901234567890123456789012345678901234567\" align=8 zone=high\n",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct hest_loader l;
		struct hest_diags d;
		hest_loader_init(&l);
		hest_diags_init(&d);
		int rc = hest_loader_parse_text(bad[i], strlen(bad[i]), "s.txt", &l, &d);
		tap_ok(rc < 0 && d.n == 1 && d.v[0].loc.line == 1 && d.v[0].loc.col >= 1 &&
			       strcmp(d.v[0].rule, "LOADER-SYNTAX") == 0,
		       "syntax error %zu reported with line:col (%s)", i, d.n ? d.v[0].message : "none");
		hest_loader_free(&l);
		hest_diags_free(&d);
	}
}

/* A table "TABL" of `len` bytes at `at` of `tables`, its checksum byte
 * holding `cksum` (0: as QEMU serves it; else as a checksum-valid file). */
static void put_table(size_t at, const char *sig, uint32_t len, bool valid)
{
	memset(tables + at, 0x11, len);
	memcpy(tables + at, sig, 4);
	hest_put_le(tables + at + 4, 4, len);
	tables[at + 9] = 0;
	if (valid)
		tables[at + 9] = (uint8_t)(0u - hest_byte_sum(tables + at, len));
}

/* Runs `listing` under one firmware; the simulator state goes to *sim. */
static int sim_run(const char *listing, const struct hest_sim_options *o, struct hest_sim *sim, struct hest_diags *d)
{
	struct hest_loader l;
	hest_loader_init(&l);
	hest_diags_init(d);
	int rc = hest_loader_parse_text(listing, strlen(listing), "u.txt", &l, d);
	if (rc == 0)
		rc = hest_loader_simulate(&l, blobs, NBLOBS, o, "u.txt", sim, d);
	else
		memset(sim, 0, sizeof(*sim));
	hest_loader_free(&l);
	return rc;
}

static const struct hest_sim_file *file_of(const struct hest_sim *sim, const char *name)
{
	return hest_sim_find(sim, name);
}

static void test_uefi(void)
{
	/* QEMU's shape: the tables blob, a pointer in another file at each
	 * table (its XSDT), the checksum after the pointers */
	static const char script[] =
		"ALLOCATE file=\"etc/acpi/tables\" align=64 zone=high\n"
		"ALLOCATE file=\"etc/hardware_errors\" align=8 zone=high\n"
		"ADD_POINTER dest=\"etc/acpi/tables\" offset=0x60 size=8 src=\"etc/hardware_errors\"\n"
		"ADD_CHECKSUM file=\"etc/acpi/tables\" offset=0x49 start=0x40 length=0x40\n"
		"ADD_POINTER dest=\"etc/hardware_errors\" offset=0 size=8 src=\"etc/acpi/tables\"\n"
		"ADD_POINTER dest=\"etc/hardware_errors\" offset=8 size=8 src=\"etc/acpi/tables\"\n";
	struct hest_sim sim;
	struct hest_diags d;
	memset(tables, 0, sizeof(tables));
	memset(blob, 0, sizeof(blob));
	put_table(0x40, "TABL", 0x40, false);
	hest_put_le(tables + 0x60, 8, 0x20); /* a pointer inside the table into etc/hardware_errors */
	hest_put_le(blob, 8, 0x40);          /* "XSDT entries": the table, twice */
	hest_put_le(blob + 8, 8, 0x40);
	tables[0x49] = 0;
	int rc = sim_run(script, UEFI, &sim, &d);
	const struct hest_sim_file *t = file_of(&sim, "etc/acpi/tables"), *b = file_of(&sim, "etc/hardware_errors");
	tap_ok(rc == 0 && d.n == 0 && sim.ntables == 1 && t && hest_sim_installed(&sim, t, 0x40) &&
		       strcmp(sim.tables[0].signature, "TABL") == 0 && sim.tables[0].length == 0x40,
	       "OVMF/AAVMF: a table served with checksum byte 0 and pointed at twice is installed once");
	tap_ok(t && hest_byte_sum(t->data + 0x40, 0x40) == 0 && t->addr % 4096 == 0 && b && b->addr % 4096 == 0,
	       "OVMF/AAVMF: its checksum is valid after ADD_CHECKSUM stored it; files take whole pages");
	tap_ok(t && t->freed && b && !b->freed,
	       "OVMF/AAVMF: the file holding only tables is freed, the one a pointer reaches elsewhere is kept");
	hest_sim_free(&sim);
	hest_diags_free(&d);

	/* the same with a checksum-valid table: SeaBIOS fine, UEFI drops it */
	put_table(0x40, "TABL", 0x40, true);
	hest_put_le(tables + 0x60, 8, 0x20);
	tables[0x49] = 0;
	tables[0x49] = (uint8_t)(0u - hest_byte_sum(tables + 0x40, 0x40));
	rc = sim_run(script, NULL, &sim, &d);
	t = file_of(&sim, "etc/acpi/tables");
	tap_ok(rc == 0 && d.n == 0 && t && hest_byte_sum(t->data + 0x40, 0x40) == 0,
	       "SeaBIOS: a checksum byte that is not 0 beforehand does not matter (it subtracts)");
	hest_sim_free(&sim);
	hest_diags_free(&d);
	rc = sim_run(script, UEFI, &sim, &d);
	t = file_of(&sim, "etc/acpi/tables");
	tap_ok(rc < 0 && has_rule(&d, "LOADER-CHECKSUM-NONZERO", HEST_SEV_ERROR) && sim.ntables == 0 &&
		       !sim.rolled_back && t && hest_byte_sum(t->data + 0x40, 0x40) != 0,
	       "OVMF/AAVMF: the same table sums to non-zero after the script, is not installed, and says why");
	if (!has_rule(&d, "LOADER-CHECKSUM-NONZERO", HEST_SEV_ERROR))
		dump(&d);
	tap_ok(!has_rule(&d, "LOADER-CHECKSUM-STALE", HEST_SEV_ERROR), "... without also calling it stale");
	hest_sim_free(&sim);
	hest_diags_free(&d);

	/* nothing points at the table */
	tables[0x49] = 0;
	memset(blob, 0, 16);
	rc = sim_run(script, UEFI, &sim, &d);
	tap_ok(rc == 0 && sim.ntables == 0, "OVMF/AAVMF: a table no pointer reaches is not installed");
	hest_sim_free(&sim);
	hest_diags_free(&d);
	struct hest_sim_target xsdt = { "etc/acpi/tables", 0x40 };
	struct hest_sim_options assume = { 0x7f000000u, 0xe0000u, 0x100000u, NULL, 0, HEST_FW_UEFI, &xsdt, 1 };
	rc = sim_run(script, &assume, &sim, &d);
	t = file_of(&sim, "etc/acpi/tables");
	tap_ok(rc == 0 && sim.ntables == 1 && sim.tables[0].entry == SIZE_MAX && hest_sim_installed(&sim, t, 0x40),
	       "OVMF/AAVMF: an assumed pointer (the rest of the VMM's script) installs it");
	hest_sim_free(&sim);
	hest_diags_free(&d);

	/* FACS (its own header, no checksum) and XSDT (never installed) */
	memset(tables, 0, sizeof(tables));
	memcpy(tables, "FACS", 4);
	hest_put_le(tables + 4, 4, 64);
	put_table(0x40, "XSDT", 0x28, true);
	hest_put_le(blob, 8, 0);
	hest_put_le(blob + 8, 8, 0x40);
	rc = sim_run("ALLOCATE file=\"etc/acpi/tables\" align=64 zone=high\n"
		     "ALLOCATE file=\"etc/hardware_errors\" align=8 zone=high\n"
		     "ADD_POINTER dest=\"etc/hardware_errors\" offset=0 size=8 src=\"etc/acpi/tables\"\n"
		     "ADD_POINTER dest=\"etc/hardware_errors\" offset=8 size=8 src=\"etc/acpi/tables\"\n",
		     UEFI, &sim, &d);
	tap_ok(rc == 0 && sim.ntables == 1 && strcmp(sim.tables[0].signature, "FACS") == 0,
	       "OVMF/AAVMF: a FACS is installed by its own header; an XSDT is not (the firmware builds its own)");
	hest_sim_free(&sim);
	hest_diags_free(&d);

	/* any error rolls everything back and revokes WRITE_POINTERs */
	memset(tables, 0, sizeof(tables));
	memset(blob, 0, sizeof(blob));
	put_table(0x40, "TABL", 0x40, false);
	hest_put_le(blob, 8, 0x40);
	rc = sim_run("ALLOCATE file=\"etc/acpi/tables\" align=64 zone=high\n"
		     "ALLOCATE file=\"etc/hardware_errors\" align=8 zone=high\n"
		     "WRITE_POINTER dest=\"etc/hardware_errors_addr\" offset=0 size=8 src=\"etc/hardware_errors\" "
		     "src_offset=0\n"
		     "ADD_POINTER dest=\"etc/hardware_errors\" offset=0 size=8 src=\"etc/acpi/tables\"\n"
		     "ADD_CHECKSUM file=\"etc/acpi/tables\" offset=0x49 start=0x40 length=0x40\n"
		     "ALLOCATE file=\"etc/nope\" align=8 zone=high\n",
		     UEFI, &sim, &d);
	tap_ok(rc < 0 && sim.rolled_back && sim.ntables == 0 && sim.nwrites == 1 && sim.writes[0].value == 0 &&
		       sim.nfiles == 2 && sim.files[0].freed && sim.files[1].freed,
	       "OVMF/AAVMF: an unknown file rolls back the whole script: no table, files freed, address revoked");
	hest_sim_free(&sim);
	hest_diags_free(&d);
	rc = sim_run("ALLOCATE file=\"etc/other\" align=8 zone=high\n"
		     "WRITE_POINTER dest=\"etc/ro_addr\" offset=0 size=8 src=\"etc/other\" src_offset=0\n"
		     "ALLOCATE file=\"etc/nope\" align=8 zone=high\n",
		     UEFI, &sim, &d);
	tap_ok(rc < 0 && sim.halted && !has_rule(&d, "LOADER-UNKNOWN-FILE", HEST_SEV_ERROR),
	       "OVMF/AAVMF: a write to a read-only file halts the firmware: nothing after it runs");
	hest_sim_free(&sim);
	hest_diags_free(&d);
	/* a pointer narrower than 8 bytes: UEFI keeps its pointee below 4 GiB, no fault where SeaBIOS has one */
	memset(blob2, 0, sizeof(blob2));
	rc = sim_run("ALLOCATE file=\"etc/other\" align=8 zone=high\n"
		     "ADD_POINTER dest=\"etc/other\" offset=0 size=4 src=\"etc/other\"\n",
		     OPTS(0x100000000ull, 0xe0000u, 0x100000u, NULL, 0, HEST_FW_UEFI), &sim, &d);
	t = file_of(&sim, "etc/other");
	tap_ok(rc == 0 && t && t->addr + t->len <= 0x100000000ull,
	       "OVMF/AAVMF: a file a 4-byte pointer points into is allocated below 4 GiB");
	hest_sim_free(&sim);
	hest_diags_free(&d);
	memset(tables, 0, sizeof(tables));
	memset(blob, 0, sizeof(blob));
}

int main(void)
{
	memset(tables, 0, sizeof(tables));
	memset(blob, 0, sizeof(blob));
	test_roundtrip();
	test_syntax();
	run("a well-formed script", good, NULL, HEST_SEV_ERROR, NULL);
	run("an unknown file", "ALLOCATE file=\"etc/nope\" align=8 zone=high\n", "LOADER-UNKNOWN-FILE",
	    HEST_SEV_ERROR, NULL);
	run("an empty file", "ALLOCATE file=\"etc/empty\" align=8 zone=high\n", "LOADER-UNKNOWN-FILE", HEST_SEV_ERROR,
	    NULL);
	run("use before ALLOCATE",
	    "ALLOCATE file=\"etc/acpi/tables\" align=64 zone=high\n"
	    "ADD_POINTER dest=\"etc/acpi/tables\" offset=0 size=8 src=\"etc/hardware_errors\"\n",
	    "LOADER-UNALLOCATED", HEST_SEV_ERROR, NULL);
	run("ALLOCATE twice",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\nALLOCATE file=\"etc/other\" align=8 zone=high\n",
	    "LOADER-DOUBLE-ALLOC", HEST_SEV_ERROR, NULL);
	run("non-power-of-two alignment", "ALLOCATE file=\"etc/other\" align=24 zone=high\n", "LOADER-ALIGN",
	    HEST_SEV_ERROR, NULL);
	run("SeaBIOS: alignment above 4096", "ALLOCATE file=\"etc/other\" align=8192 zone=high\n", NULL,
	    HEST_SEV_ERROR, NULL);
	run("OVMF/AAVMF: alignment above 4096", "ALLOCATE file=\"etc/other\" align=8192 zone=high\n", "LOADER-ALIGN",
	    HEST_SEV_ERROR, UEFI);
	run("OVMF/AAVMF: alignment 24 (whole pages anyway)", "ALLOCATE file=\"etc/other\" align=24 zone=high\n", NULL,
	    HEST_SEV_ERROR, UEFI);
	run("OVMF/AAVMF: zone 3 (ignored)", "ALLOCATE file=\"etc/other\" align=8 zone=3\n", NULL, HEST_SEV_ERROR,
	    UEFI);
	run("zone 3", "ALLOCATE file=\"etc/other\" align=8 zone=3\n", "LOADER-ZONE", HEST_SEV_ERROR, NULL);
	run("pointer past the end",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\n"
	    "ADD_POINTER dest=\"etc/other\" offset=60 size=8 src=\"etc/other\"\n",
	    "LOADER-BOUNDS", HEST_SEV_ERROR, NULL);
	run("pointer size 3",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\n"
	    "ADD_POINTER dest=\"etc/other\" offset=0 size=3 src=\"etc/other\"\n",
	    "LOADER-POINTER-SIZE", HEST_SEV_ERROR, NULL);
	run("4-byte pointer to a high address",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\n"
	    "ADD_POINTER dest=\"etc/other\" offset=0 size=4 src=\"etc/other\"\n",
	    "LOADER-POINTER-SIZE", HEST_SEV_ERROR,
	    OPTS(0x100000000ull, 0xe0000u, 0x100000u, NULL, 0, HEST_FW_SEABIOS));
	run("checksum range past the end",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\n"
	    "ADD_CHECKSUM file=\"etc/other\" offset=9 start=0 length=65\n",
	    "LOADER-BOUNDS", HEST_SEV_ERROR, NULL);
	run("checksum byte past the end",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\n"
	    "ADD_CHECKSUM file=\"etc/other\" offset=64 start=0 length=64\n",
	    "LOADER-BOUNDS", HEST_SEV_ERROR, NULL);
	run("pointer patched after its checksum",
	    "ALLOCATE file=\"etc/acpi/tables\" align=64 zone=high\n"
	    "ALLOCATE file=\"etc/hardware_errors\" align=8 zone=high\n"
	    "ADD_CHECKSUM file=\"etc/acpi/tables\" offset=9 start=0 length=256\n"
	    "ADD_POINTER dest=\"etc/acpi/tables\" offset=0x40 size=8 src=\"etc/hardware_errors\"\n",
	    "LOADER-CHECKSUM-STALE", HEST_SEV_ERROR, NULL);
	struct hest_sim_place clash[] = { { "etc/other", 0x1000 }, { "etc/hardware_errors", 0x1020 } };
	run("overlapping placements",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\nALLOCATE file=\"etc/hardware_errors\" align=8 zone=high\n",
	    "LOADER-OVERLAP", HEST_SEV_ERROR, OPTS(0x7f000000u, 0xe0000u, 0x100000u, clash, 2, HEST_FW_SEABIOS));
	struct hest_sim_place odd[] = { { "etc/other", 0x1004 } };
	run("misaligned placement", "ALLOCATE file=\"etc/other\" align=8 zone=high\n", "LOADER-ALIGN", HEST_SEV_ERROR,
	    OPTS(0x7f000000u, 0xe0000u, 0x100000u, odd, 1, HEST_FW_SEABIOS));
	run("FSEG too small", "ALLOCATE file=\"etc/acpi/tables\" align=16 zone=fseg\n", "LOADER-FSEG-FULL",
	    HEST_SEV_ERROR, OPTS(0x7f000000u, 0xfff80u, 0x100000u, NULL, 0, HEST_FW_SEABIOS));
	tables[0xf8] = 0x80; /* the pointer's initial offset: past the 64-byte source */
	run("pointer offset outside its source",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\n"
	    "ALLOCATE file=\"etc/acpi/tables\" align=8 zone=high\n"
	    "ADD_POINTER dest=\"etc/acpi/tables\" offset=0xf8 size=8 src=\"etc/other\"\n",
	    "LOADER-POINTER-RANGE", HEST_SEV_WARNING, NULL);
	run("OVMF/AAVMF: pointer offset outside its source",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\n"
	    "ALLOCATE file=\"etc/acpi/tables\" align=8 zone=high\n"
	    "ADD_POINTER dest=\"etc/acpi/tables\" offset=0xf8 size=8 src=\"etc/other\"\n",
	    "LOADER-UEFI-POINTER-RANGE", HEST_SEV_ERROR, UEFI);
	tables[0xf8] = 0;
	run("unknown command", "UNKNOWN command=9\n", "LOADER-UNKNOWN-COMMAND", HEST_SEV_WARNING, NULL);
	run("WRITE_POINTER to an unknown file",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\n"
	    "WRITE_POINTER dest=\"etc/unknown_addr\" offset=0 size=8 src=\"etc/other\" src_offset=0\n",
	    "LOADER-WRITE-TARGET", HEST_SEV_WARNING, NULL);
	run("OVMF/AAVMF: WRITE_POINTER to an unknown file",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\n"
	    "WRITE_POINTER dest=\"etc/unknown_addr\" offset=0 size=8 src=\"etc/other\" src_offset=0\n",
	    "LOADER-UEFI-WRITE", HEST_SEV_ERROR, UEFI);
	run("SeaBIOS: WRITE_POINTER to a read-only file",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\n"
	    "WRITE_POINTER dest=\"etc/ro_addr\" offset=0 size=8 src=\"etc/other\" src_offset=0\n",
	    "LOADER-WRITE-READONLY", HEST_SEV_WARNING, NULL);
	run("OVMF/AAVMF: WRITE_POINTER to a read-only file",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\n"
	    "WRITE_POINTER dest=\"etc/ro_addr\" offset=0 size=8 src=\"etc/other\" src_offset=0\n",
	    "LOADER-UEFI-WRITE", HEST_SEV_ERROR, UEFI);
	run("OVMF/AAVMF: WRITE_POINTER to a file not known to be writable",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\n"
	    "WRITE_POINTER dest=\"etc/any_addr\" offset=0 size=8 src=\"etc/other\" src_offset=0\n",
	    "LOADER-WRITE-ACCESS", HEST_SEV_NOTE, UEFI);
	run("WRITE_POINTER past its target",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\n"
	    "WRITE_POINTER dest=\"etc/hardware_errors_addr\" offset=4 size=8 src=\"etc/other\" src_offset=0\n",
	    "LOADER-BOUNDS", HEST_SEV_ERROR, NULL);

	/* names not terminated inside the 56-byte field (binary only) */
	uint8_t raw[128] = { 1 };
	memset(raw + 4, 'a', 56);
	raw[60] = 8;
	raw[64] = 1;
	struct hest_loader l;
	struct hest_diags d;
	struct hest_sim sim;
	hest_loader_init(&l);
	hest_diags_init(&d);
	hest_loader_decode(raw, sizeof(raw), "n.bin", &l, &d);
	int rc = hest_loader_simulate(&l, blobs, NBLOBS, NULL, "n.bin", &sim, &d);
	tap_ok(rc < 0 && has_rule(&d, "LOADER-NAME", HEST_SEV_ERROR) && d.v[0].loc.has_offset &&
		       d.v[0].loc.offset == 0,
	       "an unterminated name reports LOADER-NAME at offset 0x0");
	hest_sim_free(&sim);
	hest_loader_free(&l);
	hest_diags_free(&d);

	/* the simulator's memory view */
	hest_loader_init(&l);
	hest_diags_init(&d);
	hest_loader_parse_text(good, strlen(good), "t.txt", &l, &d);
	rc = hest_loader_simulate(&l, blobs, NBLOBS, NULL, "t.txt", &sim, &d);
	const struct hest_sim_file *b = hest_sim_find(&sim, "etc/hardware_errors");
	uint64_t v = 0;
	tap_ok(rc == 0 && b && hest_sim_read(&sim, b->addr, 8, &v) && v == b->addr,
	       "a register patched with its own blob's address reads back through hest_sim_read");
	tap_ok(sim.nwrites == 1 && sim.writes[0].value == b->addr && strcmp(sim.writes[0].file, "etc/hardware_errors_addr") == 0,
	       "WRITE_POINTER is recorded with the blob address");
	tap_ok(!hest_sim_read(&sim, 0x10, 8, &v), "reading unallocated memory fails");
	hest_sim_free(&sim);
	hest_loader_free(&l);
	hest_diags_free(&d);
	test_uefi();
	return tap_done();
}
