/* libhest CPER <-> libcper's JSON (openbmc/libcper, its "IR").
 *
 * libcper converts CPER records to a JSON form described by its JSON
 * Schema (specification/json/ in its repository): a full log
 *   { "header": {...}, "sectionDescriptors": [...], "sections": [ { "Memory": {...} } ] }
 * or one section
 *   { "header"?: {...}, "sectionDescriptor": {...}, "section": { "Memory": {...} } }.
 *
 * The mapping between libhest's descriptor tables and that form is data:
 * one const table of rows (lib/cper_libcper_map.c), each naming one of our
 * structures and fields and the libcper key and value form it becomes.  A
 * section kind added later needs only a kind row and its field rows. */
#ifndef HEST_CPER_LIBCPER_H
#define HEST_CPER_LIBCPER_H

#include <hest/cper.h>

#ifdef __cplusplus
extern "C" {
#endif

/* How one field (or a bit range of it) is spelled in libcper's JSON. */
enum hest_lc_form {
	HEST_LC_INT,       /* JSON integer */
	HEST_LC_HEX,       /* hex companion string, printf format `unknown` (default "0x%016llX"; written, read and ignored) */
	HEST_LC_NVP,       /* {"value": N, "name": "..."} (libcper integer_to_readable_pair) */
	HEST_LC_SEVERITY,  /* {"code": N, "name": "Recoverable|Fatal|Corrected|Informational|Unknown"} */
	HEST_LC_BOOL,      /* true/false: one bit (shift) */
	HEST_LC_BITS,      /* {"name0": bool, "name1": bool, ...}: bits 0.. of the range, names[] */
	HEST_LC_REVISION,  /* {"major": N >> 8, "minor": N & 0xff} */
	HEST_LC_GUID,      /* "01234567-89ab-cdef-0123-456789abcdef" */
	HEST_LC_GUID_NAME, /* the readable name of a GUID field (written; read and ignored) */
	HEST_LC_TEXT,      /* printable text (libcper add_untrusted_string) */
	HEST_LC_TIMESTAMP, /* "CCYY-MM-DDThh:mm:ss+00:00" from a BCD timestamp */
	HEST_LC_STATE,     /* "Corrected" when bit 0 is clear, else "Uncorrected" (written; read and ignored) */
	HEST_LC_BANK,      /* {"value": N} when the field's validation bit is set, else {"address": N & 0xff, "group": N >> 8} */
	HEST_LC_BASE64,    /* base64 of a bytes field, of a variable part (`field` is its key: CXL DVSEC), of
			      the trailing bytes (`field` is the kind's tail key: ARM vendor_data), or (no
			      field) of the section's bytes from byte `shift` to the end its own length field
			      says, else the descriptor's section length (Unknown, CCIX PER log, CXL event log) */
	HEST_LC_BCD,       /* an integer from a BCD byte (libcper bcd_to_int) */
	HEST_LC_BE,        /* the field's bytes as a big-endian integer (PCIe class code) */
	HEST_LC_BYTES_INT, /* written only: the little-endian integer of `width` bytes at byte `shift` of a
			      bytes field (decoded AER registers), or with format `unknown` a string */
	HEST_LC_ARRAY,     /* a JSON list of the section's repeated structures: `field` names their table
			      (the kind's error information or context structure, "arm-error-info"); each
			      item is an object of that table's rows (and its variants') */
	HEST_LC_NAME,      /* the readable name of the value, names[] or `unknown` (written; read and ignored) */
	HEST_LC_EXTRA,     /* base64 of the structure's bytes past its fixed part (a context structure's
			      register data); no field */
	HEST_LC_NAMED,     /* a string: the name of the value in `names`, read back by that name */
	HEST_LC_INT32,     /* a 32-bit field as a signed JSON integer (libcper json_object_new_int and
			      json_object_get_int: 0xc4000000 is -1006632960) */
};

/* Row flags. */
#define HEST_LC_IF_VALID 0x1u /* written only when the field's validation bit is set (else absent) */
#define HEST_LC_WRITE_ONLY 0x2u /* carries nothing back (names, hex companions) */
#define HEST_LC_READ_ONLY 0x4u /* read, never written: another generation's spelling of a key */

/* One row: our structure `desc` and field `field` <-> libcper key `path`
 * (dotted for nested objects: "errorStatus.addressSignal").
 *
 * A bit range (shift, width) normally lies inside the field's integer.  When
 * the field is not an integer (a bytes field: the VT-d fault record), is
 * itself a bit range, or the range is wider than the field, the range is
 * taken over the structure's bytes from the field's offset, little-endian
 * (libcper's bit fields over several of our fields: the Ampere type id, a
 * CXL RCRB base address); reading it back sets every field it covers. */
struct hest_lc_row {
	const char *desc;    /* hest_cper_desc key: "record", "descriptor", "memory", ... */
	const char *field;   /* its field key (NULL for HEST_LC_BASE64) */
	const char *path;    /* libcper key */
	uint8_t form;        /* enum hest_lc_form */
	uint8_t flags;       /* HEST_LC_* */
	uint8_t shift;       /* bit range inside the field: first bit */
	uint8_t width;       /* bits; 0 = the whole field */
	const struct hest_names *names;   /* NVP and GUID_NAME values' names; BITS: bit i is names->v[i] */
	const char *unknown; /* NVP/GUID_NAME: name when the value has none */
};

/* A variant: part of a structure that libcper decodes by the value of one of
 * its fields (a union decoded by type: ARM error information by error type,
 * register arrays by context type), or writes only for some values.  Rows
 * whose desc is the variant's `key` apply when the discriminator's bit range
 * holds one of `values` (bit v: value v; `others`: any value not in
 * `values`).  They read and write the fields of `view`, a table of the part
 * that begins at byte `at` of the structure (NULL: the structure's own
 * fields).  A part past the end of the structure's image is its register
 * data: the reader makes the image that long.
 *
 * The rows of a variant are walked after the structure's, except those of
 * an `in_place` one (no view): keys libcper writes by condition among the
 * structure's own (the CXL agent address by agent type), walked in their
 * place among the structure's rows, after the row of the discriminator.
 * When it does not apply, their parent objects are written even so, as
 * libcper makes them first ("cxlAgentAddress": {}), and the reader accepts
 * those objects empty but refuses the variant's keys, naming the
 * condition. */
struct hest_lc_variant {
	const char *key;     /* the rows' desc key, e.g. "arm-error-info/cache" */
	const char *desc;    /* the structure: hest_cper_desc key */
	const char *field;   /* its discriminator field (a GUID field: 1 + the GUID's index in the
				field's names, 0 for another GUID); NULL: the part is always there */
	uint8_t shift;       /* bit range of the discriminator; width 0 = the whole field */
	uint8_t width;
	bool others;         /* applies when the value is NOT one of `values` */
	uint64_t values;     /* bit v: the value v */
	const struct hest_cper_desc *view; /* the part's fields; NULL = the structure's */
	uint16_t at;         /* byte of the structure where the part begins */
	bool in_place;       /* rows among the structure's own, their objects written anyway (above) */
};

/* A section kind: our kind <-> libcper's section key. */
struct hest_lc_kind {
	enum hest_cper_kind kind;
	const char *key;     /* "Memory", "Memory2", "GenericProcessor", "Firmware", "Unknown", ...; several
				kinds may share one (CxlComponent: told apart by the section type GUID;
				Unknown: kinds libcper does not decode, read back as raw bytes) */
	const char *readable;/* sectionType.type in the descriptor */
};

const struct hest_lc_row *hest_lc_rows(size_t *n);
const struct hest_lc_kind *hest_lc_kinds(size_t *n);
const struct hest_lc_variant *hest_lc_variants(size_t *n);
/* The value of variant v's discriminator (its bit range; for a GUID field
 * 1 + its index) in the image bytes of its structure (desc d): returns 0,
 * or -1 when the structure is not v's or its bytes do not hold the field. */
int hest_lc_variant_value(const struct hest_lc_variant *v, const struct hest_cper_desc *d, const uint8_t *bytes,
			  uint32_t len, uint64_t *x);
/* Whether variant v applies to the image bytes of its structure (desc d). */
bool hest_lc_variant_applies(const struct hest_lc_variant *v, const struct hest_cper_desc *d, const uint8_t *bytes,
			     uint32_t len);
/* The in-place variant of structure `desc` that row r is a row of, or NULL. */
const struct hest_lc_variant *hest_lc_in_place_of(const struct hest_lc_row *r, const char *desc);
/* Whether row r's value is a bit range over the structure's bytes from its
 * field's offset (see struct hest_lc_row) rather than inside the field. */
bool hest_lc_over_bytes(const struct hest_lc_row *r, const struct hest_cper_field *f);
/* The kind row of one of ours; NULL when libcper's form has none yet. */
const struct hest_lc_kind *hest_lc_kind_of(enum hest_cper_kind kind);
/* By libcper section key (len bytes): the first kind row with that key. */
const struct hest_lc_kind *hest_lc_kind_by_key(const char *key, size_t len);
/* What row r names in structure im of section s (s NULL outside a
 * section): sets *f to the field when it is one, and returns -1 for a field
 * (or no field at all), the index of one of the section's variable parts,
 * HEST_CPER_MAX_VAR for its trailing bytes (the kind's tail key), or -2
 * when the row names something this structure does not have. */
int hest_lc_row_target(const struct hest_lc_row *r, const struct hest_cper_section *s,
		       const struct hest_cper_image *im, const struct hest_cper_field **f);
/* libcper's severity names (cper-utils.c): "Unknown" past 3. */
const char *hest_lc_severity_name(uint64_t v);

/* libcper's JSON of a record (full log form).  A status block becomes the
 * record that carries the same sections (libcper has no form for a Generic
 * Error Status Block); what that record cannot carry (entry timestamps, raw
 * data) is refused.  Checked before it is returned: read back, encoded and
 * compared; a block that libcper's form cannot carry exactly (reserved bits,
 * validation bits for no field, kinds it has no row for yet) is an error
 * naming the first byte lost.  Returns 0, or -1 with diagnostics. */
int hest_cper_format_libcper(const struct hest_cper_block *b, struct hest_buf *out, const char *file,
			     struct hest_diags *d);

/* Reads libcper's JSON (either form) into b (a record).  Errors carry
 * file:line:col.  Returns 0, or -1 with diagnostics. */
int hest_cper_libcper_parse(struct hest_cper_block *b, const char *file, const uint8_t *buf, size_t len,
			    struct hest_diags *d);
/* The Generic Error Status Block whose libcper JSON is this record (the
 * inverse of the mapping hest_cper_format_libcper() uses for a block): the
 * record's severity, its sections as data entries (descriptor revision,
 * flags, FRU id and text, severity), the record's timestamp in every entry
 * of revision 0x300 or later.  A record that is not one a block maps to
 * (other header fields set, flags past bit 7, ...) is an error naming the
 * first byte that would be lost.  Returns 0, or -1 with diagnostics. */
int hest_cper_libcper_to_block(const struct hest_cper_block *rec, struct hest_cper_block *blk, const char *file,
			       struct hest_diags *d);

#ifdef __cplusplus
}
#endif

#endif
