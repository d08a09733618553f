/* hestval front end: one file per subcommand. */
#ifndef HESTC_HESTVAL_H
#define HESTC_HESTVAL_H

extern const char *const hestval_prog;

int hestval_cmd_rules(int argc, char **argv);
int hestval_cmd_cper(int argc, char **argv);
int hestval_cmd_validate(int argc, char **argv);

#endif
