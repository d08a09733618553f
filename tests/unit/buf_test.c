/* hest_buf streaming: hest_buf_drain hands finished bytes to a sink (all but
 * the last HEST_BUF_KEEP), hest_buf_flush the rest, a refusing sink stops
 * the output; and the emitters that drain (dsl, layout header and JSON,
 * loader script and listing) produce through a sink exactly the bytes they
 * produce into memory, for outputs of several MiB. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hest/hest.h>
#include <hest/decompile.h>
#include <hest/layout.h>
#include <hest/loader.h>
#include "tap.h"

struct collect {
	struct hest_buf all;
	size_t calls;
	size_t refuse_after; /* refuse the call after this many (0: never) */
};

static bool collect(void *ctx, const uint8_t *p, size_t len)
{
	struct collect *c = ctx;
	if (c->refuse_after && c->calls >= c->refuse_after)
		return false;
	c->calls++;
	return hest_buf_append(&c->all, p, len);
}

static void drain(void)
{
	struct collect c = { { 0 }, 0, 0 };
	struct hest_buf b;
	hest_buf_init(&b);
	tap_ok(hest_buf_drain(&b) && hest_buf_flush(&b), "without a sink, drain and flush do nothing");
	hest_buf_set_sink(&b, collect, &c);
	tap_ok(hest_buf_flush(&b) && c.calls == 0, "flushing an empty buffer sends nothing");
	char line[64];
	size_t total = 0, drains = 0;
	int kept = 1, over = 0;
	for (unsigned i = 0; i < 100000; i++) {
		int n = snprintf(line, sizeof(line), "line %u\n", i);
		hest_buf_append(&b, line, (size_t)n);
		total += (size_t)n;
		size_t before = c.calls;
		hest_buf_drain(&b);
		if (c.calls != before) {
			drains++;
			kept &= b.len == HEST_BUF_KEEP && memcmp(b.p + b.len - (size_t)n, line, (size_t)n) == 0;
		}
		over |= b.len >= HEST_BUF_DRAIN_AT;
	}
	tap_ok(drains >= 3 && !over, "drain sends once %u bytes are buffered (%zu drains of %zu bytes)",
	       HEST_BUF_DRAIN_AT, drains, total);
	tap_ok(kept, "... keeping the last %u, the line just written among them", HEST_BUF_KEEP);
	tap_ok(b.drained + b.len == total, "drained (%llu) and buffered (%zu) add up to the %zu bytes appended",
	       (unsigned long long)b.drained, b.len, total);
	tap_ok(b.p[b.len] == 0, "the buffer stays NUL-terminated");
	tap_ok(hest_buf_flush(&b) && b.len == 0 && c.all.len == total, "flush sends the rest: the sink has every byte");
	int same = 1;
	size_t at = 0;
	for (unsigned i = 0; i < 100000 && same; i++) {
		int n = snprintf(line, sizeof(line), "line %u\n", i);
		same = at + (size_t)n <= c.all.len && memcmp(c.all.p + at, line, (size_t)n) == 0;
		at += (size_t)n;
	}
	tap_ok(same, "... in order");
	hest_buf_free(&b);

	/* After a drain the last HEST_BUF_KEEP bytes are still readable. */
	hest_buf_init(&b);
	c.all.len = 0;
	hest_buf_set_sink(&b, collect, &c);
	hest_buf_zeros(&b, HEST_BUF_DRAIN_AT);
	hest_buf_append(&b, "0123456789abcdefXY", 18);
	hest_buf_drain(&b);
	tap_ok(b.len == HEST_BUF_KEEP && memcmp(b.p, "23456789abcdefXY", 16) == 0,
	       "drain keeps the last %u bytes for the emitter to read back", HEST_BUF_KEEP);
	hest_buf_free(&b);

	/* A sink that refuses: drain and flush say so, later bytes are dropped. */
	struct collect r = { { 0 }, 0, 1 };
	hest_buf_init(&b);
	hest_buf_set_sink(&b, collect, &r);
	hest_buf_zeros(&b, HEST_BUF_DRAIN_AT);
	tap_ok(hest_buf_drain(&b) && r.calls == 1, "the first drain is taken");
	hest_buf_zeros(&b, HEST_BUF_DRAIN_AT);
	tap_ok(!hest_buf_drain(&b) && b.sink_failed, "the second is refused: drain returns false");
	tap_ok(!hest_buf_flush(&b) && r.calls == 1 && b.len == 0, "flush too, and nothing more reaches the sink");
	hest_buf_free(&b);
	hest_buf_free(&r.all);
	hest_buf_free(&c.all);
}

