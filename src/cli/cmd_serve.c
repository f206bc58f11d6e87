/* cmd_serve.c - sitrep serve (placeholder until the server lands). */
#include <stdio.h>

#include "cli.h"

int cli_serve(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "sitrep: serve: not built yet\n");
    return 2;
}
