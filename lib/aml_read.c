/* A reader for the AML subset hestc's SSDT uses, so that hestval can find
 * the event paths of an SSDT: devices and their _HID, the interrupts of
 * _CRS and the pins of _AEI, the methods and the Notify statements they
 * make (unconditionally or under If (Arg0 == n)).
 *
 * Every read goes through one bounds-checked cursor; every package must lie
 * inside its parent.  AML outside the subset is not guessed at: the reader
 * skips to the end of the enclosing package (whose length it knows), marks
 * the summary incomplete and says where; it never reads past the table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/aml.h>
#include <hest/fields.h>

struct rd {
	const uint8_t *p;
	size_t len;            /* the table's bytes */
	struct hest_aml_summary *s;
	char *why;
	size_t whylen;
	size_t *why_off;
	bool failed;           /* malformed: stop */
};

#define SEG_MAX 255

/* An absolute path as segments. */
struct path {
	char seg[SEG_MAX][5];
	unsigned n;
};

static void fail(struct rd *r, size_t off, const char *msg)
{
	if (r->failed)
		return;
	r->failed = true;
	snprintf(r->why, r->whylen, "%s", msg);
	*r->why_off = off;
}

static void unsupported(struct rd *r, size_t off, const char *what)
{
	struct hest_aml_summary *s = r->s;
	if (s->incomplete)
		return; /* the first one is the one to report */
	s->incomplete = true;
	s->incomplete_off = off;
	snprintf(s->incomplete_what, sizeof(s->incomplete_what), "%s", what);
}

static void path_text(const struct path *pa, char *out, size_t size)
{
	size_t o = 0;
	out[o++] = '\\';
	for (unsigned i = 0; i < pa->n && o + 6 < size; i++) {
		if (i)
			out[o++] = '.';
		memcpy(out + o, pa->seg[i], 4);
		o += 4;
	}
	out[o < size ? o : size - 1] = '\0';
}

static bool seg_ok(const uint8_t *q)
{
	if (!((q[0] >= 'A' && q[0] <= 'Z') || q[0] == '_'))
		return false;
	for (int i = 1; i < 4; i++)
		if (!((q[i] >= 'A' && q[i] <= 'Z') || (q[i] >= '0' && q[i] <= '9') || q[i] == '_'))
			return false;
	return true;
}

/* NameString at *pos (within end), resolved against scope.  `single` tells
 * a bare NameSeg (subject to the upward search rule). */
static bool name_string(struct rd *r, size_t *pos, size_t end, const struct path *scope, struct path *out,
			bool *single)
{
	size_t q = *pos;
	*out = *scope;
	*single = false;
	if (q >= end)
		goto bad;
	bool prefixed = false;
	if (r->p[q] == HEST_AML_ROOT_CHAR) {
		out->n = 0;
		q++;
		prefixed = true;
	} else {
		while (q < end && r->p[q] == HEST_AML_PARENT_PREFIX) {
			if (out->n == 0)
				goto bad;
			out->n--;
			q++;
			prefixed = true;
		}
	}
	if (q >= end)
		goto bad;
	unsigned count;
	if (r->p[q] == 0) {
		count = 0;
		q++;
	} else if (r->p[q] == HEST_AML_DUAL_NAME_PREFIX) {
		count = 2;
		q++;
	} else if (r->p[q] == HEST_AML_MULTI_NAME_PREFIX) {
		if (q + 1 >= end)
			goto bad;
		count = r->p[q + 1];
		q += 2;
	} else {
		count = 1;
		*single = !prefixed;
	}
	if (count > (size_t)(end - q) / 4 || out->n + count > SEG_MAX)
		goto bad;
	for (unsigned i = 0; i < count; i++, q += 4) {
		if (!seg_ok(r->p + q))
			goto bad;
		memcpy(out->seg[out->n], r->p + q, 4);
		out->seg[out->n++][4] = '\0';
	}
	*pos = q;
	return true;
bad:
	fail(r, *pos, "a name string is malformed or runs past its package");
	return false;
}

