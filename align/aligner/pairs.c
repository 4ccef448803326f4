/* pairs.c - see pairs.h. */
#include "align/aligner/pairs.h"
#include "align/util/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NO_SLOT 255u

/* Sorts and dedupes v[from..*n) in place. */
static void sort_unique(uint32_t *v, size_t from, size_t *n)
{
    if (*n > from) *n = from + pa_ids_sort_unique(v + from, *n - from);
}

void pa_evidence_llr(const pa_evidence_weights *w, int c, int side, int k, double *match, double *miss)
{
    double qa = w->qa[c][side], qr = w->qr[c][side], share = w->share[c][side];
    if (qa <= qr || share == 0) {
        *match = *miss = 0;
        return;
    }
    /* matched by one of k sentences: the translation or a chance match */
    double r = 1 - pow(1 - qr, k);
    double a = 1 - (1 - qa) * pow(1 - qr, k - 1);
    *match = share * log(a / r);
    *miss = share * log((1 - a) / (1 - r));
}

/* Slots of one side: anchors by class, then linked words of each kind; the
 * per-sentence all-miss constants; each sentence's linked words. */
static void slots_init(pa_slots *sl, int side, const pa_pair_features *pf, const pa_links *const links[PA_LINK_KINDS],
                       const pa_evidence_weights *w)
{
    const pa_doc_features *df = side ? &pf->tgt : &pf->src;
    size_t n = df->n;
    memset(sl, 0, sizeof *sl);
    sl->side = side;
    int enabled[PA_EV_COUNT];
    double miss_k[PA_MAX_SIDE + 1][PA_EV_COUNT] = {{0}};
    for (int c = 0; c < PA_EV_COUNT; c++) {
        enabled[c] = !w;
        for (int k = 1; w && k <= PA_MAX_SIDE; k++) {
            double match;
            pa_evidence_llr(w, c, side, k, &match, &miss_k[k][c]);
            sl->gain[k][c] = match - miss_k[k][c];
            enabled[c] |= match != 0;
        }
    }
    for (int l = 0; l < PA_LINK_KINDS; l++)
        if (!links[l]) enabled[PA_EV_LEXICAL + l] = 0;
    sl->class_at = pa_calloc(n + 1, sizeof *sl->class_at);
    sl->slot_class = pa_calloc(n + 1, sizeof *sl->slot_class);
    for (int k = 1; k <= PA_MAX_SIDE; k++) {
        sl->const_pre[k] = pa_calloc(n + 1, sizeof *sl->const_pre[k]);
        sl->gain_pre[k] = pa_calloc(n + 1, sizeof *sl->gain_pre[k]);
    }
    sl->anc_slot = pa_malloc((df->anc_at[n] + 1) * sizeof *sl->anc_slot);
    sl->words_at = pa_calloc(n + 1, sizeof *sl->words_at);
    size_t nw = 0, cw = 0, cs = 0;
    uint32_t *kind = NULL; /* per word of the sentence: its class */
    size_t cap_kind = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned slot = 0;
        unsigned count[PA_EV_COUNT] = {0};
        size_t na = df->anc_at[k + 1] - df->anc_at[k];
        const uint32_t *anc = na ? df->anc + df->anc_at[k] : NULL; /* no anchors at all: anc is NULL */
        /* slots by class, in anchor order within a class: count each
         * class's anchors, then hand out the slots in one more pass */
        unsigned next[PA_AC_COUNT] = {0};
        for (size_t q = 0; q < na; q++) {
            sl->anc_slot[df->anc_at[k] + q] = NO_SLOT;
            if (!(anc[q] & PA_ANCHOR_CANDIDATE)) next[pf->anchor_class[anc[q]]]++;
        }
        for (int c = 0; c < PA_AC_COUNT; c++) {
            sl->class_at[k][c] = (uint8_t)slot;
            unsigned take = enabled[c] ? next[c] : 0;
            if (take > PA_MAX_SLOTS - slot) take = PA_MAX_SLOTS - slot;
            next[c] = slot;
            slot += take;
            count[c] = take;
        }
        for (size_t q = 0; q < na; q++) {
            if (anc[q] & PA_ANCHOR_CANDIDATE) continue;
            int c = pf->anchor_class[anc[q]];
            if (next[c] < sl->class_at[k][c] + count[c]) sl->anc_slot[df->anc_at[k] + q] = next[c]++;
        }
        /* linked words: those with links of either kind */
        size_t w0 = nw;
        int any_links = enabled[PA_EV_LEXICAL] || enabled[PA_EV_DICT];
        for (size_t q = df->word_at[k]; any_links && q < df->word_at[k + 1]; q++) {
            uint32_t wd = df->words[q];
            int linked = 0;
            for (int l = 0; l < PA_LINK_KINDS; l++) {
                if (!links[l]) continue;
                const size_t *at = side ? links[l]->bwd_at : links[l]->fwd_at;
                size_t n_keys = side ? links[l]->n_tgt : links[l]->n_src;
                if (wd >= n_keys || at[wd] == at[wd + 1]) continue;
                linked = 1;
            }
            if (!linked) continue;
            PA_GROW(sl->words, cw, nw + 1);
            sl->words[nw++] = wd;
        }
        sort_unique(sl->words, w0, &nw);
        PA_GROW(sl->word_slot, cs, nw + 1);
        PA_GROW(kind, cap_kind, nw - w0 + 1);
        for (size_t q = w0; q < nw; q++) {
            uint32_t wd = sl->words[q];
            /* external if the dictionary class carries evidence here, else
             * learned, if the word has learned links */
            int ext = links[1] && (side ? pa_links_count_tgt(links[1], wd) : pa_links_count_src(links[1], wd)) > 0;
            int learned = links[0] && (side ? pa_links_count_tgt(links[0], wd) : pa_links_count_src(links[0], wd)) > 0;
            kind[q - w0] = ext && enabled[PA_EV_DICT] ? PA_EV_DICT : learned ? PA_EV_LEXICAL : PA_EV_COUNT;
            sl->word_slot[q] = NO_SLOT;
        }
        for (int c = PA_EV_LEXICAL; c < PA_EV_COUNT; c++) {
            sl->class_at[k][c] = (uint8_t)slot;
            if (!enabled[c]) continue;
            for (size_t q = w0; q < nw && slot < PA_MAX_SLOTS; q++)
                if (kind[q - w0] == (uint32_t)c) sl->word_slot[q] = slot++, count[c]++;
        }
        sl->words_at[k + 1] = nw;
        sl->class_at[k][PA_EV_COUNT] = (uint8_t)slot;
        for (int c = 0; c < PA_EV_COUNT; c++)
            for (unsigned q = sl->class_at[k][c]; q < sl->class_at[k][c + 1]; q++) sl->slot_class[k][q] = (uint8_t)c;
        for (int o = 1; o <= PA_MAX_SIDE; o++) {
            double miss = 0, gain = 0;
            for (int c = 0; c < PA_EV_COUNT; c++)
                if (count[c]) miss += count[c] * miss_k[o][c], gain += count[c] * sl->gain[o][c]; /* adding 0 * x changes nothing */
            sl->const_pre[o][k + 1] = sl->const_pre[o][k] + miss;
            sl->gain_pre[o][k + 1] = sl->gain_pre[o][k] + gain;
        }
    }
    pa_free(kind);
}

