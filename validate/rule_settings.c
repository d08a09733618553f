/* Rule settings (-W/-E/-w, --werror): which rules a pattern names and the
 * severity a rule ends up with.  A helper of the checks and of hestval. */
#include <stdbool.h>
#include <string.h>
#include <hest/rules.h>
#include "check_helpers.h"

static bool pattern_match(const char *pattern, const char *id)
{
	size_t n = strlen(pattern);
	if (n && pattern[n - 1] == '*')
		return strncmp(pattern, id, n - 1) == 0;
	return strcmp(pattern, id) == 0;
}

bool hest_rule_pattern_valid(const char *pattern)
{
	for (size_t i = 0; i < hest_rules_count(); i++)
		if (pattern_match(pattern, hest_rule_at(i)->id))
			return true;
	return false;
}

bool vrule_effective(const struct hest_rule *r, const char *id, const struct hest_rule_setting *settings,
		      size_t nsettings, bool werror, enum hest_severity *sev)
{
	/* An id missing from the catalogue is a bug of ours: keep it loud. */
	enum hest_severity s = r ? r->severity : HEST_SEV_ERROR;
	bool on = true;
	for (size_t i = 0; id && i < nsettings; i++) {
		if (!pattern_match(settings[i].pattern, id))
			continue;
		switch (settings[i].action) {
		case HEST_RULE_WARNING:
			s = HEST_SEV_WARNING;
			on = true;
			break;
		case HEST_RULE_ERROR:
			s = HEST_SEV_ERROR;
			on = true;
			break;
		case HEST_RULE_OFF:
			on = false;
			break;
		}
	}
	if (werror && s == HEST_SEV_WARNING)
		s = HEST_SEV_ERROR;
	*sev = s;
	return on;
}

bool hest_rule_effective(const char *id, const struct hest_rule_setting *settings, size_t nsettings,
			 bool werror, enum hest_severity *sev)
{
	return vrule_effective(id ? hest_rule_find(id) : NULL, id, settings, nsettings, werror, sev);
}
