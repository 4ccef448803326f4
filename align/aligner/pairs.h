/* pairs.h - precomputed evidence for the sentence pairs a search can use.
 *
 * Each sentence has up to 64 tokens that can match (anchors of the classes
 * that carry evidence, then words with lexical links), ordered by class.
 * For every pair (a, b) that a bead inside the search band can contain, the
 * table keeps which of a's tokens b matches and which of b's tokens a
 * matches, as two bit masks, and the weighted sums of both. A bead's
 * evidence is then: each token of its sentences counted as a miss, plus, for
 * each token matched by any sentence on the other side, match minus miss.
 * "Any" matters: in a 2-1 bead a target word matched by both source
 * sentences counts once, so merging sentences gains nothing by itself.
 * Cells are computed a source row at a time, when a bead first needs the
 * row, and kept in a ring of the last PA_PAIR_ROWS rows: a search visits
 * rows in order (forward, then backward), so each row is computed once per
 * direction and the table's memory does not grow with the document.
 */
#ifndef PA_PAIRS_H
#define PA_PAIRS_H

#include "align/aligner/features.h"
#include "align/aligner/links.h"
#include "align/aligner/search.h"

#define PA_MAX_SLOTS 64

/* Evidence classes: the anchor classes, then two kinds of word links:
 * learned from the documents, and external (dictionaries, lexicon files).
 * A word with links of both kinds counts once, as external (as learned if
 * the external class carries no evidence), and matches through either. */
#define PA_EV_LEXICAL PA_AC_COUNT
#define PA_EV_DICT (PA_AC_COUNT + 1)
#define PA_EV_COUNT (PA_AC_COUNT + 2)
#define PA_LINK_KINDS 2 /* link tables: [0] learned, [1] external */

/* Most sentences on one side of a bead. */
#define PA_MAX_SIDE 6

/* What the evidence classes prove, per side (0 source, 1 target): the rate
 * at which a token is matched by its translation (q_a) and by an unrelated
 * sentence (q_r), and the share of the class's evidence this side carries.
 * A class with q_a <= q_r proves nothing and is left out. */
typedef struct pa_evidence_weights {
    double qa[PA_EV_COUNT][2], qr[PA_EV_COUNT][2];
    double share[PA_EV_COUNT][2];
} pa_evidence_weights;

/* Log-likelihood ratio weights of a token matched (gain is match - miss)
 * and missed, when the other side of the bead has k sentences: a token
 * matched by any of them counts, so chance matches grow with k. */
void pa_evidence_llr(const pa_evidence_weights *w, int c, int side, int k, double *match, double *miss);

/* Token slots of the sentences of one side. */
typedef struct pa_slots {
    uint8_t (*class_at)[PA_EV_COUNT + 1]; /* sentence k: class c occupies slots class_at[k][c] .. [c+1] */
    uint8_t (*slot_class)[PA_MAX_SLOTS];  /* sentence k: the class of each slot */
    double *const_pre[PA_MAX_SIDE + 1];   /* [k]: prefix sums of the all-miss evidence when the
                                             other side has k sentences */
    double *gain_pre[PA_MAX_SIDE + 1];    /* [k]: prefix sums of the gain of every slot matched
                                             (with const_pre, the most a sentence's evidence can be) */
    double gain[PA_MAX_SIDE + 1][PA_EV_COUNT]; /* [k][class]: match - miss */
    int side;                             /* 0 source, 1 target */
    uint32_t *anc_slot;                   /* parallel to the features' anchor lists: slot or 255 */
    /* linked words (links of either kind) per sentence, sorted, with their slot */
    uint32_t *words, *word_slot;
    size_t *words_at;
} pa_slots;

typedef struct pa_pair_cell {
    uint64_t src_mask, tgt_mask; /* slots of a matched by b, slots of b matched by a */
    float src_gain, tgt_gain;    /* their weighted sums (for a 1-1 bead) */
} pa_pair_cell;

/* Rows kept: more than a bead's source side, so a row computed for one
 * bead survives while the search is on its neighbours; no more, as each
 * row's cells and windows take memory that a short document touches for
 * the first time (16 rows faulted 15 more pages of a 40-sentence run's
 * 251 than 8, and computed no row fewer). A power of two: the ring index
 * is a mask. */
#define PA_PAIR_ROWS 8
_Static_assert(PA_PAIR_ROWS > PA_MAX_SIDE, "a bead's rows must fit in the ring");