typedef int (*emit)(const struct hest_model *m, const uint8_t *table, size_t len, struct hest_buf *out,
		    struct hest_diags *d);

static int e_dsl(const struct hest_model *m, const uint8_t *t, size_t n, struct hest_buf *o, struct hest_diags *d)
{
	return hest_emit_dsl(m, t, n, o, d);
}

static int e_header(const struct hest_model *m, const uint8_t *t, size_t n, struct hest_buf *o,
		    struct hest_diags *d)
{
	(void)t;
	(void)n;
	return hest_emit_layout_header(m, "big.yaml", o, d);
}

static int e_json(const struct hest_model *m, const uint8_t *t, size_t n, struct hest_buf *o, struct hest_diags *d)
{
	(void)t;
	(void)n;
	return hest_emit_layout_json(m, o, d);
}

static int loader(const struct hest_model *m, size_t n, struct hest_buf *o, struct hest_diags *d, bool text)
{
	struct hest_loader l;
	hest_loader_init(&l);
	int rc = hest_build_loader(m, n, &l, d);
	if (rc == 0)
		rc = (text ? hest_loader_format(&l, o) : hest_loader_encode(&l, o)) ? 0 : -1;
	hest_loader_free(&l);
	return rc;
}

static int e_loader_txt(const struct hest_model *m, const uint8_t *t, size_t n, struct hest_buf *o,
			struct hest_diags *d)
{
	(void)t;
	return loader(m, n, o, d, true);
}

static int e_loader_bin(const struct hest_model *m, const uint8_t *t, size_t n, struct hest_buf *o,
			struct hest_diags *d)
{
	(void)t;
	return loader(m, n, o, d, false);
}

static void emitters(void)
{
	/* 3000 GHESv2 sources, linker-loader placement */
	struct hest_buf y;
	hest_buf_init(&y);
	hest_buf_printf(&y, "placement: { mode: linker-loader }\nsources:\n");
	for (unsigned i = 0; i < 3000; i++)
		hest_buf_printf(&y,
				"  - { name: s%u, type: ghes-v2, id: %u, notification: { type: polled, "
				"poll_interval_ms: %u }, read_ack: { preserve: 0xfffffffffffffffe, write: 1 } }\n",
				i, i, 1000 + i);
	struct hest_model m;
	struct hest_diags d;
	hest_diags_init(&d);
	hest_model_init(&m);
	uint8_t *table = NULL;
	size_t tlen = 0;
	int rc = hest_desc_parse(&m, "big.yaml", y.p, y.len, &d);
	rc = rc == 0 ? hest_compile(&m, &d) : rc;
	rc = rc == 0 ? hest_encode_laid_out(&m, &table, &tlen, &d) : rc;
	tap_ok(rc == 0 && m.nsrc == 3000, "3000 sources compiled");
	static const struct {
		const char *name;
		emit fn;
	} v[] = { { "hest.dsl", e_dsl },
		  { "hest-layout.h", e_header },
		  { "hest-layout.json", e_json },
		  { "table-loader.txt", e_loader_txt },
		  { "table-loader.bin", e_loader_bin } };
	for (size_t i = 0; rc == 0 && i < sizeof(v) / sizeof(v[0]); i++) {
		struct hest_buf mem, streamed;
		struct collect c = { { 0 }, 0, 0 };
		hest_buf_init(&mem);
		hest_buf_init(&streamed);
		hest_buf_set_sink(&streamed, collect, &c);
		int a = v[i].fn(&m, table, tlen, &mem, &d);
		int b = v[i].fn(&m, table, tlen, &streamed, &d);
		bool flushed = hest_buf_flush(&streamed);
		tap_ok(a == 0 && b == 0 && flushed && c.calls > 2 && mem.len == c.all.len &&
			       memcmp(mem.p, c.all.p, mem.len) == 0,
		       "%s: %zu bytes streamed in %zu pieces are the bytes made in memory", v[i].name, c.all.len,
		       c.calls);
		tap_ok(streamed.drained == c.all.len && streamed.len == 0, "%s: never more than a piece buffered",
		       v[i].name);
		hest_buf_free(&mem);
		hest_buf_free(&streamed);
		hest_buf_free(&c.all);
	}
	free(table);
	hest_model_free(&m);
	hest_diags_free(&d);
	hest_buf_free(&y);
}

int main(void)
{
	drain();
	emitters();
	return tap_done();
}
