/* Decoding: HEST binaries (and the acpidump text that carries them) into
 * the model.
 *
 * The decoder keeps every byte: each structure it recognises becomes a
 * source whose wire image is a copy of the input, and whatever it cannot
 * decode (an unknown or reserved type, a structure running past the end, a
 * few leftover bytes, bytes beyond the header's length) is kept as a raw
 * source (desc == NULL) holding those bytes.  Encoding the model again gives
 * the input back byte for byte.  The decoder judges nothing: what it found
 * is described in struct hest_decode_info, and the validator's rules turn
 * that into diagnostics. */
#ifndef HEST_DECODE_H
#define HEST_DECODE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <hest/diag.h>
#include <hest/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Why the structure walk stopped before the end of the table. */
enum hest_tail_kind {
	HEST_TAIL_NONE = 0,     /* every byte up to walk_end belongs to a structure */
	HEST_TAIL_UNKNOWN_TYPE, /* a reserved or unknown type code at tail_offset */
	HEST_TAIL_TRUNCATED,    /* a known type whose structure (fixed part or banks) runs past walk_end */
	HEST_TAIL_SHORT,        /* 1..3 bytes left: not even a type and source id */
	HEST_TAIL_TOO_MANY,     /* more structures than the model holds (HEST_MAX_SOURCES) */
};

struct hest_decode_info {
	size_t input_len;        /* bytes given */
	uint32_t header_len;     /* the header's Length field (0 when the input is shorter than 8 bytes) */
	uint32_t declared_count; /* the Error Source Count field */
	uint32_t walk_end;       /* where structures end: the header length, or the input length when that
				    is shorter (or the header length is below 40) */
	size_t nstruct;          /* m->src[0 .. nstruct-1] are decoded structures */
	enum hest_tail_kind tail;/* if not NONE, m->src[nstruct] is a raw source from tail_offset to walk_end */
	uint32_t tail_offset;
	uint32_t tail_type;      /* type code at tail_offset (0xFFFFFFFF when fewer than 2 bytes) */
	uint32_t tail_need;      /* TRUNCATED: bytes the structure needs (fixed part and banks) */
	bool beyond;             /* the input continues after walk_end: the last source is a raw source
				    holding bytes beyond the header's length */
	uint32_t beyond_offset;  /* == walk_end */
	/* A guess at where real structures resume after the walk went wrong:
	 * the first offset after the stop (or inside a run of all-zero
	 * structures) from which known structures run exactly to walk_end and,
	 * with the structures before the gap, make the declared count. */
	bool resync;
	uint32_t gap_offset;     /* first byte that belongs to no real structure */
	uint32_t resync_offset;  /* first structure after the gap */
	uint32_t resync_count;   /* structures from resync_offset to walk_end */
	uint32_t resync_before;  /* real structures before the gap */
};

/* Decodes a whole table into `m` (freshly initialised, or emptied by
 * hest_model_reset): the 40-byte header (missing bytes read as zero) and
 * every structure, each source with layout.hest_offset and, for GHES, the
 * table offsets of its GAS addresses.  `file` names the input in m->file.  Returns 0, or -1 on
 * allocation failure (with a diagnostic). */
int hest_decode_table(const uint8_t *p, size_t len, const char *file, struct hest_model *m,
		      struct hest_decode_info *info, struct hest_diags *d);

/* Length of the structure of `type` whose image starts at p (len bytes
 * available): fixed part plus banks.  0 for types without a descriptor; the
 * fixed size when the bank count itself is out of reach. */
/* hest_decode_table for a BERT or EINJ (called by it for those
 * signatures): the header, EINJ's entries, the rest as trailing bytes. */
int hest_apei_decode(const struct hest_table_desc *t, const uint8_t *p, size_t len, const char *file,
		     struct hest_model *m, struct hest_decode_info *info, struct hest_diags *d);

uint32_t hest_struct_len(unsigned type, const uint8_t *p, size_t len);

/* Finds the ACPI table with signature `sig` (4 characters) in a blob of
 * tables such as QEMU's etc/acpi/tables: walks the headers from offset 0
 * (skipping alignment padding), then falls back to a scan for the
 * signature.  *tlen is the table's Length bounded by the blob. */
bool hest_find_acpi_table(const uint8_t *p, size_t len, const char *sig, size_t *off, size_t *tlen);

/* --- acpidump text ------------------------------------------------------ */

/* One table found in text: `acpidump` output ("HEST @ 0x..." then
 * "  0000: 48 45 ..." lines), the "Raw Table Data: Length N" block of an
 * iasl disassembly / acpixtract dump, or the UEFI Shell's acpiview dump
 * ("Address  : 0x...", "Length   : N", "00000000 : 48 45 ... - ..." lines;
 * also as the Shell's UCS-2 text). */
struct hest_dump_table {
	char sig[5];      /* from the heading (acpidump, acpiview banner) or the first 4 bytes */
	uint64_t address; /* acpidump heading or acpiview Address; 0 for raw table data */
	uint32_t line;    /* line of the heading */
	uint8_t *data;    /* owned */
	size_t len;
};

struct hest_dump {
	struct hest_dump_table *v;
	size_t n, cap;
};

/* True when the buffer looks like text holding such dumps. */
bool hest_dump_is_text(const uint8_t *p, size_t len);

/* Parses every table of the text.  Malformed hex lines are diagnostics
 * (line:col of `file`); a table whose heading has no hex lines is dropped.
 * Returns 0, or -1 when nothing could be read or on allocation failure. */
int hest_dump_parse(const uint8_t *text, size_t len, const char *file, struct hest_dump *out,
		    struct hest_diags *d);
void hest_dump_free(struct hest_dump *dump);
/* The first table with signature `sig`, or NULL. */
const struct hest_dump_table *hest_dump_find(const struct hest_dump *dump, const char *sig);

#ifdef __cplusplus
}
#endif
#endif
