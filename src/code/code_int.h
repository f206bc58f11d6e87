/* code_int.h - shared by the coder and its writers (internal). */
#ifndef SR_CODE_INT_H
#define SR_CODE_INT_H

/* ACLED's country name for a gazetteer ISO code ("SY" -> "Syria"); other
 * strings pass through; NULL stays NULL. */
const char *sr_country_name(const char *c);

#endif
