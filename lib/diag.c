/* Diagnostics are values; the library records them, the programs print. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <hest/diag.h>

void hest_diags_init(struct hest_diags *d)
{
	memset(d, 0, sizeof(*d));
}

void hest_diags_free(struct hest_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].message);
	free(d->v);
	memset(d, 0, sizeof(*d));
}

/* Appends the message (len bytes, copied) to the list; the counts are
 * already taken. */
static void record(struct hest_diags *d, enum hest_severity sev, const char *rule, struct hest_loc loc,
		   const char *msg, size_t len)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct hest_diag *v = realloc(d->v, cap * sizeof(*v));
		if (!v) {
			d->oom = true;
			return;
		}
		d->v = v;
		d->cap = cap;
	}
	char *s = malloc(len + 1);
	if (!s) {
		d->oom = true;
		return;
	}
	memcpy(s, msg, len);
	s[len] = 0;
	d->v[d->n++] = (struct hest_diag){ sev, rule, loc, s };
}

/* Counts the diagnostic; false when the list is full (it is dropped). */
static bool count_one(struct hest_diags *d, enum hest_severity sev)
{
	if (sev == HEST_SEV_ERROR)
		d->errors++;
	else if (sev == HEST_SEV_WARNING)
		d->warnings++;
	if (d->n >= HEST_DIAGS_MAX) {
		d->dropped++;
		return false;
	}
	return true;
}

void hest_diag_add(struct hest_diags *d, enum hest_severity sev, const char *rule,
		   struct hest_loc loc, const char *fmt, ...)
{
	if (!count_one(d, sev))
		return;
	/* Formatted once: into this buffer, or when it does not fit, again
	 * into one of the length measured. */
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0) {
		d->oom = true;
		return;
	}
	if ((size_t)n < sizeof(buf)) {
		record(d, sev, rule, loc, buf, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);
	if (!big) {
		d->oom = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	record(d, sev, rule, loc, big, (size_t)n);
	free(big);
}

void hest_diag_add_msg(struct hest_diags *d, enum hest_severity sev, const char *rule, struct hest_loc loc,
		       const char *msg, size_t len)
{
	if (count_one(d, sev))
		record(d, sev, rule, loc, msg, len);
}

bool hest_diags_failed(const struct hest_diags *d)
{
	return d->errors > 0 || d->oom;
}

const char *hest_severity_name(enum hest_severity sev)
{
	switch (sev) {
	case HEST_SEV_ERROR:
		return "error";
	case HEST_SEV_WARNING:
		return "warning";
	default:
		return "note";
	}
}

/* snprintf-like appending: *at counts every byte, those past size are
 * not written. */
static void put(char *buf, size_t size, size_t *at, const char *s, size_t n)
{
	if (*at < size) {
		size_t room = size - *at;
		memcpy(buf + *at, s, n < room ? n : room);
	}
	*at += n;
}

static void put_str(char *buf, size_t size, size_t *at, const char *s)
{
	put(buf, size, at, s, strlen(s));
}

static void put_uint(char *buf, size_t size, size_t *at, uint64_t v, unsigned base)
{
	char tmp[24];
	size_t k = sizeof(tmp);
	do {
		tmp[--k] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	put(buf, size, at, tmp + k, sizeof(tmp) - k);
}

size_t hest_diag_format_buf(const struct hest_diag *dg, char *buf, size_t size)
{
	const char *file = dg->loc.file ? dg->loc.file : "<input>";
	const char *sev = hest_severity_name(dg->severity);
	size_t at = 0;
	put_str(buf, size, &at, file);
	if (dg->loc.has_offset) {
		/* file:0xOFFSET: error[RULE]: message */
		put(buf, size, &at, ":0x", 3);
		put_uint(buf, size, &at, dg->loc.offset, 16);
		put(buf, size, &at, ": ", 2);
		put_str(buf, size, &at, sev);
		if (dg->rule) {
			put(buf, size, &at, "[", 1);
			put_str(buf, size, &at, dg->rule);
			put(buf, size, &at, "]", 1);
		}
		put(buf, size, &at, ": ", 2);
		put_str(buf, size, &at, dg->message);
	} else {
		/* file:line:col: error: message [RULE] */
		if (dg->loc.line) {
			put(buf, size, &at, ":", 1);
			put_uint(buf, size, &at, dg->loc.line, 10);
			put(buf, size, &at, ":", 1);
			put_uint(buf, size, &at, dg->loc.col, 10);
		}
		put(buf, size, &at, ": ", 2);
		put_str(buf, size, &at, sev);
		put(buf, size, &at, ": ", 2);
		put_str(buf, size, &at, dg->message);
		if (dg->rule) {
			put(buf, size, &at, " [", 2);
			put_str(buf, size, &at, dg->rule);
			put(buf, size, &at, "]", 1);
		}
	}
	if (size)
		buf[at < size ? at : size - 1] = 0;
	return at;
}

char *hest_diag_format(const struct hest_diag *dg)
{
	size_t n = hest_diag_format_buf(dg, NULL, 0);
	char *s = malloc(n + 1);
	if (s)
		hest_diag_format_buf(dg, s, n + 1);
	return s;
}
