/* A minimal AML encoder (ACPI 6.5 §20) for the SSDT hestc emits, and the
 * SSDT emitters built on it.
 *
 * The encoder writes terms into a hest_buf.  A package (Scope, Device,
 * Method, If, Buffer) is opened with its opcode, filled, and closed; its
 * PkgLength is only known when it is closed, so it is inserted then, in the
 * fewest bytes that hold it (1 to 4).  Mistakes (an invalid name, a package
 * longer than 2^28 - 1 bytes, unbalanced packages) make the encoder "bad":
 * the output is then unusable and hest_aml_ok() says so.  No state outside
 * the struct; nothing prints. */
#ifndef HEST_AML_H
#define HEST_AML_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <hest/buf.h>
#include <hest/diag.h>
#include <hest/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Opcodes (ACPI 6.5 §20.3).  Extended opcodes are 0x5Bxx. */
enum hest_aml_opcode {
	HEST_AML_ZERO = 0x00,
	HEST_AML_ONE = 0x01,
	HEST_AML_NAME = 0x08,
	HEST_AML_BYTE_PREFIX = 0x0A,
	HEST_AML_WORD_PREFIX = 0x0B,
	HEST_AML_DWORD_PREFIX = 0x0C,
	HEST_AML_STRING_PREFIX = 0x0D,
	HEST_AML_QWORD_PREFIX = 0x0E,
	HEST_AML_SCOPE = 0x10,
	HEST_AML_BUFFER = 0x11,
	HEST_AML_METHOD = 0x14,
	HEST_AML_EXTERNAL = 0x15,
	HEST_AML_DUAL_NAME_PREFIX = 0x2E,
	HEST_AML_MULTI_NAME_PREFIX = 0x2F,
	HEST_AML_EXT_PREFIX = 0x5B,
	HEST_AML_ROOT_CHAR = 0x5C,
	HEST_AML_PARENT_PREFIX = 0x5E,
	HEST_AML_LOCAL0 = 0x60,
	HEST_AML_ARG0 = 0x68,
	HEST_AML_NOTIFY = 0x86,
	HEST_AML_LEQUAL = 0x93,
	HEST_AML_IF = 0xA0,
	HEST_AML_ONES = 0xFF,
	HEST_AML_DEVICE = 0x5B82,
};

/* ObjectType of an External (ACPI 6.5 §19.6.45). */
enum { HEST_AML_OBJ_DEVICE = 6 };

#define HEST_AML_MAX_DEPTH 32
#define HEST_AML_PKGLEN_MAX 0x0FFFFFFFu /* 28 bits */
#define HEST_AML_HEADER_SIZE 36u

struct hest_aml {
	struct hest_buf *out;
	size_t open[HEST_AML_MAX_DEPTH]; /* where each open package's PkgLength goes */
	size_t buffer_data[HEST_AML_MAX_DEPTH]; /* Buffer packages: where the ByteList starts, else SIZE_MAX */
	unsigned depth;
	bool bad;
};

void hest_aml_init(struct hest_aml *a, struct hest_buf *out);
/* Every package closed, no invalid input, no allocation failure. */
bool hest_aml_ok(const struct hest_aml *a);

/* --- encodings --------------------------------------------------------- */

/* The PkgLength of a package whose content after the PkgLength is `payload`
 * bytes: writes 1-4 bytes to out and returns how many, or 0 when the
 * package cannot be encoded (longer than 2^28 - 1 bytes).  The encoded value
 * counts the PkgLength bytes themselves (§20.2.4). */
unsigned hest_aml_pkglen(uint32_t payload, uint8_t out[4]);
/* Decodes a PkgLength from p (avail bytes).  Returns the number of bytes it
 * takes (1-4) and the length it encodes in *len, or 0 when truncated or
 * malformed (reserved bits 4-5 of a multi-byte lead set). */
unsigned hest_aml_pkglen_decode(const uint8_t *p, size_t avail, uint32_t *len);

