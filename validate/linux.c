/* What Linux 6.x does with a HEST, from drivers/acpi/apei/hest.c (walk and
 * GHES registration), ghes.c (ghes_probe, ghes_new, ghes_add_timer),
 * apei-base.c (apei_check_gar) and arch/x86/kernel/acpi/apei.c
 * (arch_apei_enable_cmcff).  The facts, in kernel order:
 *
 *  - apei_hest_parse walks exactly error_source_count structures by their
 *    type-implied lengths; a type it has no length for ("Unknown or unused
 *    hardware error source type") or a structure past the table length
 *    ("Table contents overflow") fails the parse, which disables HEST: no
 *    GHES is registered at all.
 *  - The first pass hands every CMC to arch_apei_enable_cmcff; on x86 it
 *    returns 0 for a disabled CMC, hest_parse_cmc returns the negation, and
 *    the non-zero result fails the parse (HEST disabled).  An enabled
 *    FIRMWARE_FIRST CMC with banks makes Linux stop polling those banks.
 *  - GHES_ASSIST structures (a GHES whose related_source_id is the id of an
 *    MCE/CMC/deferred MC with GHES_ASSIST) are skipped.
 *  - Every enabled GHES/GHESv2 gets a platform device "GHES.<id>"; a second
 *    one with the same id ("Duplicated hardware error source ID") unwinds
 *    them all and disables HEST.
 *  - ghes_probe: notification type (polled, external, SCI, GSIV, GPIO
 *    everywhere; NMI with HAVE_ACPI_APEI_NMI = x86; SEA and SDEI on arm64;
 *    local interrupt never; anything else "Unknown notification type"),
 *    error_block_length >= 20, the read-ack register (GHESv2) then the
 *    error status address through apei_check_gar, a warning and a clamp
 *    above 64 KiB, and a polled source with interval 0 is never polled.
 *    A register it cannot map (bit_width 0, or beyond the physical address
 *    width) is -ENXIO, which the driver core logs at debug level only.
 *    Measured under QEMU with Linux 6.1 and 6.12: tests/e2e/linux-model.sh.
 *  - AER, MCE, NMI and deferred MC structures are not used by the HEST code
 *    of Linux 6.x (PCIe AER ownership comes from _OSC since 5.9). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <inttypes.h>
#include <hest/fields.h>
#include "check_passes.h"

#define FLAG_FIRMWARE_FIRST 0x1u
#define FLAG_GHES_ASSIST 0x4u
#define EINVAL_RC 22
#define EIO_RC 5
#define ENXIO_RC 6
#define ENOTSUPP_RC 524

struct run {
	const struct hest_model *m;
	const struct hest_decode_info *info;
	enum hest_arch arch;
	unsigned phys_bits; /* the CPU's physical address width: ioremap refuses above it */
	struct hest_linux_summary *s; /* s->v is NULL when only diagnostics are wanted */
	struct vctx *c; /* diagnostics, or NULL */
	size_t nreal, reach;
	bool *done; /* a verdict was given to source i */
	struct vmemos *mm; /* shared with the other passes when c is set */
};

/* Whether the verdicts' reasons are kept (a summary, not only diagnostics). */
static bool keeping(const struct run *r)
{
	return r->s->v != NULL;
}

static void set(struct run *r, size_t i, enum hest_linux_verdict v, const char *fmt, ...)
{
	r->done[i] = true;
	if (!keeping(r))
		return;
	struct hest_linux_source *e = &r->s->v[i];
	va_list ap;
	e->verdict = v;
	va_start(ap, fmt);
	vsnprintf(e->reason, sizeof(e->reason), fmt, ap);
	va_end(ap);
}

static void refuse(struct run *r, const char *fmt, ...)
{
	va_list ap;
	if (r->s->table == HEST_LINUX_TABLE_REFUSED)
		return;
	r->s->table = HEST_LINUX_TABLE_REFUSED;
	if (!keeping(r))
		return;
	va_start(ap, fmt);
	vsnprintf(r->s->table_reason, sizeof(r->s->table_reason), fmt, ap);
	va_end(ap);
}