static void slots_free(pa_slots *sl)
{
    for (int k = 1; k <= PA_MAX_SIDE; k++) pa_free(sl->const_pre[k]), pa_free(sl->gain_pre[k]);
    pa_free(sl->class_at), pa_free(sl->slot_class), pa_free(sl->anc_slot);
    pa_free(sl->words), pa_free(sl->word_slot), pa_free(sl->words_at);
    memset(sl, 0, sizeof *sl);
}

void pa_pair_table_init(pa_pair_table *pt, const pa_pair_features *pf, const pa_links *const links[PA_LINK_KINDS],
                        const pa_evidence_weights *w)
{
    memset(pt, 0, sizeof *pt);
    pt->n = pf->src.n, pt->m = pf->tgt.n;
    pt->pf = pf;
    for (int r = 0; r < PA_PAIR_ROWS; r++) pt->row_of[r] = pt->win_of[r] = SIZE_MAX;
    slots_init(&pt->src, 0, pf, links, w);
    slots_init(&pt->tgt, 1, pf, links, w);
    pt->reach_row = SIZE_MAX;
    for (int r = 0; r < PA_PAIR_ROWS; r++) pt->block_row[r] = SIZE_MAX;
    /* the block bound needs gains that fall as the other side grows */
    pt->block_ok = w != NULL;
    for (int k = 2; k <= PA_MAX_SIDE; k++)
        for (int c = 0; c < PA_EV_COUNT; c++)
            if (pt->src.gain[k][c] > pt->src.gain[1][c] || pt->tgt.gain[k][c] > pt->tgt.gain[1][c]) pt->block_ok = 0;
    for (int l = 0; l < PA_LINK_KINDS; l++) {
        pt->links[l] = links[l];
        if (links[l] && links[l]->n_tgt > pt->reach_n) pt->reach_n = links[l]->n_tgt;
    }
    pt->anc_n = pf->n_anchor_class, pt->anc_row = SIZE_MAX;
    if (pt->anc_n) {
        pt->anc_stamp = pa_calloc(pt->anc_n, sizeof *pt->anc_stamp);
        pt->anc_pos = pa_malloc(pt->anc_n * sizeof *pt->anc_pos);
    }
    if (pt->src.words && pt->tgt.words && pt->reach_n) {
        pt->reach_mask = pa_malloc(pt->reach_n * sizeof *pt->reach_mask);
        pt->reach_stamp = pa_calloc(pt->reach_n, sizeof *pt->reach_stamp);
    } else {
        pt->reach_n = 0; /* no side has linked words to match */
    }
}

