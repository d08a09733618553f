/* Fuzz target: an SSDT through the AML reader (`hest_aml_read`) and the
 * event-path checks of `hestval validate --ssdt` against a HEST with one
 * GSIV- and one GPIO-notified GHESv2 (the layout of
 * examples/arm-ged-gpio.yaml, compiled once).
 *
 * Invariants: the reader never reports more objects than its summary
 * holds, every path it returns is NUL-terminated, and an offset it names
 * lies inside the input. */
#include <string.h>
#include <hest/aml.h>
#include <hest/desc.h>
#include <hest/layout.h>
#include <hest/validate.h>
#include "fuzz.h"

static const char desc[] =
	"target: { arch: arm64 }\n"
	"placement: { mode: linker-loader }\n"
	"ssdt: { scope: \\_SB, error_device: HED0, ged: GEDE, gpio_controller: \\_SB.GPO0 }\n"
	"sources:\n"
	"  - { name: cpe, type: ghes-v2, id: 1, notification: { type: gsiv, vector: 106 },\n"
	"      event: { via: ged, interrupt: 106, trigger: edge, polarity: active-high } }\n"
	"  - { name: mem, type: ghes-v2, id: 2, notification: { type: gpio },\n"
	"      event: { via: gpio, pin: 5, trigger: edge } }\n";

/* The HEST side never changes: compiled on the first input. */
static struct hest_model *model(void)
{
	static struct hest_model m;
	static int state; /* 0 not yet, 1 ready, -1 failed */
	if (state == 0) {
		struct hest_diags d;
		hest_diags_init(&d);
		state = hest_model_init(&m) == 0 &&
				hest_desc_parse(&m, "ssdt-fuzz.yaml", (const uint8_t *)desc, sizeof(desc) - 1, &d) == 0 &&
				hest_compile(&m, &d) == 0
			? 1 : -1;
		FUZZ_ASSERT(state == 1, "the fixed description does not compile: %s", fuzz_first_error(&d));
		hest_diags_free(&d);
	}
	return &m;
}

static bool terminated(const char *s, size_t size)
{
	return memchr(s, 0, size) != NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t len)
{
	struct hest_aml_summary *s = calloc(1, sizeof(*s));
	if (!s)
		return 0;
	char why[128] = "";
	size_t why_off = 0;
	if (hest_aml_read(p, len, s, why, sizeof(why), &why_off) == 0) {
		FUZZ_ASSERT(s->ndev <= HEST_AML_READ_MAX && s->nres <= HEST_AML_READ_MAX && s->naei <= HEST_AML_READ_MAX &&
				    s->nnotify <= HEST_AML_READ_MAX && s->nmethods <= HEST_AML_READ_MAX &&
				    s->nexternals <= HEST_AML_READ_MAX,
			    "summary counts past HEST_AML_READ_MAX");
		for (size_t i = 0; i < s->ndev; i++)
			FUZZ_ASSERT(terminated(s->dev[i].path, sizeof(s->dev[i].path)) && s->dev[i].off < len,
				    "device %zu: unterminated path or offset outside the input", i);
		for (size_t i = 0; i < s->nnotify; i++)
			FUZZ_ASSERT(terminated(s->notify[i].target, sizeof(s->notify[i].target)) &&
					    terminated(s->notify[i].method, sizeof(s->notify[i].method)) &&
					    s->notify[i].off < len,
				    "notify %zu: unterminated path or offset outside the input", i);
	} else {
		FUZZ_ASSERT(terminated(why, sizeof(why)) && why[0], "a malformed SSDT without a reason");
		FUZZ_ASSERT(why_off <= len, "reason at 0x%zx past the %zu-byte input", why_off, len);
	}
	free(s);

	struct hest_model *m = model();
	struct hest_diags d;
	hest_diags_init(&d);
	struct hest_validate_options vo = { .arch = HEST_ARCH_ARM64 };
	(void)hest_validate_ssdt(m, p, len, "fuzz.ssdt", &vo, &d);
	fuzz_format_diags(&d);
	hest_diags_free(&d);
	return 0;
}
