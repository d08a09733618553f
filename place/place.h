/* Private to place/: what the placement pass and the loader builder share. */
#ifndef HEST_PLACE_PLACE_H
#define HEST_PLACE_PLACE_H

#include <hest/diag.h>
#include <hest/model.h>

static inline struct hest_loc pos_loc(const struct hest_model *m, struct hest_pos p)
{
	struct hest_loc l = { m->file, p.line, p.col, false, 0 };
	return l;
}

#endif
