/* The loader-script container. */
#include <stdlib.h>
#include <string.h>
#include <hest/loader.h>

void hest_loader_init(struct hest_loader *l)
{
	memset(l, 0, sizeof(*l));
}

void hest_loader_free(struct hest_loader *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

bool hest_loader_push(struct hest_loader *l, const struct hest_loader_entry *e)
{
	if (l->n >= HEST_LOADER_MAX_ENTRIES)
		return false;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct hest_loader_entry *v = realloc(l->v, cap * sizeof(*v));
		if (!v)
			return false;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *e;
	return true;
}

const char *hest_loader_command_name(uint32_t command)
{
	switch (command) {
	case HEST_LOADER_ALLOCATE:
		return "ALLOCATE";
	case HEST_LOADER_ADD_POINTER:
		return "ADD_POINTER";
	case HEST_LOADER_ADD_CHECKSUM:
		return "ADD_CHECKSUM";
	case HEST_LOADER_WRITE_POINTER:
		return "WRITE_POINTER";
	default:
		return NULL;
	}
}
