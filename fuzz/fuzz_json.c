/* fuzz_json.c - the scorer's JSON tree parser (src/eval/json.c) on arbitrary
 * bytes.  Invariants: no crash, no sanitizer report, no deeper nesting than
 * JSON_MAX_DEPTH; an accepted document re-serialises to text that parses
 * again to the same serialisation (a fixed point), and clones identically. */
#include <stdint.h>
#include <string.h>

#include "eval/json.h"
#include "sitrep/buf.h"

static void write_value(sr_buf *b, const json_value *v, int depth)
{
    if (depth > JSON_MAX_DEPTH)
        __builtin_trap();
    switch (v->type) {
    case JSON_NULL: sr_buf_puts(b, "null"); break;
    case JSON_FALSE: sr_buf_puts(b, "false"); break;
    case JSON_TRUE: sr_buf_puts(b, "true"); break;
    case JSON_NUMBER: sr_buf_append(b, v->str, v->len); break;
    case JSON_STRING: sr_json_string(b, v->str, v->len); break;
    case JSON_ARRAY:
    case JSON_OBJECT:
        sr_buf_putc(b, v->type == JSON_ARRAY ? '[' : '{');
        for (size_t i = 0; i < v->len; i++) {
            if (i)
                sr_buf_putc(b, ',');
            if (v->type == JSON_OBJECT) {
                if (!v->items[i]->key)
                    __builtin_trap();
                sr_json_string(b, v->items[i]->key, v->items[i]->key_len);
                sr_buf_putc(b, ':');
            }
            write_value(b, v->items[i], depth + 1);
        }
        sr_buf_putc(b, v->type == JSON_ARRAY ? ']' : '}');
        break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sr_arena *a = sr_arena_new(NULL);
    if (!a)
        return 0;
    json_value *v, *again, *copy;
    char err[160];
    if (json_parse(a, (const char *)data, size, 1, 1, &v, err, sizeof err) == SR_OK) {
        sr_buf b1, b2, b3;
        sr_buf_init(&b1, NULL);
        sr_buf_init(&b2, NULL);
        sr_buf_init(&b3, NULL);
        write_value(&b1, v, 1);
        if (b1.status == SR_OK) {
            if (json_parse(a, b1.data, b1.len, 1, 1, &again, err, sizeof err) != SR_OK)
                __builtin_trap();
            write_value(&b2, again, 1);
            if (b2.len != b1.len || memcmp(b1.data, b2.data, b1.len))
                __builtin_trap();
            if (json_clone(a, v, &copy) == SR_OK) {
                write_value(&b3, copy, 1);
                if (b3.len != b1.len || memcmp(b1.data, b3.data, b1.len))
                    __builtin_trap();
            }
        }
        sr_buf_free(&b1);
        sr_buf_free(&b2);
        sr_buf_free(&b3);
    } else if (!err[0]) {
        __builtin_trap(); /* every rejection says why */
    }
    sr_arena_free(a);
    return 0;
}