/* The stamp after `cur` for a table of `n` stamps marked with it (one per
 * source row): when the counter wraps, the table is cleared and counting
 * starts again at 1 (0 marks nothing). */
static uint32_t next_stamp(uint32_t *stamps, size_t n, uint32_t cur)
{
    if (++cur != 0) return cur;
    memset(stamps, 0, n * sizeof *stamps);
    return 1;
}

/* Marks the target words that the linked words of source sentence a link
 * to, each with the slots of a it matches (none for a word past the 64
 * slots). A cell of row a then costs one look-up per linked word of its
 * target sentence, where merging a's words with the target's expansion
 * (and the target's words with a's) cost both expansions, tens of ids. */
static void reach_prepare(pa_pair_table *pt, size_t a)
{
    if (pt->reach_row == a) return;
    pt->reach_row = a;
    pt->reach_cur = next_stamp(pt->reach_stamp, pt->reach_n, pt->reach_cur);
    const pa_slots *sl = &pt->src;
    for (size_t q = sl->words_at[a]; q < sl->words_at[a + 1]; q++) {
        uint32_t u = sl->words[q];
        uint64_t bit = sl->word_slot[q] != NO_SLOT ? 1ULL << sl->word_slot[q] : 0;
        for (int l = 0; l < PA_LINK_KINDS; l++) {
            const pa_links *lk = pt->links[l];
            if (!lk || u >= lk->n_src) continue;
            for (size_t e = lk->fwd_at[u]; e < lk->fwd_at[u + 1]; e++) {
                uint32_t w = lk->fwd[e];
                if (pt->reach_stamp[w] != pt->reach_cur) pt->reach_stamp[w] = pt->reach_cur, pt->reach_mask[w] = 0;
                pt->reach_mask[w] |= bit;
            }
        }
    }
}

/* The word slots of a (prepared by reach_prepare) that target sentence b
 * matches, into *sm, and those of b that a matches, into *tm: a word
 * matches when a link of either kind joins it to a word of the other
 * sentence (links run both ways: bwd is fwd transposed). */
