/* libhest field-descriptor tables.
 *
 * One const table per wire structure (ACPI header, each HEST error source
 * type, notification, GAS, MCA bank, ...).  Each row names a field, its YAML
 * key, its iasl label, its byte offset and width, how its value is spelled
 * and its default.  Every pass reads these tables: binary encode/decode,
 * YAML read/write, .dsl output, documentation, the JSON schema and the
 * generic checks.  Adding a field is one row here. */
#ifndef HEST_FIELDS_H
#define HEST_FIELDS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

enum hest_field_kind {
	HEST_FK_INT,      /* unsigned little-endian integer, 1..8 bytes */
	HEST_FK_ENUM,     /* integer with names (names optional in input) */
	HEST_FK_FLAGS,    /* bit set with names per bit */
	HEST_FK_CHARS,    /* fixed-width character field (OEM id, signature) */
	HEST_FK_STRUCT,   /* nested structure (GAS, notification, read-ack) */
	HEST_FK_ARRAY,    /* trailing array of sub structures (MCA banks) */
	HEST_FK_RESERVED, /* reserved bytes: zero unless deliberately set */
	HEST_FK_BYTES,    /* opaque bytes, spelled as hex */
};

/* Field attributes. */
#define HEST_FA_REQUIRED  0x01u /* must be given in a description */
#define HEST_FA_COMPUTED  0x02u /* computed by the compiler; giving it overrides */
#define HEST_FA_TYPE      0x04u /* the structure's type code: fixed by the descriptor */
#define HEST_FA_BLOCKLEN  0x08u /* defaults to the placement's block size */
#define HEST_FA_PLACED    0x10u /* filled in by placement (GAS address) */
#define HEST_FA_COUNT     0x20u /* element count of the following array field */

struct hest_name {
	const char *name;   /* YAML spelling, e.g. "ghes-assist" */
	uint64_t value;     /* enum value, or bit mask for flags */
	const char *label;  /* iasl spelling, e.g. "GHES Assist" */
};

struct hest_names {
	const struct hest_name *v;
	size_t n;
};

struct hest_struct_desc;

struct hest_field {
	const char *key;   /* YAML key */
	const char *label; /* iasl label */
	uint16_t offset;   /* byte offset within the parent structure */
	uint16_t size;     /* bytes (for ARRAY: element size) */
	uint8_t kind;      /* enum hest_field_kind */
	uint8_t attr;      /* HEST_FA_* */
	uint64_t def;      /* default for INT/ENUM/FLAGS */
	const char *def_chars;                /* default for CHARS */
	const struct hest_names *names;       /* ENUM/FLAGS */
	const struct hest_struct_desc *sub;   /* STRUCT/ARRAY element */
	const char *doc;   /* one-line description (docs, schema, --help) */
};

struct hest_struct_desc {
	const char *key;    /* YAML name: "ghes-v2", "notification", "gas" */
	const char *title;  /* human/iasl title */
	int type;           /* HEST source type code, or -1 for sub structures */
	uint16_t size;      /* fixed part in bytes (without trailing array) */
	const struct hest_field *fields;
	size_t nfields;
	const char *doc;
};

/* Tables. */
extern const struct hest_struct_desc hest_desc_header;    /* 36-byte ACPI header + count */
extern const struct hest_struct_desc hest_desc_gas;
extern const struct hest_struct_desc hest_desc_notification;
extern const struct hest_struct_desc hest_desc_bank;
extern const struct hest_struct_desc hest_desc_read_ack;
extern const struct hest_names hest_notify_type_names;

/* The other APEI tables (lib/apei_fields.c). */
extern const struct hest_struct_desc hest_desc_bert_header; /* 48 bytes */
extern const struct hest_struct_desc hest_desc_einj_header; /* 48 bytes */
extern const struct hest_struct_desc hest_desc_einj_entry;  /* 32 bytes, also the trigger table's */
extern const struct hest_struct_desc hest_desc_einj_setwa;  /* 44 bytes: the parameter block and EINJv2 header */
#define HEST_EINJ_SETWA_V1_SIZE 36u   /* what Linux maps without EINJv2 */
#define HEST_EINJ_V2_COMPONENT_SIZE 32u
extern const struct hest_names hest_einj_action_names;
extern const struct hest_names hest_einj_instruction_names;
extern const struct hest_struct_desc hest_desc_erst_header; /* 48 bytes */
extern const struct hest_struct_desc hest_desc_erst_entry;  /* 32 bytes */
extern const struct hest_names hest_erst_action_names;
extern const struct hest_names hest_erst_instruction_names;

/* The table kinds one model carries: a signature, its header structure and,
 * for tables of uniform entries (EINJ), the entry structure and the YAML key
 * of their list.  HEST's own typed error sources are the exception the
 * passes know (entry NULL, sources:); BERT has no entries. */
enum hest_table_kind {
	HEST_TABLE_HEST = 0,
	HEST_TABLE_BERT = 1,
	HEST_TABLE_EINJ = 2,
	HEST_TABLE_ERST = 3,
};

struct hest_table_desc {
	enum hest_table_kind kind;
	const char *signature;                /* "BERT" */
	const char *name;                     /* file names: "bert" -> bert.aml */
	const struct hest_struct_desc *header;
	const struct hest_struct_desc *entry; /* uniform entries, or NULL */
	const char *entries_key;              /* "entries", or NULL */
	const char *doc;
};

const struct hest_table_desc *hest_table_descs(size_t *n);
const struct hest_table_desc *hest_table_desc_of(enum hest_table_kind kind);
/* The kind of a 4-character signature, or NULL. */
const struct hest_table_desc *hest_table_desc_by_signature(const char *sig, size_t len);

/* The HEST error source descriptors, in type order. */
const struct hest_struct_desc *const *hest_source_descs(size_t *n);
const struct hest_struct_desc *hest_source_desc_by_type(unsigned type);
const struct hest_struct_desc *hest_source_desc_by_key(const char *key);

const struct hest_field *hest_field_find(const struct hest_struct_desc *d, const char *key);
/* Resolve a dotted path ("notification.poll_interval_ms") to a field and its
 * absolute offset within the top structure.  Arrays are not traversed. */
const struct hest_field *hest_field_path(const struct hest_struct_desc *d, const char *path,
					 size_t *abs_offset);

/* The trailing array field (MCA banks) and its count field, or NULL. */
const struct hest_field *hest_array_field(const struct hest_struct_desc *d, const struct hest_field **count);

const char *hest_name_of(const struct hest_names *names, uint64_t value);
bool hest_name_lookup(const struct hest_names *names, const char *name, size_t len,
		      uint64_t *value);

/* Little-endian access to a field of width 1..8. */
uint64_t hest_get_le(const uint8_t *p, unsigned size);
void hest_put_le(uint8_t *p, unsigned size, uint64_t v);
/* Whether the n bytes at p are all zero. */
bool hest_all_zero(const void *p, size_t n);
/* The n bytes at p summed modulo 256 (an ACPI table's bytes sum to 0). */
uint8_t hest_byte_sum(const void *p, size_t n);

/* Largest value a field of `size` bytes holds. */
uint64_t hest_field_max(unsigned size);

#ifdef __cplusplus
}
#endif
#endif