static bool x86ish(const struct run *r)
{
	return r->arch != HEST_ARCH_ARM64;
}

/* --- the walk ---------------------------------------------------------- */

static void walk(struct run *r)
{
	const struct hest_decode_info *in = r->info;
	uint32_t count = in ? in->declared_count : (uint32_t)r->nreal;
	r->reach = count < r->nreal ? count : r->nreal;
	if (!in || count <= r->nreal)
		return;
	const struct hest_model *m = r->m;
	if (in->tail == HEST_TAIL_UNKNOWN_TYPE) {
		const struct hest_source *t = &m->src[in->nstruct];
		refuse(r,
		       "[Firmware Warn]: HEST: Unknown or unused hardware error source type: %" PRIu32
		       " for hardware error source: %u. (structure %zu at 0x%" PRIx32 ")",
		       in->tail_type, vsource_id(t), r->nreal + 1, in->tail_offset);
		if (r->c)
			vreport_at(r->c, "LINUX-HEST-REFUSED", in->tail_offset,
				   "Linux reaches this type %" PRIu32 " structure (number %zu of the %" PRIu32
				   " declared), refuses the table and registers no GHES",
				   in->tail_type, r->nreal + 1, count);
	} else if (in->tail == HEST_TAIL_TRUNCATED) {
		const struct hest_source *t = &m->src[in->nstruct];
		refuse(r, "[Firmware Bug]: HEST: Table contents overflow for hardware error source: %u. (at 0x%" PRIx32 ")",
		       vsource_id(t), in->tail_offset);
		if (r->c)
			vreport_at(r->c, "LINUX-HEST-REFUSED", in->tail_offset,
				   "Linux reaches this structure, finds it overflows the table and registers no GHES");
	} else {
		uint32_t at = in->tail != HEST_TAIL_NONE ? in->tail_offset : in->walk_end;
		refuse(r,
		       "the declared count (%" PRIu32 ") makes Linux read structure %zu at 0x%" PRIx32
		       ", past the last one: whatever follows the table in memory is refused (\"Table contents "
		       "overflow\" or \"Unknown or unused hardware error source type\")",
		       count, r->nreal + 1, at);
		if (r->c)
			vreport_at(r->c, "LINUX-HEST-REFUSED", 36,
				   "Error Source Count %" PRIu32 " makes Linux read a structure at 0x%" PRIx32
				   " beyond the last one; it refuses the table and registers no GHES",
				   count, at);
	}
}

/* hest_parse_cmc (x86: arch_apei_enable_cmcff). */
static void cmc_pass(struct run *r)
{
	for (size_t i = 0; i < r->reach && r->s->table == HEST_LINUX_TABLE_OK; i++) {
		const struct hest_source *s = &r->m->src[i];
		if (!s->desc || s->type != 1)
			continue;
		if (!vget_m(s, &r->mm->enabled)) {
			if (!x86ish(r)) {
				set(r, i, HEST_LINUX_NOT_GHES, "disabled CMC: ignored on arm64");
				continue;
			}
			set(r, i, HEST_LINUX_NOT_GHES, "disabled CMC: x86 arch_apei_enable_cmcff returns 0, which ends HEST parsing");
			refuse(r, "a disabled CMC structure (source %u) makes hest_parse_cmc fail on x86: HEST is "
				  "disabled (\"GHES: HEST is not enabled!\")",
			       vsource_id(s));
			if (r->c)
				vreport(r->c, "LINUX-CMC-DISABLED", s, "enabled", 0,
					"this CMC is disabled: on x86, arch_apei_enable_cmcff returns 0 for it, "
					"hest_parse_cmc fails and Linux disables HEST (no GHES is registered)");
			continue;
		}
		size_t n, stride;
		const uint8_t *banks = vbanks(s, &n, &stride);
		if (!keeping(r)) {
			set(r, i, HEST_LINUX_NOT_GHES, "-");
		} else if ((vget_m(s, &r->mm->flags) & FLAG_FIRMWARE_FIRST) && n) {
			char list[128] = "";
			size_t k = 0;
			for (size_t b = 0; b < n && k + 8 < sizeof(list); b++) {
				const uint8_t *bank = banks + b * stride;
				k += (size_t)snprintf(list + k, sizeof(list) - k, "%s%u", b ? "," : "", bank[0]);
			}
			set(r, i, HEST_LINUX_NOT_GHES,
			    "x86: \"HEST: Enabling Firmware First mode for corrected errors.\"; MCA banks %s%s are left "
			    "to firmware (numbers beyond the CPU's banks: \"Ignoring request to disable invalid MCA "
			    "bank\")",
			    list, k + 8 >= sizeof(list) ? ",..." : "");
		} else {
			set(r, i, HEST_LINUX_NOT_GHES,
			    "x86: not firmware first (no FIRMWARE_FIRST flag or no banks): Linux handles corrected "
			    "errors itself");
		}
	}
}

