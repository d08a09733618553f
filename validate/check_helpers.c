/* The helpers every check calls: where a diagnostic points and how it is
 * worded (vreport), reading fields through memoised descriptor lookups,
 * MCA banks, source ids.  They call no check: the runner (check_run.c)
 * calls the checks, the checks call these. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <hest/rules.h>
#include <hest/fields.h>
#include "check_helpers.h"

#define PREFIX_MAX 160 /* "source ID (type): ", cut at 159 bytes */
#define MESSAGE_MAX 1024 /* the message after it, cut at 1023 bytes */

/* Records prefix + message (buf holds the plen bytes of the prefix and has
 * MESSAGE_MAX bytes of room after them), formatted once. */
static void vadd(struct vctx *c, const char *rule, enum hest_severity sev, struct hest_loc loc, char *buf,
		 size_t plen, const char *fmt, va_list ap)
{
	int n = vfmt(buf + plen, MESSAGE_MAX, fmt, ap);
	size_t mlen = n < 0 ? 0 : (size_t)n < MESSAGE_MAX ? (size_t)n : MESSAGE_MAX - 1;
	hest_diag_add_msg(c->d, sev, rule, loc, buf, plen + mlen);
}

/* The slot of a string constant: its address, hashed. */
static size_t vcache_slot(const void *key, size_t nslots)
{
	uint64_t h = (uint64_t)(uintptr_t)key * UINT64_C(0x9E3779B97F4A7C15);
	return (size_t)(h >> 40) & (nslots - 1);
}

static bool rule_on(const struct vctx *c, const char *rule, enum hest_severity *sev)
{
	const struct hest_validate_options *o = c->o;
	struct vcache_rule *e = c->vc && rule ? &c->vc->rules[vcache_slot(rule, VCACHE_RULES)] : NULL;
	if (e && e->key == rule && strcmp(e->id, rule) == 0) {
		*sev = e->sev;
		return e->on;
	}
	const struct hest_rule *r = rule ? hest_rule_find(rule) : NULL;
	bool on = vrule_effective(r, rule, o->settings, o->nsettings, o->werror, sev);
	if (e && r) {
		e->key = rule;
		e->id = r->id;
		e->sev = *sev;
		e->on = on;
	}
	return on;
}

/* The offset of the field at `path` in desc (0 when it has none). */
static size_t field_offset(const struct vctx *c, const struct hest_struct_desc *desc, const char *path)
{
	size_t off = 0;
	struct vcache_path *e = c->vc ? &c->vc->paths[vcache_slot(path, VCACHE_PATHS)] : NULL;
	if (e && e->key == path && e->desc == desc && strcmp(e->path, path) == 0)
		return e->offset;
	if (!hest_field_path(desc, path, &off))
		off = 0;
	size_t n = strlen(path);
	if (e && n < VCACHE_PATH && off <= UINT32_MAX) {
		memcpy(e->path, path, n + 1);
		e->key = path;
		e->desc = desc;
		e->offset = (uint32_t)off;
	}
	return off;
}

static struct hest_loc src_loc(const struct vctx *c, const struct hest_source *s, const char *path,
			       uint32_t extra)
{
	struct hest_loc loc = { c->m->file, 0, 0, false, 0 };
	const struct hest_source *base = s ? s : &c->m->hdr;
	size_t off = path && base->desc ? field_offset(c, base->desc, path) : 0;
	if (c->info) {
		loc.has_offset = true;
		loc.offset = (uint64_t)(s ? s->layout.hest_offset : 0) + off + extra;
		return loc;
	}
	const struct hest_given *g = path ? hest_source_given(base, path) : NULL;
	struct hest_pos pos = g ? g->pos : base->pos;
	loc.line = pos.line;
	loc.col = pos.col;
	return loc;
}

/* Appends s to buf[*at..PREFIX_MAX - 1), cut short like snprintf. */
static void prefix_put(char *buf, size_t *at, const char *s)
{
	while (*s && *at < PREFIX_MAX - 1)
		buf[(*at)++] = *s++;
}

/* "source ID (type): " or, for a named source of a description,
 * "source 'NAME' (type, id ID): "; its length (at most PREFIX_MAX - 1). */
