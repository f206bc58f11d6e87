/* cmd_store.c - query commands over the store (placeholder until the store
 * lands). */
#include <stdio.h>

#include "cli.h"

int cli_query(const char *cmd, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "sitrep: %s: not built yet\n", cmd);
    return 2;
}
