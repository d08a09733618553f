/* The SSDT of a model: the hardware error device (PNP0C33) and, for each
 * GPIO- or GSIV-notified GHES, the event that runs Notify(device, 0x80).
 *
 * ACPI 6.5 §18.3.2.7.2: a GHES notified by an event needs an error device
 * with _HID PNP0C33, and a control method that does Notify(device, 0x80);
 * OSPM then scans every GHES notified that way.  On hardware-reduced
 * platforms the method is the event method of a Generic Event Device
 * (ACPI0013, §5.6.9: _CRS interrupts, _EVT with Arg0 = the GSIV, or _Exx/_Lxx
 * for GSIVs up to 255) or of a GPIO controller (_AEI GpioInt pins, §5.6.5:
 * _Exx/_Lxx for pins up to 255, else _EVT with Arg0 = the pin).
 *
 * Consumer behaviour this follows (Linux): drivers/acpi/hed.c binds one
 * PNP0C33 device only and forwards any device notification (0x80 and up) to
 * ghes.c, which on it re-reads every GHES of notification type SCI, GSIV or
 * GPIO; drivers/acpi/evged.c takes the first interrupt of each _CRS
 * descriptor (so each GSIV gets its own descriptor) and calls _Exx/_Lxx when
 * present for GSIVs up to 255, else _EVT(GSIV); gpiolib-acpi does the same
 * for the first pin of each _AEI GpioInt. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/aml.h>
#include <hest/fields.h>
#include "ssdt_plan.h"

#define NOTIFY_GPIO 7u
#define NOTIFY_GSIV 10u
#define HED_NOTIFY_VALUE 0x80u /* ACPI 6.5 §18.3.2.7.2: "a notification code of 0x80" */

static struct hest_loc loc_of(const struct hest_model *m, struct hest_pos p)
{
	struct hest_loc l = { m->file, p.line, p.col, false, 0 };
	return l;
}

#define ERR_AT(m, d, pos, ...) hest_diag_add((d), HEST_SEV_ERROR, NULL, loc_of((m), (pos)), __VA_ARGS__)

static const char *via_name(enum hest_event_via v)
{
	return v == HEST_EVENT_GED ? "ged" : "gpio";
}

static bool named_method(const struct hest_event *e)
{
	if (e->method == HEST_EVMETHOD_NAMED)
		return true;
	return e->method == HEST_EVMETHOD_AUTO && e->via == HEST_EVENT_GPIO && e->number <= 0xFF;
}

static bool event_notified(const struct hest_source *s, uint64_t *ntype)
{
	return (s->type == 9 || s->type == 10) && hest_source_get(s, "notification.type", ntype) &&
	       (*ntype == NOTIFY_GPIO || *ntype == NOTIFY_GSIV);
}

static bool check_one(const struct hest_model *m, const struct hest_source *s, struct hest_diags *d)
{
	const struct hest_event *e = &s->event;
	uint64_t nt = 0;
	if (!event_notified(s, &nt)) {
		const char *tn = (s->type == 9 || s->type == 10) && hest_source_get(s, "notification.type", &nt)
					 ? hest_name_of(&hest_notify_type_names, nt)
					 : NULL;
		ERR_AT(m, d, e->pos,
		       "source '%s': 'event' applies to ghes and ghes-v2 sources notified by gpio or gsiv%s%s%s", s->name,
		       tn ? " (this one is notified by " : "", tn ? tn : "", tn ? ")" : "");
		return false;
	}
	if (e->via == HEST_EVENT_GED && e->polarity == HEST_POLARITY_BOTH) {
		ERR_AT(m, d, e->pos, "source '%s': an interrupt is active-high or active-low; active-both is for "
				     "GPIO pins only", s->name);
		return false;
	}
	if (e->via == HEST_EVENT_GPIO && e->number > 0xFFFF) {
		ERR_AT(m, d, e->pos, "source '%s': GPIO pin %" PRIu32 " does not fit a GpioInt pin number (16 bits)",
		       s->name, e->number);
		return false;
	}
	if (named_method(e) && e->number > 0xFF) {
		ERR_AT(m, d, e->pos,
		       "source '%s': method 'named' (_Exx/_Lxx) exists for event numbers up to 0xFF; %s %" PRIu32
		       " needs method 'evt'", s->name, e->via == HEST_EVENT_GED ? "interrupt" : "pin", e->number);
		return false;
	}
	return true;
}

static int event_cmp(const void *a, const void *b, const struct hest_model *m)
{
	const struct hest_event *x = &m->src[*(const size_t *)a].event, *y = &m->src[*(const size_t *)b].event;
	if (x->via != y->via)
		return x->via < y->via ? -1 : 1;
	if (x->number != y->number)
		return x->number < y->number ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* qsort has no context argument in C11: sort indices with a small merge
 * sort instead (n log n, stable, no global state). */
static void sort_events(size_t *v, size_t *tmp, size_t n, const struct hest_model *m)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	sort_events(v, tmp, h, m);
	sort_events(v + h, tmp, n - h, m);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = event_cmp(&v[i], &v[j], m) <= 0 ? v[i++] : v[j++];
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof(*v));
}