static bool integer(struct rd *r, size_t *pos, size_t end, uint64_t *v, bool *is_int)
{
	size_t q = *pos;
	*is_int = true;
	if (q >= end) {
		fail(r, q, "a term runs past its package");
		return false;
	}
	unsigned size = 0;
	switch (r->p[q]) {
	case HEST_AML_ZERO:
		*v = 0;
		break;
	case HEST_AML_ONE:
		*v = 1;
		break;
	case HEST_AML_ONES:
		*v = UINT64_MAX;
		break;
	case HEST_AML_BYTE_PREFIX:
		size = 1;
		break;
	case HEST_AML_WORD_PREFIX:
		size = 2;
		break;
	case HEST_AML_DWORD_PREFIX:
		size = 4;
		break;
	case HEST_AML_QWORD_PREFIX:
		size = 8;
		break;
	default:
		*is_int = false;
		return true;
	}
	if (size) {
		if (end - q - 1 < size) {
			fail(r, q, "an integer runs past its package");
			return false;
		}
		*v = hest_get_le(r->p + q + 1, size);
	}
	*pos = q + 1 + size;
	return true;
}

/* A package at *pos (the byte after its opcode): returns its end. */
static bool package(struct rd *r, size_t *pos, size_t end, size_t *pkg_end)
{
	uint32_t len;
	size_t q = *pos;
	unsigned n = q < end ? hest_aml_pkglen_decode(r->p + q, end - q, &len) : 0;
	if (n == 0 || len < n || len > end - q) {
		fail(r, q, "a PkgLength is malformed or runs past the enclosing package");
		return false;
	}
	*pkg_end = q + len;
	*pos = q + n;
	return true;
}

static bool room(struct rd *r, size_t n, size_t cap, size_t off)
{
	if (n < cap)
		return true;
	unsupported(r, off, "more objects than the checker keeps");
	return false;
}

/* --- resource templates --------------------------------------------------- */

static void resources(struct rd *r, const uint8_t *b, size_t n, size_t base, const struct path *owner, bool aei)
{
	struct hest_aml_summary *s = r->s;
	size_t q = 0;
	while (q < n) {
		uint8_t tag = b[q];
		size_t dlen, hdr;
		if (tag & 0x80) {
			if (n - q < 3)
				break;
			dlen = hest_get_le(b + q + 1, 2);
			hdr = 3;
		} else {
			dlen = tag & 7u;
			hdr = 1;
		}
		if (dlen > n - q - hdr) {
			unsupported(r, base + q, "a resource descriptor runs past its buffer");
			return;
		}
		const uint8_t *d = b + q + hdr;
		if (!(tag & 0x80) && ((tag >> 3) & 0x0F) == 0x0F)
			return; /* End Tag */
		if (tag == 0x89 && !aei && dlen >= 6 && d[1] >= 1 && room(r, s->nres, HEST_AML_READ_MAX, base + q)) {
			/* Extended Interrupt: the first interrupt is the one Linux's GED uses. */
			struct hest_aml_event_res *e = &s->res[s->nres++];
			path_text(owner, e->device, sizeof(e->device));
			e->number = (uint32_t)hest_get_le(d + 2, 4);
			e->edge = (d[0] & 0x02) != 0;
			e->gpio = false;
			e->off = base + q;
		} else if (tag == 0x8C && aei && dlen >= 20 && d[1] == 0 &&
			   room(r, s->nres, HEST_AML_READ_MAX, base + q)) {
			/* GPIO Interrupt connection: its first pin. */
			size_t pins = hest_get_le(d + 11, 2), name = hest_get_le(d + 14, 2);
			if (pins < 23 || name < pins + 2 || pins + 2 > dlen + 3) {
				unsupported(r, base + q, "a GpioInt descriptor's pin table lies outside it");
				return;
			}
			struct hest_aml_event_res *e = &s->res[s->nres++];
			path_text(owner, e->device, sizeof(e->device));
			e->number = (uint32_t)hest_get_le(b + q + pins, 2);
			e->edge = (hest_get_le(d + 4, 2) & 1u) != 0;
			e->gpio = true;
			e->off = base + q;
		}
		q += hdr + dlen;
	}
}

/* --- objects ------------------------------------------------------------------ */

static struct hest_aml_device *device_at(struct hest_aml_summary *s, const char *path)
{
	for (size_t i = 0; i < s->ndev; i++)
		if (strcmp(s->dev[i].path, path) == 0)
			return &s->dev[i];
	return NULL;
}

