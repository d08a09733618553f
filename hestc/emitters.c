/* The output kinds of `hestc compile --emit`, one row per file. */
#include <string.h>
#include "hestc.h"

static int emit_hest(const struct emit_ctx *c, struct hest_buf *out)
{
	if (!hest_buf_append(out, c->table, c->tablelen))
		return -1;
	return 0;
}

static const struct emitter emitters[] = {
	{ "hest", "hest.aml", emit_hest, "the HEST table (always written)" },
};

const struct emitter *hestc_emitters(size_t *n)
{
	*n = sizeof(emitters) / sizeof(emitters[0]);
	return emitters;
}