/* A name path as written in ASL: an optional '\' or any number of '^',
 * then 1-4 character segments ([A-Z_] then [A-Z0-9_]) separated by '.'
 * (at most 255 segments).  Returns NULL when valid, else why not. */
const char *hest_aml_path_check(const char *path);
/* The NameString encoding of path (segments padded with '_'). */
bool hest_aml_name_encode(struct hest_buf *b, const char *path);
/* The 32-bit compressed EISA id of "ABC1234" (three upper-case letters,
 * four hex digits), as AML stores it (little-endian DWORD). */
bool hest_aml_eisaid(const char *id, uint32_t *out);

/* --- terms --------------------------------------------------------------- */

void hest_aml_byte(struct hest_aml *a, uint8_t v);
void hest_aml_op(struct hest_aml *a, unsigned op);
/* The shortest integer encoding, as iasl chooses it: Zero, One, Ones
 * (all 64 bits set), then Byte/Word/DWord/QWord constants. */
void hest_aml_integer(struct hest_aml *a, uint64_t v);
void hest_aml_string(struct hest_aml *a, const char *s);
void hest_aml_name(struct hest_aml *a, const char *path);

/* Packages: the opcode (and name) are written, the PkgLength inserted by
 * hest_aml_end(). */
void hest_aml_scope(struct hest_aml *a, const char *path);
void hest_aml_device(struct hest_aml *a, const char *path);
void hest_aml_method(struct hest_aml *a, const char *path, unsigned nargs, bool serialized);
void hest_aml_if(struct hest_aml *a); /* the predicate follows */
/* Buffer: the BufferSize is the byte count of what is written until
 * hest_aml_end() (inserted then, as an integer). */
void hest_aml_buffer(struct hest_aml *a);
void hest_aml_end(struct hest_aml *a);

/* Name (path, data): the data term follows. */
void hest_aml_name_decl(struct hest_aml *a, const char *path);
void hest_aml_notify(struct hest_aml *a, const char *target, uint64_t value);
void hest_aml_external(struct hest_aml *a, const char *path, uint8_t objtype, uint8_t nargs);

/* --- resource descriptors (ACPI 6.5 §6.4), inside a Buffer -------------- */

#define HEST_AML_INT_CONSUMER 0x01u
#define HEST_AML_INT_EDGE 0x02u
#define HEST_AML_INT_ACTIVE_LOW 0x04u
#define HEST_AML_INT_SHARED 0x08u
#define HEST_AML_INT_WAKE 0x10u
/* Extended Interrupt Descriptor with one interrupt. */
void hest_aml_res_interrupt(struct hest_aml *a, unsigned flags, uint32_t gsiv);

enum hest_aml_gpio_polarity { HEST_AML_GPIO_HIGH = 0, HEST_AML_GPIO_LOW = 1, HEST_AML_GPIO_BOTH = 2 };
/* GPIO Connection Descriptor (interrupt connection, consumer, exclusive,
 * default pull, no debounce, no vendor data) with one pin of `source`. */
void hest_aml_res_gpioint(struct hest_aml *a, bool edge, enum hest_aml_gpio_polarity pol, uint16_t pin,
			  const char *source);
/* End Tag; checksum 0 ("the resource data is treated as if the checksum
 * operation succeeded", §6.4.2.9), as iasl writes it. */
void hest_aml_res_end(struct hest_aml *a);

/* --- definition block ---------------------------------------------------- */

/* The 36-byte table header: length and checksum are filled by
 * hest_aml_table_finish(). */
void hest_aml_table_begin(struct hest_aml *a, const char sig[4], uint8_t revision, const uint8_t oem_id[6],
			  const uint8_t oem_table_id[8], uint32_t oem_revision, const uint8_t creator_id[4],
			  uint32_t creator_revision);
/* Length and checksum of the table that starts at `start` in the output. */
bool hest_aml_table_finish(struct hest_aml *a, size_t start);

/* --- the SSDT of a model ------------------------------------------------- */