/* Name (path, data): _HID/_UID of a device, _CRS/_AEI buffers. */
static void name_object(struct rd *r, size_t *pos, size_t end, const struct path *scope)
{
	struct path pa;
	bool single;
	size_t at = *pos - 1;
	if (!name_string(r, pos, end, scope, &pa, &single) || pa.n == 0)
		return;
	struct path owner = pa;
	owner.n--;
	char opath[HEST_AML_PATH_MAX];
	path_text(&owner, opath, sizeof(opath));
	const char *seg = pa.seg[pa.n - 1];
	uint64_t v;
	bool is_int;
	if (!integer(r, pos, end, &v, &is_int))
		return;
	struct hest_aml_device *dev = device_at(r->s, opath);
	if (is_int) {
		if (dev && strcmp(seg, "_HID") == 0) {
			dev->hid_is_eisa = true;
			dev->hid_eisa = (uint32_t)v;
		}
		return;
	}
	size_t q = *pos;
	uint8_t op = r->p[q];
	if (op == HEST_AML_STRING_PREFIX) {
		const uint8_t *nul = memchr(r->p + q + 1, 0, end - q - 1);
		if (!nul) {
			fail(r, q, "a string has no NUL before the end of its package");
			return;
		}
		size_t n = (size_t)(nul - (r->p + q + 1));
		if (dev && strcmp(seg, "_HID") == 0 && n < sizeof(dev->hid)) {
			memcpy(dev->hid, r->p + q + 1, n);
			dev->hid[n] = '\0';
		}
		*pos = (size_t)(nul - r->p) + 1;
	} else if (op == HEST_AML_BUFFER) {
		size_t b = q + 1, bend;
		if (!package(r, &b, end, &bend) || !integer(r, &b, bend, &v, &is_int))
			return;
		if (!is_int) {
			unsupported(r, b, "a Buffer whose size is not a constant");
			*pos = bend;
			return;
		}
		if (strcmp(seg, "_CRS") == 0 || strcmp(seg, "_AEI") == 0) {
			bool aei = seg[1] == 'A';
			resources(r, r->p + b, bend - b, b, &owner, aei);
			if (aei && room(r, r->s->naei, HEST_AML_READ_MAX, at))
				path_text(&owner, r->s->aei[r->s->naei++], HEST_AML_PATH_MAX);
		}
		*pos = bend;
	} else {
		unsupported(r, q, "a Name whose value is neither an integer, a string nor a buffer");
		*pos = end;
	}
}

/* Inside a method: Notify statements, unconditional or under
 * If (Arg0 == n) / If (n == Arg0). */
static void method_body(struct rd *r, size_t pos, size_t end, const struct path *scope, const char *method,
			bool cond, uint64_t arg)
{
	struct hest_aml_summary *s = r->s;
	while (pos < end && !r->failed) {
		size_t at = pos;
		uint8_t op = r->p[pos++];
		if (op == HEST_AML_NOTIFY) {
			struct path t;
			bool single, is_int;
			uint64_t v;
			if (!name_string(r, &pos, end, scope, &t, &single) || !integer(r, &pos, end, &v, &is_int))
				return;
			if (!is_int) {
				unsupported(r, pos, "a Notify value that is not a constant");
				return;
			}
			if (t.n == 0) { /* Notify (\, ...): no object, no last segment */
				unsupported(r, at, "a Notify of the root scope");
				return;
			}
			if (!room(r, s->nnotify, HEST_AML_READ_MAX, at))
				return;
			struct hest_aml_notify *nf = &s->notify[s->nnotify++];
			snprintf(nf->method, sizeof(nf->method), "%s", method);
			path_text(&t, nf->target, sizeof(nf->target));
			nf->search = single;
			path_text(scope, nf->scope, sizeof(nf->scope));
			memcpy(nf->seg, t.seg[t.n - 1], 5);
			nf->cond = cond;
			nf->arg = arg;
			nf->value = v;
			nf->off = at;
		} else if (op == HEST_AML_IF && !cond) {
			size_t ifend;
			if (!package(r, &pos, end, &ifend))
				return;
			uint64_t n = 0;
			bool ok = pos + 1 < ifend && r->p[pos] == HEST_AML_LEQUAL, is_int = false;
			if (ok && r->p[pos + 1] == HEST_AML_ARG0) {
				pos += 2;
				ok = integer(r, &pos, ifend, &n, &is_int) && is_int;
			} else if (ok) {
				pos++;
				ok = integer(r, &pos, ifend, &n, &is_int) && is_int && pos < ifend &&
				     r->p[pos++] == HEST_AML_ARG0;
			}
			if (r->failed)
				return;
			if (!ok) {
				unsupported(r, at, "an If whose predicate is not (Arg0 == constant)");
			} else {
				method_body(r, pos, ifend, scope, method, true, n);
			}
			pos = ifend;
		} else {
			unsupported(r, at, "a method statement other than Notify or If (Arg0 == n)");
			return;
		}
	}
}