static void word_matches(const pa_pair_table *pt, size_t b, uint64_t *sm, uint64_t *tm)
{
    const pa_slots *tl = &pt->tgt;
    for (size_t q = tl->words_at[b]; q < tl->words_at[b + 1]; q++) {
        uint32_t w = tl->words[q];
        if (w >= pt->reach_n || pt->reach_stamp[w] != pt->reach_cur) continue;
        *sm |= pt->reach_mask[w];
        if (tl->word_slot[q] != NO_SLOT) *tm |= 1ULL << tl->word_slot[q];
    }
}

/* Weighted sum of the matched slots of sentence k, when the other side of
 * the bead has `other` sentences. */
static double masked_gain(const pa_slots *sl, size_t k, uint64_t mask, size_t other)
{
    double v = 0;
    const double *gain = sl->gain[other];
    for (; mask; mask &= mask - 1) v += gain[sl->slot_class[k][__builtin_ctzll(mask)]];
    return v;
}

/* Marks the anchors of source sentence a (anc_stamp), each with its index
 * in the sentence's list. A sentence's anchors are unique (features.h),
 * so an anchor of b matches at most one of a's. */
static void anc_prepare(pa_pair_table *pt, const pa_pair_features *pf, size_t a)
{
    if (pt->anc_row == a) return;
    pt->anc_row = a;
    pt->anc_cur = next_stamp(pt->anc_stamp, pt->anc_n, pt->anc_cur);
    for (size_t x = pf->src.anc_at[a]; x < pf->src.anc_at[a + 1]; x++) {
        uint32_t k = pf->src.anc[x] & ~PA_ANCHOR_CANDIDATE;
        pt->anc_stamp[k] = pt->anc_cur, pt->anc_pos[k] = (uint32_t)x;
    }
}

/* Which slots of a and of b the other sentence matches. */
static void match_pair(pa_pair_table *pt, const pa_pair_features *pf, size_t a, size_t b, pa_pair_cell *cell)
{
    uint64_t sm = 0, tm = 0;
    if (pf->tgt.anc_at[b] < pf->tgt.anc_at[b + 1] && pf->src.anc_at[a] < pf->src.anc_at[a + 1]) {
        anc_prepare(pt, pf, a);
        for (size_t y = pf->tgt.anc_at[b]; y < pf->tgt.anc_at[b + 1]; y++) {
            uint32_t k = pf->tgt.anc[y] & ~PA_ANCHOR_CANDIDATE;
            if (k >= pt->anc_n || pt->anc_stamp[k] != pt->anc_cur) continue;
            size_t x = pt->anc_pos[k];
            if (pt->src.anc_slot[x] != NO_SLOT) sm |= 1ULL << pt->src.anc_slot[x];
            if (pt->tgt.anc_slot[y] != NO_SLOT) tm |= 1ULL << pt->tgt.anc_slot[y];
        }
    }
    if (pt->reach_n) {
        reach_prepare(pt, a);
        word_matches(pt, b, &sm, &tm);
    }
    cell->src_mask = sm, cell->tgt_mask = tm;
    cell->src_gain = (float)masked_gain(&pt->src, a, sm, 1);
    cell->tgt_gain = (float)masked_gain(&pt->tgt, b, tm, 1);
}

void pa_pair_counts(pa_pair_table *pt, const pa_pair_features *pf, size_t a, size_t b,
                    unsigned m[PA_EV_COUNT][2], unsigned n_src[PA_EV_COUNT], unsigned n_tgt[PA_EV_COUNT])
{
    pa_pair_cell cell;
    match_pair(pt, pf, a, b, &cell);
    for (int c = 0; c < PA_EV_COUNT; c++) {
        unsigned sa = pt->src.class_at[a][c], sz = pt->src.class_at[a][c + 1];
        unsigned ta = pt->tgt.class_at[b][c], tz = pt->tgt.class_at[b][c + 1];
        uint64_t sr = sz > sa ? (sz - sa >= 64 ? ~0ULL : ((1ULL << (sz - sa)) - 1)) << sa : 0;
        uint64_t tr = tz > ta ? (tz - ta >= 64 ? ~0ULL : ((1ULL << (tz - ta)) - 1)) << ta : 0;
        m[c][0] = (unsigned)__builtin_popcountll(cell.src_mask & sr);
        m[c][1] = (unsigned)__builtin_popcountll(cell.tgt_mask & tr);
        n_src[c] = sz - sa;
        n_tgt[c] = tz - ta;
    }
}

