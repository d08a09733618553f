/* What a program that validates table after table keeps between them
 * changes nothing: one model emptied by hest_model_reset and one
 * struct hest_vcache for every table give the same decoded bytes and the
 * same diagnostics, byte for byte, as a fresh model and no cache, over the
 * golden tables, the real corpus, iasl's reference and mutants of each,
 * with the rule settings changing from table to table (also in place, in
 * the same array). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/decode.h>
#include <hest/validate.h>
#include "../unit/tap.h"
#include "../unit/files.h"

/* The settings the tables go through in turn; the array is rewritten in
 * place for some of them, so a cache that only compared the pointer would
 * keep stale severities. */
struct turn {
	struct hest_rule_setting v[3];
	size_t n;
	bool werror;
};
static const struct turn turns[] = {
	{ { { NULL, 0 } }, 0, false },
	{ { { "HEST-*", HEST_RULE_OFF } }, 1, false },
	{ { { "CPER-SIZE-RAW", HEST_RULE_ERROR }, { "HEST-RESERVED", HEST_RULE_OFF } }, 2, false },
	{ { { NULL, 0 } }, 0, true },
	{ { { "*", HEST_RULE_WARNING }, { "GAS-*", HEST_RULE_OFF } }, 2, true },
	{ { { "HEST-POLL-INTERVAL-MC", HEST_RULE_ERROR } }, 1, false },
};
#define NTURNS (sizeof(turns) / sizeof(turns[0]))

struct state {
	struct hest_model kept;   /* reset before each table */
	struct hest_vcache *vc;
	struct hest_rule_setting settings[3]; /* one array, rewritten in place */
	size_t tables, differ, failed;
	char first[256];          /* the first difference */
};

static uint32_t rng = 0x2545F491u; /* fixed: the same mutants every run */

static uint32_t next(void)
{
	rng = rng * 1664525u + 1013904223u;
	return rng >> 8;
}

/* The diagnostics as printed, one per line, with the counts. */
static char *render(const struct hest_diags *d)
{
	size_t cap = 256, len = 0;
	char *s = malloc(cap);
	for (size_t i = 0; s && i < d->n + 1; i++) {
		char line[4096];
		size_t n = i < d->n ? hest_diag_format_buf(&d->v[i], line, sizeof(line))
				    : (size_t)snprintf(line, sizeof(line), "%zu errors %zu warnings %zu dropped %d",
						       d->errors, d->warnings, d->dropped, (int)d->oom);
		if (n >= sizeof(line))
			n = sizeof(line) - 1;
		if (len + n + 2 > cap) {
			char *t = realloc(s, cap = 2 * (len + n + 2));
			if (!t) {
				free(s);
				return NULL;
			}
			s = t;
		}
		memcpy(s + len, line, n);
		len += n;
		s[len++] = '\n';
		s[len] = 0;
	}
	return s;
}

static bool same_model(const struct hest_model *a, const struct hest_model *b)
{
	if (a->nsrc != b->nsrc || memcmp(a->hdr.bytes, b->hdr.bytes, a->hdr.len) != 0 ||
	    strcmp(a->hdr.name, b->hdr.name) != 0)
		return false;
	for (size_t i = 0; i < a->nsrc; i++) {
		const struct hest_source *x = &a->src[i], *y = &b->src[i];
		if (x->type != y->type || x->desc != y->desc || x->len != y->len ||
		    memcmp(x->bytes, y->bytes, x->len) != 0 || strcmp(x->name, y->name) != 0 ||
		    memcmp(&x->layout, &y->layout, sizeof(x->layout)) != 0)
			return false;
	}
	return true;
}

static bool same_info(const struct hest_decode_info *a, const struct hest_decode_info *b)
{
	return a->input_len == b->input_len && a->header_len == b->header_len &&
	       a->declared_count == b->declared_count && a->walk_end == b->walk_end && a->nstruct == b->nstruct &&
	       a->tail == b->tail && a->tail_offset == b->tail_offset && a->tail_type == b->tail_type &&
	       a->tail_need == b->tail_need && a->beyond == b->beyond && a->beyond_offset == b->beyond_offset &&
	       a->resync == b->resync && a->gap_offset == b->gap_offset && a->resync_offset == b->resync_offset &&
	       a->resync_count == b->resync_count && a->resync_before == b->resync_before;
}

/* Decodes and validates p once with fresh state and once with the kept
 * state, and counts a disagreement. */
