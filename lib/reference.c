/* The description format's key reference, generated from the descriptor and
 * option tables (docs/description-format.md embeds it; a test keeps it
 * current). */
#include <inttypes.h>
#include <string.h>
#include <hest/schema.h>
#include <hest/profile.h>

static const char *opt_kind(uint8_t kind)
{
	switch (kind) {
	case HEST_OPT_UINT:
		return "integer";
	case HEST_OPT_BOOL:
		return "true/false";
	case HEST_OPT_STRING:
		return "string";
	case HEST_OPT_ENUM:
		return "name";
	case HEST_OPT_MAP:
		return "mapping";
	case HEST_OPT_BYTES:
		return "hex bytes";
	default:
		return "list";
	}
}

enum value_style { VALUES_NONE, VALUES_DEC, VALUES_HEX };

static bool names_cell(struct hest_buf *o, const struct hest_names *names, enum value_style style)
{
	bool ok = true;
	for (size_t i = 0; names && i < names->n && ok; i++) {
		ok = hest_buf_printf(o, "%s`%s`", i ? ", " : "", names->v[i].name);
		if (style == VALUES_DEC)
			ok = ok && hest_buf_printf(o, " (%" PRIu64 ")", names->v[i].value);
		else if (style == VALUES_HEX)
			ok = ok && hest_buf_printf(o, " (0x%" PRIx64 ")", names->v[i].value);
	}
	return ok;
}

static bool options_table(struct hest_buf *o, enum hest_option_group g)
{
	size_t n;
	const struct hest_option *v = hest_options(g, &n);
	bool ok = hest_buf_printf(o, "| key | kind | default | meaning |\n|---|---|---|---|\n");
	for (size_t i = 0; i < n && ok; i++) {
		ok = hest_buf_printf(o, "| `%s` | %s | %s | %s", v[i].key, opt_kind(v[i].kind),
				     v[i].def ? v[i].def : "—", v[i].doc);
		if (v[i].names)
			ok = ok && hest_buf_printf(o, ": ") && names_cell(o, v[i].names, VALUES_NONE);
		ok = ok && hest_buf_printf(o, " |\n");
	}
	return ok;
}

static const char *field_kind(const struct hest_field *f)
{
	switch (f->kind) {
	case HEST_FK_ENUM:
		return "name or integer";
	case HEST_FK_FLAGS:
		return "flag names or integer";
	case HEST_FK_CHARS:
		return "string";
	case HEST_FK_STRUCT:
		return "mapping";
	case HEST_FK_ARRAY:
		return "list";
	case HEST_FK_RESERVED:
		return "integer (reserved)";
	default:
		return "integer";
	}
}

static bool field_default(struct hest_buf *o, const struct hest_field *f)
{
	if (f->attr & HEST_FA_REQUIRED)
		return hest_buf_printf(o, "required");
	if (f->attr & HEST_FA_COMPUTED)
		return hest_buf_printf(o, "computed");
	if (f->attr & HEST_FA_BLOCKLEN)
		return hest_buf_printf(o, "placement.block_size");
	if (f->attr & HEST_FA_PLACED)
		return hest_buf_printf(o, "placed (0 with mode none)");
	switch (f->kind) {
	case HEST_FK_CHARS:
		return hest_buf_printf(o, "\"%s\"", f->def_chars ? f->def_chars : "");
	case HEST_FK_STRUCT:
		return hest_buf_printf(o, "see `%s`", f->sub->key);
	case HEST_FK_ARRAY:
		return hest_buf_printf(o, "empty");
	case HEST_FK_ENUM:
	case HEST_FK_FLAGS: {
		const char *name = hest_name_of(f->names, f->def);
		if (name && f->kind == HEST_FK_ENUM)
			return hest_buf_printf(o, "`%s`", name);
		return hest_buf_printf(o, f->def ? "0x%" PRIx64 : "%" PRIu64, f->def);
	}
	default:
		return hest_buf_printf(o, f->def > 9 ? "0x%" PRIx64 : "%" PRIu64, f->def);
	}
}

static bool fields_table(struct hest_buf *o, const struct hest_struct_desc *d)
{
	bool ok = hest_buf_printf(o, "| key | offset | bytes | kind | default | meaning |\n|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < d->nfields && ok; i++) {
		const struct hest_field *f = &d->fields[i];
		if (f->attr & HEST_FA_TYPE)
			continue;
		ok = hest_buf_printf(o, "| `%s` | %u | %u%s | %s | ", f->key, f->offset, f->size,
				     f->kind == HEST_FK_ARRAY ? " each" : "", field_kind(f)) &&
		     field_default(o, f) && hest_buf_printf(o, " | %s", f->doc);
		if (f->names)
			ok = ok && hest_buf_printf(o, ": ") &&
			     names_cell(o, f->names, f->kind == HEST_FK_FLAGS ? VALUES_HEX : VALUES_DEC);
		if (f->kind == HEST_FK_ARRAY)
			ok = ok && hest_buf_printf(o, " (each a `%s` mapping)", f->sub->key);
		ok = ok && hest_buf_printf(o, " |\n");
	}
	return ok;
}

