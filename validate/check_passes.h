/* The validator's passes, in the order check_run.c runs them.  Each lives
 * in its own file and uses only the helpers of check_helpers.h. */
#ifndef HEST_VALIDATE_CHECK_PASSES_H
#define HEST_VALIDATE_CHECK_PASSES_H

#include "check_helpers.h"

void check_table(struct vctx *c);
void check_sources(struct vctx *c);
void check_cross(struct vctx *c);
void check_gas(struct vctx *c);
void check_cper(struct vctx *c);
void check_loader(struct vctx *c);
void check_qemu(struct vctx *c);
void check_linux(struct vctx *c);

#endif
