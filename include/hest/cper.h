/* libhest CPER: UEFI 2.10 Appendix N error records.
 *
 * Two containers carry the same sections:
 *   - the Generic Error Status Block of ACPI 6.5 18.3.2.7.1 (20-byte status,
 *     then Generic Error Data Entries of 72 bytes, 64 before revision 0x300,
 *     each followed by its section), which GHES sources point at;
 *   - the full CPER record of UEFI 2.10 N.2.1 (128-byte record header, 72-byte
 *     section descriptors, section bodies), which ERST and OS logs store.
 *
 * Every structure has one const field-descriptor table (struct
 * hest_cper_desc).  Those tables drive building, encoding, decoding, the
 * YAML reader, the decode listing and the generic checks.  A block in memory
 * keeps the wire image of every structure; fields are read and written by
 * name through the tables, so decoding and encoding again is lossless.
 *
 * The library never prints and keeps no mutable global state. */
#ifndef HEST_CPER_H
#define HEST_CPER_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <hest/fields.h>
#include <hest/diag.h>
#include <hest/buf.h>
#include <hest/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/* --- descriptor tables -------------------------------------------------- */

enum hest_cper_field_kind {
	HEST_CF_INT,      /* unsigned little-endian integer (or a bit range of one) */
	HEST_CF_ENUM,     /* integer with names */
	HEST_CF_FLAGS,    /* bit set with names per bit */
	HEST_CF_GUID,     /* 16-byte EFI_GUID, stored mixed-endian */
	HEST_CF_BYTES,    /* opaque fixed-width bytes, spelled as hex */
	HEST_CF_TEXT,     /* fixed-width text, NUL padded (FRU text, CPU brand) */
	HEST_CF_RESERVED, /* reserved bytes or bits: zero unless deliberately set */
};

/* Field attributes. */
#define HEST_CA_COMPUTED   0x01u /* counts, lengths, offsets: computed when encoding unless given */
#define HEST_CA_VALIDATION 0x02u /* the structure's validation bits */
#define HEST_CA_CLOSED     0x04u /* enum: values without a name are invalid */
#define HEST_CA_DEC        0x08u /* list in decimal (counts, lengths, small numbers) */
#define HEST_CA_FIXED      0x10u /* a constant of the format (signatures): random records keep the default */

/* A named GUID (section types, IA32/X64 error types, notification types). */
struct hest_cper_guid_name {
	const char *name;   /* YAML spelling, e.g. "cache-check" */
	uint8_t guid[16];   /* wire (mixed-endian) order */
	const char *title;
};

struct hest_cper_guid_names {
	const struct hest_cper_guid_name *v;
	size_t n;
};

struct hest_cper_field {
	const char *key;     /* YAML key and listing name */
	uint16_t offset;     /* byte offset in the structure */
	uint16_t size;       /* bytes */
	uint8_t shift;       /* first bit, for a bit range of an integer */
	uint8_t width;       /* bits in the range; 0 = the whole integer */
	uint8_t kind;        /* enum hest_cper_field_kind */
	uint8_t attr;        /* HEST_CA_* */
	int8_t valid_bit;    /* bit of the structure's validation field that says
				this field is valid (set when the field is given); -1 none */
	uint64_t def;        /* default of INT/ENUM/FLAGS fields */
	const struct hest_names *names;            /* ENUM/FLAGS */
	const struct hest_cper_guid_names *guids;  /* GUID */
	const char *doc;     /* one line */
};

struct hest_cper_desc {
	const char *key;      /* "memory", "entry", "arm-error-info"... */
	const char *title;    /* spec name */
	uint16_t size;        /* fixed size in bytes */
	const struct hest_cper_field *fields;
	size_t nfields;       /* at most 64 (struct hest_cper_image.given is a bit mask) */
	uint16_t valid_offset; /* validation bits of the structure (valid_size 0 = none) */
	uint8_t valid_size;
	const char *doc;      /* spec clause */
};

/* An integer bit range somewhere in a structure (counts and sizes that the
 * spec keeps in odd places). width 0 = absent. */
struct hest_cper_bits {
	uint16_t offset;
	uint8_t size;
	uint8_t shift;
	uint8_t width;
};

