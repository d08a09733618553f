/* hestval validate OUTDIR: a hestc output directory (hestc compile -o OUTDIR
 * --emit all) validated as the VMM would serve it, the fw_cfg names taken
 * from its hest-layout.json. */
#ifndef HESTC_HESTVAL_OUTDIR_H
#define HESTC_HESTVAL_OUTDIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <hest/diag.h>
#include <hest/loader.h>

#define OUTDIR_MAX_BLOBS 4

struct outdir_blob {
	char *name;    /* fw_cfg name, from hest-layout.json */
	char *path;    /* the file it was read from (the JSON for supplied zeros) */
	uint8_t *data; /* owned until taken (set to NULL) */
	size_t len;
	bool writable; /* a WRITE_POINTER target: 8 zero bytes, registered writable */
};

struct outdir {
	char *json;   /* DIR/hest-layout.json */
	bool loader;  /* linker-loader placement: run `script` over the blobs */
	char *table;  /* otherwise the table to validate: DIR/hest.aml */
	char *script; /* DIR/table-loader.bin */
	char *tables_blob;
	struct outdir_blob v[OUTDIR_MAX_BLOBS];
	size_t n;
};

/* 1 when DIR holds no hest-layout.json (not a hestc output directory);
 * 0 with *o filled (and a note in d for the supplied writable files); -1
 * after printing why (a file the layout implies is missing, a layout that
 * cannot be read). */
int outdir_read(const char *prog, const char *dir, struct outdir *o, struct hest_diags *d);
/* -1 (printed) when the script names a fw_cfg file the layout does not:
 * the outputs were renamed or come from different compiles. */
int outdir_check_script(const char *prog, const struct outdir *o, const struct hest_loader *l);
void outdir_free(struct outdir *o);

#endif
