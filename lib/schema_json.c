/* JSON Schema (2020-12) of the description format, generated from the
 * descriptor and option tables, so it cannot drift from the parser. */
#include <inttypes.h>
#include <string.h>
#include <hest/schema.h>

/* Integers are written as numbers or, in YAML, as hex/binary/octal or with
 * a size suffix, which a YAML-to-JSON loader may leave as a string. */
#define UINT_STRING "^\\\\+?(0[xX][0-9a-fA-F][0-9a-fA-F_]*|0[bB][01][01_]*|0[oO][0-7][0-7_]*|[0-9][0-9_]*(K|KiB|k|M|MiB|G|GiB|T|TiB)?)$"
/* Hex bytes as the parser reads them: pairs of hex digits, blanks between. */
#define HEX_BYTES_PATTERN "^\\\\s*([0-9a-fA-F]{2}\\\\s*)+$"

static bool uint_schema(struct hest_buf *o, unsigned size)
{
	uint64_t max = hest_field_max(size);
	return hest_buf_printf(o, "{\"anyOf\": [{\"type\": \"integer\", \"minimum\": 0, \"maximum\": %" PRIu64
			      "}, {\"type\": \"string\", \"pattern\": \"" UINT_STRING "\"}]}",
			       max);
}

static bool names_enum(struct hest_buf *o, const struct hest_names *names)
{
	bool ok = hest_buf_printf(o, "{\"enum\": [");
	for (size_t i = 0; names && i < names->n && ok; i++)
		ok = hest_buf_printf(o, "%s", i ? ", " : "") && hest_buf_json_cstr(o, names->v[i].name);
	return ok && hest_buf_printf(o, "]}");
}

static bool is_bool_names(const struct hest_names *names)
{
	return names && names->n == 2 && strcmp(names->v[0].name, "false") == 0;
}

static bool field_schema(struct hest_buf *o, const struct hest_field *f)
{
	bool ok = true;
	switch (f->kind) {
	case HEST_FK_ENUM:
		ok = hest_buf_printf(o, "{\"anyOf\": [") && names_enum(o, f->names) && hest_buf_printf(o, ", ") &&
		     uint_schema(o, f->size) &&
		     (is_bool_names(f->names) ? hest_buf_printf(o, ", {\"type\": \"boolean\"}") : true) &&
		     hest_buf_printf(o, "]");
		break;
	case HEST_FK_FLAGS:
		ok = hest_buf_printf(o, "{\"anyOf\": [") && names_enum(o, f->names) && hest_buf_printf(o, ", ") &&
		     uint_schema(o, f->size) && hest_buf_printf(o, ", {\"type\": \"array\", \"items\": {\"anyOf\": [") &&
		     names_enum(o, f->names) && hest_buf_printf(o, ", ") && uint_schema(o, f->size) &&
		     hest_buf_printf(o, "]}}]");
		break;
	case HEST_FK_CHARS: /* text, or { hex: ... } for bytes that are not text */
		ok = hest_buf_printf(o, "{\"anyOf\": [{\"type\": \"string\", \"maxLength\": %u}, {\"type\": \"object\", "
				     "\"additionalProperties\": false, \"required\": [\"hex\"], \"properties\": {\"hex\": "
				     "{\"type\": \"string\", \"pattern\": \"%s\"}}}]", f->size, HEX_BYTES_PATTERN);
		break;
	case HEST_FK_STRUCT:
		if (f->sub == &hest_desc_gas) /* a bare number is the address */
			ok = hest_buf_printf(o, "{\"anyOf\": [{\"$ref\": \"#/$defs/gas\"}, ") && uint_schema(o, 8) &&
			     hest_buf_printf(o, "]");
		else
			ok = hest_buf_printf(o, "{\"$ref\": \"#/$defs/%s\"", f->sub->key);
		break;
	case HEST_FK_ARRAY:
		ok = hest_buf_printf(o, "{\"type\": \"array\", \"maxItems\": 255, \"items\": {\"$ref\": \"#/$defs/%s\"}",
				     f->sub->key);
		break;
	default:
		if (f->attr & HEST_FA_BLOCKLEN) /* or `auto`, sized from `sections:` */
			return hest_buf_printf(o, "{\"anyOf\": [") && uint_schema(o, f->size) &&
			       hest_buf_printf(o, ", {\"const\": \"auto\"}], \"description\": ") && hest_buf_json_cstr(o, f->doc) &&
			       hest_buf_printf(o, "}");
		return hest_buf_printf(o, "{\"allOf\": [") && uint_schema(o, f->size > 8 ? 8 : f->size) &&
		       hest_buf_printf(o, "], \"description\": ") && hest_buf_json_cstr(o, f->doc) && hest_buf_printf(o, "}");
	}
	return ok && hest_buf_printf(o, ", \"description\": ") && hest_buf_json_cstr(o, f->doc) && hest_buf_printf(o, "}");
}

