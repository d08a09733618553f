/* The validator's runner: hest_validate runs the passes in order over a
 * model, with the cache (struct hest_vcache) a caller keeps across calls.
 * The passes (check_*.c, linux.c) use the helpers of check_helpers.c. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "check_passes.h"

/* --- the cache kept across calls (struct hest_vcache) --------------------- */

struct hest_vcache *hest_vcache_new(void)
{
	struct hest_vcache *vc = calloc(1, sizeof(*vc));
	if (vc)
		vmemos_init(&vc->mm);
	return vc;
}

void hest_vcache_free(struct hest_vcache *vc)
{
	if (!vc)
		return;
	free(vc->settings);
	free(vc);
}

static bool same_settings(const struct hest_vcache *vc, const struct hest_validate_options *o)
{
	if (!vc->settings || vc->nsettings != o->nsettings || vc->werror != o->werror)
		return false;
	const char *p = vc->settings;
	for (size_t i = 0; i < o->nsettings; i++) {
		if ((unsigned char)*p++ != (unsigned)o->settings[i].action || strcmp(p, o->settings[i].pattern) != 0)
			return false;
		p += strlen(p) + 1;
	}
	return true;
}

/* Keeps the cached severities only under the settings they were worked
 * out with; false when they cannot be cached this time (out of memory). */
static bool vcache_settings(struct hest_vcache *vc, const struct hest_validate_options *o)
{
	if (same_settings(vc, o))
		return true;
	for (size_t i = 0; i < VCACHE_RULES; i++)
		vc->rules[i].key = NULL;
	free(vc->settings);
	size_t n = 1;
	for (size_t i = 0; i < o->nsettings; i++)
		n += strlen(o->settings[i].pattern) + 2;
	vc->settings = malloc(n);
	if (!vc->settings)
		return false;
	char *p = vc->settings;
	for (size_t i = 0; i < o->nsettings; i++) {
		size_t k = strlen(o->settings[i].pattern);
		*p++ = (char)o->settings[i].action;
		memcpy(p, o->settings[i].pattern, k + 1);
		p += k + 1;
	}
	*p = 0;
	vc->nsettings = o->nsettings;
	vc->werror = o->werror;
	return true;
}

/* --- the driver ------------------------------------------------------------ */

static int run_passes(const struct hest_model *m, const struct hest_validate_options *o, struct hest_diags *d,
		      struct vmemos *mm, struct hest_vcache *vc)
{
	struct vctx c = { m, o, o->decode, d, o->decode ? o->decode->nstruct : m->nsrc, mm, vc };
	bool oom_before = d->oom;
	check_table(&c);
	check_sources(&c);
	check_cross(&c);
	check_gas(&c);
	check_cper(&c);
	check_loader(&c);
	check_qemu(&c);
	check_linux(&c);
	return d->oom && !oom_before ? -1 : 0;
}

/* Without a cache, the memos live on this function's stack (4 KiB): not
 * inlined, so that a call with a cache does not touch those pages. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int run_uncached(const struct hest_model *m, const struct hest_validate_options *o, struct hest_diags *d)
{
	struct vmemos mm;
	vmemos_init(&mm);
	return run_passes(m, o, d, &mm, NULL);
}

int hest_validate(const struct hest_model *m, const struct hest_validate_options *o, struct hest_diags *d)
{
	struct hest_vcache *vc = o->cache;
	if (m->kind != HEST_TABLE_HEST) {
		bool oom_before = d->oom;
		hest_apei_validate(m, o, d);
		return d->oom && !oom_before ? -1 : 0;
	}
	/* with the cache, unless no copy of the settings could be kept */
	if (vc && vcache_settings(vc, o))
		return run_passes(m, o, d, &vc->mm, vc);
	return run_uncached(m, o, d);
}
