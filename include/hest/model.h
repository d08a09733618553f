/* libhest model: the one intermediate representation every pass shares.
 *
 * Each error source keeps the wire image of its structure (bytes), read and
 * written only through the field-descriptor tables of <hest/fields.h>.  The
 * image is the single store of field values, so decoding a table and encoding
 * it again is lossless by construction (reserved bytes and unknown bits
 * included), and a field added to a descriptor table is seen by every pass. */
#ifndef HEST_MODEL_H
#define HEST_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <hest/fields.h>
#include <hest/diag.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HEST_HEADER_SIZE 36u
#define HEST_SOURCES_OFFSET 40u      /* header + error source count */
#define HEST_FW_CFG_NAME_MAX 56u     /* fw_cfg file name field, NUL included */
#define HEST_MAX_SOURCES 65535u      /* source ids are u16; also bounds the table */

struct hest_pos {
	uint32_t line, col; /* 1-based; 0 = unknown */
};

/* A field given explicitly in a description: lets passes tell a default
 * from a deliberate value and point diagnostics at the right line.  A field
 * is its absolute offset in the source's structure and its depth there:
 * fields of one structure never share an offset (tests/unit/fields_test),
 * and a structure and its first member, which do, differ in depth.  (12
 * bytes: a source of 8192 gives about ten.) */
struct hest_given {
	uint16_t offset;     /* absolute offset in the source's structure */
	uint8_t depth;       /* 0: a field of the source's structure; 1: of a
				structure or bank inside it ("notification.type"); ... */
	struct hest_pos pos; /* position of the value */
};

struct hest_profile;

enum hest_placement_mode {
	HEST_PLACE_NONE = 0,          /* GAS addresses given by hand */
	HEST_PLACE_LINKER_LOADER = 1, /* firmware allocates and patches (QEMU) */
	HEST_PLACE_FIXED = 2,         /* absolute base address, no loader */
};

enum hest_register_order {
	HEST_REGS_GROUPED = 0,     /* all address registers, then all read-acks (QEMU) */
	HEST_REGS_INTERLEAVED = 1, /* per source: address register, read-ack register */
};

enum hest_zone {
	HEST_ZONE_HIGH = 1,
	HEST_ZONE_FSEG = 2,
};

struct hest_placement {
	enum hest_placement_mode mode;
	char blob[HEST_FW_CFG_NAME_MAX];         /* etc/hardware_errors */
	char address_blob[HEST_FW_CFG_NAME_MAX]; /* etc/hardware_errors_addr ("" = none) */
	char tables_blob[HEST_FW_CFG_NAME_MAX];  /* etc/acpi/tables */
	uint32_t table_offset;  /* HEST offset inside tables_blob */
	uint32_t align;         /* ALLOCATE alignment of the blob (power of two) */
	uint32_t tables_align;  /* ALLOCATE alignment of tables_blob when standalone */
	enum hest_zone zone;
	uint64_t base;          /* fixed mode: absolute address of the blob */
	uint32_t block_size;    /* default error status block size */
	enum hest_register_order order;
	bool write_pointer;     /* emit WRITE_POINTER to address_blob */
	bool standalone;        /* the script ALLOCATEs tables_blob itself */
	uint32_t read_ack_init; /* initial value of read-ack registers */
	char hest_address_blob[HEST_FW_CFG_NAME_MAX]; /* WRITE_POINTER of the HEST's address ("" = none) */
	uint64_t tables_blob_size; /* size of the VMM's tables blob, 0 = unknown */
	const struct hest_profile *profile; /* `profile:` (<hest/profile.h>), or NULL */
	struct hest_pos pos;
	struct hest_pos profile_pos;       /* the profile's name in the description */
	struct hest_pos base_pos, table_offset_pos, block_size_pos;
};

/* Where placement put a source's registers and block (offsets inside the
 * placement blob) and where its GAS fields sit inside the HEST. */
struct hest_source_layout {
	bool placed;                   /* registers and block placed in the blob */
	bool has_block;
	bool has_read_ack;
	uint32_t hest_offset;          /* structure offset inside the table */
	uint32_t gas_address_offset;   /* table offset of error_status_address.address */
	uint32_t read_ack_address_offset; /* table offset of read_ack.register.address */
	uint64_t register_offset;      /* in the blob */
	uint64_t read_ack_offset;
	uint64_t block_offset;
	uint32_t block_size;
	bool block_pinned;             /* fixed mode: block at block_address, outside the blob */
	uint64_t block_address;        /* fixed mode: absolute block address */
	struct hest_pos block_address_pos;
};