/* The object schema of a structure: its fields, plus `extra` options. */
static bool struct_schema(struct hest_buf *o, const struct hest_struct_desc *d, enum hest_option_group extra,
			  bool with_extra, const char *type_const)
{
	bool ok = hest_buf_printf(o, "{\"type\": \"object\", \"description\": ") && hest_buf_json_cstr(o, d->doc) &&
		  hest_buf_printf(o, ", \"additionalProperties\": false, \"properties\": {");
	bool first = true;
	if (with_extra) {
		size_t n;
		const struct hest_option *v = hest_options(extra, &n);
		for (size_t i = 0; i < n && ok; i++) {
			ok = hest_buf_printf(o, "%s", first ? "" : ", ") && hest_buf_json_cstr(o, v[i].key) && hest_buf_printf(o, ": ");
			first = false;
			if (strcmp(v[i].key, "type") == 0 && type_const)
				ok = ok && hest_buf_printf(o, "{\"enum\": [\"%s\", %d]}", type_const, d->type);
			else if (v[i].kind == HEST_OPT_LIST && v[i].names)
				ok = ok && hest_buf_printf(o, "{\"type\": \"array\", \"minItems\": 1, \"items\": ") &&
				     names_enum(o, v[i].names) && hest_buf_printf(o, ", \"description\": ") &&
				     hest_buf_json_cstr(o, v[i].doc) && hest_buf_printf(o, "}");
			else if (v[i].kind == HEST_OPT_UINT)
				ok = ok && hest_buf_printf(o, "{\"allOf\": [") && uint_schema(o, 8) &&
				     hest_buf_printf(o, "], \"description\": ") && hest_buf_json_cstr(o, v[i].doc) && hest_buf_printf(o, "}");
			else if (v[i].kind == HEST_OPT_MAP)
				ok = ok && hest_buf_printf(o, "{\"$ref\": \"#/$defs/%s\", \"description\": ", v[i].key) &&
				     hest_buf_json_cstr(o, v[i].doc) && hest_buf_printf(o, "}");
			else
				ok = ok && hest_buf_printf(o, "{\"type\": \"string\", \"description\": ") && hest_buf_json_cstr(o, v[i].doc) &&
				     hest_buf_printf(o, "}");
		}
	}
	for (size_t i = 0; i < d->nfields && ok; i++) {
		const struct hest_field *f = &d->fields[i];
		if (f->attr & HEST_FA_TYPE)
			continue;
		ok = hest_buf_printf(o, "%s", first ? "" : ", ") && hest_buf_json_cstr(o, f->key) && hest_buf_printf(o, ": ") &&
		     field_schema(o, f);
		first = false;
	}
	ok = ok && hest_buf_printf(o, "}, \"required\": [");
	first = true;
	if (with_extra && type_const) {
		ok = ok && hest_buf_printf(o, "\"type\"");
		first = false;
	}
	for (size_t i = 0; i < d->nfields && ok; i++)
		if (d->fields[i].attr & HEST_FA_REQUIRED) {
			ok = hest_buf_printf(o, "%s", first ? "" : ", ") && hest_buf_json_cstr(o, d->fields[i].key);
			first = false;
		}
	return ok && hest_buf_printf(o, "]}");
}

/* The $defs entry of a list option's items: HEST's sources, a BERT's
 * records (hestc cper's status block descriptions, checked by the
 * compiler), an EINJ's registers and entries. */
static const char *list_item_def(const char *key, const char *table_prefix)
{
	if (strcmp(table_prefix, "erst-") == 0 && strcmp(key, "entries") == 0)
		return "erst-entry";
	if (strcmp(key, "records") == 0)
		return "cper-block";
	if (strcmp(key, "registers") == 0)
		return "einj-register";
	if (strcmp(key, "entries") == 0 || strcmp(key, "trigger") == 0)
		return "einj-entry";
	return "source";
}

