/* What the SSDT holds, worked out once from the model and written twice: as
 * AML (emit/ssdt.c) and as ASL (emit/ssdt_asl.c). */
#ifndef HEST_EMIT_SSDT_PLAN_H
#define HEST_EMIT_SSDT_PLAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <hest/model.h>

/* One event (an interrupt of the GED or a pin of the GPIO controller); the
 * sources that share it are notified by the same method. */
struct ssdt_event {
	enum hest_event_via via;
	uint32_t number;
	bool level;
	enum hest_event_polarity polarity;
	bool named;   /* its own _Exx/_Lxx method, else a branch of _EVT */
	size_t first; /* index of its first source */
};

#define SSDT_MAX_EXTERNALS 3

struct ssdt_plan {
	char scope[HEST_AML_PATH_MAX];    /* absolute */
	char hed[2 * HEST_AML_PATH_MAX];  /* absolute path of the error device */
	char hed_seg[5];                  /* its NameSeg in scope, when this SSDT declares it */
	bool define_hed;
	uint32_t hed_uid;
	char ged_seg[5];
	uint32_t ged_uid;
	char gpio[HEST_AML_PATH_MAX];     /* absolute path of the GPIO controller */
	bool define_aei;
	uint8_t oem_table_id[8];
	const char *externals[SSDT_MAX_EXTERNALS]; /* paths declared elsewhere, in order */
	size_t nexternals;
	struct ssdt_event *ev;            /* GED events first, then GPIO events, each in source order */
	size_t nged, ngpio;
	bool ged_evt, gpio_evt;           /* an _EVT method is needed */
};

/* Builds the plan; returns 0, or -1 with diagnostics (conflicting events,
 * names that do not fit, out of memory). */
int ssdt_plan_build(const struct hest_model *m, struct ssdt_plan *p, struct hest_diags *d);
void ssdt_plan_free(struct ssdt_plan *p);

/* "_E05" / "_L2A": the method of a named event. */
void ssdt_event_method(const struct ssdt_event *e, char out[5]);

#endif
