/* unit_key.h - a unit's identity for finding duplicates across memories.
 *
 * Two units are the same when they hold the same texts in the same
 * languages, whatever the order of their <tuv>s, the case of their
 * language tags ("zh-CN" = "ZH_cn") and the white space around and inside
 * their texts (runs of spaces, tabs and line breaks count as one space;
 * leading and trailing ones do not count). Props, tuids and dates do not
 * count. The key is a 64-bit hash of that normalised form, so a set of
 * keys costs 16 to 32 bytes a distinct unit (align/util/hashset.h); two
 * different units are taken for one only if their hashes collide (odds
 * about n^2/2^65 for n units).
 */
#ifndef PA_TMX_UNIT_KEY_H
#define PA_TMX_UNIT_KEY_H

#include <stddef.h>
#include <stdint.h>

#include "tmx/tmx_writer.h"

/* The key of the `n` variants `v` (languages and texts). */
uint64_t pa_tmx_unit_key(const pa_tmx_variant *v, size_t n);

#endif