static bool option_schema(struct hest_buf *o, const struct hest_option *v, const char *table_prefix)
{
	bool ok;
	switch (v->kind) {
	case HEST_OPT_UINT:
		ok = hest_buf_printf(o, "{\"allOf\": [") && uint_schema(o, 8) && hest_buf_printf(o, "]");
		break;
	case HEST_OPT_BOOL:
		ok = hest_buf_printf(o, "{\"type\": \"boolean\"");
		break;
	case HEST_OPT_STRING:
		ok = hest_buf_printf(o, "{\"type\": \"string\", \"maxLength\": 55");
		break;
	case HEST_OPT_BYTES:
		ok = hest_buf_printf(o, "{\"type\": \"string\", \"pattern\": \"%s\"", HEX_BYTES_PATTERN);
		break;
	case HEST_OPT_ENUM:
		ok = hest_buf_printf(o, "{\"allOf\": [") && names_enum(o, v->names) && hest_buf_printf(o, "]");
		break;
	case HEST_OPT_LIST:
		ok = hest_buf_printf(o, "{\"type\": \"array\", \"items\": ") &&
		     (v->names ? names_enum(o, v->names)
			       : hest_buf_printf(o, "{\"$ref\": \"#/$defs/%s\"}", list_item_def(v->key, table_prefix)));
		if (!v->names) /* at least one source unless allow: [no-sources] (see hest_schema_json) */
			ok = ok && hest_buf_printf(o, ", \"maxItems\": 65535");
		break;
	default:
		ok = hest_buf_printf(o, "{\"$ref\": \"#/$defs/%s%s\"", strcmp(v->key, "table") ? "" : table_prefix,
				     v->key);
		break;
	}
	return ok && hest_buf_printf(o, ", \"description\": ") && hest_buf_json_cstr(o, v->doc) && hest_buf_printf(o, "}");
}

static bool options_object_p(struct hest_buf *o, enum hest_option_group g, const char *required,
			     const char *table_prefix)
{
	size_t n;
	const struct hest_option *v = hest_options(g, &n);
	bool ok = hest_buf_printf(o, "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {");
	for (size_t i = 0; i < n && ok; i++)
		ok = hest_buf_printf(o, "%s", i ? ", " : "") && hest_buf_json_cstr(o, v[i].key) && hest_buf_printf(o, ": ") &&
		     option_schema(o, &v[i], table_prefix);
	ok = ok && hest_buf_printf(o, "}");
	if (required)
		ok = ok && hest_buf_printf(o, ", \"required\": [\"%s\"]", required);
	if (g == HEST_OPTS_TOP) /* sources, unless a placement profile supplies QEMU's */
		ok = ok && hest_buf_printf(o, ", \"anyOf\": [{\"required\": [\"sources\"]}, {\"required\": "
					      "[\"placement\"], \"properties\": {\"placement\": {\"required\": "
					      "[\"profile\"]}}}]");
	if (g == HEST_OPTS_TOP) /* an empty sources list only as a deliberate opt-out */
		ok = ok && hest_buf_printf(o, ", \"if\": {\"not\": {\"required\": [\"allow\"], \"properties\": {\"allow\": "
					      "{\"contains\": {\"const\": \"no-sources\"}}}}}, \"then\": {\"properties\": "
					      "{\"sources\": {\"minItems\": 1}}}");
	return ok && hest_buf_printf(o, "}");
}

static bool options_object(struct hest_buf *o, enum hest_option_group g, const char *required)
{
	return options_object_p(o, g, required, "");
}

/* A BERT's or EINJ's header: its fields, the signature required to be the
 * kind's (that is what makes a description one of them). */
static bool apei_table_schema(struct hest_buf *o, const struct hest_struct_desc *d, const char *sig)
{
	return hest_buf_printf(o, "{\"allOf\": [") && struct_schema(o, d, HEST_OPTS_TOP, false, NULL) &&
	       hest_buf_printf(o, ", {\"required\": [\"signature\"], \"properties\": {\"signature\": {\"const\": "
				  "\"%s\"}}}]}", sig);
}

static bool source_dispatch(struct hest_buf *o)
{
	size_t n;
	const struct hest_struct_desc *const *d = hest_source_descs(&n);
	/* a source is a typed structure, or raw bytes kept verbatim (`raw:`) */
	bool ok = hest_buf_printf(o, "{\"anyOf\": [{\"type\": \"object\", \"additionalProperties\": false, "
				     "\"required\": [\"raw\"], \"properties\": {\"name\": {\"type\": \"string\"}, "
				     "\"raw\": {\"type\": \"string\", \"pattern\": \"%s\", \"description\": \"bytes kept "
				     "verbatim in the structure list (a reserved type, or bytes that are not a whole "
				     "structure)\"}}}, ", HEX_BYTES_PATTERN);
	ok = ok && hest_buf_printf(o, "{\"type\": \"object\", \"required\": [\"type\"], \"properties\": {\"type\": {\"enum\": [");
	for (size_t i = 0; i < n && ok; i++)
		ok = hest_buf_printf(o, "%s\"%s\", %d", i ? ", " : "", d[i]->key, d[i]->type);
	ok = ok && hest_buf_printf(o, "]}}, \"allOf\": [");
	for (size_t i = 0; i < n && ok; i++)
		ok = hest_buf_printf(o,
				     "%s{\"if\": {\"properties\": {\"type\": {\"enum\": [\"%s\", %d]}}}, "
				     "\"then\": {\"$ref\": \"#/$defs/source-%s\"}}",
				     i ? ", " : "", d[i]->key, d[i]->type, d[i]->key);
	return ok && hest_buf_printf(o, "]}]}");
}

