/* Random valid CPER blocks and records (`hestc cper --random`), driven by
 * the descriptor tables: every section kind, every field that is not
 * computed or reserved, given or not at random, values from the named ones
 * where a field has names.  The same seed gives the same block. */
#include <stdlib.h>
#include <string.h>
#include <hest/cper.h>

/* hest_cper_random_options.kinds has a bit per kind. */
_Static_assert(HEST_CPER_NKINDS <= 32, "the kinds mask needs a wider type");

/* splitmix64: small, fast, and every seed is a good one. */
struct rng {
	uint64_t s;
};

static uint64_t next(struct rng *r)
{
	uint64_t z = (r->s += UINT64_C(0x9E3779B97F4A7C15));
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* 0..n-1 (0 when n is 0). */
static uint64_t below(struct rng *r, uint64_t n)
{
	return n ? next(r) % n : 0;
}

static bool chance(struct rng *r, unsigned percent)
{
	return below(r, 100) < percent;
}

/* A value of up to `max`, small ones more often (counts and levels read
 * better), the whole range sometimes. */
static uint64_t value(struct rng *r, uint64_t max)
{
	uint64_t v = next(r);
	switch (below(r, 3)) {
	case 0:
		v &= 0xff;
		break;
	case 1:
		v &= 0xffffffffu;
		break;
	default:
		break;
	}
	return max == UINT64_MAX ? v : v % (max + 1);
}

static uint8_t to_bcd(unsigned v)
{
	return (uint8_t)((v / 10) << 4 | (v % 10));
}

/* A UEFI timestamp (BCD, N.2.1) of a real date between 2000 and 2099. */
static uint64_t timestamp(struct rng *r)
{
	uint8_t t[8] = { to_bcd((unsigned)below(r, 60)), to_bcd((unsigned)below(r, 60)),
			 to_bcd((unsigned)below(r, 24)), (uint8_t)below(r, 2),
			 to_bcd(1 + (unsigned)below(r, 28)), to_bcd(1 + (unsigned)below(r, 12)),
			 to_bcd((unsigned)below(r, 100)), to_bcd(20) };
	return hest_get_le(t, 8);
}

static void random_bytes(struct rng *r, uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)next(r);
}

static int random_field(struct rng *r, struct hest_cper_image *im, const struct hest_cper_field *f)
{
	uint8_t buf[256];
	uint64_t max = hest_cper_field_max(f), v;
	switch (f->kind) {
	case HEST_CF_GUID:
		if (f->guids && f->guids->n && chance(r, 80))
			memcpy(buf, f->guids->v[below(r, f->guids->n)].guid, 16);
		else
			random_bytes(r, buf, 16);
		return hest_cper_set_bytes(im, f->key, buf, 16);
	case HEST_CF_TEXT: {
		size_t n = (size_t)below(r, (uint64_t)f->size + 1);
		if (n > sizeof(buf))
			n = sizeof(buf);
		for (size_t i = 0; i < n; i++)
			buf[i] = (uint8_t)(0x20 + below(r, 0x5f));
		return hest_cper_set_bytes(im, f->key, buf, n);
	}
	case HEST_CF_BYTES: {
		size_t n = f->size < sizeof(buf) ? f->size : sizeof(buf);
		random_bytes(r, buf, n);
		return hest_cper_set_bytes(im, f->key, buf, n);
	}
	case HEST_CF_ENUM:
		if (f->names && f->names->n && ((f->attr & HEST_CA_CLOSED) || chance(r, 80)))
			v = f->names->v[below(r, f->names->n)].value;
		else
			v = value(r, max);
		break;
	case HEST_CF_FLAGS:
		v = 0;
		if (f->names && f->names->n) {
			for (size_t i = 0; i < f->names->n; i++)
				if (chance(r, 30))
					v |= f->names->v[i].value;
		} else {
			v = value(r, max);
		}
		break;
	default:
		if (strcmp(f->key, "timestamp") == 0)
			v = timestamp(r);
		else if (im->desc == &hest_cper_desc_entry && strcmp(f->key, "revision") == 0)
			v = HEST_CPER_ENTRY_REVISION + below(r, 0x100); /* 0x3xx: a 72-byte entry */
		else
			v = value(r, max);
		break;
	}
	return v <= max ? hest_cper_set(im, f->key, v) : 0;
}

/* Gives about half of the image's fields (never computed, validation or
 * reserved ones; none past `len`, the bytes the structure has). */
