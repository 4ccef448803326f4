/* srx.c - see srx.h. The file is small; libxml2's tree API keeps the reading
 * code short. Element names are compared without their namespace, because
 * real files omit or vary it. */
#include "align/segment/srx.h"
#include "align/segment/jregex.h"
#include "align/util/alloc.h"
#include "align/util/buf.h"
#include "align/util/source.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>

typedef struct langrule {
    char *name;
    pa_srx_rule *rules;
    size_t n, cap;
} langrule;

typedef struct langmap {
    char *pattern;
    size_t target; /* index into lrs */
    int line;
} langmap;

struct pa_srx {
    char *name;
    int cascade;
    int icu_base;
    int shipped; /* pa_srx_builtin's */
    langrule *lrs;
    size_t nlrs, cap_lrs;
    langmap *maps;
    size_t nmaps, cap_maps;
};

/* Defined in the file generated from corpora/srx/polyalign.srx. */
extern const unsigned char pa_builtin_srx_data[];
extern const size_t pa_builtin_srx_size;

static int is_elem(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (is_elem(c, name)) return c;
    return NULL;
}

static void free_xml_string(void *v)
{
    xmlFree(v);
}

/* Our copy of libxml2's string `v` (freed), or NULL. */
static char *own_xml_string(xmlChar *v)
{
    if (!v) return NULL;
    pa_alloc_defer(free_xml_string, v);
    char *s = v[0] ? pa_strdup((const char *)v) : NULL;
    pa_alloc_undefer(v);
    xmlFree(v);
    return s;
}

/* An attribute's value (without namespace), or NULL; the caller frees it. */
static char *attr(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v) v = xmlGetProp(n, (const xmlChar *)name);
    if (v && !v[0]) {
        xmlFree(v);
        return pa_strdup("");
    }
    return own_xml_string(v);
}

/* "yes"/"no" attribute: 1, 0, or `dflt` when absent; -1 for other values. */
static int yes_no(const xmlNode *n, const char *name, int dflt)
{
    char *v = attr(n, name);
    int r = dflt;
    if (v) r = strcasecmp(v, "yes") == 0 ? 1 : strcasecmp(v, "no") == 0 ? 0 : -1;
    pa_free(v);
    return r;
}

/* The text of a <beforebreak>/<afterbreak>, NULL when absent or empty. */
static char *pattern_text(const xmlNode *n)
{
    return n ? own_xml_string(xmlNodeGetContent(n)) : NULL;
}

/* libxml2 2.12 made the error passed to structured handlers const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *srx_xml_error;
#else
typedef xmlError *srx_xml_error;
#endif

/* Drops a message libxml2 would print with its generic handler. */
static void ignore_generic_error(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }

/* The first error of a parse (message empty when none). */
typedef struct first_error {
    int line;
    char msg[256];
} first_error;

/* Structured error handler while parsing: keeps the first error. libxml2
 * raises some errors (input conversion, I/O) outside the parser context,
 * and its global handler would print them on stderr. */
static void keep_first_error(void *ctx, srx_xml_error e)
{
    first_error *f = ctx;
    if (f->msg[0] || !e || e->level < XML_ERR_ERROR) return;
    snprintf(f->msg, sizeof f->msg, "%s", e->message ? e->message : "not well-formed");
    f->line = e->line;
}

static size_t find_langrule(const pa_srx *x, const char *name)
{
    for (size_t i = 0; i < x->nlrs; i++)
        if (strcmp(x->lrs[i].name, name) == 0) return i;
    return (size_t)-1;
}

static int read_langrule(pa_srx *x, const xmlNode *lr, pa_error *err)
{
    char *name = attr(lr, "languagerulename");
    int line = (int)xmlGetLineNo(lr);
    if (!name)
        return pa_error_set(err, PA_EINPUT, "%s:%d: <languagerule> without languagerulename", x->name, line);
    if (find_langrule(x, name) != (size_t)-1) {
        pa_error_set(err, PA_EINPUT, "%s:%d: languagerule '%s' defined twice", x->name, line, name);
        pa_free(name);
        return -1;
    }
    PA_GROW(x->lrs, x->cap_lrs, x->nlrs + 1);
    langrule *l = &x->lrs[x->nlrs++];
    memset(l, 0, sizeof *l);
    l->name = name;
    for (const xmlNode *r = lr->children; r; r = r->next) {
        if (!is_elem(r, "rule")) continue;
        int brk = yes_no(r, "break", 1);
        int rline = (int)xmlGetLineNo(r);
        if (brk < 0)
            return pa_error_set(err, PA_EINPUT, "%s:%d: rule attribute break must be yes or no", x->name, rline);
        PA_GROW(l->rules, l->cap, l->n + 1);
        pa_srx_rule *rule = &l->rules[l->n++];
        rule->is_break = brk;
        rule->line = rline;
        rule->before = pattern_text(child(r, "beforebreak"));
        rule->after = pattern_text(child(r, "afterbreak"));
    }
    return 0;
}

