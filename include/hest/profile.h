/* Placement profiles: `placement: { profile: NAME }` stands for every key a
 * generation of QEMU's arm "virt" HEST fixes (table header, target,
 * placement, the GHESv2 fields QEMU builds) and for the sources QEMU
 * defines.  One const table (lib/profiles.c) drives the parser, the JSON
 * Schema's enum, docs/placement.md, docs/description-format.md and
 * hestc(1). */
#ifndef HEST_PROFILE_H
#define HEST_PROFILE_H

#include <stddef.h>
#include <stdbool.h>
#include <hest/buf.h>
#include <hest/fields.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One key a profile sets.  `key` is a description path: "table.X",
 * "target.X", "placement.X", or "ghes-v2.X" for field X of every GHESv2
 * source.  `value` is spelled as a description would write it. */
struct hest_profile_key {
	const char *key;
	const char *value;
	bool fixed;      /* true: a contradicting explicit key is an error; false: a default */
	const char *why; /* the QEMU code that fixes it */
};

struct hest_profile {
	const char *name;
	const char *doc;     /* one line: which QEMU builds this layout */
	const struct hest_profile_key *keys;
	size_t nkeys;
	/* The sources QEMU defines, as a YAML flow sequence, used when the
	 * description has no `sources:`. */
	const char *sources;
	/* GHES-family sources QEMU can serve (0: any); such sources must be
	 * GHESv2 then. */
	unsigned max_ghes;
	const char *max_ghes_why;
};

/* The profiles, in table order; names as an enum (value = index). */
const struct hest_profile *hest_profiles(size_t *n);
extern const struct hest_names hest_profile_names;
/* The profile called `name` (len bytes), or NULL. */
const struct hest_profile *hest_profile_find(const char *name, size_t len);

/* The profiles as Markdown (docs/placement.md) and as roff (hestc(1)). */
bool hest_profiles_markdown(struct hest_buf *o);
bool hest_profiles_roff(struct hest_buf *o);

#ifdef __cplusplus
}
#endif
#endif
