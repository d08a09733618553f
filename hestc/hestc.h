/* hestc front end: one file per subcommand, one row per output kind. */
#ifndef HESTC_HESTC_H
#define HESTC_HESTC_H

#include <stddef.h>
#include <stdint.h>
#include <hest/hest.h>

extern const char *const hestc_prog;

/* Subcommands: argv[0] is the subcommand name. */
int hestc_cmd_compile(int argc, char **argv);
int hestc_cmd_decompile(int argc, char **argv);
int hestc_cmd_schema(int argc, char **argv);
int hestc_cmd_cper(int argc, char **argv);

/* What an emitter sees: the compiled model and its table bytes. */
struct emit_ctx {
	struct hest_model *m;
	const uint8_t *table;
	size_t tablelen;
	struct hest_diags *d;
	const char *origin; /* the description's file name */
};

/* Writes one output file's bytes into out.  Returns 0, or -1 with a
 * diagnostic in c->d. */
typedef int (*emit_fn)(const struct emit_ctx *c, struct hest_buf *out);

struct emitter {
	const char *kind; /* --emit name; several rows may share one (loader: .bin + .txt) */
	const char *file; /* name inside OUTDIR */
	emit_fn fn;
	const char *doc;
	/* NULL = always applies; else whether this output exists for the model
	 * (e.g. a loader script only with linker-loader placement).  `--emit all`
	 * takes the rows that apply; naming one that does not is an error. */
	const char *(*not_applicable)(const struct hest_model *m);
};

const struct emitter *hestc_emitters(size_t *n);

#endif