static size_t source_prefix(const struct vctx *c, const struct hest_source *s, char *buf)
{
	char tb[32];
	const char *type = vtype_name(s, tb, sizeof(tb));
	if (!c->info && s->name && s->name[0]) {
		int n = snprintf(buf, PREFIX_MAX, "source '%s' (%s, id %u): ", s->name, type, vsource_id(s));
		return n < 0 ? 0 : (size_t)n < PREFIX_MAX ? (size_t)n : PREFIX_MAX - 1;
	}
	char id[12];
	size_t k = sizeof(id);
	unsigned v = vsource_id(s);
	id[--k] = 0;
	do {
		id[--k] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	size_t at = 0;
	prefix_put(buf, &at, "source ");
	prefix_put(buf, &at, id + k);
	prefix_put(buf, &at, " (");
	prefix_put(buf, &at, type);
	prefix_put(buf, &at, "): ");
	return at;
}

void vreport(struct vctx *c, const char *rule, const struct hest_source *s, const char *path, uint32_t extra,
	     const char *fmt, ...)
{
	enum hest_severity sev;
	if (!rule_on(c, rule, &sev))
		return;
	char buf[PREFIX_MAX + MESSAGE_MAX];
	size_t plen = s ? source_prefix(c, s, buf) : 0;
	va_list ap;
	va_start(ap, fmt);
	vadd(c, rule, sev, src_loc(c, s, path, extra), buf, plen, fmt, ap);
	va_end(ap);
}

void vreport_at(struct vctx *c, const char *rule, uint64_t off, const char *fmt, ...)
{
	enum hest_severity sev;
	if (!rule_on(c, rule, &sev))
		return;
	struct hest_loc loc = { c->m->file, 0, 0, c->info != NULL, c->info ? off : 0 };
	char buf[MESSAGE_MAX];
	va_list ap;
	va_start(ap, fmt);
	vadd(c, rule, sev, loc, buf, 0, fmt, ap);
	va_end(ap);
}

/* --- field helpers --------------------------------------------------------- */

uint64_t vget(const struct hest_source *s, const char *path)
{
	uint64_t v = 0;
	if (!hest_source_get(s, path, &v))
		return 0;
	return v;
}

const struct hest_field *vfield(const struct hest_source *s, struct vmemo *vm, size_t *offset)
{
	if (!s->desc)
		return NULL;
	unsigned t = s->type;
	if (t < VMEMO_TYPES && (vm->have >> t & 1u) && vm->slot[t].desc == s->desc) {
		*offset = vm->slot[t].offset;
		return vm->slot[t].field;
	}
	size_t off = 0;
	const struct hest_field *f = hest_field_path(s->desc, vm->path, &off);
	if (t < VMEMO_TYPES) {
		vm->slot[t] = (struct vmemo_slot){ s->desc, f, off };
		vm->have |= (uint16_t)(1u << t);
	}
	*offset = off;
	return f;
}

bool vget_has(const struct hest_source *s, struct vmemo *vm, uint64_t *v)
{
	size_t off = 0;
	const struct hest_field *f = vfield(s, vm, &off);
	if (!f || f->size > 8 || off + f->size > s->len)
		return false;
	*v = hest_get_le(s->bytes + off, f->size);
	return true;
}

/* Only the paths and the "filled" bits: the slots are written before they
 * are read. */
static void vmemo_init(struct vmemo *vm, const char *path)
{
	vm->path = path;
	vm->have = 0;
}

void vmemos_init(struct vmemos *mm)
{
	vmemo_init(&mm->flags, "flags");
	vmemo_init(&mm->enabled, "enabled");
	vmemo_init(&mm->related, "related_source_id");
	vmemo_init(&mm->records, "records_to_preallocate");
	vmemo_init(&mm->sections, "max_sections_per_record");
	vmemo_init(&mm->ntype, "notification.type");
	vmemo_init(&mm->nlength, "notification.length");
	vmemo_init(&mm->ncwe, "notification.config_write_enable");
	vmemo_init(&mm->npoll, "notification.poll_interval_ms");
	vmemo_init(&mm->nvector, "notification.vector");
	vmemo_init(&mm->ebl, "error_block_length");
	vmemo_init(&mm->raw, "max_raw_data_length");
	vmemo_init(&mm->status.vm, "error_status_address");
	mm->status.sub = NULL;
	vmemo_init(&mm->read_ack.vm, "read_ack.register");
	mm->read_ack.sub = NULL;
}

uint64_t vget_m(const struct hest_source *s, struct vmemo *vm)
{
	uint64_t v = 0;
	if (!vget_has(s, vm, &v))
		return 0;
	return v;
}

void vget_gas_m(const struct hest_source *s, struct vgas_memo *gm, struct vgas *g)
{
	static const char *const keys[] = { "space_id", "bit_width", "bit_offset", "access_size", "address" };
	uint64_t *out[] = { &g->space, &g->width, &g->offset, &g->access, &g->addr };
	size_t base;
	const struct hest_field *f = vfield(s, &gm->vm, &base);
	if (f && f->kind == HEST_FK_STRUCT && gm->sub != f->sub) {
		for (size_t i = 0; i < 5; i++)
			gm->f[i] = hest_field_find(f->sub, keys[i]);
		gm->sub = f->sub;
	}
	for (size_t i = 0; i < 5; i++) {
		const struct hest_field *sf = f && f->kind == HEST_FK_STRUCT ? gm->f[i] : NULL;
		*out[i] = sf && sf->size <= 8 && base + sf->offset + sf->size <= s->len
			? hest_get_le(s->bytes + base + sf->offset, sf->size) : 0;
	}
}

const char *vtype_name(const struct hest_source *s, char *buf, size_t size)
{
	if (s->desc)
		return s->desc->key;
	snprintf(buf, size, "type %u", s->type);
	return buf;
}

unsigned vsource_id(const struct hest_source *s)
{
	return s->len >= 4 ? (unsigned)hest_get_le(s->bytes + 2, 2) : 0xFFFFu;
}

bool vis_ghes(const struct hest_source *s)
{
	return s->desc && (s->type == 9 || s->type == 10);
}

bool vis_mc(const struct hest_source *s)
{
	return s->desc && (s->type == 0 || s->type == 1 || s->type == 11);
}

bool vis_aer(const struct hest_source *s)
{
	return s->desc && (s->type == 6 || s->type == 7 || s->type == 8);
}

bool vall_zero(const struct hest_source *s)
{
	return hest_all_zero(s->bytes, s->len);
}

const uint8_t *vbanks(const struct hest_source *s, size_t *nbanks, size_t *stride)
{
	const struct hest_field *count;
	const struct hest_field *arr = s->desc ? hest_array_field(s->desc, &count) : NULL;
	*nbanks = 0;
	*stride = 0;
	if (!arr || !count || count->offset + count->size > s->len)
		return NULL;
	size_t n = (size_t)hest_get_le(s->bytes + count->offset, count->size);
	/* Only banks whose bytes are present (a description may disagree). */
	size_t have = s->len > s->desc->size ? (s->len - s->desc->size) / arr->size : 0;
	*nbanks = n < have ? n : have;
	*stride = arr->size;
	return *nbanks ? s->bytes + s->desc->size : NULL;
}

const uint8_t *vbank(const struct hest_source *s, size_t i, size_t *nbanks)
{
	size_t stride;
	const uint8_t *b = vbanks(s, nbanks, &stride);
	return b && i < *nbanks ? b + i * stride : NULL;
}

uint32_t vbank_offset(const struct hest_source *s, size_t i)
{
	return s->desc ? (uint32_t)(s->desc->size + i * hest_desc_bank.size) : 0;
}

/* --- notifications ---------------------------------------------------- */

enum hest_arch vnotify_arch(uint64_t type)
{
	switch (type) {
	case NOTIFY_NMI: case NOTIFY_CMCI: case NOTIFY_MCE:
		return HEST_ARCH_X86_64;
	case NOTIFY_SEA: case NOTIFY_SEI: case NOTIFY_SDEI:
		return HEST_ARCH_ARM64;
	case NOTIFY_SSE:
		return HEST_ARCH_RISCV64;
	default:
		return HEST_ARCH_ANY;
	}
}

const char *vnotify_arch_words(enum hest_arch arch)
{
	switch (arch) {
	case HEST_ARCH_X86_64:
		return "an IA-32/x64";
	case HEST_ARCH_ARM64:
		return "an Armv8";
	case HEST_ARCH_RISCV64:
		return "a RISC-V";
	default:
		return "a generic";
	}
}

/* --- source ids ------------------------------------------------------------ */

int vidmap_init(struct vidmap *m, size_t n)
{
	unsigned bits = 4;
	while (((size_t)1 << bits) < 2 * n)
		bits++;
	m->mask = ((size_t)1 << bits) - 1;
	m->shift = 32 - bits;
	m->v = calloc(m->mask + 1, sizeof(*m->v));
	return m->v ? 0 : -1;
}

/* Fibonacci hashing: the top bits of id x 2^32/phi. */
static size_t vidmap_slot(const struct vidmap *m, unsigned id)
{
	return (size_t)(((uint32_t)id * 2654435769u) >> m->shift) & m->mask;
}

size_t vidmap_get(const struct vidmap *m, unsigned id)
{
	for (size_t i = vidmap_slot(m, id);; i = (i + 1) & m->mask) {
		if (!m->v[i].index1)
			return 0;
		if (m->v[i].id == id)
			return m->v[i].index1;
	}
}

size_t vidmap_add(struct vidmap *m, unsigned id, size_t index)
{
	for (size_t i = vidmap_slot(m, id);; i = (i + 1) & m->mask) {
		if (!m->v[i].index1) {
			m->v[i] = (struct vidslot){ (uint32_t)index + 1, (uint16_t)id };
			return 0;
		}
		if (m->v[i].id == id)
			return m->v[i].index1;
	}
}

void vidmap_free(struct vidmap *m)
{
	free(m->v);
	m->v = NULL;
}

/* --- QEMU's walk of the HEST (QEMU-HEST-WALK; the walk itself is described
 * in validate/check_qemu.c) ------------------------------------------------ */

#define GHESV2_TYPE 10u
#define GHESV2_SIZE 92u

static bool qemu_ghesv2(const struct hest_source *s)
{
	return s->type == GHESV2_TYPE && s->len == GHESV2_SIZE;
}

enum hest_qemu_walk hest_qemu_walk(const struct hest_model *m, size_t nstruct, size_t k, size_t *at)
{
	uint32_t count = (uint32_t)hest_get_le(m->hdr.bytes + 36, 4);
	unsigned id = vsource_id(&m->src[k]);
	for (size_t i = 0; i <= k && i < nstruct; i++) {
		*at = i;
		if (i >= count)
			return HEST_QEMU_WALK_COUNT;
		const struct hest_source *s = &m->src[i];
		if (!qemu_ghesv2(s))
			return HEST_QEMU_WALK_TYPE;
		if (vsource_id(s) == id)
			return i == k ? HEST_QEMU_WALK_FOUND : HEST_QEMU_WALK_SHADOWED;
	}
	*at = k;
	return HEST_QEMU_WALK_COUNT; /* k beyond the structures QEMU can reach */
}

bool hest_qemu_walks(const struct hest_model *m)
{
	return m->placement.mode == HEST_PLACE_LINKER_LOADER &&
	       strcmp(m->placement.hest_address_blob, QEMU_HEST_ADDR_FILE) == 0;
}

void hest_qemu_walk_message(const struct hest_model *m, size_t k, enum hest_qemu_walk r, size_t at, char *buf,
			    size_t size)
{
	const struct hest_source *s = &m->src[k], *b = &m->src[at];
	unsigned id = vsource_id(s);
	char tb[32], where[96]; /* the structure the walk stops at: by name, else by offset */
	if (b->name && b->name[0])
		snprintf(where, sizeof(where), "'%s'", b->name);
	else
		snprintf(where, sizeof(where), "at 0x%x", (unsigned)b->layout.hest_offset);
	switch (r) {
	case HEST_QEMU_WALK_TYPE:
		if (at == k)
			snprintf(buf, size,
				 "QEMU will not find source %u: it is a %s (type %u, %u bytes) and QEMU's HEST walk takes "
				 "92-byte GHESv2 structures only (\"HEST: type %u not supported.\"); make it a ghes-v2",
				 id, vtype_name(s, tb, sizeof(tb)), s->type, s->len, s->type);
		else
			snprintf(buf, size,
				 "QEMU will not find source %u: QEMU walks the HEST from its first structure in steps of "
				 "92 bytes, GHESv2 only, and stops at structure #%zu %s, a %s (type %u, %u bytes), with "
				 "\"HEST: type %u not supported.\"; put the GHESv2 sources QEMU uses first",
				 id, at, where, vtype_name(b, tb, sizeof(tb)), b->type, b->len, b->type);
		break;
	case HEST_QEMU_WALK_COUNT:
		snprintf(buf, size,
			 "QEMU will not find source %u: it is structure #%zu but QEMU walks only the %u structures "
			 "Error Source Count declares (\"HEST: Source %u not found.\")",
			 id, k, (unsigned)hest_get_le(m->hdr.bytes + 36, 4), id);
		break;
	case HEST_QEMU_WALK_SHADOWED:
		snprintf(buf, size,
			 "QEMU will not find source %u: structure #%zu %s before it has the same id, and QEMU's walk "
			 "stops at the first match, so it writes that source's block instead",
			 id, at, where);
		break;
	default:
		buf[0] = '\0';
		break;
	}
}
