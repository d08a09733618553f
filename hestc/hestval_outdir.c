/* hestval validate OUTDIR (see hestval_outdir.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "hestval_outdir.h"

/* --- the little JSON that hest-layout.json needs -------------------------- */

struct jcur {
	const char *p, *end;
};

static void jws(struct jcur *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
		c->p++;
}

static bool jlit(struct jcur *c, char ch)
{
	jws(c);
	if (c->p < c->end && *c->p == ch) {
		c->p++;
		return true;
	}
	return false;
}

/* A string into out (malloc'd; NULL to skip it).  \uXXXX beyond ASCII and
 * surrogates are kept as '?': fw_cfg names are ASCII. */
static bool jstring(struct jcur *c, char **out)
{
	if (!jlit(c, '"'))
		return false;
	size_t cap = (size_t)(c->end - c->p) + 1, n = 0;
	char *s = out ? malloc(cap) : NULL;
	if (out && !s)
		return false;
	while (c->p < c->end && *c->p != '"') {
		char ch = *c->p++;
		if ((unsigned char)ch < 0x20)
			goto bad;
		if (ch == '\\') {
			if (c->p >= c->end)
				goto bad;
			char e = *c->p++;
			if (e == 'u') {
				unsigned v = 0;
				for (int i = 0; i < 4; i++, c->p++) {
					if (c->p >= c->end)
						goto bad;
					char h = *c->p;
					int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
						: h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
					if (d < 0)
						goto bad;
					v = v << 4 | (unsigned)d;
				}
				ch = v && v < 0x80 ? (char)v : '?';
			} else {
				switch (e) {
				case '"': case '\\': case '/': ch = e; break;
				case 'b': ch = '\b'; break;
				case 'f': ch = '\f'; break;
				case 'n': ch = '\n'; break;
				case 'r': ch = '\r'; break;
				case 't': ch = '\t'; break;
				default: goto bad;
				}
			}
		}
		if (s)
			s[n++] = ch;
	}
	if (!jlit(c, '"'))
		goto bad;
	if (s) {
		s[n] = 0;
		*out = s;
	}
	return true;
bad:
	free(s);
	return false;
}

static bool jvalue(struct jcur *c, int depth);

static bool jcontainer(struct jcur *c, int depth, char close, bool object)
{
	if (depth > 32)
		return false;
	if (jlit(c, close))
		return true;
	do {
		if (object && (!jstring(c, NULL) || !jlit(c, ':')))
			return false;
		if (!jvalue(c, depth + 1))
			return false;
	} while (jlit(c, ','));
	return jlit(c, close);
}

/* Skips any value. */
static bool jvalue(struct jcur *c, int depth)
{
	jws(c);
	if (c->p >= c->end)
		return false;
	if (*c->p == '"')
		return jstring(c, NULL);
	if (jlit(c, '{'))
		return jcontainer(c, depth, '}', true);
	if (jlit(c, '['))
		return jcontainer(c, depth, ']', false);
	const char *start = c->p;
	while (c->p < c->end && strchr("+-.0123456789eEtruefalsn", *c->p))
		c->p++;
	return c->p > start;
}

/* The string members of the top-level object's "placement" object. */
#define NKEYS 6
static const char *const keys[NKEYS] = { "mode", "blob", "tables_blob", "address_blob", "hest_address_blob",
					 "table_offset" };

static bool read_placement(const char *text, size_t len, char *val[NKEYS])
{
	struct jcur c = { text, text + len };
	bool found = false;
	if (!jlit(&c, '{'))
		return false;
	if (jlit(&c, '}'))
		return false;
	do {
		char *key = NULL;
		if (!jstring(&c, &key) || !jlit(&c, ':')) {
			free(key);
			return false;
		}
		bool placement = strcmp(key, "placement") == 0;
		free(key);
		if (!placement) {
			if (!jvalue(&c, 1))
				return false;
			continue;
		}
		if (!jlit(&c, '{'))
			return false;
		found = true;
		if (jlit(&c, '}'))
			continue;
		do {
			char *k = NULL;
			if (!jstring(&c, &k) || !jlit(&c, ':')) {
				free(k);
				return false;
			}
			int which = -1;
			for (int i = 0; i < NKEYS; i++)
				if (strcmp(k, keys[i]) == 0)
					which = i;
			free(k);
			jws(&c);
			if (which >= 0 && which < 5 && c.p < c.end && *c.p == '"') {
				free(val[which]);
				val[which] = NULL;
				if (!jstring(&c, &val[which]))
					return false;
			} else if (which == 5) {
				const char *start = c.p;
				if (!jvalue(&c, 1))
					return false;
				free(val[5]);
				val[5] = strndup(start, (size_t)(c.p - start));
				if (!val[5])
					return false;
			} else if (!jvalue(&c, 1)) {
				return false;
			}
		} while (jlit(&c, ','));
		if (!jlit(&c, '}'))
			return false;
	} while (jlit(&c, ','));
	return jlit(&c, '}') && found;
}