/* A variable-length part of a section (CXL DVSEC, error log): bytes after
 * the fixed part, error information and contexts, whose count a field of the
 * fixed part holds. */
#define HEST_CPER_MAX_VAR 2
struct hest_cper_var {
	const char *key;           /* YAML key and listing name; NULL = none */
	struct hest_cper_bits len; /* its byte count, in the fixed part */
	int8_t valid_bit;          /* validation bit of the fixed part set when given; -1 none */
	const char *doc;
};

/* Section kinds libhest knows by layout. */
enum hest_cper_kind {
	HEST_CPER_MEMORY = 0,      /* platform memory error, UEFI 2.10 N.2.5 (80 bytes) */
	HEST_CPER_MEMORY2,         /* memory error section 2, N.2.6 (96 bytes) */
	HEST_CPER_PROC_GENERIC,    /* processor generic, N.2.4.1 (192 bytes) */
	HEST_CPER_IA32X64,         /* IA32/X64 processor, N.2.4.2 (64 + 64 x PEI + contexts) */
	HEST_CPER_ARM,             /* ARM processor, N.2.4.4 (40 + 32 x error info + contexts + vendor) */
	HEST_CPER_PCIE,            /* PCI Express, N.2.7 (208 bytes) */
	HEST_CPER_FW_ERROR_REF,    /* firmware error record reference, N.2.10 (32 bytes) */
	HEST_CPER_CXL_PROTOCOL,    /* CXL protocol error, N.2.13 (116 + DVSEC + error log) */
	HEST_CPER_CXL_GEN_MEDIA,   /* CXL general media event, N.2.14 / CXL 3.0 8.2.9.2.1.1 (160) */
	HEST_CPER_CXL_DRAM,        /* CXL DRAM event, N.2.14 / CXL 3.0 8.2.9.2.1.2 (160) */
	HEST_CPER_CXL_MEM_MODULE,  /* CXL memory module event, N.2.14 / CXL 3.0 8.2.9.2.1.3 (160) */
	HEST_CPER_FRU_POISON,      /* FRU memory poison (40 + 32 x descriptor) */
	HEST_CPER_PCI_BUS,         /* PCI/PCI-X bus, N.2.8 (72) */
	HEST_CPER_PCI_DEVICE,      /* PCI/PCI-X component, N.2.9 (40 + 16 x register pair) */
	HEST_CPER_DMAR_GENERIC,    /* DMAr generic, N.2.11.1 (32) */
	HEST_CPER_DMAR_VTD,        /* VT-d DMAr, N.2.11.2 (144) */
	HEST_CPER_DMAR_IOMMU,      /* IOMMU DMAr, N.2.11.3 (144) */
	HEST_CPER_CCIX_PER,        /* CCIX PER log, N.2.12 (16 + PER log) */
	HEST_CPER_NVIDIA,          /* NVIDIA Grace vendor section (32 + 16 x register) */
	HEST_CPER_AMPERE,          /* Ampere vendor section (48) */
	HEST_CPER_RAW,             /* any GUID, opaque body */
	HEST_CPER_NKINDS
};

struct hest_cper_type {
	enum hest_cper_kind kind;
	const char *key;      /* YAML name: "memory" */
	const char *alias;    /* second accepted spelling ("arm-processor"), or NULL */
	const char *title;    /* "platform memory error" */
	uint8_t guid[16];     /* section type GUID (zero for raw) */
	const struct hest_cper_desc *body;   /* fixed part */
	const struct hest_cper_desc *info;   /* repeated error information structure, or NULL */
	struct hest_cper_bits info_count;    /* in the body */
	const struct hest_cper_desc *ctx;    /* context structure header, or NULL */
	struct hest_cper_bits ctx_count;     /* in the body */
	struct hest_cper_bits ctx_size;      /* register data bytes, in the context header */
	struct hest_cper_bits length;        /* whole-section length field in the body, or width 0 */
	const char *tail_key;                /* YAML key of trailing bytes ("data", "vendor_data"...) */
	int8_t tail_valid_bit;               /* validation bit set when trailing bytes are given, -1 none */
	uint32_t worst;       /* body bytes assumed for sizing when `sections:` gives no size (0 = must be given) */
	const char *doc;
	struct hest_cper_var var[HEST_CPER_MAX_VAR]; /* variable-length parts after the contexts */
	struct hest_cper_bits checksum;      /* 32-bit checksum making the section's bytes sum to 0 as
					        Linux fmpm writes it; width 0 = none */
	struct hest_cper_bits info_count2;   /* a second count of the same structures, added to
					        info_count (PCI component: memory + I/O pairs);
					        the encoder computes info_count as the rest */
	uint64_t info_valid;                 /* validation bits of the fixed part set when error
					        information structures are given */
	const char *source;                  /* where the layout comes from (docs/cper.md) */
};