typedef struct pa_pair_table {
    size_t n, m;
    size_t *lo, *hi; /* source sentence a: target sentences lo[a]..hi[a] */
    size_t max_side; /* of the beads the band was set for */
    pa_pair_cell *row[PA_PAIR_ROWS]; /* the cached rows ... */
    size_t row_of[PA_PAIR_ROWS];     /* ... which source sentence each holds (SIZE_MAX: none) */
    size_t row_cap[PA_PAIR_ROWS];
    /* Window sums of the cached rows, for row a and target b (b - lo[a]),
     * per k = 1..max_side: src_win, a's gain when b..b+k-1 are the bead's
     * targets; tgt_win, b's gain when a..a+k-1 are its sources. A bead's
     * evidence is then ns + nt lookups. */
    double *src_win[PA_PAIR_ROWS], *tgt_win[PA_PAIR_ROWS];
    size_t win_of[PA_PAIR_ROWS]; /* which row's windows each holds (SIZE_MAX: none) */
    size_t src_win_cap[PA_PAIR_ROWS], tgt_win_cap[PA_PAIR_ROWS];
    const pa_pair_features *pf;
    pa_slots src, tgt;
    const pa_links *links[PA_LINK_KINDS];
    /* Target words reached by the links of source sentence reach_row's
     * words (reach_stamp[w] == reach_cur), with the slots they match in
     * it; reach_n = 0 when no side has linked words. */
    uint64_t *reach_mask;
    uint32_t *reach_stamp, reach_cur;
    size_t reach_n, reach_row;
    /* The anchors of source sentence anc_row (anc_stamp[id] == anc_cur),
     * each with its index in the sentence's list (anc_pos): a cell of the
     * row looks its target's anchors up, where merging the two sorted
     * lists cost both lists' lengths in unpredictable branches. */
    uint32_t *anc_stamp, *anc_pos, anc_cur;
    size_t anc_n, anc_row;
    /* For the beads whose sources end at row r - 1, in ring slot
     * r % PA_PAIR_ROWS (block_row: which r it holds; the forward pass uses
     * one, the backward pass the max_side below its row): for t = 1 ..
     * block_t, block[t * (block_w + 1) + x] sums the 1-1 gains (both
     * sides) of the cells of rows r - t .. r - 1 and columns block_lo ..
     * block_lo + x - 1; block[x] holds the column sums of those rows. Rows
     * are added as beads need them (t grows by one a row in the backward
     * pass, which moves up), so that each row's gains are read once while
     * its window sums are in their ring. A bead's evidence is at most its
     * all-miss constants plus its block of 1-1 gains, as long as a gain
     * never grows with the sentences on the other side (block_ok: true of
     * every weighting the model estimates). */
    double *block[PA_PAIR_ROWS];
    size_t block_row[PA_PAIR_ROWS], block_t[PA_PAIR_ROWS], block_lo[PA_PAIR_ROWS], block_w[PA_PAIR_ROWS];
    size_t block_cap[PA_PAIR_ROWS];
    int block_ok;
    uint64_t *col; /* scratch of pa_pair_table_windows: a row's target masks */
    size_t col_cap;
} pa_pair_table;

/* Prepares the per-sentence slots. With weights `w`, only classes with a
 * non-zero weight on a side get slots there; with `w` NULL every class gets
 * slots and all weights are zero (for counting, see pa_pair_counts).
 * links[k] NULL: no class for that kind of link. */
void pa_pair_table_init(pa_pair_table *pt, const pa_pair_features *pf, const pa_links *const links[PA_LINK_KINDS],
                        const pa_evidence_weights *w);

/* Sets the pairs to provide: those reachable by beads of at most
 * `max_side` sentences a side starting inside `band` (whose units are
 * sentences); drops the cached rows. */
void pa_pair_table_set_band(pa_pair_table *pt, const pa_band *band, size_t max_side);

void pa_pair_table_free(pa_pair_table *pt);

/* A copy of `src` (whose band is set) for a search over the same band on
 * another thread: it reads src's slots and links, which must outlive it,
 * and has its own rows' ranges, ring and scratch, sized for the widest row
 * so that scoring beads with it never allocates (a thread without an
 * allocation frame of its own must not). Free it with
 * pa_pair_table_free_copy. */
void pa_pair_table_copy(pa_pair_table *dst, const pa_pair_table *src);
void pa_pair_table_free_copy(pa_pair_table *pt);

/* Match counts by class and side of source sentence a against target
 * sentence b (m[c][0]: a's tokens that b matches), and the number of slotted
 * tokens by class of a (n_src) and b (n_tgt). Works for any pair. */
void pa_pair_counts(pa_pair_table *pt, const pa_pair_features *pf, size_t a, size_t b,
                    unsigned m[PA_EV_COUNT][2], unsigned n_src[PA_EV_COUNT], unsigned n_tgt[PA_EV_COUNT]);

