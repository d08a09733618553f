/* Encoding the model as a HEST binary. */
#ifndef HEST_ENCODE_H
#define HEST_ENCODE_H

#include <stddef.h>
#include <stdint.h>
#include <hest/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Structure offsets inside the table, length, count and (unless the
 * description overrides them) checksum.  Returns 0, or -1 with diagnostics. */
int hest_model_layout_table(struct hest_model *m, struct hest_diags *d);

/* The whole table as bytes (malloc'd).  Computed header fields are filled
 * unless the description gave them.  Returns 0, or -1 with diagnostics. */
int hest_encode_table(struct hest_model *m, uint8_t **out, size_t *len, struct hest_diags *d);

/* hest_encode_table without the layout, for a model laid out already
 * (hest_model_layout_table or hest_compile ran, and no structure's length
 * changed since): hestc compiles, places, then encodes. */
int hest_encode_laid_out(const struct hest_model *m, uint8_t **out, size_t *len, struct hest_diags *d);

uint8_t hest_checksum(const uint8_t *p, size_t len);

#ifdef __cplusplus
}
#endif
#endif