void pa_pair_table_set_band(pa_pair_table *pt, const pa_band *band, size_t max_side)
{
    size_t n = band->n, m = band->m;
    pa_free(pt->lo), pa_free(pt->hi);
    pt->lo = pa_malloc((n + 1) * sizeof *pt->lo);
    pt->hi = pa_malloc((n + 1) * sizeof *pt->hi);
    for (size_t a = 0; a < n; a++) {
        size_t lo = m, hi = 0;
        for (size_t i = a + 1 > max_side ? a + 1 - max_side : 0; i <= a; i++) {
            if (band->hi[i] < band->lo[i]) continue;
            if (band->lo[i] < lo) lo = band->lo[i];
            if (band->hi[i] + max_side - 1 > hi) hi = band->hi[i] + max_side - 1;
        }
        if (m == 0 || lo >= m) lo = 1, hi = 0; /* empty row */
        else if (hi >= m) hi = m - 1;
        pt->lo[a] = lo, pt->hi[a] = hi;
    }
    pt->max_side = max_side < PA_MAX_SIDE ? max_side : PA_MAX_SIDE;
    for (int r = 0; r < PA_PAIR_ROWS; r++) pt->row_of[r] = pt->win_of[r] = pt->block_row[r] = SIZE_MAX;
}

/* What a table owns besides its slots: ranges, ring, scratch, marks. */
static void free_search_parts(pa_pair_table *pt)
{
    pa_free(pt->lo), pa_free(pt->hi);
    for (int r = 0; r < PA_PAIR_ROWS; r++) pa_free(pt->block[r]);
    for (int r = 0; r < PA_PAIR_ROWS; r++) pa_free(pt->row[r]), pa_free(pt->src_win[r]), pa_free(pt->tgt_win[r]);
    pa_free(pt->col);
    pa_free(pt->reach_mask), pa_free(pt->reach_stamp);
    pa_free(pt->anc_stamp), pa_free(pt->anc_pos);
}

void pa_pair_table_free(pa_pair_table *pt)
{
    free_search_parts(pt);
    slots_free(&pt->src);
    slots_free(&pt->tgt);
    memset(pt, 0, sizeof *pt);
}

/* The columns of every bead whose sources end at row r - 1 (rows r - K ..
 * r - 1, K = max_side): [*lo, lo + width), the width returned; 0 columns,
 * *lo = 0, when those rows have no cells. pa_pair_table_block_row's span,
 * and what a copy sizes its blocks for. */
static size_t block_span(const pa_pair_table *pt, size_t r, size_t *lo_out)
{
    size_t lo = SIZE_MAX, hi = 0;
    for (size_t u = 1; u <= pt->max_side && u <= r; u++) {
        size_t a = r - u;
        if (a >= pt->n || pt->hi[a] < pt->lo[a]) continue;
        if (pt->lo[a] < lo) lo = pt->lo[a];
        if (pt->hi[a] + 1 > hi) hi = pt->hi[a] + 1;
    }
    if (lo == SIZE_MAX) lo = hi = 0; /* no cells: every block is empty */
    *lo_out = lo;
    return hi - lo;
}

