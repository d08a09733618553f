/* The validator's driver: rule settings (-W/-E/-w, --werror), where a
 * diagnostic points, field access helpers, and the passes. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <hest/rules.h>
#include <hest/fields.h>
#include "check_internal.h"

/* --- rule settings -------------------------------------------------------- */

static bool pattern_match(const char *pattern, const char *id)
{
	size_t n = strlen(pattern);
	if (n && pattern[n - 1] == '*')
		return strncmp(pattern, id, n - 1) == 0;
	return strcmp(pattern, id) == 0;
}

bool hest_rule_pattern_valid(const char *pattern)
{
	for (size_t i = 0; i < hest_rules_count(); i++)
		if (pattern_match(pattern, hest_rule_at(i)->id))
			return true;
	return false;
}

/* hest_rule_effective with the catalogue's entry for id (r) looked up. */
static bool effective(const struct hest_rule *r, const char *id, const struct hest_rule_setting *settings,
		      size_t nsettings, bool werror, enum hest_severity *sev)
{
	/* An id missing from the catalogue is a bug of ours: keep it loud. */
	enum hest_severity s = r ? r->severity : HEST_SEV_ERROR;
	bool on = true;
	for (size_t i = 0; id && i < nsettings; i++) {
		if (!pattern_match(settings[i].pattern, id))
			continue;
		switch (settings[i].action) {
		case HEST_RULE_WARNING:
			s = HEST_SEV_WARNING;
			on = true;
			break;
		case HEST_RULE_ERROR:
			s = HEST_SEV_ERROR;
			on = true;
			break;
		case HEST_RULE_OFF:
			on = false;
			break;
		}
	}
	if (werror && s == HEST_SEV_WARNING)
		s = HEST_SEV_ERROR;
	*sev = s;
	return on;
}

bool hest_rule_effective(const char *id, const struct hest_rule_setting *settings, size_t nsettings,
			 bool werror, enum hest_severity *sev)
{
	return effective(id ? hest_rule_find(id) : NULL, id, settings, nsettings, werror, sev);
}

/* --- locations and messages ---------------------------------------------- */

/* --- message formatting ------------------------------------------------- */

/* Appends n bytes (those that fit before size - 1 are written). */
static void fput(char *buf, size_t size, size_t *at, const char *s, size_t n)
{
	if (*at + 1 < size) {
		size_t room = size - 1 - *at;
		memcpy(buf + *at, s, n < room ? n : room);
	}
	*at += n;
}

static void fpad(char *buf, size_t size, size_t *at, char c, size_t n)
{
	if (*at + 1 < size) {
		size_t room = size - 1 - *at;
		memset(buf + *at, c, n < room ? n : room);
	}
	*at += n;
}

enum vlen { VL_INT, VL_CHAR, VL_SHORT, VL_LONG, VL_LLONG, VL_SIZE, VL_INTMAX, VL_PTRDIFF };

#define VFMT_FIELD_MAX 4096 /* widths and precisions past this go to vsnprintf */