static int random_image(struct rng *r, struct hest_cper_image *im, uint32_t len)
{
	for (size_t i = 0; i < im->desc->nfields; i++) {
		const struct hest_cper_field *f = &im->desc->fields[i];
		if ((f->attr & (HEST_CA_COMPUTED | HEST_CA_VALIDATION | HEST_CA_FIXED)) || f->kind == HEST_CF_RESERVED ||
		    (uint32_t)f->offset + f->size > len || !chance(r, 50))
			continue;
		if (random_field(r, im, f) < 0)
			return -1;
	}
	return 0;
}

/* Register data bytes for a context of its type (its first named field). */
static size_t context_bytes(struct rng *r, const struct hest_cper_type *t, const struct hest_cper_image *c)
{
	uint64_t type = 0;
	for (size_t i = 0; i < c->desc->nfields; i++)
		if (c->desc->fields[i].kind == HEST_CF_ENUM) {
			type = hest_cper_field_get(&c->desc->fields[i], c->bytes);
			break;
		}
	uint32_t fixed = 0, unit = 0;
	if (hest_cper_context_layout(t, type, &fixed, &unit))
		return fixed ? fixed : unit * (size_t)below(r, 4);
	return 8 * (size_t)below(r, 9);
}

/* What a valid section of some kinds must hold that its table does not say:
 * an ARM error type bit (HEST-CPER-ARM-TYPE), a CXL protocol error Linux
 * can hand to the CXL driver with its 88-byte RAS capability
 * (HEST-CPER-CXL-AGENT, -CXL-RAS-LOG), the variable parts of the others. */
static int must_hold(struct rng *r, struct hest_cper_section *s)
{
	const struct hest_cper_type *t = s->type;
	static const uint8_t arm_types[] = { 0x02, 0x04, 0x08, 0x10, 0x06 };
	static const uint8_t cxl_agents[] = { 0, 2, 3, 4, 5, 6, 7 };
	uint8_t bytes[88];
	for (size_t i = 0; t->kind == HEST_CPER_ARM && i < s->ninfo; i++)
		if (hest_cper_set(&s->info[i], "type", arm_types[below(r, sizeof(arm_types))]) < 0)
			return -1;
	for (unsigned v = 0; v < HEST_CPER_MAX_VAR && t->var[v].key; v++) {
		size_t n = t->kind == HEST_CPER_CXL_PROTOCOL && v == 1 ? 88 : (size_t)below(r, 33);
		random_bytes(r, bytes, n);
		if (hest_cper_set_var(s, v, bytes, n) < 0)
			return -1;
	}
	if (t->kind == HEST_CPER_CXL_PROTOCOL) {
		uint64_t agent = cxl_agents[below(r, sizeof(cxl_agents))];
		if (hest_cper_set(&s->body, "agent_type", agent) < 0 ||
		    hest_cper_set(&s->body, "vendor_id", value(r, 0xffff)) < 0 ||
		    hest_cper_set(&s->body, "bus", value(r, 0xff)) < 0 ||
		    hest_cper_set(&s->body, "serial_number", next(r)) < 0)
			return -1;
	}
	return 0;
}

/* Adds a section of kind k unless it would take the encoded block past
 * max_bytes; 1 when added, 0 when it did not fit, -1 out of memory. */
