/* The SSDT as ASL source for iasl: the same plan as emit/ssdt.c, written in
 * the forms iasl compiles back to the same bytes (absolute name paths,
 * resource templates with one interrupt or pin per descriptor). */
#include <inttypes.h>
#include <string.h>
#include <hest/aml.h>
#include <hest/fields.h>
#include "ssdt_plan.h"

static struct hest_loc loc_of(const struct hest_model *m, struct hest_pos p)
{
	struct hest_loc l = { m->file, p.line, p.col, false, 0 };
	return l;
}

/* An integer as iasl's disassembler writes it. */
static bool asl_int(struct hest_buf *o, uint64_t v)
{
	if (v == 0)
		return hest_buf_printf(o, "Zero");
	if (v == 1)
		return hest_buf_printf(o, "One");
	if (v <= 0xFF)
		return hest_buf_printf(o, "0x%02" PRIX64, v);
	if (v <= 0xFFFF)
		return hest_buf_printf(o, "0x%04" PRIX64, v);
	if (v <= 0xFFFFFFFFu)
		return hest_buf_printf(o, "0x%08" PRIX64, v);
	return hest_buf_printf(o, "0x%016" PRIX64, v);
}

static bool indent(struct hest_buf *o, unsigned level)
{
	for (unsigned i = 0; i < level; i++)
		if (!hest_buf_printf(o, "    "))
			return false;
	return true;
}

/* A fixed-width header string as an ASL string literal: iasl pads a short
 * string with NULs, so trailing NULs are dropped; anything else that ASL
 * cannot spell as plain text is refused. */
static bool header_string(struct hest_buf *o, const uint8_t *s, size_t n, const char *what,
			  const struct hest_model *m, struct hest_diags *d)
{
	while (n && s[n - 1] == 0)
		n--;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] > 0x7E || s[i] == '"' || s[i] == '\\') {
			hest_diag_add(d, HEST_SEV_ERROR, NULL, loc_of(m, m->ssdt.pos),
				      "the SSDT's %s has byte 0x%02x at %zu, which ASL cannot write in a DefinitionBlock; "
				      "use --emit ssdt for the AML", what, s[i], i);
			return false;
		}
	return hest_buf_printf(o, "\"%.*s\"", (int)n, (const char *)s);
}

/* A name path inside an ASL string literal: '\' is written "\\". */
static bool string_path(struct hest_buf *o, const char *path)
{
	bool ok = hest_buf_printf(o, "\"");
	for (const char *p = path; *p && ok; p++)
		ok = *p == '\\' ? hest_buf_printf(o, "\\\\") : hest_buf_append(o, p, 1);
	return ok && hest_buf_printf(o, "\"");
}

/* The sources an event serves, for a comment. */
static bool sources_comment(struct hest_buf *o, const struct hest_model *m, const struct ssdt_event *e)
{
	bool ok = hest_buf_printf(o, "  // ");
	const char *sep = "";
	for (size_t i = e->first; i < m->nsrc && ok; i++) {
		const struct hest_event *s = &m->src[i].event;
		if (s->via != e->via || s->number != e->number)
			continue;
		uint64_t id = 0;
		hest_source_get(&m->src[i], "id", &id);
		ok = hest_buf_printf(o, "%ssource '%s' (id %" PRIu64 ")", sep, m->src[i].name, id);
		sep = ", ";
	}
	return ok && hest_buf_printf(o, "\n");
}

static bool notify(struct hest_buf *o, unsigned level, const struct ssdt_plan *p)
{
	return indent(o, level) && hest_buf_printf(o, "Notify (%s, 0x80)\n", p->hed);
}

static bool evt_method(struct hest_buf *o, unsigned level, const struct hest_model *m, const struct ssdt_plan *p,
		       const struct ssdt_event *ev, size_t n)
{
	bool ok = indent(o, level) && hest_buf_printf(o, "Method (_EVT, 1, NotSerialized)  // Arg0: the %s\n",
						       ev[0].via == HEST_EVENT_GED ? "GSIV" : "pin") &&
		  indent(o, level) && hest_buf_printf(o, "{\n");
	for (size_t i = 0; i < n && ok; i++) {
		if (ev[i].named)
			continue;
		ok = indent(o, level + 1) && hest_buf_printf(o, "If ((Arg0 == ") && asl_int(o, ev[i].number) &&
		     hest_buf_printf(o, "))") && sources_comment(o, m, &ev[i]) && indent(o, level + 1) &&
		     hest_buf_printf(o, "{\n") && notify(o, level + 2, p) && indent(o, level + 1) &&
		     hest_buf_printf(o, "}\n");
	}
	return ok && indent(o, level) && hest_buf_printf(o, "}\n");
}

