/* The model's storage (hest_model_alloc, hest_source_set_name,
 * hest_source_resize) and given lists (offset and depth, in storage or
 * malloc'd).  Leaks show in the sanitizer and valgrind runs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <hest/hest.h>
#include "tap.h"

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

int main(void)
{
	storage();
	sources();
	given();
	return tap_done();
}