/* Sources sharing an event share its descriptor and method, so they must
 * agree on how it is signalled. */
static bool check_shared(const struct hest_model *m, struct hest_diags *d)
{
	size_t n = 0;
	for (size_t i = 0; i < m->nsrc; i++)
		n += m->src[i].event.via != HEST_EVENT_NONE;
	if (n < 2)
		return true;
	size_t *v = malloc(2 * n * sizeof(*v));
	if (!v) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, loc_of(m, m->ssdt.pos), "out of memory");
		return false;
	}
	for (size_t i = 0, k = 0; i < m->nsrc; i++)
		if (m->src[i].event.via != HEST_EVENT_NONE)
			v[k++] = i;
	sort_events(v, v + n, n, m);
	bool ok = true;
	for (size_t k = 1; k < n; k++) {
		const struct hest_source *a = &m->src[v[k - 1]], *b = &m->src[v[k]];
		if (a->event.via != b->event.via || a->event.number != b->event.number)
			continue;
		if (a->event.level != b->event.level || a->event.polarity != b->event.polarity ||
		    named_method(&a->event) != named_method(&b->event)) {
			ERR_AT(m, d, b->event.pos,
			       "source '%s' shares %s %s %" PRIu32 " with source '%s' (line %" PRIu32
			       ") but not its trigger, polarity or method; one event has one descriptor and one method",
			       b->name, via_name(b->event.via), b->event.via == HEST_EVENT_GED ? "interrupt" : "pin",
			       b->event.number, a->name, a->event.pos.line);
			ok = false;
		}
	}
	free(v);
	return ok;
}

int hest_ssdt_check(const struct hest_model *m, struct hest_diags *d)
{
	bool ok = true;
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_source *s = &m->src[i];
		uint64_t nt, enabled = 1;
		if (s->event.via != HEST_EVENT_NONE) {
			ok = check_one(m, s, d) && ok;
		} else if (m->ssdt.given && event_notified(s, &nt) && hest_source_get(s, "enabled", &enabled) &&
			   enabled) {
			ERR_AT(m, d, s->pos,
			       "source '%s' is notified by %s but has no 'event:'; the SSDT ('ssdt:') needs the GED "
			       "interrupt or GPIO pin that signals it", s->name, nt == NOTIFY_GPIO ? "gpio" : "gsiv");
			ok = false;
		}
	}
	return ok && check_shared(m, d) ? 0 : -1;
}

const char *hest_ssdt_not_applicable(const struct hest_model *m)
{
	for (size_t i = 0; i < m->nsrc; i++)
		if (m->src[i].event.via != HEST_EVENT_NONE)
			return NULL;
	return "needs a source with an 'event:' mapping (a GPIO- or GSIV-notified GHES)";
}

/* --- the plan ------------------------------------------------------------ */

/* Copies path without the '_' padding iasl would add back, so "\_SB_" and
 * "\_SB" compare equal and print as iasl prints them. */
static void trim_path(const char *in, char *out)
{
	size_t o = 0;
	for (size_t i = 0; in[i]; i++) {
		if (in[i] == '_' && i > 0 && in[i - 1] != '\\' && in[i - 1] != '^' && in[i - 1] != '.') {
			size_t j = i;
			while (in[j] == '_')
				j++;
			if (in[j] == '\0' || in[j] == '.') {
				i = j - 1;
				continue;
			}
		}
		out[o++] = in[i];
	}
	out[o] = '\0';
}

static bool predefined_scope(const char *path)
{
	static const char *const roots[] = { "\\", "\\_SB", "\\_GPE", "\\_PR", "\\_TZ", "\\_SI" };
	for (size_t i = 0; i < sizeof(roots) / sizeof(roots[0]); i++)
		if (strcmp(path, roots[i]) == 0)
			return true;
	return false;
}

/* scope + name, or name when it is absolute. */
static bool join(char *out, size_t size, const char *scope, const char *name)
{
	int n;
	if (name[0] == '\\')
		n = snprintf(out, size, "%s", name);
	else
		n = snprintf(out, size, "%s%s%s", scope, strcmp(scope, "\\") == 0 ? "" : ".", name);
	return n > 0 && (size_t)n < size && !hest_aml_path_check(out);
}

void ssdt_event_method(const struct ssdt_event *e, char out[5])
{
	snprintf(out, 5, "_%c%02" PRIX32, e->level ? 'L' : 'E', e->number & 0xFFu);
}