/* `sections:` of a GHES/GHESv2 source: the CPER section kinds (enum
 * hest_cper_kind of <hest/cper.h>) its records may carry.  They size
 * `error_block_length: auto` and the HEST-GHES-BLOCK-SIZE check
 * (hest_cper_source_block_length). */
#define HEST_SOURCE_MAX_SECTION_KINDS 32u
struct hest_source_sections {
	uint8_t n;
	uint8_t kind[HEST_SOURCE_MAX_SECTION_KINDS];
	uint32_t largest;          /* `largest_section:` bytes; 0 = the kinds' own sizes */
	bool block_length_auto;    /* error_block_length: auto */
	struct hest_pos pos;       /* the `sections:` key (line 0: not given) */
	struct hest_pos largest_pos;
};

/* The event plumbing of a GPIO- or GSIV-notified GHES (`event:`): which
 * event, on a Generic Event Device or a GPIO controller, runs the method that
 * does Notify(error device, 0x80) (emit/ssdt.c). */
enum hest_event_via {
	HEST_EVENT_NONE = 0, /* no event plumbing */
	HEST_EVENT_GED = 1,  /* an interrupt of the Generic Event Device (ACPI0013) */
	HEST_EVENT_GPIO = 2, /* a pin of a GPIO controller's _AEI */
};

enum hest_event_method {
	HEST_EVMETHOD_AUTO = 0,  /* GED: _EVT; GPIO: _Exx/_Lxx up to pin 255, else _EVT */
	HEST_EVMETHOD_EVT = 1,   /* a branch of _EVT (Arg0 = the event number) */
	HEST_EVMETHOD_NAMED = 2, /* its own _Exx / _Lxx method (numbers 0-255) */
};

enum hest_event_polarity {
	HEST_POLARITY_HIGH = 0,
	HEST_POLARITY_LOW = 1,
	HEST_POLARITY_BOTH = 2, /* GPIO only */
};

struct hest_event {
	enum hest_event_via via;
	uint32_t number;         /* GED: the GSIV; GPIO: the pin */
	bool level;              /* level-triggered; default edge */
	enum hest_event_polarity polarity;
	enum hest_event_method method;
	struct hest_pos pos;     /* the `event:` mapping */
};

/* A source's name and image live in its model's storage (hest_model_alloc):
 * never free them; change them with hest_source_set_name and
 * hest_source_resize.  Its given list is either the model's too (givencap
 * 0) or a malloc'd array of givencap entries that hest_source_mark_given
 * grows; hest_model_free releases both kinds. */
struct hest_source {
	char *name;                          /* symbolic name (model storage), never NULL */
	unsigned type;                       /* HEST type code */
	const struct hest_struct_desc *desc; /* NULL for a type with no descriptor */
	uint8_t *bytes;                      /* wire image, len bytes (model storage) */
	uint32_t len;
	struct hest_pos pos;                 /* the source's mapping in YAML */
	struct hest_given *given;            /* fields given explicitly */
	size_t ngiven, givencap;             /* givencap 0: the list is model storage */
	struct hest_source_layout layout;
	struct hest_event event;
	struct hest_source_sections sections;
};

enum hest_arch {
	HEST_ARCH_ANY = 0,
	HEST_ARCH_X86_64 = 1,
	HEST_ARCH_ARM64 = 2,
	HEST_ARCH_RISCV64 = 3,
};

/* Deliberate opt-outs of checks, named in a description's `allow:` list. */
#define HEST_ALLOW_DUPLICATE_IDS 0x1u
#define HEST_ALLOW_NO_SOURCES    0x2u /* an empty `sources:` (a table of only the header) */
#define HEST_ALLOW_UNDERSIZED_BLOCKS 0x4u /* GHES blocks too small for one record (CPER-SIZE-ENTRY) */

