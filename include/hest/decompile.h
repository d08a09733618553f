/* Round trip: a description to iasl's data-table source.
 *
 * `hest_emit_dsl` writes the table as iasl (ACPICA 20200925) data-table
 * source.  iasl computes Table Length and Checksum itself and stamps its own
 * creator id and revision unless run with -z; everything else compiles to
 * the bytes hestc writes.  Content iasl cannot express (raw bytes, trailing
 * bytes, a wrong length or checksum, unknown flag bits, ids that are not
 * printable ASCII) is an error; the AER Global flag, which iasl 20200925
 * cannot set (its HEST table reads the Global line as bit 0), is a warning. */
#ifndef HEST_DECOMPILE_H
#define HEST_DECOMPILE_H

#include <stddef.h>
#include <stdint.h>
#include <hest/buf.h>
#include <hest/diag.h>
#include <hest/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Writes iasl data-table source for a compiled model (`table`, `len`: the
 * bytes hest_encode_table produced for it).  Returns 0, or -1 with
 * diagnostics when iasl could not reproduce the table from source. */
int hest_emit_dsl(const struct hest_model *m, const uint8_t *table, size_t len, struct hest_buf *out,
		  struct hest_diags *d);

#ifdef __cplusplus
}
#endif
#endif