static bool named_methods(struct hest_buf *o, unsigned level, const struct hest_model *m,
			  const struct ssdt_plan *p, const struct ssdt_event *ev, size_t n)
{
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		if (!ev[i].named)
			continue;
		char name[5];
		ssdt_event_method(&ev[i], name);
		ok = indent(o, level) && hest_buf_printf(o, "Method (%s, 0, NotSerialized)", name) &&
		     sources_comment(o, m, &ev[i]) && indent(o, level) && hest_buf_printf(o, "{\n") &&
		     notify(o, level + 1, p) && indent(o, level) && hest_buf_printf(o, "}\n");
	}
	return ok;
}

static const char *polarity(enum hest_event_polarity p)
{
	return p == HEST_POLARITY_LOW ? "ActiveLow" : p == HEST_POLARITY_BOTH ? "ActiveBoth" : "ActiveHigh";
}

static bool ged_device(struct hest_buf *o, const struct hest_model *m, const struct ssdt_plan *p)
{
	bool ok = (p->define_hed ? hest_buf_printf(o, "\n") : true) && indent(o, 2) &&
		  hest_buf_printf(o, "Device (%s)  // Generic Event Device (ACPI 6.5 section 5.6.9)\n", p->ged_seg) &&
		  indent(o, 2) && hest_buf_printf(o, "{\n") && indent(o, 3) &&
		  hest_buf_printf(o, "Name (_HID, \"ACPI0013\")\n") && indent(o, 3) && hest_buf_printf(o, "Name (_UID, ") &&
		  asl_int(o, p->ged_uid) && hest_buf_printf(o, ")\n") && indent(o, 3) &&
		  hest_buf_printf(o, "Name (_CRS, ResourceTemplate ()\n") && indent(o, 3) && hest_buf_printf(o, "{\n");
	for (size_t i = 0; i < p->nged && ok; i++)
		ok = indent(o, 4) &&
		     hest_buf_printf(o, "Interrupt (ResourceConsumer, %s, %s, Exclusive, ,, )\n",
				     p->ev[i].level ? "Level" : "Edge", polarity(p->ev[i].polarity)) &&
		     indent(o, 4) && hest_buf_printf(o, "{\n") && indent(o, 5) &&
		     hest_buf_printf(o, "0x%08" PRIX32 ",\n", p->ev[i].number) && indent(o, 4) && hest_buf_printf(o, "}\n");
	ok = ok && indent(o, 3) && hest_buf_printf(o, "})\n");
	if (ok && p->ged_evt)
		ok = evt_method(o, 3, m, p, p->ev, p->nged);
	return ok && named_methods(o, 3, m, p, p->ev, p->nged) && indent(o, 2) && hest_buf_printf(o, "}\n");
}

static bool gpio_scope(struct hest_buf *o, const struct hest_model *m, const struct ssdt_plan *p)
{
	const struct ssdt_event *ev = p->ev + p->nged;
	bool ok = hest_buf_printf(o, "\n") && indent(o, 1) &&
		  hest_buf_printf(o, "Scope (%s)  // the GPIO controller (ACPI 6.5 section 5.6.5)\n", p->gpio) && indent(o, 1) &&
		  hest_buf_printf(o, "{\n");
	if (ok && p->define_aei) {
		ok = indent(o, 2) && hest_buf_printf(o, "Name (_AEI, ResourceTemplate ()\n") && indent(o, 2) &&
		     hest_buf_printf(o, "{\n");
		for (size_t i = 0; i < p->ngpio && ok; i++)
			ok = indent(o, 3) &&
			     hest_buf_printf(o, "GpioInt (%s, %s, Exclusive, PullDefault, 0x0000,\n",
					     ev[i].level ? "Level" : "Edge", polarity(ev[i].polarity)) &&
			     indent(o, 4) && string_path(o, p->gpio) && hest_buf_printf(o, ", 0x00, ResourceConsumer, ,\n") &&
			     indent(o, 4) && hest_buf_printf(o, ")\n") && indent(o, 4) && hest_buf_printf(o, "{\n") &&
			     indent(o, 5) && hest_buf_printf(o, "0x%04" PRIX32 "\n", ev[i].number) && indent(o, 4) &&
			     hest_buf_printf(o, "}\n");
		ok = ok && indent(o, 2) && hest_buf_printf(o, "})\n");
	}
	if (ok && p->gpio_evt)
		ok = evt_method(o, 2, m, p, ev, p->ngpio);
	return ok && named_methods(o, 2, m, p, ev, p->ngpio) && indent(o, 1) && hest_buf_printf(o, "}\n");
}