int vfmt(char *buf, size_t size, const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	size_t at = 0;
	const char *p = fmt;
	while (*p) {
		if (*p != '%') {
			const char *q = strchr(p, '%');
			size_t n = q ? (size_t)(q - p) : strlen(p);
			fput(buf, size, &at, p, n);
			p += n;
			continue;
		}
		if (p[1] == '%') {
			fput(buf, size, &at, "%", 1);
			p += 2;
			continue;
		}
		p++;
		bool left = false, zero = false;
		for (;; p++) {
			if (*p == '-')
				left = true;
			else if (*p == '0')
				zero = true;
			else
				break;
		}
		size_t width = 0;
		if (*p == '*') {
			int w = va_arg(aq, int);
			if (w < 0) {
				left = true;
				w = w == INT_MIN ? INT_MAX : -w;
			}
			width = (size_t)w;
			p++;
		} else {
			while (*p >= '0' && *p <= '9' && width <= VFMT_FIELD_MAX)
				width = width * 10 + (size_t)(*p++ - '0');
		}
		long prec = -1;
		if (*p == '.') {
			p++;
			if (*p == '*') {
				int v = va_arg(aq, int);
				prec = v < 0 ? -1 : v;
				p++;
			} else {
				prec = 0;
				while (*p >= '0' && *p <= '9' && prec <= VFMT_FIELD_MAX)
					prec = prec * 10 + (*p++ - '0');
			}
		}
		if (width > VFMT_FIELD_MAX || prec > VFMT_FIELD_MAX)
			goto fallback;
		enum vlen len = VL_INT;
		if (*p == 'h') {
			len = p[1] == 'h' ? VL_CHAR : VL_SHORT;
			p += p[1] == 'h' ? 2 : 1;
		} else if (*p == 'l') {
			len = p[1] == 'l' ? VL_LLONG : VL_LONG;
			p += p[1] == 'l' ? 2 : 1;
		} else if (*p == 'z') {
			len = VL_SIZE;
			p++;
		} else if (*p == 'j') {
			len = VL_INTMAX;
			p++;
		} else if (*p == 't') {
			len = VL_PTRDIFF;
			p++;
		}
		char conv = *p++;
		if (conv == 's' || conv == 'c') {
			char ch;
			const char *s;
			size_t n;
			if (zero || len != VL_INT)
				goto fallback;
			if (conv == 'c') {
				ch = (char)va_arg(aq, int);
				s = &ch;
				n = 1;
			} else {
				s = va_arg(aq, const char *);
				if (!s)
					goto fallback;
				const char *end = prec >= 0 ? memchr(s, 0, (size_t)prec) : NULL;
				n = prec < 0 ? strlen(s) : end ? (size_t)(end - s) : (size_t)prec;
			}
			if (!left && width > n)
				fpad(buf, size, &at, ' ', width - n);
			fput(buf, size, &at, s, n);
			if (left && width > n)
				fpad(buf, size, &at, ' ', width - n);
			continue;
		}
		if (conv != 'd' && conv != 'i' && conv != 'u' && conv != 'x' && conv != 'X')
			goto fallback;
		uintmax_t v;
		bool neg = false;
		if (conv == 'd' || conv == 'i') {
			intmax_t sv;
			switch (len) {
			case VL_CHAR: sv = (signed char)va_arg(aq, int); break;
			case VL_SHORT: sv = (short)va_arg(aq, int); break;
			case VL_LONG: sv = va_arg(aq, long); break;
			case VL_LLONG: sv = va_arg(aq, long long); break;
			case VL_SIZE: sv = (intmax_t)va_arg(aq, size_t); break;
			case VL_INTMAX: sv = va_arg(aq, intmax_t); break;
			case VL_PTRDIFF: sv = va_arg(aq, ptrdiff_t); break;
			default: sv = va_arg(aq, int); break;
			}
			neg = sv < 0;
			v = neg ? (uintmax_t)0 - (uintmax_t)sv : (uintmax_t)sv;
		} else {
			switch (len) {
			case VL_CHAR: v = (unsigned char)va_arg(aq, unsigned); break;
			case VL_SHORT: v = (unsigned short)va_arg(aq, unsigned); break;
			case VL_LONG: v = va_arg(aq, unsigned long); break;
			case VL_LLONG: v = va_arg(aq, unsigned long long); break;
			case VL_SIZE: v = va_arg(aq, size_t); break;
			case VL_INTMAX: v = va_arg(aq, uintmax_t); break;
			case VL_PTRDIFF: v = (uintmax_t)va_arg(aq, ptrdiff_t); break;
			default: v = va_arg(aq, unsigned); break;
			}
		}
		const char *digits = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
		char tmp[24];
		size_t k = sizeof(tmp);
		if (conv == 'x' || conv == 'X')
			for (; v; v >>= 4)
				tmp[--k] = digits[v & 15];
		else
			for (; v; v /= 10)
				tmp[--k] = (char)('0' + v % 10);
		size_t nd = sizeof(tmp) - k;
		if (nd == 0 && prec != 0)
			tmp[--k] = '0', nd = 1;
		size_t body = prec > 0 && (size_t)prec > nd ? (size_t)prec : nd;
		size_t total = body + (neg ? 1 : 0);
		size_t pad = width > total ? width - total : 0;
		if (pad && !left && !(zero && prec < 0))
			fpad(buf, size, &at, ' ', pad);
		if (neg)
			fput(buf, size, &at, "-", 1);
		if (pad && !left && zero && prec < 0)
			fpad(buf, size, &at, '0', pad);
		if (body > nd)
			fpad(buf, size, &at, '0', body - nd);
		fput(buf, size, &at, tmp + k, nd);
		if (pad && left)
			fpad(buf, size, &at, ' ', pad);
	}
	va_end(aq);
	if (at > INT_MAX)
		return vsnprintf(buf, size, fmt, ap);
	if (size)
		buf[at < size ? at : size - 1] = 0;
	return (int)at;
fallback:
	va_end(aq);
	return vsnprintf(buf, size, fmt, ap);
}

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