/* Status block, data entry, record header and section descriptor tables. */
extern const struct hest_cper_desc hest_cper_desc_status;     /* 20 bytes */
extern const struct hest_cper_desc hest_cper_desc_entry;      /* 72 bytes (64 before revision 0x300) */
extern const struct hest_cper_desc hest_cper_desc_record;     /* 128 bytes */
extern const struct hest_cper_desc hest_cper_desc_descriptor; /* 72 bytes */
extern const struct hest_names hest_cper_severity_names;

#define HEST_CPER_STATUS_SIZE 20u
#define HEST_CPER_ENTRY_SIZE 72u      /* revision >= 0x300 */
#define HEST_CPER_ENTRY_SIZE_OLD 64u  /* revision < 0x300: no timestamp */
#define HEST_CPER_ENTRY_REVISION 0x0300u
#define HEST_CPER_RECORD_SIZE 128u
#define HEST_CPER_DESCRIPTOR_SIZE 72u
#define HEST_CPER_MAX_ENTRIES 1023u   /* block_status bits 13:4 */
#define HEST_GHES_LINUX_MAX_BLOCK 65536u /* Linux GHES_ESTATUS_MAX_SIZE */

/* The kinds by YAML name (aliases included), for `sections:` of a source. */
extern const struct hest_names hest_cper_kind_names;

const struct hest_cper_type *hest_cper_type_of(enum hest_cper_kind kind);
/* By YAML name or alias (len bytes, not NUL-terminated); NULL if unknown. */
const struct hest_cper_type *hest_cper_type_by_key(const char *key, size_t len);
/* By section type GUID; NULL for a GUID libhest does not decode. */
const struct hest_cper_type *hest_cper_type_by_guid(const uint8_t guid[16]);
/* Every table libhest has (sections, their parts, containers), for tests and docs. */
const struct hest_cper_desc *const *hest_cper_descs(size_t *n);

const struct hest_cper_field *hest_cper_field_find(const struct hest_cper_desc *d, const char *key,
						   size_t len);
/* Integer access to a field of an image (INT, ENUM, FLAGS, RESERVED up to 8 bytes). */
uint64_t hest_cper_field_get(const struct hest_cper_field *f, const uint8_t *base);
void hest_cper_field_put(const struct hest_cper_field *f, uint8_t *base, uint64_t v);
/* Largest value the field holds; 0 for fields that are not integers. */
uint64_t hest_cper_field_max(const struct hest_cper_field *f);
bool hest_cper_field_is_int(const struct hest_cper_field *f);
/* Reads a bit range; false when absent (width 0). */
bool hest_cper_bits_get(const struct hest_cper_bits *b, const uint8_t *base, uint64_t *v);
void hest_cper_bits_put(const struct hest_cper_bits *b, uint8_t *base, uint64_t v);

/* GUIDs: text "01234567-89ab-cdef-0123-456789abcdef" <-> wire order.
 * The first three groups are little-endian (EFI_GUID). */
int hest_guid_parse(const char *s, size_t len, uint8_t out[16]);
void hest_guid_format(const uint8_t g[16], char out[37]);
const char *hest_cper_guid_name_of(const struct hest_cper_guid_names *names, const uint8_t g[16]);
/* The name of validation bit `bit` of structure d: the key of the field it
 * validates (or, in a section body of type t, the trailing bytes' key); NULL
 * when the bit validates nothing.  t may be NULL. */
const char *hest_cper_valid_bit_name(const struct hest_cper_desc *d, const struct hest_cper_type *t, unsigned bit);

/* --- blocks and records in memory --------------------------------------- */