bool hest_schema_json(struct hest_buf *o)
{
	bool ok = hest_buf_printf(o, "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
				     "  \"title\": \"hestc HEST, BERT or EINJ description\",\n"
				     "  \"description\": \"A YAML description of ACPI hardware error sources (or, by table.signature, of a BERT, EINJ or ERST), compiled by "
				     "hestc into a HEST table (generated by 'hestc schema' from hestc's field tables).\",\n"
				     "  \"anyOf\": [{\"$ref\": \"#/$defs/description\"}, {\"$ref\": \"#/$defs/bert-description\"}, "
				     "{\"$ref\": \"#/$defs/einj-description\"}, {\"$ref\": \"#/$defs/erst-description\"}],\n  \"$defs\": {\n");
	ok = ok && hest_buf_printf(o, "    \"description\": ") && options_object(o, HEST_OPTS_TOP, NULL);
	ok = ok && hest_buf_printf(o, ",\n    \"table\": ") && struct_schema(o, &hest_desc_header, HEST_OPTS_TOP, false, NULL);
	ok = ok && hest_buf_printf(o, ",\n    \"target\": ") && options_object(o, HEST_OPTS_TARGET, NULL);
	ok = ok && hest_buf_printf(o, ",\n    \"placement\": ") && options_object(o, HEST_OPTS_PLACEMENT, NULL);
	ok = ok && hest_buf_printf(o, ",\n    \"ssdt\": ") && options_object(o, HEST_OPTS_SSDT, NULL);
	ok = ok && hest_buf_printf(o, ",\n    \"event\": ") && options_object(o, HEST_OPTS_EVENT, NULL);
	ok = ok && hest_buf_printf(o, ",\n    \"source\": ") && source_dispatch(o);
	size_t n;
	const struct hest_struct_desc *const *d = hest_source_descs(&n);
	for (size_t i = 0; i < n && ok; i++)
		ok = hest_buf_printf(o, ",\n    \"source-%s\": ", d[i]->key) &&
		     struct_schema(o, d[i], HEST_OPTS_SOURCE, true, d[i]->key);
	static const struct hest_struct_desc *const subs[] = { &hest_desc_notification, &hest_desc_gas,
							       &hest_desc_read_ack, &hest_desc_bank };
	for (size_t i = 0; i < sizeof(subs) / sizeof(subs[0]) && ok; i++)
		ok = hest_buf_printf(o, ",\n    \"%s\": ", subs[i]->key) && struct_schema(o, subs[i], HEST_OPTS_TOP, false, NULL);
	ok = ok && hest_buf_printf(o, ",\n    \"bert-description\": ") &&
	     options_object_p(o, HEST_OPTS_BERT_TOP, "table", "bert-");
	ok = ok && hest_buf_printf(o, ",\n    \"bert-table\": ") && apei_table_schema(o, &hest_desc_bert_header, "BERT");
	ok = ok && hest_buf_printf(o, ",\n    \"cper-block\": {\"type\": \"object\", \"description\": \"an error "
				      "status block as hestc cper reads one (docs/cper.md): severity, sections, raw_data, ...\"}");
	ok = ok && hest_buf_printf(o, ",\n    \"einj-description\": ") &&
	     options_object_p(o, HEST_OPTS_EINJ_TOP, "table", "einj-");
	ok = ok && hest_buf_printf(o, ",\n    \"einj-table\": ") && apei_table_schema(o, &hest_desc_einj_header, "EINJ");
	/* a plain register, or a parameter block with its fields by name */
	ok = ok && hest_buf_printf(o, ",\n    \"einj-register\": {\"required\": [\"name\"], \"anyOf\": [") &&
	     options_object(o, HEST_OPTS_EINJ_REGISTER, "name") && hest_buf_printf(o, ", ") &&
	     struct_schema(o, &hest_desc_einj_setwa, HEST_OPTS_EINJ_REGISTER, true, NULL) && hest_buf_printf(o, "]}");
	ok = ok && hest_buf_printf(o, ",\n    \"einj-entry\": ") &&
	     struct_schema(o, &hest_desc_einj_entry, HEST_OPTS_EINJ_ENTRY, true, NULL);
	ok = ok && hest_buf_printf(o, ",\n    \"erst-description\": ") &&
	     options_object_p(o, HEST_OPTS_ERST_TOP, "table", "erst-");
	ok = ok && hest_buf_printf(o, ",\n    \"erst-table\": ") && apei_table_schema(o, &hest_desc_erst_header, "ERST");
	ok = ok && hest_buf_printf(o, ",\n    \"erst-entry\": ") &&
	     struct_schema(o, &hest_desc_erst_entry, HEST_OPTS_ERST_TOP, false, NULL);
	return ok && hest_buf_printf(o, "\n  }\n}\n");
}
