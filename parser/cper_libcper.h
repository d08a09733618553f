/* libcper's JSON -> CPER record (parser/cper_libcper.c), for the YAML/JSON
 * reader of `hestc cper`, which hands it a document whose top-level keys
 * are libcper's. */
#ifndef HEST_PARSER_CPER_LIBCPER_H
#define HEST_PARSER_CPER_LIBCPER_H

#include <hest/cper_libcper.h>
#include "ytree.h"

/* The root mapping has libcper's top-level keys ("sectionDescriptors" or
 * "sectionDescriptor"). */
bool hest_cper_libcper_is(const struct ynode *root);
/* Reads it into b (re-initialised as a record).  Errors go to d with
 * file:line:col.  Returns 0 when none was recorded. */
int hest_cper_libcper_read(struct hest_cper_block *b, const char *file, const struct ynode *root,
			   struct hest_diags *d);

#endif