/* The wire image of one structure and which of its fields were given. */
struct hest_cper_image {
	const struct hest_cper_desc *desc;
	uint8_t *bytes;   /* desc->size bytes, then (context structures) the register data */
	uint32_t len;
	uint64_t given;   /* bit i: desc->fields[i] was set explicitly or read from input */
	uint32_t at;      /* decoded: offset of the structure in the input */
};

struct hest_cper_section {
	const struct hest_cper_type *type;   /* never NULL; raw for GUIDs libhest does not decode */
	struct hest_cper_image header;       /* data entry or section descriptor */
	struct hest_cper_image body;         /* fixed part (raw: empty) */
	struct hest_cper_image *info;        /* error information structures */
	size_t ninfo, infocap;
	struct hest_cper_image *ctx;         /* context structures (header + register data) */
	size_t nctx, ctxcap;
	uint8_t *var[HEST_CPER_MAX_VAR];     /* variable-length parts (type->var) */
	uint32_t varlen[HEST_CPER_MAX_VAR];
	uint32_t var_at[HEST_CPER_MAX_VAR];  /* decoded: offsets */
	uint8_t *tail;                       /* vendor data, opaque body, trailing bytes */
	uint32_t taillen;
	uint32_t tail_at;                    /* decoded: offset of the tail */
	uint32_t src_line, src_col;          /* from a description: where the section is (0: not) */
};

enum hest_cper_form {
	HEST_CPER_STATUS_BLOCK = 0, /* Generic Error Status Block (GHES, BERT) */
	HEST_CPER_RECORD = 1,       /* CPER record (ERST, OS logs) */
};

struct hest_cper_block {
	enum hest_cper_form form;
	struct hest_cper_image head;   /* status block or record header */
	struct hest_cper_section *sec;
	size_t nsec, seccap;
	uint8_t *raw;                  /* status block: raw data */
	uint32_t rawlen;
	uint32_t raw_at;               /* decoded: offset of the raw data */
	uint64_t length;               /* decoded: bytes the container says it occupies */
	uint32_t raw_line, raw_col;    /* from a description: where raw_data is (0: not) */
};

/* Returns 0, or -1 when out of memory. */
int hest_cper_block_init(struct hest_cper_block *b, enum hest_cper_form form);
void hest_cper_block_free(struct hest_cper_block *b);

/* Appends a section of `kind` with its tables' defaults; the header gets the
 * kind's GUID.  NULL when out of memory or at HEST_CPER_MAX_ENTRIES. */
struct hest_cper_section *hest_cper_add_section(struct hest_cper_block *b, enum hest_cper_kind kind);
/* Appends an error information structure (ARM, IA32/X64); NULL if the kind has none or OOM. */
struct hest_cper_image *hest_cper_add_info(struct hest_cper_section *s);
/* Appends a context structure with `len` bytes of register data; NULL if the kind has none or OOM. */
struct hest_cper_image *hest_cper_add_context(struct hest_cper_section *s, const void *regs, size_t len);
/* Removes the last section added. */
void hest_cper_drop_last_section(struct hest_cper_block *b);
/* The register data the spec fixes for a context structure of `type` in a
 * section of kind t: *fixed bytes, or (fixed 0) any number of *unit-byte
 * entries.  False when it fixes none (any length). */
bool hest_cper_context_layout(const struct hest_cper_type *t, uint64_t type, uint32_t *fixed, uint32_t *unit);
/* Trailing bytes of a section (raw body, ARM vendor data).  0 or -1 (OOM, too long). */
int hest_cper_set_tail(struct hest_cper_section *s, const void *p, size_t len);
/* Variable-length part i of a section (type->var[i]).  0 or -1 (OOM, no such part, too long). */
int hest_cper_set_var(struct hest_cper_section *s, unsigned i, const void *p, size_t len);
/* Raw data of a status block.  0 or -1. */
int hest_cper_set_raw_data(struct hest_cper_block *b, const void *p, size_t len);

/* Field access by key.  Setting a field marks it given and sets its
 * validation bit, unless the structure's validation bits were themselves
 * given (then the explicit value stands).  Returns 0, or -1 for an unknown
 * key, a field of another kind, or a value that does not fit. */