/* Adds every <languagemap> below `n` (SRX 2.0 puts them in <maprules>;
 * SRX 1.0 in <maprule> elements inside it). */
static int read_maps(pa_srx *x, const xmlNode *n, pa_error *err)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is_elem(c, "maprule")) {
            if (read_maps(x, c, err) != 0) return -1;
            continue;
        }
        if (!is_elem(c, "languagemap")) continue;
        int line = (int)xmlGetLineNo(c);
        char *pat = attr(c, "languagepattern"), *target = attr(c, "languagerulename");
        size_t t = target ? find_langrule(x, target) : (size_t)-1;
        if (!pat || !target || t == (size_t)-1) {
            if (!pat || !target)
                pa_error_set(err, PA_EINPUT, "%s:%d: <languagemap> needs languagepattern and languagerulename",
                             x->name, line);
            else
                pa_error_set(err, PA_EINPUT, "%s:%d: languagemap refers to languagerule '%s', which is not defined",
                             x->name, line, target);
            pa_free(pat);
            pa_free(target);
            return -1;
        }
        pa_free(target);
        PA_GROW(x->maps, x->cap_maps, x->nmaps + 1);
        x->maps[x->nmaps++] = (langmap){pat, t, line};
    }
    return 0;
}

static int read_tree(pa_srx *x, const xmlNode *root, pa_error *err)
{
    if (!is_elem(root, "srx"))
        return pa_error_set(err, PA_EINPUT, "%s: not an SRX file (the root element is <%s>, not <srx>)", x->name,
                            root ? (const char *)root->name : "?");
    const xmlNode *header = child(root, "header"), *body = child(root, "body");
    x->cascade = 1; /* OmegaT cascades whatever the header says is missing */
    if (header) {
        int c = yes_no(header, "cascade", 1);
        if (c < 0) return pa_error_set(err, PA_EINPUT, "%s:%d: header attribute cascade must be yes or no", x->name,
                                       (int)xmlGetLineNo(header));
        x->cascade = c;
        xmlChar *v = xmlGetNsProp(header, (const xmlChar *)"icu-base", (const xmlChar *)PA_SRX_NS);
        x->icu_base = v && strcasecmp((const char *)v, "yes") == 0;
        xmlFree(v);
    }
    const xmlNode *lrs = child(body, "languagerules"), *maps = child(body, "maprules");
    if (!body || !lrs || !maps)
        return pa_error_set(err, PA_EINPUT, "%s: an SRX file needs <body> with <languagerules> and <maprules>",
                            x->name);
    for (const xmlNode *c = lrs->children; c; c = c->next)
        if (is_elem(c, "languagerule") && read_langrule(x, c, err) != 0) return -1;
    if (read_maps(x, maps, err) != 0) return -1;
    if (x->nmaps == 0) return pa_error_set(err, PA_EINPUT, "%s: no <languagemap> in <maprules>", x->name);
    return 0;
}

/* The libxml2 objects of a parsed file. */
typedef struct parsed_srx {
    xmlDocPtr doc;
    xmlParserCtxtPtr ctxt;
} parsed_srx;

static void free_parsed(void *p)
{
    parsed_srx *x = p;
    xmlFreeDoc(x->doc);
    xmlFreeParserCtxt(x->ctxt);
}

pa_srx *pa_srx_read_memory(const char *name, const char *xml, size_t len, pa_error *err)
{
    if (len > INT32_MAX) {
        pa_error_set(err, PA_EINPUT, "%s: too large for an SRX file", name);
        return NULL;
    }
    xmlInitParser(); /* once a process; as the other readers of XML do */
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        pa_error_set(err, PA_EINTERNAL, "%s: cannot create an XML parser", name);
        return NULL;
    }
    /* No network, no external entities or DTD, no messages on stderr (not
     * even those libxml2 raises outside the parser: see keep_first_error). */
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    first_error first = {0, ""};
    xmlStructuredErrorFunc old_fn = xmlStructuredError;
    void *old_ctx = xmlStructuredErrorContext;
    xmlGenericErrorFunc old_gfn = xmlGenericError;
    void *old_gctx = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(&first, keep_first_error);
    xmlSetGenericErrorFunc(NULL, ignore_generic_error);
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, xml, (int)len, name, NULL, opts);
    xmlSetStructuredErrorFunc(old_ctx, old_fn);
    xmlSetGenericErrorFunc(old_gctx, old_gfn);
    if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        char msg[256];
        snprintf(msg, sizeof msg, "%s", first.msg[0] ? first.msg : e && e->message ? e->message : "not well-formed");
        size_t m = strlen(msg);
        while (m > 0 && (msg[m - 1] == '\n' || msg[m - 1] == ' ')) msg[--m] = 0;
        int line = first.line > 0 ? first.line : e ? e->line : 0;
        pa_error_set(err, PA_EINPUT, "%s:%d: not a well-formed SRX file: %s", name, line, msg);
        xmlFreeParserCtxt(ctxt);
        return NULL;
    }
    parsed_srx parsed = {doc, ctxt};
    pa_alloc_defer(free_parsed, &parsed); /* if the call runs out of memory */
    pa_srx *x = pa_calloc(1, sizeof *x);
    x->name = pa_strdup(name);
    int rc = read_tree(x, xmlDocGetRootElement(doc), err);
    pa_alloc_undefer(&parsed);
    free_parsed(&parsed);
    if (rc != 0) {
        pa_srx_free(x);
        return NULL;
    }
    return x;
}

