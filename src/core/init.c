/* init.c - one-time initialisation of the libraries sitrep depends on.
 * libxml2 2.9 sets up its parser tables lazily and not thread-safely; a
 * threaded caller initialises it once here first. */
#include <libxml/parser.h>

#include "sitrep/common.h"

void sr_global_init(void) { xmlInitParser(); }