static void compare(struct state *st, const char *what, const uint8_t *p, size_t len)
{
	const struct turn *t = &turns[st->tables % NTURNS];
	memcpy(st->settings, t->v, sizeof(t->v));
	st->tables++;
	struct hest_model fresh;
	struct hest_decode_info fi, ki;
	struct hest_diags fd, kd;
	hest_diags_init(&fd);
	hest_diags_init(&kd);
	if (hest_model_init(&fresh) < 0 || hest_model_reset(&st->kept) < 0) {
		st->failed++;
		return;
	}
	int fr = hest_decode_table(p, len, what, &fresh, &fi, &fd);
	int kr = hest_decode_table(p, len, what, &st->kept, &ki, &kd);
	if (fr == 0) {
		struct hest_validate_options fo = { HEST_ARCH_ANY, st->settings, t->n, t->werror, &fi, p, NULL, NULL, 0 };
		struct hest_validate_options ko = fo;
		ko.decode = &ki;
		ko.cache = st->vc;
		if (hest_validate(&fresh, &fo, &fd) < 0)
			st->failed++;
		if (kr == 0 && hest_validate(&st->kept, &ko, &kd) < 0)
			st->failed++;
	}
	char *a = render(&fd), *b = render(&kd);
	bool same = fr == kr && a && b && strcmp(a, b) == 0 && (fr != 0 || same_model(&fresh, &st->kept)) &&
		    (fr != 0 || same_info(&fi, &ki));
	if (!same && !st->differ++)
		snprintf(st->first, sizeof(st->first), "%s (settings %zu)", what, (st->tables - 1) % NTURNS);
	free(a);
	free(b);
	hest_model_free(&fresh);
	hest_diags_free(&fd);
	hest_diags_free(&kd);
}

static void one_file(const char *path, void *ctx)
{
	struct state *st = ctx;
	size_t len;
	uint8_t *orig = tests_slurp(path, &len);
	if (!orig) {
		st->failed++;
		return;
	}
	compare(st, path, orig, len);
	uint8_t *p = malloc(len ? len : 1);
	for (int r = 0; p && r < 60 && len; r++) { /* mutants: other types, counts, lengths, flags */
		memcpy(p, orig, len);
		int edits = 1 + (int)(next() % 6);
		for (int e = 0; e < edits; e++)
			p[next() % len] = (uint8_t)next();
		size_t cut = r % 5 == 0 ? next() % (len + 1) : len;
		compare(st, path, p, cut);
	}
	free(p);
	free(orig);
}

int main(void)
{
	const char *top = tests_top(), *shared = tests_shared();
	char dir[4096];
	struct state st;
	memset(&st, 0, sizeof(st));
	st.vc = hest_vcache_new();
	tap_ok(st.vc != NULL, "a validation cache is made");
	if (!st.vc)
		return tap_done();
	snprintf(dir, sizeof(dir), "%s/tests/golden", top);
	tests_each(dir, ".aml", one_file, &st);
	size_t golden = st.tables;
	snprintf(dir, sizeof(dir), "%s/corpus/real/hest", shared);
	tests_each(dir, ".dat", one_file, &st);
	size_t real = st.tables - golden;
	snprintf(dir, sizeof(dir), "%s/reference/iasl", shared);
	tests_each(dir, ".aml", one_file, &st);
	tap_ok(golden > 100 && real >= 18 * 61, "tables compared: %zu golden and mutants, %zu real and mutants, %zu in all",
	       golden, real, st.tables);
	tap_ok(st.failed == 0, "no decode or validation ran out of memory (%zu)", st.failed);
	tap_ok(st.differ == 0, "a reset model and a kept cache give what fresh ones give: %zu of %zu differ%s%s",
	       st.differ, st.tables, st.differ ? "; first: " : "", st.first);

	/* A cache follows its settings: a rule silenced, then the same array
	 * rewritten to make it an error, then werror. */
	size_t len;
	snprintf(dir, sizeof(dir), "%s/corpus/real/hest/Fujitsu_PRIMERGY_41B1E7A57925.dat", shared);
	uint8_t *p = tests_slurp(dir, &len);
	tap_ok(p != NULL, "a real table with warnings is read");
	if (p) {
		struct hest_rule_setting set[1] = { { "HEST-POLL-INTERVAL", HEST_RULE_OFF } };
		const char *want[] = { "", "error[HEST-POLL-INTERVAL]", "warning[HEST-POLL-INTERVAL]",
				       "error[HEST-POLL-INTERVAL]" };
		for (int k = 0; k < 4; k++) {
			struct hest_decode_info info;
			struct hest_diags d;
			hest_diags_init(&d);
			if (k == 1)
				set[0].action = HEST_RULE_ERROR; /* in place: same array, same count */
			if (hest_model_reset(&st.kept) == 0 &&
			    hest_decode_table(p, len, "t", &st.kept, &info, &d) == 0) {
				struct hest_validate_options o = { HEST_ARCH_ANY, set, k < 2 ? 1 : 0, k == 3, &info, p, NULL,
								   st.vc, 0 };
				hest_validate(&st.kept, &o, &d);
			}
			char *s = render(&d);
			bool has = s && strstr(s, "HEST-POLL-INTERVAL]") != NULL;
			tap_ok(s && (k == 0 ? !has : strstr(s, want[k]) != NULL),
			       "settings %d: HEST-POLL-INTERVAL is %s", k, k == 0 ? "silenced" : want[k]);
			free(s);
			hest_diags_free(&d);
		}
		free(p);
	}
	hest_vcache_free(st.vc);
	hest_model_free(&st.kept);
	hest_vcache_free(NULL);
	return tap_done();
}