/* is_ghes_assist_struct: the static "mces" cache holds the last MCE, CMC
 * and deferred MC seen; a later pass starts with those of the whole walk,
 * so a GHES before any of them is matched against the last one.  `seen`
 * holds the last of each kind before the GHES, `last` those of the walk. */
struct mces {
	const struct hest_source *seen[3], *last[3];
};

static int mc_slot(const struct hest_source *s)
{
	if (!s->desc)
		return -1;
	return s->type == 0 ? 0 : s->type == 1 ? 1 : s->type == 11 ? 2 : -1;
}

static bool assist_skipped(struct run *r, const struct mces *mc, const struct hest_source *g)
{
	unsigned rel = (unsigned)vget_m(g, &r->mm->related);
	for (int k = 0; k < 3; k++) {
		const struct hest_source *pick = mc->seen[k] ? mc->seen[k] : mc->last[k];
		if (pick && (vget_m(pick, &r->mm->flags) & FLAG_GHES_ASSIST) && vsource_id(pick) == rel)
			return true;
	}
	return false;
}

static const char *notify_word(unsigned t)
{
	const char *n = hest_name_of(&hest_notify_type_names, t);
	return n ? n : "reserved";
}

/* ghes_probe's notification switch: 0 when supported, else the error code.
 * With --arch any, NMI is judged as on x86 and SEA/SDEI as on arm64, the
 * architectures they exist on. */
static int notify_supported(const struct run *r, const struct hest_source *g, unsigned t, char *why, size_t size)
{
	unsigned id = vsource_id(g);
	bool arm = r->arch == HEST_ARCH_ARM64 || (r->arch == HEST_ARCH_ANY && (t == 8 || t == 11));
	bool x86 = r->arch == HEST_ARCH_X86_64 || r->arch == HEST_ARCH_ANY;
	const char *kernel = r->arch == HEST_ARCH_RISCV64 ? "riscv64" : r->arch == HEST_ARCH_ARM64 ? "arm64" : "x86";
	switch (t) {
	case 0: case 1: case 3: case 7: case 10:
		return 0;
	case 2:
		snprintf(why, size, "GHES: Generic hardware error source: %u notified via local interrupt is not supported!", id);
		return EINVAL_RC;
	case 4:
		if (x86 && !arm)
			return 0;
		snprintf(why, size, "GHES: Generic hardware error source: %u notified via NMI interrupt is not supported! (%s)",
			 id, kernel);
		return EINVAL_RC;
	case 8:
		if (arm)
			return 0;
		snprintf(why, size, "GHES: Generic hardware error source: %u notified via SEA is not supported (%s)", id,
			 kernel);
		return ENOTSUPP_RC;
	case 11:
		if (arm)
			return 0;
		snprintf(why, size, "GHES: Generic hardware error source: %u notified via SDE Interface is not supported! (%s)",
			 id, kernel);
		return EINVAL_RC;
	case 12:
		/* RISC-V SSE: support was posted to the kernel lists, not merged */
		snprintf(why, size, "[Firmware Warn]: GHES: Unknown notification type: %u for generic hardware error source: "
			 "%u (mainline Linux has no RISC-V SSE support)", t, id);
		return EINVAL_RC;
	default:
		snprintf(why, size, "[Firmware Warn]: GHES: Unknown notification type: %u for generic hardware error source: %u",
			 t, id);
		return EINVAL_RC;
	}
}

