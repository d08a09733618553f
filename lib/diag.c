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

static char *vformat(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (s)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

void hest_diag_add(struct hest_diags *d, enum hest_severity sev, const char *rule,
		   struct hest_loc loc, const char *fmt, ...)
{
	if (sev == HEST_SEV_ERROR)
		d->errors++;
	else if (sev == HEST_SEV_WARNING)
		d->warnings++;
	if (d->n >= HEST_DIAGS_MAX) {
		d->dropped++;
		return;
	}
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
	va_list ap;
	va_start(ap, fmt);
	char *msg = vformat(fmt, ap);
	va_end(ap);
	if (!msg) {
		d->oom = true;
		return;
	}
	d->v[d->n++] = (struct hest_diag){ sev, rule, loc, msg };
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

static char *format_str(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vformat(fmt, ap);
	va_end(ap);
	return s;
}

char *hest_diag_format(const struct hest_diag *dg)
{
	const char *file = dg->loc.file ? dg->loc.file : "<input>";
	const char *sev = hest_severity_name(dg->severity);
	if (dg->loc.has_offset)
		return format_str("%s:0x%" PRIx64 ": %s%s%s%s: %s", file, dg->loc.offset, sev,
				  dg->rule ? "[" : "", dg->rule ? dg->rule : "", dg->rule ? "]" : "",
				  dg->message);
	char pos[48] = "";
	if (dg->loc.line)
		snprintf(pos, sizeof(pos), ":%" PRIu32 ":%" PRIu32, dg->loc.line, dg->loc.col);
	return format_str("%s%s: %s: %s%s%s%s", file, pos, sev, dg->message, dg->rule ? " [" : "",
			  dg->rule ? dg->rule : "", dg->rule ? "]" : "");
}
