/* The description format's keys that are not wire fields (top level,
 * target, placement, per-source extras), as const tables the parser checks
 * keys against and the documentation and JSON Schema are generated from.
 * Wire fields come from the descriptor tables of <hest/fields.h>. */
#ifndef HEST_SCHEMA_H
#define HEST_SCHEMA_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <hest/buf.h>
#include <hest/fields.h>

#ifdef __cplusplus
extern "C" {
#endif

enum hest_opt_kind {
	HEST_OPT_UINT,   /* integer (decimal, hex, size suffixes) */
	HEST_OPT_BOOL,   /* true/false */
	HEST_OPT_STRING, /* text (a name) */
	HEST_OPT_ENUM,   /* one of `names` */
	HEST_OPT_MAP,    /* a mapping (its keys in another table) */
	HEST_OPT_LIST,   /* a list (of `names` when set) */
	HEST_OPT_BYTES,  /* hex bytes ("0a 1b ff"), content kept verbatim */
};

struct hest_option {
	const char *key;
	uint8_t kind;
	const struct hest_names *names;
	const char *def; /* default, as a user writes it; NULL = none/required */
	const char *doc;
};

enum hest_option_group {
	HEST_OPTS_TOP,       /* table, target, placement, sources, allow */
	HEST_OPTS_TARGET,
	HEST_OPTS_PLACEMENT,
	HEST_OPTS_SOURCE,    /* name, type, block_address, ... (beside the wire fields) */
	HEST_OPTS_SSDT,      /* `ssdt:` names of the error device and event plumbing */
	HEST_OPTS_EVENT,     /* a source's `event:` */
	HEST_OPTS_BERT_TOP,  /* a BERT description: table, placement, records/region, trailing_bytes */
	HEST_OPTS_EINJ_TOP,  /* an EINJ description: table, placement, registers, entries, trigger, ... */
	HEST_OPTS_EINJ_REGISTER, /* an item of an EINJ's `registers:` */
	HEST_OPTS_EINJ_ENTRY,    /* an EINJ entry's keys beside the wire fields */
	HEST_OPTS_ERST_TOP,  /* an ERST description: table, placement, entries, trailing_bytes */
};

/* Names of the non-wire enums (placement mode, zone, ...). */
extern const struct hest_names hest_placement_mode_names;
extern const struct hest_names hest_zone_names;
extern const struct hest_names hest_register_order_names;
extern const struct hest_names hest_arch_names;
extern const struct hest_names hest_allow_names;
extern const struct hest_names hest_event_via_names;
extern const struct hest_names hest_event_trigger_names;
extern const struct hest_names hest_event_polarity_names;
extern const struct hest_names hest_event_method_names;

const struct hest_option *hest_options(enum hest_option_group g, size_t *n);
const struct hest_option *hest_option_find(enum hest_option_group g, const char *key, size_t len);

/* Markdown reference of every key of the description format. */
bool hest_reference_markdown(struct hest_buf *out);
/* JSON Schema (draft 2020-12) of the description format. */
bool hest_schema_json(struct hest_buf *out);

#ifdef __cplusplus
}
#endif
#endif
