/* hest_compile: a parsed description to a finished model (table layout,
 * placement, the description checks), ready for the emitters. */
#include <hest/encode.h>
#include <hest/layout.h>
#include <hest/loader.h>
#include <hest/validate.h>

int hest_compile(struct hest_model *m, struct hest_diags *d)
{
	if (m->kind != HEST_TABLE_HEST) {
		if (hest_model_layout_table(m, d) < 0 || hest_place_apei(m, d) < 0)
			return -1;
		hest_apei_check(m, d);
		return hest_diags_failed(d) ? -1 : 0;
	}
	if (hest_model_layout_table(m, d) < 0 || hest_place(m, d) < 0)
		return -1;
	hest_check_description(m, d);
	return hest_diags_failed(d) ? -1 : 0;
}
