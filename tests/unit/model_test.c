/* The model's storage (hest_model_alloc, hest_source_set_name,
 * hest_source_resize), given lists (offset and depth, in storage or
 * malloc'd) and hest_model_reset.  Leaks show in the sanitizer and valgrind runs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/hest.h>
#include "tap.h"
#include "files.h"

static int zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

static void storage(void)
{
	struct hest_model m;
	tap_ok(hest_model_init(&m) == 0, "model initialised");
	int aligned = 1, zeroed = 1;
	uint8_t *first = hest_model_alloc(&m, 3, 1);
	memset(first, 0xa5, 3);
	for (size_t i = 0; i < 5000; i++) {
		size_t align = (size_t)1 << (i % 5), size = (i * 37) % 300;
		uint8_t *p = hest_model_alloc(&m, size, align);
		if (!p || ((uintptr_t)p & (align - 1)))
			aligned = 0;
		else if (!zero(p, size))
			zeroed = 0;
		if (p)
			memset(p, 0xff, size);
	}
	tap_ok(aligned, "5000 allocations of 0-299 bytes keep their alignment (1-16)");
	tap_ok(zeroed, "... and come zeroed, though the chunks before were written over");
	uint8_t *big = hest_model_alloc(&m, 3u << 20, 16);
	tap_ok(big && zero(big, 3u << 20), "a 3 MiB allocation (larger than a chunk) is zeroed");
	tap_ok(first[0] == 0xa5 && first[2] == 0xa5, "earlier storage is never moved or reused");
	hest_model_free(&m);
}

static void sources(void)
{
	struct hest_model m;
	hest_model_init(&m);
	const struct hest_struct_desc *d = hest_source_desc_by_type(10);
	uint8_t def[256] = { 0 };
	hest_apply_defaults(d, def);
	int images = 1, names = 1;
	for (unsigned i = 0; i < 3000; i++) {
		struct hest_source *s = hest_model_add_source(&m, 10, 0);
		if (!s || s->len != d->size || memcmp(s->bytes, def, d->size) != 0 || strcmp(s->name, "") != 0)
			images = 0;
		char name[32];
		snprintf(name, sizeof(name), "source_%u", i);
		if (s && !hest_source_set_name(&m, s, name))
			names = 0;
	}
	tap_ok(images, "3000 GHESv2 sources start with the defaults' image and an empty name");
	for (unsigned i = 0; i < m.nsrc; i++) {
		char name[32];
		snprintf(name, sizeof(name), "source_%u", i);
		if (strcmp(m.src[i].name, name) != 0)
			names = 0;
	}
	tap_ok(names && m.nsrc == 3000, "each keeps the name it was given");

	struct hest_source *s = &m.src[7];
	uint32_t len = s->len;
	memset(s->bytes, 0x5a, len);
	tap_ok(hest_source_resize(&m, s, len + 100) && s->len == len + 100, "an image grows");
	tap_ok(s->bytes[0] == 0x5a && s->bytes[len - 1] == 0x5a && zero(s->bytes + len, 100),
	       "... keeping its bytes, the new ones zero");
	tap_ok(hest_source_resize(&m, s, 10) && s->len == 10 && s->bytes[9] == 0x5a, "and shrinks to a prefix");
	tap_ok(hest_source_resize(&m, s, 0) && s->len == 0, "even to nothing");
	tap_ok(m.src[8].bytes[0] == def[0] && memcmp(m.src[8].bytes, def, d->size) == 0,
	       "its neighbour's image is untouched");
	hest_model_free(&m);
}

/* A structure and its first member share an offset; depth tells them apart. */
static void given(void)
{
	struct hest_model m;
	hest_model_init(&m);
	struct hest_source *s = hest_model_add_source(&m, 10, 0);
	size_t off;
	hest_field_path(s->desc, "notification", &off);
	tap_ok(hest_source_mark_given(s, (uint16_t)off, 1, (struct hest_pos){ 5, 7 }),
	       "notification.type given (depth 1)");
	tap_ok(hest_source_given(s, "notification") == NULL, "the notification structure, same offset, is not");
	const struct hest_given *g = hest_source_given(s, "notification.type");
	tap_ok(g && g->pos.line == 5 && g->pos.col == 7, "notification.type is, at its position");
	hest_source_mark_given(s, (uint16_t)off, 0, (struct hest_pos){ 4, 3 });
	g = hest_source_given(s, "notification");
	tap_ok(g && g->pos.line == 4, "the structure given too (depth 0)");
	int grown = 1;
	for (unsigned i = 0; i < 40; i++)
		grown &= hest_source_mark_given(s, (uint16_t)(200 + i), 2, (struct hest_pos){ 100 + i, 1 });
	tap_ok(grown && s->ngiven == 42 && s->givencap >= 42, "the list grows past its first 16 entries");
	g = hest_source_given(s, "notification.type");
	tap_ok(g && g->pos.line == 5, "and keeps what it had");
	hest_model_free(&m);

	/* The parser leaves each list in model storage (givencap 0); marking
	 * one more field moves it to malloc'd memory. */
	static const char yaml[] = "sources:\n"
				   "  - type: ghes-v2\n"
				   "    id: 3\n"
				   "    notification:\n"
				   "      type: polled\n";
	struct hest_diags dg;
	hest_diags_init(&dg);
	hest_model_init(&m);
	int rc = hest_desc_parse(&m, "t.yaml", (const uint8_t *)yaml, sizeof(yaml) - 1, &dg);
	s = m.nsrc ? &m.src[0] : NULL;
	tap_ok(rc == 0 && s && s->ngiven == 3 && s->givencap == 0, "a parsed source's list (3 fields) is in storage");
	g = s ? hest_source_given(s, "id") : NULL;
	tap_ok(g && g->pos.line == 3 && g->pos.col == 9, "id given at 3:9");
	g = s ? hest_source_given(s, "notification") : NULL;
	tap_ok(g && g->pos.line == 5, "the notification mapping at line 5");
	g = s ? hest_source_given(s, "notification.type") : NULL;
	tap_ok(g && g->pos.line == 5 && g->pos.col == 13, "its type at 5:13");
	tap_ok(s && hest_source_mark_given(s, 300, 0, (struct hest_pos){ 9, 9 }) && s->ngiven == 4 && s->givencap >= 4,
	       "one more: the list moves to malloc'd memory");
	g = s ? hest_source_given(s, "id") : NULL;
	tap_ok(g && g->pos.line == 3 && g->pos.col == 9, "with what it had");
	hest_model_free(&m);
	hest_diags_free(&dg);
}

