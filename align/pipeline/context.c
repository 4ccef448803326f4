/* context.c - see context.h and polyalign.h. */
#include "align/pipeline/context.h"
#include "align/aligner/wordbreak.h"
#include "align/segment/srx.h"
#include "align/text/lang.h"
#include "align/util/alloc.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Idle objects of one language that a thread takes for its use and
 * gives back: segmenters, or word lists (text/wordlist.h). */
typedef struct pool {
    char code[PA_LANG_MAX];
    void **idle;
    size_t n, cap;
} pool;

/* The pools of one kind of object, a language each. */
typedef struct pools {
    pool *of;
    size_t n, cap;
} pools;

typedef struct dict_entry {
    char src[PA_LANG_MAX], tgt[PA_LANG_MAX];
    pa_dict *dict;
} dict_entry;

struct pa_context {
    pa_srx *srx;          /* NULL until the first segmenter when built in (guarded by lock) */
    pthread_mutex_t lock; /* guards pools and regex_ready */
    int regex_ready;      /* ICU's regex tables built (pa_segmenter_warm_up_regex) */
    pools segmenters, words; /* guarded by lock */
    dict_entry *dicts;
    size_t n_dicts, cap_dicts;
};

int pa_context_options_init(pa_context_options *o, unsigned version)
{
    if (version != PA_CONTEXT_OPTIONS_VERSION) return -1;
    *o = (pa_context_options)PA_CONTEXT_OPTIONS_INIT;
    return 0;
}

/* pa_context_new's work, inside its allocation frame. */
static pa_context *new_context(const pa_context_options *o, pa_error *err)
{
    /* A rules file is read now, so that its errors come first; the built-in
     * rules when a segmenter is first taken: a --presplit run never parses
     * them. */
    pa_srx *srx = NULL;
    if (o && o->srx_path && !(srx = pa_srx_read_file(o->srx_path, err))) return NULL;
    pa_segmenter_warm_up_icu(); /* before the caller's threads use the context */
    pa_word_breaker_warm_up();
    pa_context *c = pa_calloc(1, sizeof *c);
    c->srx = srx;
    pthread_mutex_init(&c->lock, NULL);
    return c;
}

pa_context *pa_context_new(const pa_context_options *o, pa_error *err)
{
    if (o && o->version != PA_CONTEXT_OPTIONS_VERSION) {
        pa_error_set(err, PA_EUSAGE, "pa_context_new: options of version %u, expected %u", o->version,
                     PA_CONTEXT_OPTIONS_VERSION);
        return NULL;
    }
    pa_context *c;
    PA_ALLOC_CALL(c, new_context(o, err), err, NULL);
    return c;
}

void pa_context_free(pa_context *c)
{
    if (!c) return;
    for (size_t k = 0; k < c->segmenters.n; k++) {
        for (size_t q = 0; q < c->segmenters.of[k].n; q++) pa_segmenter_free(c->segmenters.of[k].idle[q]);
        pa_free(c->segmenters.of[k].idle);
    }
    pa_free(c->segmenters.of);
    for (size_t k = 0; k < c->words.n; k++) {
        for (size_t q = 0; q < c->words.of[k].n; q++) pa_wordlist_free(c->words.of[k].idle[q]);
        pa_free(c->words.of[k].idle);
    }
    pa_free(c->words.of);
    for (size_t k = 0; k < c->n_dicts; k++) pa_dict_free(c->dicts[k].dict);
    pa_free(c->dicts);
    pa_srx_free(c->srx);
    pthread_mutex_destroy(&c->lock);
    pa_free(c);
}

/* The pool of `code`, made when missing. Called with the lock held, in an
 * untracked scope (the pools belong to the context). */
static pool *pool_of(pools *ps, const char *code)
{
    for (size_t k = 0; k < ps->n; k++)
        if (strcmp(ps->of[k].code, code) == 0) return &ps->of[k];
    PA_GROW(ps->of, ps->cap, ps->n + 1);
    pool *p = &ps->of[ps->n++];
    memset(p, 0, sizeof *p);
    snprintf(p->code, sizeof p->code, "%s", code);
    return p;
}

/* Cleanups for a call that runs out of memory: the lock is released, a
 * segmenter that was taken and not given back is freed. */
static void unlock_pools(void *c)
{
    pthread_mutex_unlock(&((pa_context *)c)->lock);
}

static void free_segmenter(void *s)
{
    pa_segmenter_free(s);
}

/* The built-in rules, in a keep scope: they belong to the context, and a
 * failure inside frees them. */
static pa_srx *builtin_rules(pa_error *err)
{
    pa_alloc_frame keep;
    pa_alloc_keep_begin(&keep);
    pa_srx *x = pa_srx_builtin(err);
    pa_alloc_keep_end(&keep);
    return x;
}