/* apei_check_gar, in its order: address, access size, width, space. */
static bool gar_ok(const struct hest_source *g, struct vgas_memo *gm, char *why, size_t size)
{
	struct vgas gas;
	vget_gas_m(g, gm, &gas);
	uint64_t v[5] = { gas.addr, gas.width, gas.offset, gas.access, gas.space };
	const char *bad = NULL;
	unsigned bits = v[3] >= 1 && v[3] <= 4 ? 4u << v[3] : 0;
	if (v[1] == 32 && v[2] == 0 && (v[0] & 3) == 0 && bits && bits < 32)
		bits = 32;
	else if (v[1] == 64 && v[2] == 0 && (v[0] & 7) == 0 && bits && bits < 64)
		bits = 64;
	if (!v[0])
		bad = "Invalid physical address";
	else if (!bits)
		bad = "Invalid access size code";
	else if (v[1] + v[2] > bits)
		bad = "Invalid bit width + offset";
	else if (v[4] != 0 && v[4] != 1)
		bad = "Invalid address space type";
	if (!bad)
		return true;
	snprintf(why, size, "[Firmware Bug]: APEI: %s in GAR [0x%" PRIx64 "/%" PRIu64 "/%" PRIu64 "/%" PRIu64 "/%" PRIu64 "]",
		 bad, v[0], v[1], v[2], v[3], v[4]);
	return false;
}

/* apei_map_generic_address: apei_check_gar (-EINVAL, printed), then for
 * system memory acpi_os_map_generic_address, whose NULL is -ENXIO: it maps
 * nothing for a register of bit_width 0, and ioremap refuses an address
 * beyond the CPU's physical address width.  x86's __ioremap_caller checks
 * the register's first byte (phys_addr_valid), prints "ioremap: invalid
 * physical address <hex>" and WARNs (once per boot); arm64's ioremap checks
 * the last byte against PHYS_MASK and prints nothing.  Returns 0, or the
 * error (EINVAL_RC, ENXIO_RC) with the reason in why. */
static int map_gar(const struct run *r, const struct hest_source *g, struct vgas_memo *gm, char *why, size_t size)
{
	if (!gar_ok(g, gm, why, size))
		return EINVAL_RC;
	struct vgas gas;
	vget_gas_m(g, gm, &gas);
	if (gas.space != 0)
		return 0; /* system I/O needs no mapping */
	if (gas.width == 0) {
		snprintf(why, size, "a system-memory register of bit_width 0 at 0x%" PRIx64
			 ": acpi_os_map_generic_address maps nothing for it", gas.addr);
		return ENXIO_RC;
	}
	bool x86 = r->arch == HEST_ARCH_X86_64 || r->arch == HEST_ARCH_ANY;
	uint64_t bytes = gas.width / 8 ? gas.width / 8 : 1;
	uint64_t first = gas.addr;
	if (!x86)
		first = gas.addr + bytes - 1 < gas.addr ? UINT64_MAX : gas.addr + bytes - 1;
	if (r->phys_bits >= 64 || !(first >> r->phys_bits))
		return 0;
	unsigned need = 64;
	while (need > 1 && !(first >> (need - 1)))
		need--;
	if (x86)
		snprintf(why, size, "\"ioremap: invalid physical address %" PRIx64 "\" and a WARNING (it needs %u address "
			 "bits; the CPU has %u, --phys-bits)",
			 gas.addr, need, r->phys_bits);
	else
		snprintf(why, size, "ioremap refuses physical address 0x%" PRIx64 ", silently (its last byte needs %u "
			 "address bits; %u are modelled, --phys-bits)",
			 gas.addr, need, r->phys_bits);
	return ENXIO_RC;
}

