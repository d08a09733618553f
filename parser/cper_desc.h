/* parser-private: the `hestc cper` description reader on a node of a larger
 * document (a BERT description's `records:` items). */
#ifndef HEST_PARSER_CPER_DESC_H
#define HEST_PARSER_CPER_DESC_H
#include <hest/cper.h>
#include "ytree.h"

/* Reads the status-block mapping `root` into b (initialised here); errors
 * as diagnostics at file:line:col.  0, or -1 when there were errors. */
int hest_cper_desc_parse_node(struct hest_cper_block *b, const char *file, const struct ynode *root,
			      struct hest_diags *d);
#endif