/* The window sums of row a, computed into the ring; and a bead's evidence
 * added to `v` cell by cell, for beads the windows do not cover. Parts of
 * pa_pair_table_bead, which is inline: the search calls it for every
 * bead of every pass. */
void pa_pair_table_windows(pa_pair_table *pt, size_t a);
double pa_pair_table_by_cells(pa_pair_table *pt, size_t i, size_t ns, size_t j, size_t nt, double v);

/* The ring slot holding row a's window sums, computing them if needed. */
static inline size_t pa_pair_table_windows_at(pa_pair_table *pt, size_t a)
{
    size_t r = a % PA_PAIR_ROWS;
    if (pt->win_of[r] != a) pa_pair_table_windows(pt, a);
    return r;
}

/* Makes ring slot r % PA_PAIR_ROWS hold the block sums of the beads whose
 * sources end at row r - 1, for up to t sources (see pa_pair_table). */
void pa_pair_table_block_row(pa_pair_table *pt, size_t r, size_t t);

/* A number the evidence of the bead of source sentences [i, i+ns) and
 * target sentences [j, j+nt) (a bead starting in the band) cannot exceed,
 * in a few look-ups where the evidence costs ns + nt window sums: the
 * search skips a bead whose bound cannot beat the best entry into its
 * cell. Its all-miss constants, plus the 1-1 gains of its ns x nt cells
 * (a token matched by any of the bead's sentences is matched by one of
 * them, and counts less the more sentences could match it), or, where
 * gains do not fall so, every token matched. Cheapest when the beads come
 * row by row, as in a search: the sums are made once for the beads that
 * end on a row. */
static inline __attribute__((always_inline)) double pa_pair_table_bead_bound(pa_pair_table *pt, size_t i, size_t ns, size_t j, size_t nt)
{
    double base = pt->src.const_pre[nt][i + ns] - pt->src.const_pre[nt][i] + pt->tgt.const_pre[ns][j + nt] -
                  pt->tgt.const_pre[ns][j];
    /* Gains are sums that may be large where they cancel against the
     * all-miss constants, and a 1-1 bead's evidence adds its cells' gains
     * rounded to float (a relative 6e-8, which can exceed the doubles
     * here): a millionth more of the gains keeps the bound above. */
    if (!pt->block_ok || ns > pt->max_side)
        return base + (pt->src.gain_pre[nt][i + ns] - pt->src.gain_pre[nt][i] + pt->tgt.gain_pre[ns][j + nt] -
                       pt->tgt.gain_pre[ns][j]) * (1 + 1e-6);
    size_t r = (i + ns) % PA_PAIR_ROWS;
    if (pt->block_row[r] != i + ns || pt->block_t[r] < ns) pa_pair_table_block_row(pt, i + ns, ns);
    size_t lo = pt->block_lo[r], w = pt->block_w[r];
    size_t x0 = j < lo ? 0 : j - lo > w ? w : j - lo, x1 = j + nt < lo ? 0 : j + nt - lo > w ? w : j + nt - lo;
    const double *pre = pt->block[r] + ns * (w + 1);
    return base + (pre[x1] - pre[x0]) * (1 + 1e-6);
}

/* Evidence for the bead of source sentences [i, i+ns) and target sentences
 * [j, j+nt) (both non-empty): the all-miss constants, then one window sum
 * per sentence, sources first; cell by cell where a row's range does not
 * hold the bead's targets (a bead starting inside the band always fits). */
static inline __attribute__((always_inline)) double pa_pair_table_bead(pa_pair_table *pt, size_t i, size_t ns,
                                                                        size_t j, size_t nt)
{
    double base = pt->src.const_pre[nt][i + ns] - pt->src.const_pre[nt][i] + pt->tgt.const_pre[ns][j + nt] -
                  pt->tgt.const_pre[ns][j];
    size_t K = pt->max_side;
    if (ns > K || nt > K) return pa_pair_table_by_cells(pt, i, ns, j, nt, base);
    double v = base;
    for (size_t a = i; a < i + ns; a++) {
        size_t lo = pt->lo[a];
        if (lo > j || j + nt - 1 > pt->hi[a]) return pa_pair_table_by_cells(pt, i, ns, j, nt, base);
        v += pt->src_win[pa_pair_table_windows_at(pt, a)][(j - lo) * K + nt - 1];
    }
    const double *tw = pt->tgt_win[pa_pair_table_windows_at(pt, i)] + (j - pt->lo[i]) * K + ns - 1;
    for (size_t b = 0; b < nt; b++) v += tw[b * K];
    return v;
}

#endif