pa_segmenter *pa_context_take_segmenter(pa_context *c, const char *code, pa_error *err)
{
    pa_segmenter *s = NULL;
    pa_alloc_frame scope;
    pa_alloc_untracked_begin(&scope);
    pthread_mutex_lock(&c->lock);
    pa_alloc_defer(unlock_pools, c);
    /* first segmenter: the built-in rules, and ICU's regex tables before
     * any thread uses them */
    if (!c->regex_ready && (c->srx || (c->srx = builtin_rules(err)))) {
        pa_segmenter_warm_up_regex();
        c->regex_ready = 1;
    }
    int ready = c->regex_ready;
    if (ready) {
        pool *p = pool_of(&c->segmenters, code);
        if (p->n) s = p->idle[--p->n];
    }
    pa_alloc_undefer(c);
    pthread_mutex_unlock(&c->lock);
    pa_alloc_untracked_end(&scope);
    if (!ready) return NULL;
    if (!s) {
        /* compiled outside the lock: other threads need not wait for it; in
         * a keep scope, as it will join the pool */
        pa_alloc_keep_begin(&scope);
        s = pa_segmenter_from_srx(c->srx, code, err);
        pa_alloc_keep_end(&scope);
    }
    if (s) pa_alloc_defer(free_segmenter, s);
    return s;
}

/* Puts `obj`, taken for `code` (and registered for cleanup by its taker),
 * into its pool in `ps`. */
static void pool_give(pa_context *c, pools *ps, const char *code, void *obj)
{
    if (!obj) return;
    pa_alloc_frame scope;
    pa_alloc_untracked_begin(&scope);
    pthread_mutex_lock(&c->lock);
    pa_alloc_defer(unlock_pools, c);
    pool *p = pool_of(ps, code);
    PA_GROW(p->idle, p->cap, p->n + 1);
    p->idle[p->n++] = obj;
    pa_alloc_undefer(obj); /* the pool's now */
    pa_alloc_undefer(c);
    pthread_mutex_unlock(&c->lock);
    pa_alloc_untracked_end(&scope);
}

void pa_context_give_segmenter(pa_context *c, const char *code, pa_segmenter *s)
{
    pool_give(c, &c->segmenters, code, s);
}

static void free_wordlist(void *w)
{
    pa_wordlist_free(w);
}

/* pa_wordlist_source's take: an idle list of `code`, else a new one
 * (opened outside the lock, in a keep scope: it will join the pool). */
static pa_wordlist *take_wordlist(void *ctx, const char *code)
{
    pa_context *c = ctx;
    pa_wordlist *w = NULL;
    pa_alloc_frame scope;
    pa_alloc_untracked_begin(&scope);
    pthread_mutex_lock(&c->lock);
    pa_alloc_defer(unlock_pools, c);
    pool *p = pool_of(&c->words, code);
    if (p->n) w = p->idle[--p->n];
    pa_alloc_undefer(c);
    pthread_mutex_unlock(&c->lock);
    pa_alloc_untracked_end(&scope);
    if (!w) {
        pa_alloc_keep_begin(&scope);
        w = pa_wordlist_open(code, NULL);
        pa_alloc_keep_end(&scope);
    }
    if (w) pa_alloc_defer(free_wordlist, w); /* freed if the call fails before it is given back */
    return w;
}

/* pa_wordlist_source's give. */
static void give_wordlist(void *ctx, const char *code, pa_wordlist *w)
{
    pa_context *c = ctx;
    pool_give(c, &c->words, code, w);
}

void pa_context_wordlists(pa_context *c, pa_wordlist_source *src)
{
    *src = (pa_wordlist_source){take_wordlist, give_wordlist, c};
}

static void free_dict(void *d)
{
    pa_dict_free(d);
}

/* pa_context_add_dictionary's work, inside its allocation frame. A new
 * dictionary is freed if the call fails; a file added to a pair's
 * dictionary may have added part of its pairs (pa_dict_load). */
static int add_dictionary(pa_context *c, const char *src, const char *tgt, const char *path, pa_error *err)
{
    char sc[PA_LANG_MAX], tc[PA_LANG_MAX];
    if (pa_lang_normalize(src, sc, err) != 0 || pa_lang_normalize(tgt, tc, err) != 0) return -1;
    dict_entry *e = NULL;
    for (size_t k = 0; k < c->n_dicts && !e; k++)
        if (strcmp(c->dicts[k].src, sc) == 0 && strcmp(c->dicts[k].tgt, tc) == 0) e = &c->dicts[k];
    if (e) return pa_dict_load(e->dict, path, err);
    pa_dict *fresh = pa_dict_new(sc, tc);
    pa_alloc_defer(free_dict, fresh); /* it may hold a mapped cache file */
    if (pa_dict_load(fresh, path, err) != 0) {
        pa_alloc_undefer(fresh);
        pa_dict_free(fresh);
        return -1;
    }
    pa_alloc_frame scope;
    pa_alloc_untracked_begin(&scope);
    PA_GROW(c->dicts, c->cap_dicts, c->n_dicts + 1);
    pa_alloc_untracked_end(&scope);
    pa_alloc_undefer(fresh);
    e = &c->dicts[c->n_dicts++];
    snprintf(e->src, sizeof e->src, "%s", sc);
    snprintf(e->tgt, sizeof e->tgt, "%s", tc);
    e->dict = fresh;
    return 0;
}

int pa_context_add_dictionary(pa_context *c, const char *src, const char *tgt, const char *path, pa_error *err)
{
    int rc;
    PA_ALLOC_CALL(rc, add_dictionary(c, src, tgt, path, err), err, -1);
    return rc;
}

const pa_dict *pa_context_dictionary(const pa_context *c, const char *src, const char *tgt)
{
    for (size_t k = 0; k < c->n_dicts; k++)
        if (strcmp(c->dicts[k].src, src) == 0 && strcmp(c->dicts[k].tgt, tgt) == 0) return c->dicts[k].dict;
    return NULL;
}
