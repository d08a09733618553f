/* Reading a YAML description into the model. */
#ifndef HEST_DESC_H
#define HEST_DESC_H

#include <stddef.h>
#include <stdint.h>
#include <hest/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Parses a description.  `file` names the input in diagnostics and must
 * outlive `d`.  Returns 0 when no error was recorded. The model is filled as
 * far as parsing got either way; callers must not emit it after an error. */
int hest_desc_parse(struct hest_model *m, const char *file, const uint8_t *buf, size_t len,
		    struct hest_diags *d);

/* Parses an unsigned integer as descriptions spell it: decimal, 0x hex, 0o
 * octal, 0b binary, '_' separators, and a binary size suffix (K KiB M MiB G
 * GiB T TiB).  Returns 0, or -1 with a reason in *why. */
int hest_parse_uint(const char *s, size_t len, uint64_t *v, const char **why);

#ifdef __cplusplus
}
#endif
#endif