void pa_pair_table_copy(pa_pair_table *dst, const pa_pair_table *src)
{
    *dst = *src;
    size_t n = src->n, widest = 1;
    dst->lo = pa_malloc((n + 1) * sizeof *dst->lo);
    dst->hi = pa_malloc((n + 1) * sizeof *dst->hi);
    memcpy(dst->lo, src->lo, (n + 1) * sizeof *dst->lo);
    memcpy(dst->hi, src->hi, (n + 1) * sizeof *dst->hi);
    size_t K = src->max_side, block_w = 1, lo;
    for (size_t a = 0; a < n; a++) {
        if (src->hi[a] >= src->lo[a] && src->hi[a] - src->lo[a] + 1 > widest) widest = src->hi[a] - src->lo[a] + 1;
        size_t w = block_span(src, a + 1, &lo);
        if (w > block_w) block_w = w;
    }
    for (int r = 0; r < PA_PAIR_ROWS; r++) {
        dst->row[r] = pa_malloc(widest * sizeof *dst->row[r]), dst->row_cap[r] = widest;
        dst->src_win[r] = pa_malloc(widest * K * sizeof *dst->src_win[r]), dst->src_win_cap[r] = widest * K;
        dst->tgt_win[r] = pa_malloc(widest * K * sizeof *dst->tgt_win[r]), dst->tgt_win_cap[r] = widest * K;
        dst->block[r] = pa_malloc((K + 1) * (block_w + 1) * sizeof *dst->block[r]);
        dst->block_cap[r] = (K + 1) * (block_w + 1);
        dst->row_of[r] = dst->win_of[r] = dst->block_row[r] = SIZE_MAX;
    }
    dst->col = pa_malloc(widest * sizeof *dst->col), dst->col_cap = widest;
    if (src->reach_n) {
        dst->reach_mask = pa_malloc(src->reach_n * sizeof *dst->reach_mask);
        dst->reach_stamp = pa_calloc(src->reach_n, sizeof *dst->reach_stamp);
    }
    dst->reach_row = SIZE_MAX, dst->reach_cur = 0;
    if (src->anc_n) {
        dst->anc_stamp = pa_calloc(src->anc_n, sizeof *dst->anc_stamp);
        dst->anc_pos = pa_malloc(src->anc_n * sizeof *dst->anc_pos);
    }
    dst->anc_row = SIZE_MAX, dst->anc_cur = 0;
}

void pa_pair_table_free_copy(pa_pair_table *pt)
{
    free_search_parts(pt);
    memset(pt, 0, sizeof *pt);
}

/* Row a of the table (target sentences lo..hi), computing it if it is not
 * in the ring. A bead's rows are at most PA_MAX_SIDE < PA_PAIR_ROWS apart,
 * so fetching one never evicts another of the same bead. */
static inline const pa_pair_cell *row_at(pa_pair_table *pt, size_t a, size_t *lo, size_t *hi)
{
    *lo = pt->lo[a], *hi = pt->hi[a];
    size_t r = a % PA_PAIR_ROWS;
    if (pt->row_of[r] != a) {
        if (*hi >= *lo) {
            PA_GROW(pt->row[r], pt->row_cap[r], *hi - *lo + 1);
            for (size_t q = *lo; q <= *hi; q++) match_pair(pt, pt->pf, a, q, &pt->row[r][q - *lo]);
        }
        pt->row_of[r] = a;
    }
    return pt->row[r];
}

/* The window sums of row a (see pa_pair_table). Row a's target windows
 * need rows a+1 .. a+max_side-1 too; the ring holds more than that, so
 * fetching them evicts none of them. */
void pa_pair_table_windows(pa_pair_table *pt, size_t a)
{
    size_t r = a % PA_PAIR_ROWS, K = pt->max_side, lo, hi;
    const pa_pair_cell *row = row_at(pt, a, &lo, &hi);
    pt->win_of[r] = a;
    if (hi < lo) return; /* an empty row: no bead starts or runs there */
    size_t w = hi - lo + 1;
    PA_GROW(pt->src_win[r], pt->src_win_cap[r], w * K);
    PA_GROW(pt->tgt_win[r], pt->tgt_win_cap[r], w * K);
    double *sw = pt->src_win[r], *tw = pt->tgt_win[r];
    for (size_t b = lo; b <= hi; b++) {
        double *out = sw + (b - lo) * K;
        uint64_t mask = 0;
        out[0] = row[b - lo].src_gain;
        for (size_t k = 1; k <= K; k++) {
            size_t q = b + k - 1;
            if (q <= hi) mask |= row[q - lo].src_mask;
            if (k > 1) out[k - 1] = masked_gain(&pt->src, a, mask, k);
        }
        tw[(b - lo) * K] = row[b - lo].tgt_gain;
    }
    /* target windows: the rows below, a column at a time */
    PA_GROW(pt->col, pt->col_cap, w);
    uint64_t *col = pt->col;
    for (size_t b = lo; b <= hi; b++) col[b - lo] = row[b - lo].tgt_mask;
    for (size_t k = 2; k <= K; k++) {
        size_t p = a + k - 1, plo = 1, phi = 0;
        const pa_pair_cell *prow = p < pt->n ? row_at(pt, p, &plo, &phi) : NULL;
        for (size_t b = lo; b <= hi; b++) {
            if (prow && b >= plo && b <= phi) col[b - lo] |= prow[b - plo].tgt_mask;
            tw[(b - lo) * K + k - 1] = masked_gain(&pt->tgt, b, col[b - lo], k);
        }
    }
}