static int add_events(const struct hest_model *m, struct ssdt_plan *p, enum hest_event_via via, size_t *count)
{
	for (size_t i = 0; i < m->nsrc; i++) {
		const struct hest_event *e = &m->src[i].event;
		if (e->via != via)
			continue;
		size_t n = p->nged + p->ngpio, k = via == HEST_EVENT_GED ? 0 : p->nged;
		for (; k < n && p->ev[k].number != e->number; k++)
			;
		if (k < n)
			continue; /* shared with an earlier source (check_shared made sure they agree) */
		p->ev[n] = (struct ssdt_event){ via, e->number, e->level, e->polarity, named_method(e), i };
		(*count)++;
	}
	return 0;
}

int ssdt_plan_build(const struct hest_model *m, struct ssdt_plan *p, struct hest_diags *d)
{
	memset(p, 0, sizeof(*p));
	const struct hest_ssdt *c = &m->ssdt;
	const char *why = hest_ssdt_not_applicable(m);
	if (why) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, loc_of(m, c->pos), "the SSDT %s", why);
		return -1;
	}
	if (hest_ssdt_check(m, d) < 0)
		return -1;
	trim_path(c->scope[0] ? c->scope : "\\_SB", p->scope);
	char dev[HEST_AML_PATH_MAX];
	trim_path(c->error_device[0] ? c->error_device : "HED0", dev);
	p->define_hed = !c->external_error_device;
	p->hed_uid = c->error_device_uid;
	if (p->define_hed && strlen(dev) <= 4)
		memcpy(p->hed_seg, dev, strlen(dev) + 1);
	trim_path(c->ged[0] ? c->ged : "GEDE", dev + 0);
	if (strlen(dev) <= 4)
		memcpy(p->ged_seg, dev, strlen(dev) + 1);
	p->ged_uid = c->ged_uid;
	trim_path(c->gpio_controller[0] ? c->gpio_controller : "\\_SB.GPO0", p->gpio);
	p->define_aei = !c->external_aei;
	const char *tid = c->oem_table_id[0] ? c->oem_table_id : "HESTEVNT";
	memset(p->oem_table_id, ' ', 8);
	memcpy(p->oem_table_id, tid, strlen(tid) < 8 ? strlen(tid) : 8);

	trim_path(c->error_device[0] ? c->error_device : "HED0", dev);
	if (p->scope[0] != '\\' || (p->define_hed && !p->hed_seg[0]) || !p->ged_seg[0] ||
	    !join(p->hed, sizeof(p->hed), p->scope, dev)) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, loc_of(m, c->pos),
			      "ssdt: the scope must be an absolute path, and the error device (unless external) and the "
			      "GED single name segments");
		return -1;
	}

	p->ev = calloc(m->nsrc, sizeof(*p->ev));
	if (!p->ev) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, loc_of(m, c->pos), "out of memory");
		return -1;
	}
	add_events(m, p, HEST_EVENT_GED, &p->nged);
	add_events(m, p, HEST_EVENT_GPIO, &p->ngpio);
	for (size_t i = 0; i < p->nged + p->ngpio; i++) {
		if (p->ev[i].named)
			continue;
		if (p->ev[i].via == HEST_EVENT_GED)
			p->ged_evt = true;
		else
			p->gpio_evt = true;
	}
	if (p->ngpio && p->gpio[0] != '\\') {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, loc_of(m, c->pos),
			      "ssdt: gpio_controller must be an absolute path (like \\_SB.GPO0)");
		ssdt_plan_free(p);
		return -1;
	}
	if (!predefined_scope(p->scope))
		p->externals[p->nexternals++] = p->scope;
	if (!p->define_hed)
		p->externals[p->nexternals++] = p->hed;
	if (p->ngpio && strcmp(p->gpio, p->scope) != 0)
		p->externals[p->nexternals++] = p->gpio;
	return 0;
}

void ssdt_plan_free(struct ssdt_plan *p)
{
	free(p->ev);
	p->ev = NULL;
}

/* --- AML ------------------------------------------------------------------- */

static void notify_hed(struct hest_aml *a, const struct ssdt_plan *p)
{
	hest_aml_notify(a, p->hed, HED_NOTIFY_VALUE);
}

/* _EVT (Arg0 = the event number): If (Arg0 == n) { Notify } per event. */
static void evt_method(struct hest_aml *a, const struct ssdt_plan *p, const struct ssdt_event *ev, size_t n)
{
	hest_aml_method(a, "_EVT", 1, false);
	for (size_t i = 0; i < n; i++) {
		if (ev[i].named)
			continue;
		hest_aml_if(a);
		hest_aml_op(a, HEST_AML_LEQUAL);
		hest_aml_op(a, HEST_AML_ARG0);
		hest_aml_integer(a, ev[i].number);
		notify_hed(a, p);
		hest_aml_end(a);
	}
	hest_aml_end(a);
}