static void term_list(struct rd *r, size_t pos, size_t end, const struct path *scope, unsigned depth);

static void named_package(struct rd *r, size_t *pos, size_t end, const struct path *scope, unsigned depth,
			  bool device)
{
	size_t at = *pos, pend;
	struct path pa;
	bool single;
	if (!package(r, pos, end, &pend) || !name_string(r, pos, pend, scope, &pa, &single))
		return;
	if (device && room(r, r->s->ndev, HEST_AML_READ_MAX, at)) {
		struct hest_aml_device *d = &r->s->dev[r->s->ndev++];
		memset(d, 0, sizeof(*d));
		path_text(&pa, d->path, sizeof(d->path));
		d->off = at;
	}
	term_list(r, *pos, pend, &pa, depth + 1);
	*pos = pend;
}

static void term_list(struct rd *r, size_t pos, size_t end, const struct path *scope, unsigned depth)
{
	struct hest_aml_summary *s = r->s;
	if (depth > 64) {
		unsupported(r, pos, "nesting deeper than the checker follows");
		return;
	}
	while (pos < end && !r->failed) {
		size_t at = pos;
		uint8_t op = r->p[pos++];
		if (op == HEST_AML_SCOPE) {
			named_package(r, &pos, end, scope, depth, false);
		} else if (op == HEST_AML_EXT_PREFIX && pos < end && r->p[pos] == (HEST_AML_DEVICE & 0xFF)) {
			pos++;
			named_package(r, &pos, end, scope, depth, true);
		} else if (op == HEST_AML_NAME) {
			name_object(r, &pos, end, scope);
		} else if (op == HEST_AML_METHOD) {
			size_t mend;
			struct path pa;
			bool single;
			if (!package(r, &pos, end, &mend) || !name_string(r, &pos, mend, scope, &pa, &single))
				return;
			if (pos >= mend) {
				fail(r, pos, "a method has no flags byte");
				return;
			}
			pos++; /* MethodFlags */
			if (room(r, s->nmethods, HEST_AML_READ_MAX, at)) {
				path_text(&pa, s->methods[s->nmethods], HEST_AML_PATH_MAX);
				struct path owner = pa;
				owner.n = owner.n ? owner.n - 1 : 0;
				method_body(r, pos, mend, &owner, s->methods[s->nmethods++], false, 0);
			}
			pos = mend;
		} else if (op == HEST_AML_IF && pos < end) {
			/* If (Zero) { External (...) ... }, as iasl writes Externals. */
			size_t ifend;
			if (!package(r, &pos, end, &ifend))
				return;
			if (pos < ifend && r->p[pos] == HEST_AML_ZERO) {
				pos++;
				term_list(r, pos, ifend, scope, depth + 1);
			} else {
				unsupported(r, at, "an If at the top level other than If (Zero)");
			}
			pos = ifend;
		} else if (op == HEST_AML_EXTERNAL) {
			struct path pa;
			bool single;
			if (!name_string(r, &pos, end, scope, &pa, &single))
				return;
			if (end - pos < 2) {
				fail(r, pos, "an External runs past its package");
				return;
			}
			pos += 2;
			if (room(r, s->nexternals, HEST_AML_READ_MAX, at))
				path_text(&pa, s->externals[s->nexternals++], HEST_AML_PATH_MAX);
		} else {
			char what[64];
			snprintf(what, sizeof(what), "opcode 0x%02X", op);
			unsupported(r, at, what);
			return; /* the rest of this package is not read */
		}
	}
}

int hest_aml_read(const uint8_t *p, size_t len, struct hest_aml_summary *s, char *why, size_t whylen,
		  size_t *why_off)
{
	memset(s, 0, sizeof(*s));
	struct rd r = { p, len, s, why, whylen, why_off, false };
	if (len < HEST_AML_HEADER_SIZE) {
		fail(&r, 0, "shorter than a table header");
		return -1;
	}
	uint32_t tlen = (uint32_t)hest_get_le(p + 4, 4);
	if (tlen < HEST_AML_HEADER_SIZE || tlen > len) {
		fail(&r, 4, "the Length field is outside the bytes present");
		return -1;
	}
	struct path root = { .n = 0 };
	term_list(&r, HEST_AML_HEADER_SIZE, tlen, &root, 0);
	return r.failed ? -1 : 0;
}
