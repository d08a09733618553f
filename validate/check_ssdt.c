/* hestval validate --ssdt: does every GPIO- or GSIV-notified GHES have an
 * event path in the SSDT?  A path is an interrupt of a _CRS (Generic Event
 * Device) or a pin of an _AEI (GPIO controller), the method the OS runs for
 * it, and in that method a Notify (error device, 0x80) on a PNP0C33 device
 * (ACPI 6.5 §18.3.2.7.2, §5.6.9, §5.6.5).  How the OS finds the method is
 * Linux's: drivers/acpi/evged.c and gpiolib-acpi take the first interrupt
 * or pin of each descriptor, run _Exx/_Lxx (by the descriptor's trigger)
 * for numbers up to 255 when it exists, else _EVT with the number in Arg0. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/aml.h>
#include <hest/fields.h>
#include "check_helpers.h"

#define PNP0C33_EISA 0x330CD041u

struct sctx {
	struct vctx v;          /* HEST-side reports */
	const char *label;      /* the SSDT */
	const struct hest_aml_summary *s;
	bool partial;           /* AML was skipped: absences are not reported */
};

static void sreport(struct sctx *c, const char *rule, size_t off, const char *fmt, ...) VCHECK_PRINTF(4, 5);

static void sreport(struct sctx *c, const char *rule, size_t off, const char *fmt, ...)
{
	enum hest_severity sev;
	const struct hest_validate_options *o = c->v.o;
	if (!hest_rule_effective(rule, o->settings, o->nsettings, o->werror, &sev))
		return;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	struct hest_loc loc = { c->label, 0, 0, true, off };
	hest_diag_add(c->v.d, sev, rule, loc, "%s", msg);
}

/* "\_SB_.HED0" as iasl prints it: "\_SB.HED0". */
static const char *show(const char *path, char *buf, size_t size)
{
	size_t o = 0;
	for (size_t i = 0; path[i] && o + 1 < size; i++) {
		if (path[i] == '_' && i && path[i - 1] != '\\' && path[i - 1] != '.') {
			size_t j = i;
			while (path[j] == '_')
				j++;
			if (path[j] == '\0' || path[j] == '.') {
				i = j - 1;
				continue;
			}
		}
		buf[o++] = path[i];
	}
	buf[o] = '\0';
	return buf;
}

static const struct hest_aml_device *device(const struct hest_aml_summary *s, const char *path)
{
	for (size_t i = 0; i < s->ndev; i++)
		if (strcmp(s->dev[i].path, path) == 0)
			return &s->dev[i];
	return NULL;
}

static bool is_error_device(const struct hest_aml_device *d)
{
	return (d->hid_is_eisa && d->hid_eisa == PNP0C33_EISA) || strcmp(d->hid, "PNP0C33") == 0;
}

static bool method_exists(const struct hest_aml_summary *s, const char *path)
{
	for (size_t i = 0; i < s->nmethods; i++)
		if (strcmp(s->methods[i], path) == 0)
			return true;
	return false;
}

/* The namespace search rule for a bare NameSeg (ACPI 6.5 §5.3): the scope,
 * then each parent up to the root; the first declared device wins, else the
 * path in the scope itself (an object declared elsewhere). */
static void resolve(const struct hest_aml_summary *s, const struct hest_aml_notify *nf, char *out, size_t size)
{
	snprintf(out, size, "%s", nf->target);
	if (!nf->search)
		return;
	char scope[HEST_AML_PATH_MAX];
	snprintf(scope, sizeof(scope), "%s", nf->scope);
	for (;;) {
		char cand[HEST_AML_PATH_MAX + 8];
		snprintf(cand, sizeof(cand), "%s%s%s", scope, strcmp(scope, "\\") == 0 ? "" : ".", nf->seg);
		size_t n = strlen(cand);
		if (n < size && device(s, cand)) {
			memcpy(out, cand, n + 1);
			return;
		}
		char *dot = strrchr(scope, '.');
		if (dot)
			*dot = '\0';
		else if (strcmp(scope, "\\") != 0)
			strcpy(scope, "\\");
		else
			return;
	}
}

/* The method the OS runs for an event, and whether it takes Arg0. */
static bool handler(const struct hest_aml_summary *s, const struct hest_aml_event_res *e, char *m, size_t size,
		    bool *evt)
{
	if (e->number <= 0xFF) {
		snprintf(m, size, "%s._%c%02" PRIX32, e->device, e->edge ? 'E' : 'L', e->number);
		*evt = false;
		if (method_exists(s, m))
			return true;
	}
	snprintf(m, size, "%s._EVT", e->device);
	*evt = true;
	return method_exists(s, m);
}

enum path_state { PATH_NONE, PATH_UNVERIFIED, PATH_OK };