int hest_cper_get(const struct hest_cper_image *im, const char *key, uint64_t *v);
int hest_cper_set(struct hest_cper_image *im, const char *key, uint64_t v);
/* GUID (16 bytes), BYTES and TEXT fields (up to the field's size, rest zeroed). */
int hest_cper_set_bytes(struct hest_cper_image *im, const char *key, const void *p, size_t len);
const uint8_t *hest_cper_get_bytes(const struct hest_cper_image *im, const char *key, size_t *len);
bool hest_cper_given(const struct hest_cper_image *im, const char *key);
/* Applies a table's defaults to an image's fixed part. */
void hest_cper_apply_defaults(const struct hest_cper_desc *d, uint8_t *bytes);
/* Header size of a data entry with this revision (Linux: major >= 3 -> 72). */
uint32_t hest_cper_entry_size(uint16_t revision);

/* --- encode, decode, check, list ---------------------------------------- */

/* The container as bytes: computed fields (lengths, counts, offsets, GUIDs of
 * known kinds, block status, default severities) are filled unless given.
 * Returns 0, or -1 with diagnostics (file names the origin, may be NULL). */
int hest_cper_encode(const struct hest_cper_block *b, struct hest_buf *out, const char *file,
		     struct hest_diags *d);

/* Reads bytes into a block (form detected by the "CPER" signature unless
 * `form` is given as >= 0).  Every length is checked against the input;
 * problems become diagnostics with byte offsets.  Returns 0 when the
 * structure could be walked (diagnostics may still hold errors), -1 when it
 * could not be read at all or memory ran out. */
int hest_cper_decode(struct hest_cper_block *b, const uint8_t *buf, size_t len, int form, const char *file,
		     struct hest_diags *d);

/* Checks a decoded block against UEFI 2.10, ACPI 6.5 and what Linux
 * accepts (rule ids HEST-CPER-*).  block_size, when non-zero, is the error
 * status block length the block must fit. */
void hest_cper_check(const struct hest_cper_block *b, uint64_t block_size, const char *file,
		     struct hest_diags *d);

/* Checks that an encoded status block or record (bytes, len: what
 * hest_cper_encode made of b) fits an error status block of block_size
 * bytes.  When it does not, reports HEST-CPER-BLOCK-LENGTH at the
 * description position of the first section (or the raw data) that ends
 * past block_size, naming `target` (what set the size, e.g. "--block-size
 * 4KiB", in parentheses after the size) and the bytes the entry takes.  Returns 0 when it fits, -1 after
 * the error. */
int hest_cper_check_fits(const struct hest_cper_block *b, const uint8_t *bytes, size_t len, uint64_t block_size,
			 const char *target, const char *file, struct hest_diags *d);

/* QEMU's QMP error injection (qapi/acpi-hest.json, QEMU 10.2): the command
 *   {"execute":"inject-ghes-v2-error","arguments":{"cper":"BASE64"}}
 * whose `cper` is the base64 of a whole Generic Error Status Block (status
 * header, data entries, sections), written as is at the start of the
 * source's error status block.  One line, newline-terminated. */
#define HEST_QMP_INJECT_COMMAND "inject-ghes-v2-error"
/* QEMU's error status block: 1 KiB (ACPI_GHES_MAX_RAW_DATA_LENGTH); the
 * 2025 series that sends 16 memory errors at once makes it the GED
 * property x-error-block-size, 4 KiB for new machine types. */
#define HEST_QEMU_GHES_BLOCK_SIZE 1024u
int hest_cper_qmp_command(const uint8_t *block, size_t len, struct hest_buf *out);

/* How hest_cper_qmp_read found the payload. */
enum hest_cper_input {
	HEST_CPER_INPUT_BINARY = 0, /* the bytes themselves */
	HEST_CPER_INPUT_QMP,        /* a QMP inject-ghes-v2-error command (JSON) */
	HEST_CPER_INPUT_BASE64,     /* bare base64 text */
};
/* Which kind of input `text` is: QMP when it is printable text whose first
 * non-blank character is '{', base64 when it is only base64 characters and
 * blanks (and not blank throughout), binary otherwise. */
enum hest_cper_input hest_cper_input_guess(const uint8_t *text, size_t len);
/* Reads a QMP command (input QMP) or bare base64 (input BASE64) and appends
 * the decoded payload to out.  The command must be one JSON object with
 * "execute": "inject-ghes-v2-error" and "arguments": {"cper": STRING} (and
 * optionally "id"), as QEMU accepts it; errors name file:line:col in the
 * text.  Returns 0, or -1 with diagnostics. */
