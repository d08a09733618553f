/* libhest: ACPI Hardware Error Source Table model, compiler and checks. */
#ifndef HEST_HEST_H
#define HEST_HEST_H

#include <hest/buf.h>
#include <hest/diag.h>
#include <hest/fields.h>
#include <hest/model.h>
#include <hest/desc.h>
#include <hest/encode.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version, from configure. */
const char *hest_version(void);

#ifdef __cplusplus
}
#endif
#endif
