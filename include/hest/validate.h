/* Validation: the rules of the catalogue (<hest/rules.h>) run over a model,
 * with the facts the decoder found (<hest/decode.h>), optionally a loader
 * script and its blobs, and a summary of what Linux would make of the
 * table. */
#ifndef HEST_VALIDATE_H
#define HEST_VALIDATE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <hest/decode.h>
#include <hest/diag.h>
#include <hest/loader.h>
#include <hest/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/* -W / -E / -w: per-rule severity changes. */
enum hest_rule_action {
	HEST_RULE_WARNING = 1, /* -W: report as a warning */
	HEST_RULE_ERROR = 2,   /* -E: report as an error */
	HEST_RULE_OFF = 3,     /* -w: do not report */
};

struct hest_rule_setting {
	const char *pattern; /* a rule id, or a prefix ending in '*' ("GAS-*", "*") */
	enum hest_rule_action action;
};

/* True when `pattern` names at least one rule of the catalogue. */
bool hest_rule_pattern_valid(const char *pattern);

/* The severity `id` is reported with under `settings` (applied in order,
 * later ones win) and `werror` (warnings become errors); false when the
 * rule is silenced. */
bool hest_rule_effective(const char *id, const struct hest_rule_setting *settings, size_t nsettings,
			 bool werror, enum hest_severity *sev);

/* What one validation leaves for the next, for a program that validates
 * many tables: field lookups by descriptor, rule severities under the
 * options, diagnostic locations by field path.  Optional (the member
 * `cache` of the options); results are the same with or without it.  A
 * cache may serve any number of hest_validate calls, one at a time (not
 * from two threads at once); it follows changes of the rule settings. */
struct hest_vcache;
/* NULL when out of memory. */
struct hest_vcache *hest_vcache_new(void);
void hest_vcache_free(struct hest_vcache *vc);

struct hest_validate_options {
	enum hest_arch arch;                      /* notification types plausible for this architecture */
	const struct hest_rule_setting *settings;
	size_t nsettings;
	bool werror;
	/* The table as decoded: enables the table-level rules (length,
	 * checksum, count, trailing bytes) and binary offsets in diagnostics.
	 * NULL for a model built from a description (positions are YAML). */
	const struct hest_decode_info *decode;
	const uint8_t *table;                     /* the decoded bytes (decode->input_len) */
	/* Loader cross-check: the memory after the loader script ran (see
	 * hest_load_tables); the model is then the patched HEST found there.
	 * Enables the LOADER-* register and block checks. */
	const struct hest_sim *sim;
	struct hest_vcache *cache; /* NULL, or kept from one call to the next (hest_vcache_new) */
	unsigned phys_bits;        /* the CPU's physical address width for the Linux model; 0: the arch's widest */
};

/* Runs every rule.  Diagnostics carry their effective severity; silenced
 * rules add nothing.  Returns 0, or -1 on allocation failure. */
int hest_validate(const struct hest_model *m, const struct hest_validate_options *o, struct hest_diags *d);

/* The BERT and EINJ rules (hest_validate runs them for those kinds);
 * hest_apei_check runs them with the catalogue's severities on a compiled
 * description. */
void hest_apei_validate(const struct hest_model *m, const struct hest_validate_options *o, struct hest_diags *d);
void hest_apei_check(const struct hest_model *m, struct hest_diags *d);

/* --- loader cross-check ------------------------------------------------ */

/* A loader script run over its fw_cfg files by each firmware model, and
 * the HEST found in the resulting memory (the first ALLOCATEd file holding a
 * table with the "HEST" signature, etc/acpi/tables first). */
#define HEST_FW_ALL ((1u << HEST_FW_SEABIOS) | (1u << HEST_FW_UEFI))
struct hest_loaded_firmware {
	bool ran;
	bool hest_found; /* a HEST is in memory after the script */
	bool installed;  /* the OS is given it: UEFI installed it; SeaBIOS: found (the OS reaches it through the
			    RSDP and XSDT the whole script builds) */
	char why[240];   /* when not installed: what the firmware did instead */
	size_t ntables;  /* UEFI: tables installed */
	char tables[64][5]; /* UEFI: their signatures, in order (the first 64) */
};
struct hest_loaded {
	struct hest_sim sim;              /* the first firmware modelled: the checks read this memory */
	enum hest_firmware primary;
	const struct hest_sim_file *file; /* holding the HEST, or NULL */
	uint64_t offset;                  /* of the HEST inside file */
	size_t len;                       /* bytes of the HEST (its Length, bounded by the file) */
	struct hest_loaded_firmware fw[HEST_FW_COUNT];
};