/* --- the directory ------------------------------------------------------------ */

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Reads DIR/file as fw_cfg `name`; -1 (printed) when it is not there. */
static int take_file(const char *prog, struct outdir *o, const char *dir, const char *file, const char *name,
		     const char *what, size_t pad)
{
	char *path = cli_join(dir, file);
	if (!path)
		return -1;
	if (!exists(path)) {
		fprintf(stderr,
			"%s: error: '%s' is missing: '%s' (linker-loader placement) says the fw_cfg file '%s' holds %s, "
			"which hestc writes as %s (hestc compile --emit all)\n",
			prog, path, o->json, name, what, file);
		free(path);
		return -1;
	}
	uint8_t *data;
	size_t len;
	if (cli_read_file(prog, path, &data, &len) < 0) {
		free(path);
		return -1;
	}
	if (pad) { /* the HEST at table_offset of its blob, as the VMM serves it */
		uint8_t *b = calloc(1, pad + len);
		if (!b) {
			free(data);
			free(path);
			fprintf(stderr, "%s: error: out of memory\n", prog);
			return -1;
		}
		memcpy(b + pad, data, len);
		free(data);
		data = b;
		len += pad;
	}
	struct outdir_blob *b = &o->v[o->n++];
	b->name = strdup(name);
	b->path = path;
	b->data = data;
	b->len = len;
	b->writable = false;
	return b->name ? 0 : -1;
}

int outdir_read(const char *prog, const char *dir, struct outdir *o, struct hest_diags *d)
{
	memset(o, 0, sizeof(*o));
	o->json = cli_join(dir, "hest-layout.json");
	if (!o->json)
		return -1;
	if (!exists(o->json)) {
		free(o->json);
		o->json = NULL;
		return 1;
	}
	uint8_t *text;
	size_t len;
	if (cli_read_file(prog, o->json, &text, &len) < 0)
		return -1;
	char *val[NKEYS] = { NULL };
	bool ok = read_placement((const char *)text, len, val);
	free(text);
	int rc = -1;
	if (!ok || !val[0]) {
		fprintf(stderr, "%s: error: '%s' is not a hestc layout: no \"placement\" object with its \"mode\"\n",
			prog, o->json);
		goto out;
	}
	if (strcmp(val[0], "linker-loader") != 0) {
		/* fixed (or none): the table has its addresses; nothing to load */
		o->table = cli_join(dir, "hest.aml");
		if (o->table && !exists(o->table)) {
			fprintf(stderr, "%s: error: '%s' is missing: '%s' (%s placement) goes with the table hest.aml\n",
				prog, o->table, o->json, val[0]);
			goto out;
		}
		rc = o->table ? 0 : -1;
		goto out;
	}
	o->loader = true;
	if (!val[1] || !val[2]) {
		fprintf(stderr, "%s: error: '%s': linker-loader placement without \"blob\" and \"tables_blob\"\n", prog,
			o->json);
		goto out;
	}
	o->script = cli_join(dir, "table-loader.bin");
	if (!o->script)
		goto out;
	if (!exists(o->script)) {
		fprintf(stderr,
			"%s: error: '%s' is missing: '%s' (linker-loader placement) goes with the loader script "
			"table-loader.bin (hestc compile --emit all), or validate hest.aml alone\n",
			prog, o->script, o->json);
		goto out;
	}
	char *sa = cli_join(dir, "tables.bin");
	bool standalone = sa && exists(sa);
	free(sa);
	unsigned long off = val[5] ? strtoul(val[5], NULL, 10) : 0;
	if (take_file(prog, o, dir, "hardware_errors.bin", val[1], "the error region", 0) < 0 ||
	    (standalone ? take_file(prog, o, dir, "tables.bin", val[2], "the tables blob (standalone)", 0)
			: take_file(prog, o, dir, "hest-fwcfg.aml", val[2], "the HEST as served for the loader",
				    off <= 0x10000000ul ? (size_t)off : 0)) < 0)
		goto out;
	o->tables_blob = strdup(val[2]);
	if (!o->tables_blob)
		goto out;
	/* WRITE_POINTER targets: files the VMM registers writable, 8 bytes */
	char names[2 * 64] = "";
	int nz = 0;
	for (int k = 3; k <= 4; k++) {
		if (!val[k] || !val[k][0])
			continue;
		struct outdir_blob *b = &o->v[o->n++];
		b->name = strdup(val[k]);
		b->path = strdup(o->json);
		b->data = calloc(1, 8);
		b->len = 8;
		b->writable = true;
		if (!b->name || !b->path || !b->data)
			goto out;
		size_t used = strlen(names);
		snprintf(names + used, sizeof(names) - used, "%s'%.40s'", used ? " and " : "", val[k]);
		nz++;
	}
	if (names[0])
		hest_diag_add(d, HEST_SEV_NOTE, NULL, (struct hest_loc){ o->json, 0, 0, false, 0 },
			      "%s: 8 zero bytes supplied, registered writable, as the VMM registers %s for the "
			      "script's WRITE_POINTER",
			      names, nz > 1 ? "them" : "it");
	rc = 0;
out:
	for (int i = 0; i < NKEYS; i++)
		free(val[i]);
	return rc;
}

int outdir_check_script(const char *prog, const struct outdir *o, const struct hest_loader *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct hest_loader_entry *e = &l->v[i];
		const char *names[2] = { e->file, e->src };
		for (int k = 0; k < 2; k++) {
			if (!names[k][0])
				continue;
			bool known = false;
			for (size_t j = 0; j < o->n && !known; j++)
				known = strcmp(o->v[j].name, names[k]) == 0;
			if (known)
				continue;
			fprintf(stderr,
				"%s: error: '%s' uses the fw_cfg file '%s', which '%s' does not name (its blob is '%s', "
				"its tables blob '%s'): the outputs were renamed or come from different compiles\n",
				prog, o->script, names[k], o->json, o->v[0].name, o->tables_blob);
			return -1;
		}
	}
	return 0;
}

void outdir_free(struct outdir *o)
{
	for (size_t i = 0; i < o->n; i++) {
		free(o->v[i].name);
		free(o->v[i].path);
		free(o->v[i].data);
	}
	free(o->json);
	free(o->table);
	free(o->script);
	free(o->tables_blob);
	memset(o, 0, sizeof(*o));
}
