#include "config.h"
#include <hest/hest.h>

const char *hest_version(void)
{
	return PACKAGE_VERSION;
}