static void probe(struct run *r, size_t i)
{
	const struct hest_source *g = &r->m->src[i];
	unsigned id = vsource_id(g);
	struct vmemos *mm = r->mm;
	unsigned t = (unsigned)vget_m(g, &mm->ntype);
	uint64_t ebl = vget_m(g, &mm->ebl);
	char why[200];
	int rc = notify_supported(r, g, t, why, sizeof(why));
	if (rc) {
		set(r, i, HEST_LINUX_PROBE_FAILED, "%s; GHES: probe of GHES.%u failed with error -%d", why, id, rc);
		if (r->c && (t == 2 || t == 5 || t == 6 || t == 9 || t == 12))
			vreport(r->c, "LINUX-NOTIFY", g, "notification.type", 0,
				"Linux's GHES driver has no handler for %s notifications: \"%s\"", notify_word(t), why);
		return;
	}
	if (ebl < 20) {
		set(r, i, HEST_LINUX_PROBE_FAILED,
		    "[Firmware Bug]: GHES: Invalid error block length: %" PRIu64 " for generic hardware error source: "
		    "%u; probe of GHES.%u failed with error -%d",
		    ebl, id, id, EIO_RC);
		return;
	}
	/* ghes_new maps the read-ack register first, then the status register */
	rc = g->type == 10 ? map_gar(r, g, &mm->read_ack, why, sizeof(why)) : 0;
	if (!rc)
		rc = map_gar(r, g, &mm->status, why, sizeof(why));
	if (rc == ENXIO_RC) {
		/* really_probe takes -ENXIO (and -ENODEV) for "no match": debug level only */
		set(r, i, HEST_LINUX_PROBE_FAILED,
		    "%s; probe: -%d (ENXIO), logged at debug level only (\"GHES: probe of GHES.%u rejects match -%d\"): "
		    "GHES.%u unbound",
		    why, ENXIO_RC, id, ENXIO_RC, id);
		return;
	}
	if (rc) {
		set(r, i, HEST_LINUX_PROBE_FAILED, "%s; GHES: probe of GHES.%u failed with error -%d", why, id, rc);
		return;
	}
	char extra[200] = "";
	if (ebl > 65536)
		snprintf(extra, sizeof(extra),
			 "; \"[Firmware Warn]: GHES: Error status block length is too long: %" PRIu64
			 " for generic hardware error source: %u.\" (only 65536 bytes are read)",
			 ebl, id);
	/* the device is bound either way: with a poll interval of 0 its timer
	 * is never started */
	r->s->registered++;
	if (t == 0 && vget_m(g, &mm->npoll) == 0) {
		set(r, i, HEST_LINUX_INACTIVE,
		    "GHES.%u bound, never polled: \"[Firmware Warn]: GHES: Poll interval is 0 for generic hardware error "
		    "source: %u, disabled.\" (a record present at probe is still reported)%s",
		    id, id, extra);
		return;
	}
	if (t == 0)
		set(r, i, HEST_LINUX_REGISTERED, "GHES.%u, polled every %" PRIu64 " ms%s", id,
		    vget_m(g, &mm->npoll), extra);
	else if (t == 1)
		set(r, i, HEST_LINUX_REGISTERED, "GHES.%u, interrupt on GSI %" PRIu64 " (if acpi_gsi_to_irq maps it)%s", id,
		    vget_m(g, &mm->nvector), extra);
	else if (t == 11)
		set(r, i, HEST_LINUX_REGISTERED, "GHES.%u, SDEI event %" PRIu64 " (if firmware implements SDEI)%s", id,
		    vget_m(g, &mm->nvector), extra);
	else
		set(r, i, HEST_LINUX_REGISTERED, "GHES.%u, notified by %s%s%s", id, notify_word(t),
		    r->arch != HEST_ARCH_ANY ? "" : t == 4 ? " (x86 kernels; arm64 refuses NMI)"
				 : t == 8 ? " (arm64 kernels; x86 refuses SEA)" : "",
		    extra);
}