/* Follows one event to its Notify; reports what breaks the path. */
static enum path_state follow(struct sctx *c, const struct hest_aml_event_res *e)
{
	const struct hest_aml_summary *s = c->s;
	char m[HEST_AML_PATH_MAX + 8], b1[HEST_AML_PATH_MAX + 8], b2[HEST_AML_PATH_MAX + 8];
	const char *kind = e->gpio ? "pin" : "interrupt";
	bool evt;
	if (!handler(s, e, m, sizeof(m), &evt)) {
		if (!c->partial)
			sreport(c, "SSDT-EVENT-NO-METHOD", e->off,
			"%s %" PRIu32 " of %s has no event method (%s%s): the OS has nothing to run for it", kind,
			e->number, show(e->device, b1, sizeof(b1)), e->number <= 0xFF ? (e->edge ? "_Exx or " : "_Lxx or ") : "",
			"_EVT");
		return PATH_NONE;
	}
	enum path_state best = PATH_NONE;
	const char *problem = NULL;
	char why[HEST_AML_PATH_MAX + 96] = "";
	for (size_t i = 0; i < s->nnotify; i++) {
		const struct hest_aml_notify *nf = &s->notify[i];
		if (strcmp(nf->method, m) != 0 || (nf->cond && (!evt || nf->arg != e->number)))
			continue;
		char target[HEST_AML_PATH_MAX];
		resolve(s, nf, target, sizeof(target));
		const struct hest_aml_device *d = device(s, target);
		if (d && !is_error_device(d)) {
			snprintf(why, sizeof(why), "notifies %s, whose _HID is not PNP0C33", show(target, b2, sizeof(b2)));
			problem = why;
			continue;
		}
		if (nf->value != 0x80) {
			snprintf(why, sizeof(why), "notifies %s with 0x%" PRIX64 ", not 0x80", show(target, b2, sizeof(b2)),
				 nf->value);
			problem = why;
			continue;
		}
		if (d) {
			best = PATH_OK;
		} else if (best == PATH_NONE) {
			best = PATH_UNVERIFIED;
			sreport(c, "SSDT-UNVERIFIED", nf->off,
				"%s notifies %s, which this SSDT does not declare: its _HID (PNP0C33?) is not checked",
				show(m, b1, sizeof(b1)), show(target, b2, sizeof(b2)));
		}
	}
	if (best == PATH_NONE && (problem || !c->partial))
		sreport(c, "SSDT-EVENT-NO-NOTIFY", e->off, "%s %" PRIu32 " of %s runs %s%s, which %s", kind, e->number,
			show(e->device, b1, sizeof(b1)), show(m, b2, sizeof(b2)), evt ? " (Arg0 = the number)" : "",
			problem ? problem : "does not Notify an error device for it");
	return best;
}

/* Methods the OS never runs for lack of a descriptor (only where this SSDT
 * holds the device's _CRS or _AEI: otherwise it is declared elsewhere). */
static void unreachable(struct sctx *c)
{
	const struct hest_aml_summary *s = c->s;
	char b1[HEST_AML_PATH_MAX + 8], b2[HEST_AML_PATH_MAX + 8];
	for (size_t i = 0; i < s->nnotify; i++) {
		const struct hest_aml_notify *nf = &s->notify[i];
		const char *dot = strrchr(nf->method, '.');
		if (!dot)
			continue;
		char owner[HEST_AML_PATH_MAX];
		snprintf(owner, sizeof(owner), "%.*s", (int)(dot - nf->method), nf->method);
		const char *name = dot + 1;
		bool evt = strcmp(name, "_EVT") == 0;
		bool named = (name[1] == 'E' || name[1] == 'L') && hest_aml_path_check(name) == NULL && name[0] == '_' &&
			     strlen(name) == 4 && name[2] != 'V';
		if (!evt && !named)
			continue;
		bool has_res = false, reached = false;
		for (size_t k = 0; k < s->nres; k++) {
			const struct hest_aml_event_res *e = &s->res[k];
			if (strcmp(e->device, owner) != 0)
				continue;
			has_res = true;
			char m[HEST_AML_PATH_MAX + 8];
			bool takes_arg;
			if (handler(s, e, m, sizeof(m), &takes_arg) && strcmp(m, nf->method) == 0 &&
			    (!nf->cond || (takes_arg && nf->arg == e->number)))
				reached = true;
		}
		if (has_res && !reached && !c->partial)
			sreport(c, "SSDT-EVENT-UNREACHABLE", nf->off,
				"%s%s: no interrupt or pin of %s leads here, so this Notify never runs",
				show(nf->method, b1, sizeof(b1)), nf->cond ? " (this Arg0 branch)" : "",
				show(owner, b2, sizeof(b2)));
	}
}

static bool event_notified(const struct hest_source *s)
{
	if (!vis_ghes(s) || !vget(s, "enabled"))
		return false;
	uint64_t t = vget(s, "notification.type");
	return t == 7 || t == 10;
}

