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
int hestc_cmd_inject(int argc, char **argv);
/* hestc cper --random (hestc_cper_random.c) */
struct hest_cper_random_options;
int hestc_cper_random_kinds(const char *list, uint32_t *kinds);
int hestc_cper_random(uint64_t seed, uint64_t count, const struct hest_cper_random_options *o, uint64_t block_size,
		      const char *out, bool quiet);

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
/* An output whose bytes already exist in the context (the table itself):
 * written from there, not copied. */
typedef const uint8_t *(*emit_view_fn)(const struct emit_ctx *c, size_t *len);

struct emitter {
	const char *kind; /* --emit name; several rows may share one (loader: .bin + .txt) */
	const char *file; /* name inside OUTDIR */
	emit_fn fn;
	const char *doc;
	/* NULL = always applies; else whether this output exists for the model
	 * (e.g. a loader script only with linker-loader placement).  `--emit all`
	 * takes the rows that apply; naming one that does not is an error. */
	const char *(*not_applicable)(const struct hest_model *m);
	emit_view_fn view; /* instead of fn */
};

const struct emitter *hestc_emitters(size_t *n);
/* The rows for BERT and EINJ descriptions (the same --emit kinds where they
 * apply; "table" is the table itself). */
const struct emitter *hestc_apei_emitters(size_t *n);

/* One output's bytes: p/len, which point into buf or, for a view, into the
 * context.  buf is always to be freed (hest_buf_free), also after -1. */
struct emit_result {
	const uint8_t *p;
	size_t len;
	struct hest_buf buf;
};
/* Runs e for c.  Returns 0, or -1 as the emitter did (r->buf.oom: out of
 * memory).  With a sink, the output goes there as it is produced (a view's
 * bytes too) and p/len are left empty; -1 with r->buf.sink_failed when the
 * sink refused bytes. */
int hestc_emit(const struct emitter *e, const struct emit_ctx *c, hest_buf_sink_fn sink, void *sink_ctx,
	       struct emit_result *r);

#endif