pa_srx *pa_srx_read_file(const char *path, pa_error *err)
{
    pa_buf b = PA_BUF_INIT;
    if (pa_read_file(path, &b, (size_t)64 << 20, err) != 0) {
        pa_buf_free(&b);
        return NULL;
    }
    pa_srx *x = pa_srx_read_memory(strcmp(path, "-") == 0 ? "<stdin>" : path, b.data ? b.data : "", b.len, err);
    pa_buf_free(&b);
    return x;
}

pa_srx *pa_srx_builtin(pa_error *err)
{
    pa_srx *x = pa_srx_read_memory("<built-in rules>", (const char *)pa_builtin_srx_data, pa_builtin_srx_size, err);
    if (x) x->shipped = 1;
    return x;
}

void pa_srx_free(pa_srx *x)
{
    if (!x) return;
    for (size_t i = 0; i < x->nlrs; i++) {
        for (size_t k = 0; k < x->lrs[i].n; k++) {
            pa_free(x->lrs[i].rules[k].before);
            pa_free(x->lrs[i].rules[k].after);
        }
        pa_free(x->lrs[i].rules);
        pa_free(x->lrs[i].name);
    }
    for (size_t i = 0; i < x->nmaps; i++) pa_free(x->maps[i].pattern);
    pa_free(x->lrs);
    pa_free(x->maps);
    pa_free(x->name);
    pa_free(x);
}

const char *pa_srx_name(const pa_srx *x) { return x->name; }

int pa_srx_icu_base(const pa_srx *x) { return x->icu_base; }

int pa_srx_shipped(const pa_srx *x) { return x->shipped; }

/* Whether language pattern `pat` (Java syntax) matches all of `lang`,
 * ignoring case; -1 when the pattern is not a valid expression. */
static int map_matches(const pa_srx *x, const langmap *m, const char *lang, pa_error *err)
{
    pa_buf icu = PA_BUF_INIT;
    char why[128];
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    UChar ulang[64];
    int32_t llen = 0;
    int rc = -1;
    if (pa_jregex_translate(m->pattern, 0, &icu, why, sizeof why) != 0) {
        pa_error_set(err, PA_EINPUT, "%s:%d: languagepattern '%s': %s", x->name, m->line, m->pattern, why);
        goto out;
    }
    URegularExpression *re = pa_jregex_open(icu.data ? icu.data : "", UREGEX_CASE_INSENSITIVE, &pe, &st);
    if (U_SUCCESS(st)) u_strFromUTF8(ulang, 64, &llen, lang, -1, &st);
    if (U_SUCCESS(st)) uregex_setText(re, ulang, llen, &st);
    UBool hit = U_SUCCESS(st) ? uregex_matches(re, 0, &st) : 0;
    if (re) uregex_close(re);
    if (U_FAILURE(st))
        pa_error_set(err, PA_EINPUT, "%s:%d: languagepattern '%s' %s (ICU: %s)", x->name, m->line, m->pattern,
                     st == U_REGEX_TIME_OUT ? "takes too long to match" : "is not a valid expression", u_errorName(st));
    else
        rc = hit ? 1 : 0;
out:
    pa_buf_free(&icu);
    return rc;
}

int pa_srx_rules_for(const pa_srx *x, const char *lang, const pa_srx_rule ***rules, size_t *n, pa_error *err)
{
    const pa_srx_rule **out = NULL;
    size_t cnt = 0, cap = 0;
    int any = 0;
    for (size_t i = 0; i < x->nmaps; i++) {
        int hit = map_matches(x, &x->maps[i], lang, err);
        if (hit < 0) {
            pa_free(out);
            return -1;
        }
        if (!hit) continue;
        any = 1;
        const langrule *l = &x->lrs[x->maps[i].target];
        PA_GROW(out, cap, cnt + l->n + 1);
        for (size_t k = 0; k < l->n; k++) out[cnt++] = &l->rules[k];
        if (!x->cascade) break;
    }
    if (!any) {
        pa_free(out);
        return pa_error_set(err, PA_EINPUT, "%s: no languagemap matches language '%s'", x->name, lang);
    }
    *rules = out;
    *n = cnt;
    return 0;
}

int pa_srx_ruleset_at(const pa_srx *x, size_t i, const pa_srx_rule **rules, size_t *n, const char **name)
{
    if (i >= x->nlrs) return -1;
    *rules = x->lrs[i].rules;
    *n = x->lrs[i].n;
    if (name) *name = x->lrs[i].name;
    return 0;
}