bool hest_reference_markdown(struct hest_buf *o)
{
	bool ok = hest_buf_printf(o, "### Top level\n\n") && options_table(o, HEST_OPTS_TOP);
	ok = ok && hest_buf_printf(o, "\n### `table`: %s\n\n", hest_desc_header.doc) && fields_table(o, &hest_desc_header);
	ok = ok && hest_buf_printf(o, "\n### `target`\n\n") && options_table(o, HEST_OPTS_TARGET);
	ok = ok && hest_buf_printf(o, "\n### `placement`\n\n") && options_table(o, HEST_OPTS_PLACEMENT);
	ok = ok && hest_buf_printf(o, "\n### `placement.profile`\n\nEach profile sets these keys (\"fixed\": the "
				      "description may repeat the value but not change it; \"default\": it may change "
				      "it). `ghes-v2` keys apply to every GHESv2 source.\n\n") &&
	     hest_profiles_markdown(o);
	ok = ok && hest_buf_printf(o, "\n### `ssdt`\n\n") && options_table(o, HEST_OPTS_SSDT);
	ok = ok && hest_buf_printf(o, "\n### Every source\n\n") && options_table(o, HEST_OPTS_SOURCE);
	ok = ok && hest_buf_printf(o, "\n### `event` (ghes and ghes-v2 notified by gpio or gsiv)\n\n") &&
	     options_table(o, HEST_OPTS_EVENT);
	size_t n;
	const struct hest_struct_desc *const *descs = hest_source_descs(&n);
	for (size_t i = 0; i < n && ok; i++)
		ok = hest_buf_printf(o, "\n### `type: %s` (type %d, %u bytes%s): %s\n\n", descs[i]->key, descs[i]->type,
				     descs[i]->size, hest_array_field(descs[i], &(const struct hest_field *){ NULL })
							     ? " + 28 per bank"
							     : "",
				     descs[i]->title) &&
		     fields_table(o, descs[i]);
	static const struct hest_struct_desc *const subs[] = { &hest_desc_notification, &hest_desc_gas,
							       &hest_desc_read_ack, &hest_desc_bank };
	for (size_t i = 0; i < sizeof(subs) / sizeof(subs[0]) && ok; i++)
		ok = hest_buf_printf(o, "\n### `%s`: %s\n\n", subs[i]->key, subs[i]->doc) && fields_table(o, subs[i]);
	/* BERT and EINJ: `table: { signature: BERT }` (or EINJ) selects them */
	ok = ok && hest_buf_printf(o, "\n### BERT: top level (`table: { signature: BERT }`)\n\n") &&
	     options_table(o, HEST_OPTS_BERT_TOP);
	ok = ok && hest_buf_printf(o, "\n### BERT `table`: %s\n\n", hest_desc_bert_header.doc) &&
	     fields_table(o, &hest_desc_bert_header);
	ok = ok && hest_buf_printf(o, "\n### EINJ: top level (`table: { signature: EINJ }`)\n\n") &&
	     options_table(o, HEST_OPTS_EINJ_TOP);
	ok = ok && hest_buf_printf(o, "\n### EINJ `table`: %s\n\n", hest_desc_einj_header.doc) &&
	     fields_table(o, &hest_desc_einj_header);
	ok = ok && hest_buf_printf(o, "\n### EINJ `registers` items\n\n") && options_table(o, HEST_OPTS_EINJ_REGISTER);
	ok = ok && hest_buf_printf(o, "\n### EINJ `entries` and `trigger` items: %s (%u bytes)\n\n",
				   hest_desc_einj_entry.title, hest_desc_einj_entry.size) &&
	     options_table(o, HEST_OPTS_EINJ_ENTRY) && hest_buf_printf(o, "\n") &&
	     fields_table(o, &hest_desc_einj_entry);
	ok = ok && hest_buf_printf(o, "\n### ERST: top level (`table: { signature: ERST }`)\n\n") &&
	     options_table(o, HEST_OPTS_ERST_TOP);
	ok = ok && hest_buf_printf(o, "\n### ERST `table`: %s\n\n", hest_desc_erst_header.doc) &&
	     fields_table(o, &hest_desc_erst_header);
	ok = ok && hest_buf_printf(o, "\n### ERST `entries` items: %s (%u bytes)\n\n", hest_desc_erst_entry.title,
				   hest_desc_erst_entry.size) &&
	     fields_table(o, &hest_desc_erst_entry);
	return ok;
}