static void ghes_pass(struct run *r)
{
	struct mces mc = { { NULL, NULL, NULL }, { NULL, NULL, NULL } };
	/* the registered GHES of each id (sized by the structures, not by the
	 * largest id) and the registered GHES in order */
	struct vidmap by_id;
	size_t *reg = malloc((r->reach + 1) * sizeof(*reg));
	size_t nreg = 0;
	if (!reg || vidmap_init(&by_id, r->reach) < 0) {
		free(reg);
		if (r->c)
			r->c->d->oom = true;
		return;
	}
	for (size_t i = 0; i < r->reach; i++) {
		int k = mc_slot(&r->m->src[i]);
		if (k >= 0)
			mc.last[k] = &r->m->src[i];
	}
	for (size_t i = 0; i < r->reach && r->s->table == HEST_LINUX_TABLE_OK; i++) {
		const struct hest_source *g = &r->m->src[i];
		int k = mc_slot(g);
		if (k >= 0)
			mc.seen[k] = g;
		if (!vis_ghes(g))
			continue;
		if (assist_skipped(r, &mc, g)) {
			set(r, i, HEST_LINUX_SKIPPED, "GHES_ASSIST structure for source %" PRIu64 ": skipped (not supported)",
			    vget_m(g, &r->mm->related));
			continue;
		}
		if (!vget_m(g, &r->mm->enabled)) {
			set(r, i, HEST_LINUX_DISABLED, "enabled is 0: no GHES device");
			continue;
		}
		unsigned id = vsource_id(g);
		size_t before = vidmap_add(&by_id, id, i);
		if (before) {
			const struct hest_source *o = &r->m->src[before - 1];
			refuse(r, "[Firmware Warn]: HEST: Duplicated hardware error source ID: %u. (GHES at 0x%" PRIx32
				  " and 0x%" PRIx32 "): every GHES device is unregistered and HEST disabled",
			       id, o->layout.hest_offset, g->layout.hest_offset);
			if (r->c)
				vreport(r->c, "LINUX-HEST-REFUSED", g, "id", 0,
					"a second enabled GHES with id %u: Linux (\"Duplicated hardware error source "
					"ID\") unregisters every GHES and disables HEST",
					id);
			break;
		}
		reg[nreg++] = i;
	}
	if (r->s->table == HEST_LINUX_TABLE_OK)
		for (size_t n = 0; n < nreg; n++)
			probe(r, reg[n]);
	free(reg);
	vidmap_free(&by_id);
}

static void others(struct run *r)
{
	const struct hest_model *m = r->m;
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source *s = &m->src[i];
		if (r->done[i])
			continue;
		if (i >= r->nreal) {
			set(r, i, HEST_LINUX_UNREACHED, "bytes that are not a structure: never used");
			continue;
		}
		if (i >= r->reach) {
			set(r, i, HEST_LINUX_UNREACHED, "structure %zu, beyond the declared count (%zu): never read", i + 1,
			    r->reach);
			if (r->c && vis_ghes(s) && vget_m(s, &r->mm->enabled) && !vall_zero(s) &&
			    r->s->table == HEST_LINUX_TABLE_OK)
				vreport(r->c, "LINUX-UNREACHED", s, NULL, 0,
					"this GHES is structure %zu but Error Source Count is %zu: Linux never registers "
					"it",
					i + 1, r->reach);
			continue;
		}
		if (r->s->table != HEST_LINUX_TABLE_OK) {
			set(r, i, vis_ghes(s) ? HEST_LINUX_DROPPED : HEST_LINUX_NOT_GHES,
			    "HEST disabled: \"GHES: HEST is not enabled!\"");
			continue;
		}
		switch (s->type) {
		case 0:
			set(r, i, HEST_LINUX_NOT_GHES, "IA-32 MCE structure: not used (the MCE driver reads the CPU)");
			break;
		case 2:
			set(r, i, HEST_LINUX_NOT_GHES, "IA-32 NMI structure: not used");
			break;
		case 6: case 7: case 8:
			set(r, i, HEST_LINUX_NOT_GHES, "AER structure: not used (AER ownership comes from _OSC)");
			break;
		case 11:
			set(r, i, HEST_LINUX_NOT_GHES, "deferred MC structure: only used to recognise GHES_ASSIST structures");
			break;
		default:
			set(r, i, HEST_LINUX_NOT_GHES, "not used");
			break;
		}
	}
}