/* The SSDT's names (`ssdt:`); an empty string means the default. */
#define HEST_AML_PATH_MAX 128u
struct hest_ssdt {
	bool given;                              /* `ssdt:` is in the description */
	char scope[HEST_AML_PATH_MAX];           /* where the devices go ("" = \_SB) */
	char error_device[HEST_AML_PATH_MAX];    /* PNP0C33 device ("" = HED0, in scope) */
	bool external_error_device;              /* declared elsewhere (e.g. the DSDT): only notified */
	uint32_t error_device_uid;
	char ged[HEST_AML_PATH_MAX];             /* Generic Event Device name in scope ("" = GEDE) */
	uint32_t ged_uid;
	char gpio_controller[HEST_AML_PATH_MAX]; /* controller of GPIO events ("" = \_SB.GPO0) */
	bool external_aei;                       /* the controller's _AEI is declared elsewhere */
	char oem_table_id[9];                    /* "" = HESTEVNT */
	struct hest_pos pos;
};

#define HEST_MAX_TYPE_CACHED 15u /* the types of ACPI 6.5 (0-11) and some room */

/* EINJ: memory the VMM backs for the instructions (`registers:`), laid out
 * in the placement blob in order, each 8-byte aligned.  An entry's
 * `register_at: NAME` points its register at one (struct hest_source's
 * layout.placed, layout.register_offset: the register's index until
 * placement, its blob offset after). */
#define HEST_REG_NAME_MAX 40u
enum hest_reg_points {
	HEST_REG_POINTS_NONE = 0,
	HEST_REG_POINTS_TRIGGER = 1, /* holds the trigger action table's address */
};
struct hest_mem_register {
	char name[HEST_REG_NAME_MAX];
	uint32_t offset;     /* in the blob (placement) */
	uint32_t size;       /* bytes, 8 unless given */
	uint8_t *init;       /* initial content, size bytes (model storage) */
	enum hest_reg_points points;
	struct hest_pos pos;
};

/* The type code of a uniform table entry (an EINJ instruction): no HEST
 * type, never cached (hest_model_add_entry). */
#define HEST_ENTRY_TYPE 0x10000u

struct hest_model {
	const char *file;                   /* input name for diagnostics (not owned) */
	enum hest_table_kind kind;          /* HEST, BERT, EINJ (hest_model_set_kind) */
	struct hest_source hdr;             /* ACPI header + error source count, as a
					       structure of hest_desc_header (40 bytes) */
	enum hest_arch arch;
	unsigned allow;                     /* HEST_ALLOW_* */
	struct hest_placement placement;
	struct hest_ssdt ssdt;
	struct hest_source *src;
	size_t nsrc, srccap;
	/* Bytes after the table's end (beyond the sources), kept verbatim from a
	 * decoded table (`trailing_bytes:`): appended to the output but counted
	 * in neither the computed length, the error source count nor the
	 * checksum.  Owned; NULL when there are none. */
	uint8_t *trailing;
	uint32_t trailing_len;
	/* BERT: the boot error region's content (`records:`, or a region given
	 * to the decoder), owned; NULL when there is none. */
	uint8_t *region;
	uint32_t region_len;
	const char *region_file;            /* the file the region came from (not owned; hestval --region), or NULL */
	struct hest_pos records_pos;        /* the `records:` key (line 0: not given) */
	/* EINJ: the memory registers (malloc'd array) and the trigger action
	 * table's entries (`trigger:`, malloc'd array of detached entries whose
	 * images are model storage), placed after the registers at
	 * trigger_offset of the blob. */
	struct hest_mem_register *regs;
	size_t nregs;
	struct hest_source *trig;
	size_t ntrig;
	bool has_trigger;
	uint32_t trigger_offset;
	struct hest_pos trigger_pos;
	/* Each source type's image with its defaults applied, made the first
	 * time a source of the type is added (owned; a cache of
	 * hest_model_add_source, copied for each further source). */
	uint8_t *default_image[HEST_MAX_TYPE_CACHED + 1];
	/* Storage of the sources' names, images and given lists: a few large
	 * chunks handed out in order and freed together by hest_model_free
	 * (instead of three allocations per source, each freed on its own). */
	struct hest_model_chunk *storage;
};

/* Returns 0, or -1 when out of memory. */
int hest_model_init(struct hest_model *m);
void hest_model_free(struct hest_model *m);
/* Empties a model (initialised, or zeroed as hest_model_free leaves it)
 * for the next table or description: it is
 * then as hest_model_init leaves one, but keeps what it had allocated (the
 * source array, the default images, its largest storage chunk) for reuse,
 * which saves a program that decodes table after table most of its
 * allocations.  Pointers into the model (sources, names, images) are
 * invalid afterwards.  Returns 0, or -1 when out of memory (the model is
 * then freed, as by hest_model_free). */
int hest_model_reset(struct hest_model *m);