int hest_cper_qmp_read(const uint8_t *text, size_t len, enum hest_cper_input input, const char *file,
		       struct hest_buf *out, struct hest_diags *d);

/* The error status block size of one source of a hest-layout.json (hestc
 * compile --emit json): `source` is its name or its id (decimal or
 * 0x hex).  The source's name goes to name (namelen bytes).  Returns 0, or
 * -1 with diagnostics at file:line:col. */
int hest_layout_json_block_size(const uint8_t *text, size_t len, const char *file, const char *source,
				uint64_t *block_size, char *name, size_t namelen, struct hest_diags *d);

/* Listings of every field by name. */
int hest_cper_format_text(const struct hest_cper_block *b, struct hest_buf *out);
int hest_cper_format_json(const struct hest_cper_block *b, struct hest_buf *out);
#define HEST_CPER_DESC_JSON    0x1u /* JSON, indented; default YAML */
#define HEST_CPER_DESC_COMPACT 0x2u /* JSON on one line */
/* The description `hestc cper` reads (YAML, or JSON with the flags) that builds
 * exactly the bytes hest_cper_encode makes of b: fields at their defaults are
 * left out, lengths, counts, validation bits and severities are written only
 * where encoding would not compute the same.  Checked before it is returned
 * (read back, encoded, compared).  Returns 0, or -1 with diagnostics (out of
 * memory, or b does not encode). */
int hest_cper_format_desc(const struct hest_cper_block *b, unsigned flags, struct hest_buf *out, const char *file,
			  struct hest_diags *d);
/* Markdown reference of every table (the YAML keys of `hestc cper`). */
int hest_cper_reference_markdown(struct hest_buf *out);

/* `hestc cper` input: a YAML description of one block or record.  Errors
 * carry file:line:col.  Returns 0 when none was recorded. */
int hest_cper_desc_parse(struct hest_cper_block *b, const char *file, const uint8_t *buf, size_t len,
			 struct hest_diags *d);

/* --- random blocks (testing consumers) ------------------------------------ */

struct hest_cper_random_options {
	int form;              /* -1: either (a record one time in four), or enum hest_cper_form */
	uint32_t kinds;        /* bit (1 << enum hest_cper_kind) per kind to draw from; 0: all */
	unsigned max_sections; /* 1 to this many sections; 0: 4 */
	uint32_t max_bytes;    /* the encoded block stays within this; 0: 4096 */
};

/* A valid, varied block or record from `seed` (the same seed, options and
 * libhest version give the same block): sections of the chosen kinds, about
 * half the fields of every structure given (values from the named ones
 * where a field has names, real BCD timestamps, printable text), error
 * information and context structures with register data of the sizes
 * their types fix, trailing bytes where a kind has room, some 64-byte data
 * entries and raw data.  It encodes and checks (hest_cper_check) without a
 * diagnostic.  Returns 0, or -1 (out of memory, no kind, max_bytes below a
 * header).  Free b with hest_cper_block_free either way. */
int hest_cper_random(struct hest_cper_block *b, uint64_t seed, const struct hest_cper_random_options *o);

/* --- sizing --------------------------------------------------------------- */

struct hest_cper_size {
	enum hest_cper_kind kind;
	uint32_t body;   /* largest section body of this kind; 0 = the kind's `worst` */
};

/* Worst-case error status block for a source:
 *   20 + max_sections x (72 + largest section body) + max_raw_data_length
 * (max_sections 0 counts as 1).  Returns 0, or -1 when no kind is given, a
 * raw kind has no size, or the result does not fit in 64 bits. */
int hest_cper_worst_case(uint32_t max_sections, const struct hest_cper_size *kinds, size_t n,
			 uint32_t max_raw_data_length, uint64_t *size);

/* For a GHES/GHESv2 source of a description: applies error_block_length
 * (default, `auto`), and reports HEST-GHES-BLOCK-SIZE when a given length is
 * below the worst case of the declared sections and HEST-GHES-BLOCK-CAP when
 * it exceeds Linux's 64 KiB.  Returns 0, or -1 after an error. */