int hest_validate_ssdt(const struct hest_model *m, const uint8_t *ssdt, size_t len, const char *label,
		       const struct hest_validate_options *o, struct hest_diags *d)
{
	struct hest_aml_summary *s = calloc(1, sizeof(*s));
	if (!s)
		return -1;
	struct sctx c = { { m, o, o->decode, d, m->nsrc, NULL, NULL }, label, s, false };
	char why[160], b1[HEST_AML_PATH_MAX + 8];
	size_t why_off = 0;
	bool readable = true;
	if (len < HEST_AML_HEADER_SIZE || (memcmp(ssdt, "SSDT", 4) != 0 && memcmp(ssdt, "DSDT", 4) != 0)) {
		sreport(&c, "SSDT-HEADER", 0, "not an SSDT (%s)",
			len < HEST_AML_HEADER_SIZE ? "shorter than a table header" : "the signature is neither SSDT nor DSDT");
		readable = false;
	} else if (hest_get_le(ssdt + 4, 4) != len) {
		sreport(&c, "SSDT-HEADER", 4, "Length says %" PRIu64 " bytes, the file has %zu",
			hest_get_le(ssdt + 4, 4), len);
		readable = hest_get_le(ssdt + 4, 4) <= len && hest_get_le(ssdt + 4, 4) >= HEST_AML_HEADER_SIZE;
	}
	if (readable) {
		size_t tlen = (size_t)hest_get_le(ssdt + 4, 4);
		uint8_t sum = hest_byte_sum(ssdt, tlen);
		if (sum)
			sreport(&c, "SSDT-CHECKSUM", 9, "the bytes sum to 0x%02x, not 0: ACPICA reports an incorrect checksum", sum);
		if (hest_aml_read(ssdt, len, s, why, sizeof(why), &why_off) < 0) {
			sreport(&c, "SSDT-AML-MALFORMED", why_off, "%s", why);
			readable = false;
		}
	}
	bool partial = !readable || s->incomplete;
	c.partial = partial;
	if (readable && s->incomplete)
		sreport(&c, "SSDT-AML-UNSUPPORTED", s->incomplete_off,
			"%s: not read (the checker reads the AML hestc emits); the rest of its package is skipped, so "
			"missing event paths are not reported", s->incomplete_what);

	size_t ndev = 0, first = 0;
	for (size_t i = 0; i < s->ndev; i++)
		if (is_error_device(&s->dev[i]) && ndev++ == 0)
			first = i;
	for (size_t i = 0, k = 0; i < s->ndev && ndev > 1; i++)
		if (is_error_device(&s->dev[i]) && k++ > 0)
			sreport(&c, "SSDT-ERROR-DEVICE-COUNT", s->dev[i].off,
				"%s is a second hardware error device (PNP0C33) beside %s; Linux binds one only",
				show(s->dev[i].path, b1, sizeof(b1)), show(s->dev[first].path, why, sizeof(why)));

	enum path_state best = PATH_NONE;
	for (size_t i = 0; readable && i < s->nres; i++) {
		enum path_state st = follow(&c, &s->res[i]);
		if (st > best)
			best = st;
	}
	/* Methods in a controller whose _AEI this SSDT does not hold: the pins
	 * are declared elsewhere; their Notify counts, unverified. */
	for (size_t i = 0; readable && i < s->nnotify && best == PATH_NONE; i++) {
		const struct hest_aml_notify *nf = &s->notify[i];
		bool owned = false;
		for (size_t k = 0; k < s->nres && !owned; k++)
			owned = strncmp(nf->method, s->res[k].device, strlen(s->res[k].device)) == 0 &&
				nf->method[strlen(s->res[k].device)] == '.';
		char target[HEST_AML_PATH_MAX];
		resolve(s, nf, target, sizeof(target));
		const struct hest_aml_device *dv = device(s, target);
		if (owned || nf->value != 0x80 || (dv && !is_error_device(dv)))
			continue;
		best = PATH_UNVERIFIED;
		sreport(&c, "SSDT-UNVERIFIED", nf->off,
			"%s notifies %s, but the interrupt or pin that runs it is declared elsewhere: not checked",
			show(nf->method, b1, sizeof(b1)), show(target, why, sizeof(why)));
	}
	if (readable)
		unreachable(&c);

	for (size_t i = 0; i < m->nsrc && best == PATH_NONE && !partial; i++) {
		const struct hest_source *src = &m->src[i];
		if (event_notified(src))
			vreport(&c.v, "SSDT-EVENT-MISSING", src, "notification.type", 0,
				"notified by %s, but %s has no event path that ends in Notify (error device, 0x80): the OS "
				"never hears of its errors",
				vget(src, "notification.type") == 7 ? "gpio" : "gsiv", label);
	}
	free(s);
	return 0;
}
