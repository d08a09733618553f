/* Internal to validate/: the context every check runs with, and the helpers
 * the checks call to read fields and report at the right place (byte offset
 * for decoded tables, YAML position for descriptions).  Implemented by
 * check_helpers.c, check_fmt.c and rule_settings.c, which call no check. */
#ifndef HEST_VALIDATE_CHECK_HELPERS_H
#define HEST_VALIDATE_CHECK_HELPERS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>
#include <hest/validate.h>

#if defined(__GNUC__)
#define VCHECK_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define VCHECK_PRINTF(a, b)
#endif

struct vmemos;

struct vctx {
	const struct hest_model *m;
	const struct hest_validate_options *o;
	const struct hest_decode_info *info; /* NULL for descriptions */
	struct hest_diags *d;
	size_t nreal;   /* sources that are decoded structures (not raw bytes) */
	struct vmemos *mm; /* the fields the passes read, shared by them */
	struct hest_vcache *vc; /* NULL, or the caller's cache */
};

/* Reports `rule` at a source's field (`path` may be NULL: the structure;
 * `extra` is added to the field's offset, for banks), at the header's
 * field (s == NULL), or at table offset `off` when path is NULL and s is
 * NULL.  The message gets "source ID (type): " in front when s is set.
 * Severity comes from the catalogue and the options; silenced rules do
 * nothing. */
void vreport(struct vctx *c, const char *rule, const struct hest_source *s, const char *path, uint32_t extra,
	     const char *fmt, ...) VCHECK_PRINTF(6, 7);
/* Same, at an absolute table offset (no source prefix). */
void vreport_at(struct vctx *c, const char *rule, uint64_t off, const char *fmt, ...) VCHECK_PRINTF(4, 5);

/* vsnprintf for the validator's messages: %d %i %u %x %X %c %s and %%, with
 * the flags '-' and '0', a width and a precision (digits or '*') and the
 * length modifiers hh h l ll z j t, written without stdio; any other
 * directive (or a NULL %s) hands the whole format to vsnprintf.  Same
 * result and return value as vsnprintf. */
int vfmt(char *buf, size_t size, const char *fmt, va_list ap);

/* Field value by dotted path; 0 when the source has no such field. */
uint64_t vget(const struct hest_source *s, const char *path);
/* The five fields of a GAS, each as vget would read it (0 when absent):
 * vget_gas_m. */
struct vgas {
	uint64_t space, width, offset, access, addr;
};
/* A field path looked up once per descriptor for the loops over a
 * table's sources, which mix types (MCE, CMC, AER, GHES...): slot t holds
 * the lookup for the descriptor of a type-t source.  Start each as
 * VMEMO("flags"). */
#define VMEMO_TYPES 12
struct vmemo {
	const char *path;
	uint16_t have; /* bit t: slot[t] is filled */
	struct vmemo_slot {
		const struct hest_struct_desc *desc;
		const struct hest_field *field; /* NULL: desc has no such field */
		size_t offset;
	} slot[VMEMO_TYPES];
};
#define VMEMO(p) { (p), 0, { { NULL, NULL, 0 } } }
/* The field and its absolute offset for s's descriptor, or NULL (as
 * hest_field_path; the image's length is not checked). */
const struct hest_field *vfield(const struct hest_source *s, struct vmemo *vm, size_t *offset);
/* As hest_source_get: false when the field is absent or past the image. */
bool vget_has(const struct hest_source *s, struct vmemo *vm, uint64_t *v);
/* As vget: 0 when absent. */
uint64_t vget_m(const struct hest_source *s, struct vmemo *vm);
/* vget_gas with the GAS's path and its five fields resolved once per
 * descriptor. */
struct vgas_memo {
	struct vmemo vm;
	const struct hest_struct_desc *sub; /* the GAS fields below were found in */
	const struct hest_field *f[5];
};
#define VGAS_MEMO(p) { VMEMO(p), NULL, { NULL, NULL, NULL, NULL, NULL } }
/* The fields several passes read: each is looked up once per descriptor
 * for all of them. */
struct vmemos {
	struct vmemo flags, enabled, related, records, sections;
	struct vmemo ntype, nlength, ncwe, npoll, nvector;
	struct vmemo ebl, raw;
	struct vgas_memo status, read_ack;
};
void vmemos_init(struct vmemos *mm);

/* struct hest_vcache: rule severities and field offsets, direct-mapped by
 * the address of the rule id or path string (the validator passes string
 * constants).  A hit compares the strings too (the catalogue's id; a copy
 * of the path), so an address reused for another string only misses. */