int hest_cper_source_block_length(struct hest_model *m, struct hest_source *s, struct hest_diags *d);

/* --- run time: writing records into guest memory (VMMs) ------------------ */

/* Guest physical memory as the VMM sees it.  Each callback returns 0 on
 * success, non-zero on failure. */
struct hest_guest_mem {
	void *user;
	int (*read)(void *user, uint64_t gpa, void *buf, size_t len);
	int (*write)(void *user, uint64_t gpa, const void *buf, size_t len);
};

/* One GHES/GHESv2 source as the VMM knows it (from hest-layout.h or the
 * model): guest physical addresses, not blob offsets. */
struct hest_ghes_target {
	uint64_t register_address;  /* error status address register (8 bytes) */
	uint64_t read_ack_address;  /* GHESv2 read-ack register; 0 = GHES (no read-ack) */
	uint64_t read_ack_preserve; /* HEST read_ack.preserve */
	uint64_t read_ack_write;    /* HEST read_ack.write */
	uint8_t read_ack_bit_offset;/* read_ack.register.bit_offset */
	uint8_t read_ack_bit_width; /* read_ack.register.bit_width (0 = 64) */
	uint32_t block_length;      /* error_block_length */
	uint64_t block_address;     /* expected block address, 0 = whatever the register says */
};

enum hest_ghes_status {
	HEST_GHES_WRITTEN = 0,   /* the record is in the block and the source is re-armed */
	HEST_GHES_BUSY,          /* the OS has not consumed the previous record */
	HEST_GHES_NO_BLOCK,      /* the register holds 0: firmware has not placed the block */
	HEST_GHES_WRONG_BLOCK,   /* the register points elsewhere than block_address */
	HEST_GHES_TOO_BIG,       /* the record does not fit error_block_length */
	HEST_GHES_BAD_TARGET,    /* masks that cannot signal an acknowledgement, bad widths */
	HEST_GHES_IO_ERROR,      /* a guest memory callback failed */
	HEST_GHES_TIMEOUT,       /* still busy when the wait (<hest/inject.h>) ran out; nothing written */
};

struct hest_ghes_report {
	enum hest_ghes_status status;
	uint64_t block_address;     /* read from the register */
	uint32_t bytes_written;     /* record bytes now in the block */
	uint64_t read_ack_before;   /* register value found (GHESv2) */
	uint64_t read_ack_after;    /* value written to re-arm (GHESv2) */
	uint32_t block_status_before; /* block_status found in the block */
	/* waits (<hest/inject.h>): */
	uint32_t attempts;          /* polls of the source */
	uint64_t waited_ns;         /* time spent waiting */
	uint64_t read_ack_acked;    /* hest_ghes_wait_consumed: the value that said the OS acknowledged */
};

/* Writes one encoded status block (`len` bytes) into the source's error
 * status block, following the GHESv2 protocol: the OS acknowledges a record
 * with reg = (reg & preserve) | write (shifted by bit_offset), so the
 * source is free when the non-preserved bits equal write's; writing re-arms
 * it by clearing those bits (QEMU: 1 -> 0).  A GHES without read-ack is free
 * when block_status is 0 (the OS clears it after reading).  The record goes
 * in with block_status last.  Returns 0 when written, -1 otherwise; the
 * report says what happened either way. */
int hest_ghes_write_record(const struct hest_guest_mem *mem, const struct hest_ghes_target *t,
			   const uint8_t *record, size_t len, struct hest_ghes_report *r);

/* What an OS does after consuming a record (Linux ghes_clear_estatus and
 * ghes_ack_error): clears block_status, then acknowledges through the read-ack
 * register.  For tests and VMM self-checks.  Returns 0 or -1 (I/O). */
int hest_ghes_os_acknowledge(const struct hest_guest_mem *mem, const struct hest_ghes_target *t);

/* Fills a target from a compiled model's source (placement done) and the
 * guest address of the placement blob.  Returns 0, or -1 if the source has
 * no block. */
int hest_ghes_target_from_source(const struct hest_source *s, uint64_t blob_address, struct hest_ghes_target *t);

const char *hest_ghes_status_name(enum hest_ghes_status st);

#ifdef __cplusplus
}
#endif
#endif