/* `size` zeroed bytes aligned to `align` (a power of two, at most
 * alignof(max_align_t)) that live until hest_model_free; NULL when out of
 * memory. */
void *hest_model_alloc(struct hest_model *m, size_t size, size_t align);
/* A copy of `name` becomes s's name.  False when out of memory (s keeps
 * its name). */
bool hest_source_set_name(struct hest_model *m, struct hest_source *s, const char *name);
/* s's image becomes `len` bytes: the first min(len, s->len) kept, the rest
 * zero.  False when out of memory (s unchanged). */
bool hest_source_resize(struct hest_model *m, struct hest_source *s, uint32_t len);

/* Makes m (just initialised or reset) a model of another table kind: its
 * header becomes that kind's header structure with its defaults.  False
 * when out of memory. */
bool hest_model_set_kind(struct hest_model *m, enum hest_table_kind kind);
/* Appends a uniform entry of the model's kind (an EINJ instruction) with
 * the entry descriptor's defaults; NULL on OOM. */
struct hest_source *hest_model_add_entry(struct hest_model *m, const struct hest_struct_desc *d);
/* Replaces the BERT region's content with a copy of p[0..len).  False when
 * out of memory. */
bool hest_model_set_region(struct hest_model *m, const uint8_t *p, uint32_t len);
/* Appends a memory register of `size` zero bytes; NULL on OOM. */
struct hest_mem_register *hest_model_add_register(struct hest_model *m, const char *name, uint32_t size);
/* Appends a trigger action table entry with the descriptor's defaults;
 * NULL on OOM. */
struct hest_source *hest_model_add_trigger_entry(struct hest_model *m, const struct hest_struct_desc *d);
/* Bytes of the EINJ trigger action table: its 16-byte header and entries. */
#define HEST_EINJ_TRIGGER_HEADER 16u
uint32_t hest_einj_trigger_size(const struct hest_model *m);

/* Defaults of the header and placement (QEMU's layout). */
void hest_placement_defaults(struct hest_placement *p);

/* Appends a source of `type` with its descriptor's defaults applied and an
 * image of `len` bytes (0 = the descriptor's fixed size).  NULL on OOM. */
struct hest_source *hest_model_add_source(struct hest_model *m, unsigned type, uint32_t len);

/* Applies a structure descriptor's defaults to `bytes` (recursively). */
void hest_apply_defaults(const struct hest_struct_desc *d, uint8_t *bytes);

/* Field access by dotted path; false when the path does not exist for the
 * source's type or the image is too short. */
bool hest_source_get(const struct hest_source *s, const char *path, uint64_t *v);
bool hest_source_set(struct hest_source *s, const char *path, uint64_t v);

/* Records that the field at `offset` and `depth` (see struct hest_given)
 * was given at pos.  False when out of memory. */
bool hest_source_mark_given(struct hest_source *s, uint16_t offset, unsigned depth, struct hest_pos pos);
/* The explicit value of the field at a dotted path, or NULL (default). */
const struct hest_given *hest_source_given(const struct hest_source *s, const char *path);

/* The same three with the path resolved once for a run of sources of one
 * type: a loop over every source of a table (up to 65535) looks the path up
 * again only when the source's descriptor changes, instead of once per
 * access.  Start each memo as HEST_PATH_MEMO("notification.type"). */
struct hest_path_memo {
	const char *path;
	bool resolved;
	const struct hest_struct_desc *desc; /* what field/offset were resolved for */
	const struct hest_field *field;      /* NULL: no such field for desc */
	size_t offset;
	unsigned depth;                      /* the path's dots */
};
#define HEST_PATH_MEMO(p) { (p), false, NULL, NULL, 0, 0 }
/* The field at pm->path for s's descriptor and its absolute offset, or NULL
 * (no descriptor, or no such field; the image's length is not checked). */
const struct hest_field *hest_source_field_m(const struct hest_source *s, struct hest_path_memo *pm,
					     size_t *offset);
bool hest_source_get_m(const struct hest_source *s, struct hest_path_memo *pm, uint64_t *v);
bool hest_source_set_m(struct hest_source *s, struct hest_path_memo *pm, uint64_t v);
const struct hest_given *hest_source_given_m(const struct hest_source *s, struct hest_path_memo *pm);

/* Structure length the descriptor implies for the current image (banks
 * counted from the image's count field). */
uint32_t hest_source_wire_len(const struct hest_source *s);

#ifdef __cplusplus
}
#endif
#endif