#define VCACHE_RULES 64
#define VCACHE_PATHS 32
#define VCACHE_PATH 44 /* longer paths are not cached */
struct hest_vcache {
	struct vmemos mm;
	/* the rule settings the severities were worked out under (each
	 * action and pattern, copied); NULL: none yet */
	char *settings;
	size_t nsettings;
	bool werror;
	struct vcache_rule {
		const char *key; /* the address looked up; NULL: empty slot */
		const char *id;  /* the catalogue's */
		enum hest_severity sev;
		bool on;
	} rules[VCACHE_RULES];
	struct vcache_path {
		const char *key; /* NULL: empty slot */
		const struct hest_struct_desc *desc;
		uint32_t offset;
		char path[VCACHE_PATH];
	} paths[VCACHE_PATHS];
};
void vget_gas_m(const struct hest_source *s, struct vgas_memo *gm, struct vgas *g);
/* "ghes", "cmc", ... or "type N" for a raw source. */
const char *vtype_name(const struct hest_source *s, char *buf, size_t size);
unsigned vsource_id(const struct hest_source *s);
bool vis_ghes(const struct hest_source *s);       /* GHES or GHESv2 with a descriptor */
bool vis_mc(const struct hest_source *s);         /* IA-32 MCE, CMC or deferred MC */
bool vis_aer(const struct hest_source *s);        /* AER root port, endpoint, bridge */
bool vall_zero(const struct hest_source *s);
/* Bank i of an MC source: pointer to its 28 bytes, or NULL. */
const uint8_t *vbank(const struct hest_source *s, size_t i, size_t *nbanks);
/* Bank 0 of an MC source (NULL when it has none), the number of banks
 * present and the bytes from one to the next. */
const uint8_t *vbanks(const struct hest_source *s, size_t *nbanks, size_t *stride);
uint32_t vbank_offset(const struct hest_source *s, size_t i);

/* Source ids (16 bits) to source indexes: an open-addressing table sized
 * by the number of sources it may hold, not by the largest id. */
struct vidslot {
	uint32_t index1; /* index + 1; 0: empty */
	uint16_t id;
};
struct vidmap {
	struct vidslot *v;
	size_t mask;
	unsigned shift;
};
/* Room for n ids.  0, or -1 when out of memory. */
int vidmap_init(struct vidmap *m, size_t n);
/* The index + 1 recorded for id, or 0. */
size_t vidmap_get(const struct vidmap *m, unsigned id);
/* Records index for id unless id has one already; returns the index + 1
 * recorded before, or 0 (index was recorded). */
size_t vidmap_add(struct vidmap *m, unsigned id, size_t index);
void vidmap_free(struct vidmap *m);

/* The architecture a notification type belongs to (ANY: every one). */
enum hest_arch vnotify_arch(uint64_t type);
/* "an IA-32/x64", "an Armv8", "a RISC-V" */
const char *vnotify_arch_words(enum hest_arch arch);

/* hest_rule_effective with the catalogue's entry for id (r, NULL when it
 * has none) looked up already. */
struct hest_rule;
bool vrule_effective(const struct hest_rule *r, const char *id, const struct hest_rule_setting *settings,
		     size_t nsettings, bool werror, enum hest_severity *sev);

/* Notification structure types the checks tell apart. */
enum vnotify_type {
	NOTIFY_POLLED = 0,
	NOTIFY_NMI = 4,
	NOTIFY_CMCI = 5,
	NOTIFY_MCE = 6,
	NOTIFY_SEA = 8,
	NOTIFY_SEI = 9,
	NOTIFY_SDEI = 11,
	NOTIFY_SSE = 12,
	NOTIFY_LAST = 12,
};

/* QEMU's own walk of the HEST (QEMU-HEST-WALK: validate/check_qemu.c
 * reports it, check_desc.c for descriptions):
 * whether QEMU, walking from the first structure, reaches source index k
 * of the first nstruct structures; else why, and the structure index *at
 * where it fails. */
enum hest_qemu_walk {
	HEST_QEMU_WALK_FOUND,
	HEST_QEMU_WALK_TYPE,     /* a structure up to it is not a 92-byte GHESv2 */
	HEST_QEMU_WALK_COUNT,    /* beyond the Error Source Count */
	HEST_QEMU_WALK_SHADOWED, /* an earlier structure has its id */
};
enum hest_qemu_walk hest_qemu_walk(const struct hest_model *m, size_t nstruct, size_t k, size_t *at);
#define QEMU_HEST_ADDR_FILE "etc/acpi_table_hest_addr" /* hw/acpi/ghes.c ACPI_HEST_ADDR_FW_CFG_FILE */
/* A description whose loader sends the HEST's address to QEMU's
 * etc/acpi_table_hest_addr (hest_address_blob, profile qemu-virt-hest-addr). */
bool hest_qemu_walks(const struct hest_model *m);
/* "QEMU will not find source N: ..." */
void hest_qemu_walk_message(const struct hest_model *m, size_t k, enum hest_qemu_walk r, size_t at, char *buf,
			    size_t size);

#endif