/* --- the cache kept across calls (struct hest_vcache) --------------------- */

struct hest_vcache *hest_vcache_new(void)
{
	struct hest_vcache *vc = calloc(1, sizeof(*vc));
	if (vc)
		vmemos_init(&vc->mm);
	return vc;
}

void hest_vcache_free(struct hest_vcache *vc)
{
	if (!vc)
		return;
	free(vc->settings);
	free(vc);
}

/* The slot of a string constant: its address, hashed. */
static size_t vcache_slot(const void *key, size_t nslots)
{
	uint64_t h = (uint64_t)(uintptr_t)key * UINT64_C(0x9E3779B97F4A7C15);
	return (size_t)(h >> 40) & (nslots - 1);
}

static bool same_settings(const struct hest_vcache *vc, const struct hest_validate_options *o)
{
	if (!vc->settings || vc->nsettings != o->nsettings || vc->werror != o->werror)
		return false;
	const char *p = vc->settings;
	for (size_t i = 0; i < o->nsettings; i++) {
		if ((unsigned char)*p++ != (unsigned)o->settings[i].action || strcmp(p, o->settings[i].pattern) != 0)
			return false;
		p += strlen(p) + 1;
	}
	return true;
}

/* Keeps the cached severities only under the settings they were worked
 * out with; false when they cannot be cached this time (out of memory). */
static bool vcache_settings(struct hest_vcache *vc, const struct hest_validate_options *o)
{
	if (same_settings(vc, o))
		return true;
	for (size_t i = 0; i < VCACHE_RULES; i++)
		vc->rules[i].key = NULL;
	free(vc->settings);
	size_t n = 1;
	for (size_t i = 0; i < o->nsettings; i++)
		n += strlen(o->settings[i].pattern) + 2;
	vc->settings = malloc(n);
	if (!vc->settings)
		return false;
	char *p = vc->settings;
	for (size_t i = 0; i < o->nsettings; i++) {
		size_t k = strlen(o->settings[i].pattern);
		*p++ = (char)o->settings[i].action;
		memcpy(p, o->settings[i].pattern, k + 1);
		p += k + 1;
	}
	*p = 0;
	vc->nsettings = o->nsettings;
	vc->werror = o->werror;
	return true;
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
	bool on = effective(r, rule, o->settings, o->nsettings, o->werror, sev);
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

/* --- the driver ------------------------------------------------------------ */

static int run_passes(const struct hest_model *m, const struct hest_validate_options *o, struct hest_diags *d,
		      struct vmemos *mm, struct hest_vcache *vc)
{
	struct vctx c = { m, o, o->decode, d, o->decode ? o->decode->nstruct : m->nsrc, mm, vc };
	bool oom_before = d->oom;
	check_table(&c);
	check_sources(&c);
	check_cross(&c);
	check_gas(&c);
	check_cper(&c);
	check_loader(&c);
	check_linux(&c);
	return d->oom && !oom_before ? -1 : 0;
}

/* Without a cache, the memos live on this function's stack (4 KiB): not
 * inlined, so that a call with a cache does not touch those pages. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int run_uncached(const struct hest_model *m, const struct hest_validate_options *o, struct hest_diags *d)
{
	struct vmemos mm;
	vmemos_init(&mm);
	return run_passes(m, o, d, &mm, NULL);
}

int hest_validate(const struct hest_model *m, const struct hest_validate_options *o, struct hest_diags *d)
{
	struct hest_vcache *vc = o->cache;
	if (m->kind != HEST_TABLE_HEST) {
		bool oom_before = d->oom;
		hest_apei_validate(m, o, d);
		return d->oom && !oom_before ? -1 : 0;
	}
	/* with the cache, unless no copy of the settings could be kept */
	if (vc && vcache_settings(vc, o))
		return run_passes(m, o, d, &vc->mm, vc);
	return run_uncached(m, o, d);
}
