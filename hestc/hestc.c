/* hestc: compile HEST descriptions.  Argument parsing and printing only. */
#include "config.h"
#include "dispatch.h"
#include "hestc.h"

const char *const hestc_prog = "hestc";

static const struct cli_command commands[] = {
	{ "compile", hestc_cmd_compile, "DESC.yaml -> OUTDIR/hest.aml (and more with --emit)" },
	{ "decompile", hestc_cmd_decompile, "a HEST (raw or acpidump text) -> a description that compiles back to it" },
	{ "schema", hestc_cmd_schema, "the description format as JSON Schema or a Markdown reference" },
	{ "cper", hestc_cmd_cper, "ERROR.yaml -> a CPER error status block (or record)" },
	{ "inject", hestc_cmd_inject, "RECORD -> a running guest's error status block, through its RAM file" },
};

int main(int argc, char **argv)
{
	static const struct cli_program program = {
		"hestc", "Compile YAML descriptions of hardware error sources into ACPI HEST (and BERT, EINJ, ERST) tables.", commands,
		sizeof(commands) / sizeof(commands[0]), ", 3 the wait of hestc inject ran out"
	};
	return cli_dispatch(&program, argc, argv);
}