static bool preamble(struct hest_buf *o, const char *origin)
{
	const char *slash = origin ? strrchr(origin, '/') : NULL;
	origin = slash ? slash + 1 : origin ? origin : "a description";
	bool ok = hest_buf_printf(o, "/*\n * SSDT generated by hestc from ");
	for (const char *c = origin; *c && ok; c++) /* never close the comment early */
		ok = hest_buf_printf(o, "%c", (*c == '*' || (unsigned char)*c < 0x20 || (unsigned char)*c > 0x7E) ? '_' : *c);
	return ok && hest_buf_printf(o, "\n"
				     " * The hardware error device (PNP0C33) and the event methods that notify it\n"
				     " * for GPIO- and GSIV-signalled error sources (ACPI 6.5 section 18.3.2.7.2).\n"
				     " * iasl compiles this to the bytes of hestc's ssdt.aml but for the creator id\n"
				     " * and revision, which iasl writes itself, and so the checksum.\n */\n");
}

int hest_emit_ssdt_asl(const struct hest_model *m, const char *origin, struct hest_buf *o, struct hest_diags *d)
{
	struct ssdt_plan p;
	if (ssdt_plan_build(m, &p, d) < 0)
		return -1;
	const uint8_t *h = m->hdr.bytes;
	size_t errors = d->errors;
	bool ok = preamble(o, origin) && hest_buf_printf(o, "DefinitionBlock (\"\", \"SSDT\", 2, ") &&
		  header_string(o, h + 10, 6, "OEM id", m, d) && hest_buf_printf(o, ", ") &&
		  header_string(o, p.oem_table_id, 8, "OEM table id", m, d) &&
		  hest_buf_printf(o, ", 0x%08" PRIX32 ")\n{\n", (uint32_t)hest_get_le(h + 24, 4));
	for (size_t i = 0; i < p.nexternals && ok; i++)
		ok = indent(o, 1) && hest_buf_printf(o, "External (%s, DeviceObj)\n", p.externals[i]);
	if (ok && (p.define_hed || p.nged)) {
		ok = (p.nexternals ? hest_buf_printf(o, "\n") : true) && indent(o, 1) &&
		     hest_buf_printf(o, "Scope (%s)\n", p.scope) && indent(o, 1) && hest_buf_printf(o, "{\n");
		if (ok && p.define_hed)
			ok = indent(o, 2) && hest_buf_printf(o, "Device (%s)  // Hardware Error Device\n", p.hed_seg) &&
			     indent(o, 2) && hest_buf_printf(o, "{\n") && indent(o, 3) &&
			     hest_buf_printf(o, "Name (_HID, EisaId (\"PNP0C33\"))\n") && indent(o, 3) &&
			     hest_buf_printf(o, "Name (_UID, ") && asl_int(o, p.hed_uid) && hest_buf_printf(o, ")\n") &&
			     indent(o, 2) && hest_buf_printf(o, "}\n");
		if (ok && p.nged)
			ok = ged_device(o, m, &p);
		ok = ok && indent(o, 1) && hest_buf_printf(o, "}\n");
	}
	if (ok && p.ngpio)
		ok = gpio_scope(o, m, &p);
	ok = ok && hest_buf_printf(o, "}\n");
	ssdt_plan_free(&p);
	if (!ok && d->errors == errors)
		hest_diag_add(d, HEST_SEV_ERROR, NULL, loc_of(m, m->ssdt.pos), "out of memory");
	return ok ? 0 : -1;
}