/* Checks the `event:` mappings against their sources (notification type,
 * event numbers, sources sharing an event) and, when the description has
 * `ssdt:`, that every enabled GPIO- or GSIV-notified GHES has one.  Returns
 * 0, or -1 with diagnostics at the YAML positions. */
int hest_ssdt_check(const struct hest_model *m, struct hest_diags *d);
/* Whether the model has event plumbing to describe (a source with an
 * `event:` mapping); NULL if so, else why not. */
const char *hest_ssdt_not_applicable(const struct hest_model *m);
/* The SSDT as AML.  Returns 0, or -1 with diagnostics. */
int hest_emit_ssdt(const struct hest_model *m, struct hest_buf *out, struct hest_diags *d);
/* The same SSDT as ASL source for iasl (which compiles it to the same bytes
 * but for the creator id/revision it writes itself, and the checksum). */
int hest_emit_ssdt_asl(const struct hest_model *m, const char *origin, struct hest_buf *out,
		       struct hest_diags *d);

/* --- reading an SSDT back (lib/aml_read.c) ------------------------------- */

#define HEST_AML_READ_MAX 256

struct hest_aml_device {
	char path[HEST_AML_PATH_MAX]; /* absolute, 4-character segments: \_SB_.HED0 */
	bool hid_is_eisa;
	uint32_t hid_eisa;            /* _HID as an integer (EisaId) */
	char hid[16];                 /* _HID as a string, "" if none */
	size_t off;
};

/* An interrupt of a _CRS (Extended Interrupt) or a pin of an _AEI
 * (GpioInt): the first of its descriptor, the one Linux uses. */
struct hest_aml_event_res {
	char device[HEST_AML_PATH_MAX]; /* the object holding the _CRS / _AEI */
	uint32_t number;
	bool edge;
	bool gpio;
	size_t off;
};

struct hest_aml_notify {
	char method[HEST_AML_PATH_MAX]; /* the method it is in */
	char target[HEST_AML_PATH_MAX]; /* resolved in the method's scope */
	bool search;                    /* a bare NameSeg: the namespace search rules apply */
	char scope[HEST_AML_PATH_MAX];  /* where the search starts */
	char seg[5];
	bool cond;                      /* under If (Arg0 == arg) */
	uint64_t arg;
	uint64_t value;
	size_t off;
};

struct hest_aml_summary {
	struct hest_aml_device dev[HEST_AML_READ_MAX];
	size_t ndev;
	struct hest_aml_event_res res[HEST_AML_READ_MAX];
	size_t nres;
	char aei[HEST_AML_READ_MAX][HEST_AML_PATH_MAX]; /* objects with an _AEI here */
	size_t naei;
	struct hest_aml_notify notify[HEST_AML_READ_MAX];
	size_t nnotify;
	char methods[HEST_AML_READ_MAX][HEST_AML_PATH_MAX];
	size_t nmethods;
	char externals[HEST_AML_READ_MAX][HEST_AML_PATH_MAX];
	size_t nexternals;
	bool incomplete;            /* AML outside the subset was skipped */
	size_t incomplete_off;
	char incomplete_what[96];
};

/* Reads a definition block (header, then the term list).  Returns 0 (the
 * summary may be incomplete: AML outside the subset is skipped to the end
 * of its package), or -1 when the AML is malformed (why, at *why_off).
 * Never reads outside p[0..len). */
int hest_aml_read(const uint8_t *p, size_t len, struct hest_aml_summary *s, char *why, size_t whylen,
		  size_t *why_off);

/* hestval validate --ssdt: the SSDT's event paths against the HEST's GPIO-
 * and GSIV-notified GHES (rules SSDT-*, validate/check_ssdt.c).  `label`
 * names the SSDT in diagnostics.  Returns 0, or -1 on allocation failure. */
struct hest_validate_options;
int hest_validate_ssdt(const struct hest_model *m, const uint8_t *ssdt, size_t len, const char *label,
		       const struct hest_validate_options *o, struct hest_diags *d);

#ifdef __cplusplus
}
#endif
#endif
