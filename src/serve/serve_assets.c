/* serve_assets.c - the web page's files, compiled in.
 *
 * The table comes from tools/embed_assets.py, run by make over ui/.  A
 * request path is compared whole against the table's names, so "..",
 * encoded slashes and the like simply find nothing. */
#include <string.h>

#include "serve_int.h"

#include "ui_assets.inc"

const serve_asset *serve_asset_find(const char *path)
{
    if (!strcmp(path, "/"))
        path = "/index.html";
    for (size_t i = 0; i < sizeof serve_assets / sizeof serve_assets[0]; i++)
        if (!strcmp(serve_assets[i].name, path))
            return &serve_assets[i];
    return NULL;
}
