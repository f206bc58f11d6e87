/* cli.h - sub-command entry points shared between the CLI's files.
 * Each takes the arguments after the command name and returns the exit
 * status (0 ok, 1 some records rejected or nothing found, 2 usage or I/O). */
#ifndef SR_CLI_H
#define SR_CLI_H

/* The database a command works on: --db, else $SITREP_DB, else ./sitrep.db */
#define SR_CLI_DEFAULT_DB "sitrep.db"

#include <stddef.h>

/* main.c: the knowledge directory beside the executable when neither
 * --data, $SITREP_DATA nor ./data names one (NULL then: the default). */
const char *cli_find_data_dir(char *buf, size_t n);

/* cmd_store.c: events, timeline, actor, actors, relations (query form:
 * --at / --db), control, export, documents. */
int cli_query(const char *cmd, int argc, char **argv);
/* cmd_serve.c: sitrep serve. */
int cli_serve(int argc, char **argv);

#endif
