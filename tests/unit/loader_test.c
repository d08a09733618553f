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
	{ "etc/acpi/tables", tables, sizeof(tables) },
	{ "etc/hardware_errors", blob, sizeof(blob) },
	{ "etc/other", blob2, sizeof(blob2) },
	{ "etc/hardware_errors_addr", addr_file, sizeof(addr_file) },
	{ "etc/empty", blob, 0 },
};
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
	run("alignment above 4096", "ALLOCATE file=\"etc/other\" align=8192 zone=high\n", "LOADER-ALIGN",
	    HEST_SEV_WARNING, NULL);
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
	    &(struct hest_sim_options){ 0x100000000ull, 0xe0000u, 0x100000u, NULL, 0 });
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
	    "LOADER-OVERLAP", HEST_SEV_ERROR, &(struct hest_sim_options){ 0x7f000000u, 0xe0000u, 0x100000u, clash, 2 });
	struct hest_sim_place odd[] = { { "etc/other", 0x1004 } };
	run("misaligned placement", "ALLOCATE file=\"etc/other\" align=8 zone=high\n", "LOADER-ALIGN", HEST_SEV_ERROR,
	    &(struct hest_sim_options){ 0x7f000000u, 0xe0000u, 0x100000u, odd, 1 });
	run("FSEG too small", "ALLOCATE file=\"etc/acpi/tables\" align=16 zone=fseg\n", "LOADER-FSEG-FULL",
	    HEST_SEV_ERROR, &(struct hest_sim_options){ 0x7f000000u, 0xfff80u, 0x100000u, NULL, 0 });
	tables[0xf8] = 0x80; /* the pointer's initial offset: past the 64-byte source */
	run("pointer offset outside its source",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\n"
	    "ALLOCATE file=\"etc/acpi/tables\" align=8 zone=high\n"
	    "ADD_POINTER dest=\"etc/acpi/tables\" offset=0xf8 size=8 src=\"etc/other\"\n",
	    "LOADER-POINTER-RANGE", HEST_SEV_WARNING, NULL);
	tables[0xf8] = 0;
	run("unknown command", "UNKNOWN command=9\n", "LOADER-UNKNOWN-COMMAND", HEST_SEV_WARNING, NULL);
	run("WRITE_POINTER to an unknown file",
	    "ALLOCATE file=\"etc/other\" align=8 zone=high\n"
	    "WRITE_POINTER dest=\"etc/unknown_addr\" offset=0 size=8 src=\"etc/other\" src_offset=0\n",
	    "LOADER-WRITE-TARGET", HEST_SEV_WARNING, NULL);
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
	return tap_done();
}
