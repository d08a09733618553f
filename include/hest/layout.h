/* Outputs for VMMs: the placement as a C header and as JSON. */
#ifndef HEST_LAYOUT_H
#define HEST_LAYOUT_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <hest/buf.h>
#include <hest/diag.h>
#include <hest/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Compiles a parsed model: table layout (lengths, count, defaults), then
 * placement, then hest_check_description.  Returns 0, or -1 with
 * diagnostics. */
int hest_compile(struct hest_model *m, struct hest_diags *d);
/* hest_compile's placement for BERT and EINJ (place/apei.c). */
int hest_place_apei(struct hest_model *m, struct hest_diags *d);
/* The BERT region blob's size: the larger of region_length and the
 * records' bytes. */
uint64_t hest_bert_region_size(const struct hest_model *m);
/* The EINJ blob's size: its registers and trigger action table. */
uint64_t hest_einj_blob_size(const struct hest_model *m);
/* bert-layout.json / einj-layout.json (emit/apei_layout.c): the placement,
 * and the region or the registers and trigger table with their offsets
 * (addresses with fixed placement). */
int hest_emit_apei_layout_json(const struct hest_model *m, struct hest_buf *o, struct hest_diags *d);

/* The description checks of a laid-out model, at YAML positions: a
 * notification type target.arch cannot raise (HEST-NOTIFY-ARCH), and with
 * revision 2 structures of types 0-11 out of type order (HEST-ORDER, a
 * note saying the fix). */
void hest_check_description(const struct hest_model *m, struct hest_diags *d);

/* hest-layout.h: #defines and a static const table per source.  Compiles
 * with -std=c99 -Wall -Wextra -Werror and in C++.  `origin` names the
 * description in the banner.  Returns 0, or -1 with diagnostics. */
int hest_emit_layout_header(const struct hest_model *m, const char *origin, struct hest_buf *out,
			    struct hest_diags *d);

/* hest-layout.json: the same facts for tools.  Values that may exceed 2^53
 * (addresses, masks) are hex strings; offsets and sizes are numbers. */
int hest_emit_layout_json(const struct hest_model *m, struct hest_buf *out, struct hest_diags *d);

/* Guest-physical memory the VMM must keep the OS out of (E820 reserved,
 * Linux memmap=SIZE$ADDR), in whole 4 KiB pages: fixed placement's region at
 * `base` and every pinned block (`block_address`), each rounded out to
 * pages, sorted, and merged where they overlap or touch.  With
 * linker-loader placement the firmware allocates (and reserves) the region
 * itself and the list is empty; with none, the GAS addresses are the
 * user's.  `parts` counts the region and pinned blocks a range holds. */
struct hest_reserved_range {
	uint64_t address;  /* page aligned */
	uint64_t size;     /* whole pages; the range ends at address + size - 1 */
	size_t parts;
	bool has_region;   /* holds the register region (not only pinned blocks) */
};

#define HEST_RESERVE_PAGE 4096u

/* Fills *out (malloc'd, free() it; NULL when *n is 0).  Returns 0, or -1 when
 * out of memory. */
int hest_layout_reserved(const struct hest_model *m, struct hest_reserved_range **out, size_t *n);

#ifdef __cplusplus
}
#endif
#endif