/* Everything hest_model_init sets, compared member by member. */
static int like_init(const struct hest_model *m)
{
	struct hest_model f;
	if (hest_model_init(&f) < 0)
		return 0;
	int same = m->file == f.file && m->arch == f.arch && m->allow == f.allow && m->nsrc == 0 && !m->trailing &&
		   m->trailing_len == 0 && memcmp(&m->placement, &f.placement, sizeof(f.placement)) == 0 &&
		   memcmp(&m->ssdt, &f.ssdt, sizeof(f.ssdt)) == 0 && m->hdr.len == f.hdr.len &&
		   memcmp(m->hdr.bytes, f.hdr.bytes, f.hdr.len) == 0 && strcmp(m->hdr.name, f.hdr.name) == 0 &&
		   m->hdr.desc == f.hdr.desc && m->hdr.ngiven == 0;
	hest_model_free(&f);
	return same;
}

/* Sources of two models: same names, images and given lists. */
static int same_sources(const struct hest_model *a, const struct hest_model *b)
{
	if (a->nsrc != b->nsrc || memcmp(a->hdr.bytes, b->hdr.bytes, a->hdr.len) != 0 ||
	    memcmp(&a->placement, &b->placement, sizeof(a->placement)) != 0 ||
	    memcmp(&a->ssdt, &b->ssdt, sizeof(a->ssdt)) != 0 || a->arch != b->arch)
		return 0;
	for (size_t i = 0; i < a->nsrc; i++) {
		const struct hest_source *x = &a->src[i], *y = &b->src[i];
		if (x->len != y->len || memcmp(x->bytes, y->bytes, x->len) != 0 || strcmp(x->name, y->name) != 0 ||
		    x->ngiven != y->ngiven)
			return 0;
		for (size_t k = 0; k < x->ngiven; k++) /* member by member: the entries have padding */
			if (x->given[k].offset != y->given[k].offset || x->given[k].depth != y->given[k].depth ||
			    x->given[k].pos.line != y->given[k].pos.line || x->given[k].pos.col != y->given[k].pos.col)
				return 0;
	}
	return 1;
}

/* hest_model_reset: the model is as hest_model_init leaves one, keeps its
 * memory, and what is parsed into it again is what a fresh model gets. */
static void reset(void)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/examples/arm-ged-gpio.yaml", tests_top());
	size_t len;
	uint8_t *y = tests_slurp(path, &len);
	tap_ok(y != NULL, "an example with placement, ssdt and target is read");
	if (!y)
		return;
	struct hest_model m, fresh;
	struct hest_diags d;
	hest_diags_init(&d);
	hest_model_init(&m);
	int rc = hest_desc_parse(&m, path, y, len, &d);
	tap_ok(rc == 0 && m.nsrc == 3 && m.ssdt.given && m.placement.mode == HEST_PLACE_LINKER_LOADER,
	       "parsed: 3 sources, ssdt and placement given");
	/* a given list out of storage, and trailing bytes, to be freed */
	hest_source_mark_given(&m.src[0], 300, 0, (struct hest_pos){ 1, 1 });
	m.trailing = malloc(4);
	m.trailing_len = m.trailing ? 4 : 0;
	struct hest_source *src = m.src;
	size_t cap = m.srccap;
	uint8_t *image = m.default_image[10];
	tap_ok(hest_model_reset(&m) == 0 && like_init(&m), "after hest_model_reset the model is as hest_model_init leaves one");
	tap_ok(m.src == src && m.srccap == cap && m.default_image[10] == image && image && m.storage,
	       "it keeps its source array, default images and storage");
	rc = hest_desc_parse(&m, path, y, len, &d);
	hest_model_init(&fresh);
	int rf = hest_desc_parse(&fresh, path, y, len, &d);
	tap_ok(rc == 0 && rf == 0 && same_sources(&m, &fresh), "parsing into it again gives what a fresh model gets");
	hest_model_free(&fresh);
	hest_model_free(&m);
	tap_ok(hest_model_reset(&m) == 0 && like_init(&m), "a model zeroed by hest_model_free is reset as initialised");
	hest_model_free(&m);
	hest_diags_free(&d);
	free(y);
}

int main(void)
{
	storage();
	sources();
	given();
	reset();
	return tap_done();
}