static int random_section(struct rng *r, struct hest_cper_block *b, enum hest_cper_kind k, uint64_t max_bytes,
			  bool bare)
{
	const struct hest_cper_type *t = hest_cper_type_of(k);
	struct hest_cper_section *s = hest_cper_add_section(b, k);
	if (!s)
		return -1;
	uint32_t hlen = s->header.desc->size;
	if (b->form == HEST_CPER_STATUS_BLOCK && chance(r, 15)) {
		/* an older 64-byte data entry, without timestamp */
		uint16_t rev = (uint16_t)(0x200 + below(r, 0x100));
		hest_cper_set(&s->header, "revision", rev);
		hlen = HEST_CPER_ENTRY_SIZE_OLD;
	}
	if (random_image(r, &s->header, hlen) < 0)
		return -1;
	if (k == HEST_CPER_RAW) {
		uint8_t g[16];
		random_bytes(r, g, 16);
		g[7] = (uint8_t)((g[7] & 0x0f) | 0x40); /* a version-4 GUID: no kind has it */
		if (hest_cper_set_bytes(&s->header, "section_type", g, 16) < 0)
			return -1;
	} else if (random_image(r, &s->body, s->body.len) < 0) {
		return -1;
	}
	size_t ninfo = t->info && !bare ? (size_t)below(r, 4) : 0, nctx = t->ctx && !bare ? (size_t)below(r, 3) : 0;
	for (size_t i = 0; i < ninfo; i++) {
		struct hest_cper_image *im = hest_cper_add_info(s);
		if (!im || random_image(r, im, im->len) < 0)
			return -1;
	}
	for (size_t i = 0; i < nctx; i++) {
		struct hest_cper_image *im = hest_cper_add_context(s, NULL, 0);
		if (!im || random_image(r, im, im->desc->size) < 0)
			return -1;
		uint8_t regs[512];
		size_t n = context_bytes(r, t, im);
		if (n > sizeof(regs))
			n = sizeof(regs);
		random_bytes(r, regs, n);
		/* the context again, now with its register data */
		struct hest_cper_image keep = *im;
		s->nctx--;
		struct hest_cper_image *c = hest_cper_add_context(s, regs, n);
		if (!c) {
			free(keep.bytes);
			return -1;
		}
		memcpy(c->bytes, keep.bytes, keep.desc->size);
		c->given = keep.given;
		free(keep.bytes);
	}
	/* what the checks ask of a valid section beyond its fields' names */
	if (!bare && must_hold(r, s) < 0)
		return -1;
	/* trailing bytes where the kind has a place for them */
	if (!bare && (k == HEST_CPER_RAW || ((t->info || t->ctx) && chance(r, 30)))) {
		uint8_t tail[64];
		size_t n = (size_t)below(r, sizeof(tail) + 1);
		random_bytes(r, tail, n);
		if (hest_cper_set_tail(s, tail, n) < 0)
			return -1;
	}
	/* measured: the encoding knows every length, padding included */
	struct hest_buf out;
	struct hest_diags d;
	hest_buf_init(&out);
	hest_diags_init(&d);
	int rc = hest_cper_encode(b, &out, NULL, &d);
	bool fits = rc == 0 && out.len <= max_bytes;
	bool oom = out.oom || d.oom;
	hest_buf_free(&out);
	hest_diags_free(&d);
	if (oom)
		return -1;
	if (!fits) {
		hest_cper_drop_last_section(b);
		return 0;
	}
	return 1;
}

int hest_cper_random(struct hest_cper_block *b, uint64_t seed, const struct hest_cper_random_options *o)
{
	struct rng r = { seed };
	int form = o && o->form >= 0 ? o->form : chance(&r, 25) ? HEST_CPER_RECORD : HEST_CPER_STATUS_BLOCK;
	uint32_t kinds = o && o->kinds ? o->kinds : (uint32_t)((UINT64_C(1) << HEST_CPER_NKINDS) - 1);
	unsigned max_sections = o && o->max_sections ? o->max_sections : 4;
	uint64_t max_bytes = o && o->max_bytes ? o->max_bytes : 4096;
	enum hest_cper_kind pick[HEST_CPER_NKINDS];
	size_t npick = 0;
	for (int k = 0; k < HEST_CPER_NKINDS; k++)
		if (kinds >> k & 1)
			pick[npick++] = (enum hest_cper_kind)k;
	if (hest_cper_block_init(b, (enum hest_cper_form)form) < 0)
		return -1;
	uint64_t room = form == HEST_CPER_RECORD ? HEST_CPER_RECORD_SIZE : HEST_CPER_STATUS_SIZE;
	if (!npick || max_bytes < room)
		return -1;
	room = max_bytes - room;
	if (random_image(&r, &b->head, b->head.len) < 0)
		return -1;
	if (form == HEST_CPER_STATUS_BLOCK && chance(&r, 20)) {
		uint8_t raw[32];
		size_t n = 1 + (size_t)below(&r, sizeof(raw));
		random_bytes(&r, raw, n);
		if (n <= room && hest_cper_set_raw_data(b, raw, n) < 0)
			return -1;
	}
	unsigned n = 1 + (unsigned)below(&r, max_sections);
	for (unsigned i = 0; i < n; i++)
		if (random_section(&r, b, pick[below(&r, npick)], max_bytes, false) < 0)
			return -1;
	/* at least one section: the first kind whose bare section fits */
	for (size_t i = 0; !b->nsec && i < npick; i++) {
		int rc = random_section(&r, b, pick[(i + seed) % npick], max_bytes, true);
		if (rc < 0)
			return -1;
	}
	return b->nsec ? 0 : -1;
}