/* Runs the script once per firmware in `firmwares` (bits 1 << enum
 * hest_firmware; 0 = all), each fault a LOADER-* diagnostic against
 * `loader_file` (the same fault under both models is reported once), and
 * looks for the HEST (LOADER-HEST-MISSING when there is none).  Under UEFI
 * a HEST that is in memory but not installed is LOADER-HEST-NOT-INSTALLED.
 * so->firmware is ignored.  Returns 0 when a HEST was found, -1 otherwise;
 * free `out` with hest_loaded_free either way. */
int hest_load_tables(const struct hest_loader *l, const struct hest_blob *blobs, size_t nblobs,
		     const struct hest_sim_options *so, unsigned firmwares, const char *loader_file,
		     const struct hest_validate_options *vo, struct hest_loaded *out, struct hest_diags *d);
void hest_loaded_free(struct hest_loaded *ld);

/* --- what Linux would do ------------------------------------------------ */

enum hest_linux_table {
	HEST_LINUX_TABLE_OK,      /* "HEST: Table parsing has been initialized." */
	HEST_LINUX_TABLE_REFUSED, /* apei_hest_parse failed: HEST disabled, no GHES registered */
};

enum hest_linux_verdict {
	HEST_LINUX_REGISTERED,   /* a GHES device is created and probed successfully */
	HEST_LINUX_INACTIVE,     /* registered but never reports (polled with interval 0) */
	HEST_LINUX_PROBE_FAILED, /* the GHES device is created; ghes_probe refuses it */
	HEST_LINUX_DISABLED,     /* enabled == 0: skipped */
	HEST_LINUX_NOT_GHES,     /* not a GHES: read for other purposes (CMC firmware first) or ignored */
	HEST_LINUX_UNREACHED,    /* beyond the declared count, or after the structure that stopped the walk */
	HEST_LINUX_SKIPPED,      /* a GHES_ASSIST structure: skipped by design */
	HEST_LINUX_DROPPED,      /* GHES registration failed as a whole (duplicate id) */
};

struct hest_linux_source {
	size_t index;                 /* into m->src */
	enum hest_linux_verdict verdict;
	char reason[256];             /* the kernel's message or behaviour */
};

struct hest_linux_summary {
	enum hest_arch arch;
	enum hest_linux_table table;
	char table_reason[256];
	unsigned registered;          /* GHES devices that probe successfully (bound; also those never polled) */
	unsigned phys_bits;           /* the physical address width modelled */
	struct hest_linux_source *v;  /* one per source of the model, in order */
	size_t n;
};

/* What Linux 6.x (drivers/acpi/apei/hest.c, ghes.c, apei-base.c) would do
 * with the table on `arch` (ANY: the verdict of an x86_64 kernel, with the
 * differences for arm64 noted in the reasons).  Returns 0, or -1 on OOM. */
int hest_linux_summarize(const struct hest_model *m, const struct hest_decode_info *info, enum hest_arch arch,
			 unsigned phys_bits, struct hest_linux_summary *s);
/* The CPU's physical address width modelled for `arch`: `given`, or when
 * 0 the widest the architecture allows (x86_64 52, arm64 48 as Debian's
 * kernels, riscv64 56).  ioremap refuses a register above it, and Linux
 * then fails to probe that GHES with -6 (ENXIO: logged at debug level only,
 * "probe of GHES.N rejects match -6"; the device stays, unbound). */
unsigned hest_linux_phys_bits(enum hest_arch arch, unsigned given);
void hest_linux_summary_free(struct hest_linux_summary *s);
const char *hest_linux_verdict_name(enum hest_linux_verdict v);

#ifdef __cplusplus
}
#endif
#endif