/* The bead's cells one by one: for beads that reach outside the rows'
 * ranges (which a bead starting inside the band does not). Sums run in the
 * same order as with windows (sources, then targets). */
double pa_pair_table_by_cells(pa_pair_table *pt, size_t i, size_t ns, size_t j, size_t nt, double v)
{
    uint64_t tmask[PA_MAX_SIDE] = {0};
    float tgain[PA_MAX_SIDE] = {0}; /* ns == 1: the 1-1 gains of the cells */
    for (size_t a = i; a < i + ns; a++) {
        size_t lo, hi;
        const pa_pair_cell *row = row_at(pt, a, &lo, &hi);
        uint64_t mask = 0;
        float gain = 0;
        for (size_t b = j; b < j + nt; b++) {
            if (b < lo || b > hi) continue; /* outside the band: nothing matched */
            const pa_pair_cell *c = &row[b - lo];
            mask |= c->src_mask, gain = c->src_gain;
            tmask[b - j] |= c->tgt_mask, tgain[b - j] = c->tgt_gain;
        }
        v += nt == 1 ? gain : masked_gain(&pt->src, a, mask, nt);
    }
    for (size_t b = j; b < j + nt; b++) v += ns == 1 ? tgain[b - j] : masked_gain(&pt->tgt, b, tmask[b - j], ns);
    return v;
}

/* The block sums of pa_pair_table for the beads whose sources end at row
 * r - 1, up to t of them: the 1-1 gains come from the rows' window sums
 * (k = 1), which the search has made for those rows already (every bead
 * of a row needs them), so no row is computed twice. */
void pa_pair_table_block_row(pa_pair_table *pt, size_t r, size_t t)
{
    size_t K = pt->max_side, slot = r % PA_PAIR_ROWS;
    if (pt->block_row[slot] != r) {
        size_t lo, w = block_span(pt, r, &lo); /* the columns of every bead that can end here */
        PA_GROW(pt->block[slot], pt->block_cap[slot], (K + 1) * (w + 1));
        memset(pt->block[slot], 0, (w + 1) * sizeof *pt->block[slot]);
        pt->block_row[slot] = r, pt->block_t[slot] = 0, pt->block_lo[slot] = lo, pt->block_w[slot] = w;
    }
    size_t lo = pt->block_lo[slot], w = pt->block_w[slot];
    double *col = pt->block[slot];
    for (size_t u = pt->block_t[slot] + 1; u <= t; u++) {
        size_t a = r - u;
        if (u <= r && a < pt->n && pt->hi[a] >= pt->lo[a]) {
            size_t ws = pa_pair_table_windows_at(pt, a), alo = pt->lo[a];
            const double *sw = pt->src_win[ws], *tw = pt->tgt_win[ws];
            for (size_t b = alo; b <= pt->hi[a]; b++) col[b - lo] += sw[(b - alo) * K] + tw[(b - alo) * K];
        }
        double *pre = col + u * (w + 1), acc = 0;
        for (size_t x = 0; x < w; x++) pre[x] = acc, acc += col[x];
        pre[w] = acc;
    }
    if (t > pt->block_t[slot]) pt->block_t[slot] = t;
}