static void named_methods(struct hest_aml *a, const struct ssdt_plan *p, const struct ssdt_event *ev, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!ev[i].named)
			continue;
		char name[5];
		ssdt_event_method(&ev[i], name);
		hest_aml_method(a, name, 0, false);
		notify_hed(a, p);
		hest_aml_end(a);
	}
}

static void hid_uid(struct hest_aml *a, bool eisa, const char *hid, uint32_t uid)
{
	hest_aml_name_decl(a, "_HID");
	uint32_t v;
	if (eisa && hest_aml_eisaid(hid, &v)) {
		hest_aml_op(a, HEST_AML_DWORD_PREFIX);
		hest_buf_le(a->out, 4, v);
	} else {
		hest_aml_string(a, hid);
	}
	hest_aml_name_decl(a, "_UID");
	hest_aml_integer(a, uid);
}

static void ged_device(struct hest_aml *a, const struct ssdt_plan *p)
{
	const struct ssdt_event *ev = p->ev;
	hest_aml_device(a, p->ged_seg);
	hid_uid(a, false, "ACPI0013", p->ged_uid);
	hest_aml_name_decl(a, "_CRS");
	hest_aml_buffer(a);
	for (size_t i = 0; i < p->nged; i++)
		hest_aml_res_interrupt(a,
				       HEST_AML_INT_CONSUMER | (ev[i].level ? 0u : HEST_AML_INT_EDGE) |
					       (ev[i].polarity == HEST_POLARITY_LOW ? HEST_AML_INT_ACTIVE_LOW : 0u),
				       ev[i].number);
	hest_aml_res_end(a);
	hest_aml_end(a);
	if (p->ged_evt)
		evt_method(a, p, ev, p->nged);
	named_methods(a, p, ev, p->nged);
	hest_aml_end(a);
}

static void gpio_scope(struct hest_aml *a, const struct ssdt_plan *p)
{
	const struct ssdt_event *ev = p->ev + p->nged;
	hest_aml_scope(a, p->gpio);
	if (p->define_aei) {
		hest_aml_name_decl(a, "_AEI");
		hest_aml_buffer(a);
		for (size_t i = 0; i < p->ngpio; i++)
			hest_aml_res_gpioint(a, !ev[i].level, (enum hest_aml_gpio_polarity)ev[i].polarity,
					     (uint16_t)ev[i].number, p->gpio);
		hest_aml_res_end(a);
		hest_aml_end(a);
	}
	if (p->gpio_evt)
		evt_method(a, p, ev, p->ngpio);
	named_methods(a, p, ev, p->ngpio);
	hest_aml_end(a);
}

/* The table header: OEM id, OEM revision and creator from the HEST's. */
static void ssdt_header(struct hest_aml *a, const struct hest_model *m, const struct ssdt_plan *p)
{
	const uint8_t *h = m->hdr.bytes;
	hest_aml_table_begin(a, "SSDT", 2, h + 10, p->oem_table_id, (uint32_t)hest_get_le(h + 24, 4), h + 28,
			     (uint32_t)hest_get_le(h + 32, 4));
}

int hest_emit_ssdt(const struct hest_model *m, struct hest_buf *out, struct hest_diags *d)
{
	struct ssdt_plan p;
	if (ssdt_plan_build(m, &p, d) < 0)
		return -1;
	struct hest_aml a;
	hest_aml_init(&a, out);
	size_t start = out->len;
	ssdt_header(&a, m, &p);
	if (p.nexternals) {
		/* iasl puts External declarations in an If (Zero) block that
		 * interpreters skip; ACPICA's disassembler reads them. */
		hest_aml_if(&a);
		hest_aml_op(&a, HEST_AML_ZERO);
		for (size_t i = 0; i < p.nexternals; i++)
			hest_aml_external(&a, p.externals[i], HEST_AML_OBJ_DEVICE, 0);
		hest_aml_end(&a);
	}
	if (p.define_hed || p.nged) {
		hest_aml_scope(&a, p.scope);
		if (p.define_hed) {
			hest_aml_device(&a, p.hed_seg);
			hid_uid(&a, true, "PNP0C33", p.hed_uid);
			hest_aml_end(&a);
		}
		if (p.nged)
			ged_device(&a, &p);
		hest_aml_end(&a);
	}
	if (p.ngpio)
		gpio_scope(&a, &p);
	bool ok = hest_aml_table_finish(&a, start);
	ssdt_plan_free(&p);
	if (!ok) {
		hest_diag_add(d, HEST_SEV_ERROR, NULL, loc_of(m, m->ssdt.pos),
			      out->oom ? "out of memory" : "the SSDT could not be encoded (a name or length out of range)");
		return -1;
	}
	return 0;
}