/* With `keep`, the summary's verdicts and reasons; without, only the
 * diagnostics (s->v stays NULL). */
unsigned hest_linux_phys_bits(enum hest_arch arch, unsigned given)
{
	if (given)
		return given;
	/* the widest each architecture allows a kernel: never a false alarm;
	 * --phys-bits narrows it to a real CPU (QEMU's default x86 CPU: 40) */
	switch (arch) {
	case HEST_ARCH_ARM64:
		return 48; /* Debian's arm64 kernels: ARM64_PA_BITS 48 */
	case HEST_ARCH_RISCV64:
		return 56;
	default:
		return 52;
	}
}

static int run(const struct hest_model *m, const struct hest_decode_info *info, enum hest_arch arch,
	       unsigned phys_bits, struct hest_linux_summary *s, struct vctx *c, bool keep)
{
	memset(s, 0, sizeof(*s));
	s->arch = arch;
	s->n = m->nsrc;
	bool *done = calloc(m->nsrc ? m->nsrc : 1, sizeof(*done));
	if (!done)
		return -1;
	if (keep) {
		s->v = calloc(m->nsrc ? m->nsrc : 1, sizeof(*s->v));
		if (!s->v) {
			free(done);
			return -1;
		}
		for (size_t i = 0; i < m->nsrc; i++)
			s->v[i].index = i;
	}
	struct vmemos own;
	if (!c)
		vmemos_init(&own);
	struct run r = { m, info, arch, hest_linux_phys_bits(arch, phys_bits), s, c, info ? info->nstruct : m->nsrc, 0,
			 done, c ? c->mm : &own };
	s->phys_bits = r.phys_bits;
	walk(&r);
	if (s->table == HEST_LINUX_TABLE_OK)
		cmc_pass(&r);
	if (s->table == HEST_LINUX_TABLE_OK)
		ghes_pass(&r);
	others(&r);
	free(done);
	if (s->table == HEST_LINUX_TABLE_OK && keep)
		snprintf(s->table_reason, sizeof(s->table_reason), "HEST: Table parsing has been initialized.");
	else
		s->registered = 0;
	return 0;
}

int hest_linux_summarize(const struct hest_model *m, const struct hest_decode_info *info, enum hest_arch arch,
			 unsigned phys_bits, struct hest_linux_summary *s)
{
	if (m->kind != HEST_TABLE_HEST) { /* a BERT or EINJ: its own driver, its own rules (check_apei.c) */
		memset(s, 0, sizeof(*s));
		s->arch = arch;
		s->table = HEST_LINUX_TABLE_REFUSED;
		snprintf(s->table_reason, sizeof(s->table_reason), "not a HEST: Linux reads the %s with %s",
			 hest_table_desc_of(m->kind)->signature,
			 m->kind == HEST_TABLE_BERT ? "drivers/acpi/apei/bert.c" : "the einj module");
		return 0;
	}
	return run(m, info, arch, phys_bits, s, NULL, true);
}

void hest_linux_summary_free(struct hest_linux_summary *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}

const char *hest_linux_verdict_name(enum hest_linux_verdict v)
{
	switch (v) {
	case HEST_LINUX_REGISTERED:
		return "registered";
	case HEST_LINUX_INACTIVE:
		return "inactive";
	case HEST_LINUX_PROBE_FAILED:
		return "probe-failed";
	case HEST_LINUX_DISABLED:
		return "disabled";
	case HEST_LINUX_NOT_GHES:
		return "not-ghes";
	case HEST_LINUX_UNREACHED:
		return "unreached";
	case HEST_LINUX_SKIPPED:
		return "skipped";
	case HEST_LINUX_DROPPED:
		return "dropped";
	}
	return "?";
}

void check_linux(struct vctx *c)
{
	struct hest_linux_summary s;
	if (run(c->m, c->info, c->o->arch, c->o->phys_bits, &s, c, false) < 0) {
		c->d->oom = true;
		return;
	}
	hest_linux_summary_free(&s);
}
