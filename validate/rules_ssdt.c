/* Rules of hestval validate --ssdt: the event paths of GPIO- and
 * GSIV-notified GHES in an SSDT (validate/check_ssdt.c). */
#include "rules.h"

static const struct hest_rule rules[] = {
	{ "SSDT-AML-MALFORMED", HEST_SEV_ERROR, "a PkgLength, name or term of the SSDT runs past its package",
	  "ACPI 6.5 20.2: every package lies inside its parent" },
	{ "SSDT-AML-UNSUPPORTED", HEST_SEV_WARNING, "AML outside the subset the checker reads; event paths checked in part",
	  "the checker reads the AML hestc emits (docs/ssdt.md) and skips the rest of a package it cannot" },
	{ "SSDT-CHECKSUM", HEST_SEV_ERROR, "the SSDT's bytes do not sum to zero",
	  "ACPI 6.5 5.2.6: the whole table sums to zero; ACPICA verifies it on install" },
	{ "SSDT-ERROR-DEVICE-COUNT", HEST_SEV_WARNING, "more than one hardware error device (PNP0C33)",
	  "Linux drivers/acpi/hed.c binds one PNP0C33 device only" },
	{ "SSDT-EVENT-MISSING", HEST_SEV_ERROR, "a GPIO- or GSIV-notified GHES has no event path in the SSDT",
	  "ACPI 6.5 18.3.2.7.2; Linux ghes.c waits for the PNP0C33 notification for these types" },
	{ "SSDT-EVENT-NO-METHOD", HEST_SEV_ERROR, "an interrupt of a _CRS or a pin of an _AEI has no event method",
	  "ACPI 6.5 5.6.5, 5.6.9; Linux evged: \"cannot locate _EVT method\", the GED fails to probe" },
	{ "SSDT-EVENT-NO-NOTIFY", HEST_SEV_ERROR, "an event method does not Notify (PNP0C33 device, 0x80) for its event",
	  "ACPI 6.5 18.3.2.7.2: the method issues Notify on the error device with 0x80" },
	{ "SSDT-EVENT-UNREACHABLE", HEST_SEV_WARNING, "an event method (or _EVT branch) no interrupt or pin leads to",
	  "Linux evged / gpiolib-acpi run only the methods of the _CRS interrupts and _AEI pins" },
	{ "SSDT-HEADER", HEST_SEV_ERROR, "the --ssdt file is not an SSDT, or its Length disagrees with the file",
	  "ACPI 6.5 5.2.11.2: SSDT header (signature, Length)" },
	{ "SSDT-UNVERIFIED", HEST_SEV_NOTE, "part of an event path is declared outside the SSDT and is not checked",
	  "an External error device or an _AEI in the DSDT: hestval sees only the SSDT" },
};

const struct hest_rule_table hest_rules_ssdt_part = { rules, sizeof(rules) / sizeof(rules[0]) };
