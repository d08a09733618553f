/* Round trip: a HEST back to a description, and a description to iasl's
 * data-table source.
 *
 * `hest_decompile` turns any HEST (the bytes of one table) into a YAML
 * description that `hestc compile` turns back into the same bytes.  What a
 * canonical description cannot say (non-zero reserved bytes, unknown flag
 * bits or enum values, a declared count, length or checksum that disagrees
 * with the table, bytes that are not a structure, bytes beyond the table's
 * length, OEM ids that are not text, repeated source ids) is kept through an
 * explicit key and reported as a warning at its table offset: nothing is
 * normalised silently.  docs/round-trip.md lists those keys.
 *
 * `hest_emit_dsl` writes the table as iasl (ACPICA 20200925) data-table
 * source.  iasl computes Table Length and Checksum itself and stamps its own
 * creator id and revision unless run with -z; everything else compiles to
 * the bytes hestc writes.  Content iasl cannot express (raw bytes, trailing
 * bytes, a wrong length or checksum, unknown flag bits, a non-zero field
 * iasl labels "Reserved", ids that are not printable ASCII) is an error; the AER Global flag, which iasl 20200925
 * cannot set (its HEST table reads the Global line as bit 0), is a warning. */
#ifndef HEST_DECOMPILE_H
#define HEST_DECOMPILE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <hest/buf.h>
#include <hest/diag.h>
#include <hest/model.h>

#ifdef __cplusplus
extern "C" {
#endif

struct hest_yaml_options {
	const char *origin; /* the input's name for the banner comment, or NULL */
	bool offsets;       /* "# 0x..." comments with each value's table offset */
};

/* Writes a description of `m`, a model whose header and source images are
 * the table's own bytes (as hest_decode_table leaves them, with bytes
 * beyond the table's length moved to m->trailing).  Every non-canonical
 * feature kept through an explicit key is reported as a warning at its
 * table offset (m->file names the input).  Returns 0, or -1 on allocation
 * failure (out->oom). */
int hest_emit_yaml(const struct hest_model *m, const struct hest_yaml_options *o, struct hest_buf *out,
		   struct hest_diags *d);

/* Decodes `len` bytes of a HEST (named `file` in diagnostics), writes its
 * description to `out` and checks that the description compiles back to
 * exactly those bytes.  Inputs that cannot be a HEST (shorter than its
 * 40-byte header, another signature) are errors.  Returns 0, or -1 with
 * diagnostics. */
int hest_decompile(const uint8_t *p, size_t len, const char *file, const struct hest_yaml_options *o,
		   struct hest_buf *out, struct hest_diags *d);

/* Writes iasl data-table source for a compiled model (`table`, `len`: the
 * bytes hest_encode_table produced for it).  Returns 0, or -1 with
 * diagnostics when iasl could not reproduce the table from source. */
/* hest_decompile of a BERT with its boot error region's bytes (`region:` in
 * the description, so that compiling it gives region_length and the region
 * blob back); an error for another table. */
int hest_decompile_region(const uint8_t *p, size_t len, const char *file, const uint8_t *region, size_t rlen,
			  const struct hest_yaml_options *o, struct hest_buf *out, struct hest_diags *d);

int hest_emit_dsl(const struct hest_model *m, const uint8_t *table, size_t len, struct hest_buf *out,
		  struct hest_diags *d);

#ifdef __cplusplus
}
#endif
#endif
