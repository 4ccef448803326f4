/* sniff.c - see sniff.h. Binary formats first (magic numbers), then the
 * byte-order mark, UTF-16 without one, control characters, and last the
 * markup test over the text. */
#include "align/readers/sniff.h"
#include "align/text/input.h"
#include "align/util/buf.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

/* True when s[0..len) starts with the `n` bytes of `magic`. */
static int starts(const unsigned char *s, size_t len, const void *magic, size_t n)
{
    return len >= n && memcmp(s, magic, n) == 0;
}

#define STARTS(s, len, lit) starts((s), (len), (lit), sizeof(lit) - 1)

/* The first occurrence of needle[0..n) in s[from..len), or `len`. */
static size_t find(const unsigned char *s, size_t len, size_t from, const void *needle, size_t n)
{
    const unsigned char *nd = needle;
    for (size_t i = from; n > 0 && i + n <= len; i++) {
        const unsigned char *p = memchr(s + i, nd[0], len - n + 1 - i);
        if (!p) break;
        i = (size_t)(p - s);
        if (memcmp(p, nd, n) == 0) return i;
    }
    return len;
}

#define FIND(s, len, from, lit) find((s), (len), (from), (lit), sizeof(lit) - 1)

/* The extension of `path`, lower-case, without a trailing ".gz" (the
 * source layer decompresses): "Report.DOCX.gz" -> "docx". Empty when none. */
static void extension(const char *path, char ext[8])
{
    ext[0] = '\0';
    if (!path) return;
    size_t len = strlen(path);
    if (len > 3 && strcasecmp(path + len - 3, ".gz") == 0) len -= 3;
    size_t dot = len;
    while (dot > 0 && path[dot - 1] != '.' && path[dot - 1] != '/') dot--;
    if (dot == 0 || path[dot - 1] != '.' || len - dot >= 8) return;
    for (size_t i = dot; i < len; i++) ext[i - dot] = (char)(path[i] >= 'A' && path[i] <= 'Z' ? path[i] + 32 : path[i]);
    ext[len - dot] = '\0';
}

/* True when `ext` is one of the space-separated words of `list`. */
static int ext_in(const char *ext, const char *list)
{
    size_t n = strlen(ext);
    if (n == 0) return 0;
    for (const char *p = list; *p;) {
        const char *e = strchr(p, ' ');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (k == n && memcmp(p, ext, n) == 0) return 1;
        if (!e) break;
        p = e + 1;
    }
    return 0;
}

/* ---- ZIP: Office Open XML, OpenDocument, EPUB ---- */

static uint32_t le16(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t le32(const unsigned char *p) { return le16(p) | le16(p + 2) << 16; }

/* What the stored "mimetype" entry of an OpenDocument or EPUB file says. */
static pa_input_kind mimetype_kind(const unsigned char *m, size_t n)
{
    static const struct {
        const char *prefix;
        pa_input_kind kind;
    } types[] = {
        {"application/vnd.oasis.opendocument.text", PA_INPUT_ODT},
        {"application/vnd.oasis.opendocument.spreadsheet", PA_INPUT_ODS},
        {"application/vnd.oasis.opendocument.presentation", PA_INPUT_ODP},
        {"application/epub+zip", PA_INPUT_EPUB},
    };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        size_t k = strlen(types[i].prefix);
        if (n >= k && memcmp(m, types[i].prefix, k) == 0) return types[i].kind;
    }
    return PA_INPUT_ZIP;
}

/* Reads the names of the local file headers in the head (every "PK\3\4":
 * following compressed sizes would stop at the first entry written with a
 * data descriptor) and decides by the first telling one. */
static pa_input_kind zip_kind(const unsigned char *s, size_t len, const char *ext)
{
    for (size_t at = 0; (at = FIND(s, len, at, "PK\x03\x04")) + 30 <= len; at += 4) {
        size_t nlen = le16(s + at + 26), xlen = le16(s + at + 28);
        if (at + 30 + nlen > len) break;
        const char *name = (const char *)s + at + 30;
#define NAME_IS(lit) (nlen >= sizeof(lit) - 1 && memcmp(name, lit, sizeof(lit) - 1) == 0)
        if (NAME_IS("word/")) return PA_INPUT_DOCX;
        if (NAME_IS("xl/")) return PA_INPUT_XLSX;
        if (NAME_IS("ppt/")) return PA_INPUT_PPTX;
        if (nlen == 8 && NAME_IS("mimetype") && le16(s + at + 8) == 0) {
            size_t data = at + 30 + nlen + xlen, size = le32(s + at + 18);
            if (data < len) return mimetype_kind(s + data, size < len - data ? size : len - data);
        }
#undef NAME_IS
    }
    /* Nothing telling in the head: the extension may say which format. */
    if (ext_in(ext, "docx docm dotx dotm")) return PA_INPUT_DOCX;
    if (ext_in(ext, "xlsx xlsm xltx xltm")) return PA_INPUT_XLSX;
    if (ext_in(ext, "pptx pptm ppsx potx")) return PA_INPUT_PPTX;
    if (ext_in(ext, "odt ott fodt")) return PA_INPUT_ODT;
    if (ext_in(ext, "ods ots")) return PA_INPUT_ODS;
    if (ext_in(ext, "odp otp")) return PA_INPUT_ODP;
    if (ext_in(ext, "epub")) return PA_INPUT_EPUB;
    return PA_INPUT_ZIP;
}

/* ---- OLE2 compound files: Word, Excel, PowerPoint 97-2003 ---- */

/* True when a directory entry named `name` (ASCII, stored as UTF-16LE at
 * a 128-byte boundary, its byte length with the final NUL at +64) is in
 * the head. */
static int ole_has_entry(const unsigned char *s, size_t len, const char *name)
{
    unsigned char u[64];
    size_t n = strlen(name);
    for (size_t i = 0; i < n; i++) u[2 * i] = (unsigned char)name[i], u[2 * i + 1] = 0;
    for (size_t at = 512; at + 128 <= len; at += 128)
        if (memcmp(s + at, u, 2 * n) == 0 && le16(s + at + 2 * n) == 0 && le16(s + at + 64) == 2 * n + 2) return 1;
    return 0;
}

static pa_input_kind ole_kind(const unsigned char *s, size_t len, const char *ext)
{
    if (ole_has_entry(s, len, "WordDocument")) return PA_INPUT_DOC;
    if (ole_has_entry(s, len, "Workbook") || ole_has_entry(s, len, "Book")) return PA_INPUT_XLS;
    if (ole_has_entry(s, len, "PowerPoint Document")) return PA_INPUT_PPT;
    /* The directory lies past the head: the extension says which. */
    if (ext_in(ext, "doc dot wps")) return PA_INPUT_DOC;
    if (ext_in(ext, "xls xlt xlw")) return PA_INPUT_XLS;
    if (ext_in(ext, "ppt pps pot")) return PA_INPUT_PPT;
    return PA_INPUT_OLE;
}

/* ---- binary formats by magic number ---- */

static pa_input_kind magic_kind(const unsigned char *s, size_t len, const char *ext)
{
    if (STARTS(s, len, "PK\x03\x04") || STARTS(s, len, "PK\x05\x06") || STARTS(s, len, "PK\x07\x08"))
        return zip_kind(s, len, ext);
    if (STARTS(s, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return ole_kind(s, len, ext);
    if (STARTS(s, len, "%PDF-")) return PA_INPUT_PDF;
    /* Readers accept junk before the header within the first 1024 bytes;
     * text that merely mentions "%PDF-" has no objects after it. */
    size_t pdf = FIND(s, len < 1024 ? len : 1024, 0, "%PDF-");
    if (pdf < len && pdf < 1024 && FIND(s, len, pdf, " obj") < len) return PA_INPUT_PDF;
    if (STARTS(s, len, "{\\rtf")) return PA_INPUT_RTF;
    if (STARTS(s, len, "\x89PNG\r\n\x1A\n") || STARTS(s, len, "\xFF\xD8\xFF") || STARTS(s, len, "GIF87a") ||
        STARTS(s, len, "GIF89a") || STARTS(s, len, "II*\0") || STARTS(s, len, "MM\0*") ||
        (STARTS(s, len, "RIFF") && len >= 12 && memcmp(s + 8, "WEBP", 4) == 0))
        return PA_INPUT_IMAGE;
    if (STARTS(s, len, "7z\xBC\xAF\x27\x1C") || STARTS(s, len, "Rar!\x1A\x07") ||
        STARTS(s, len, "\xFD" "7zXZ\0") || STARTS(s, len, "\x28\xB5\x2F\xFD") || STARTS(s, len, "\x1F\x8B\x08") ||
        (STARTS(s, len, "BZh") && len >= 10 && s[3] >= '1' && s[3] <= '9' && memcmp(s + 4, "1AY&SY", 6) == 0))
        return PA_INPUT_ARCHIVE;
    return PA_INPUT_TEXT;
}

/* ---- UTF-16 ---- */

/* True when the high byte `hi` of a UTF-16 code unit falls in a block that
 * running text uses: Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari,
 * Thai, Latin Extended Additional, punctuation, CJK punctuation and kana,
 * Han, Hangul, full-width forms. */
static int common_high_byte(unsigned hi)
{
    return hi <= 0x06 || hi == 0x09 || hi == 0x0E || hi == 0x1E || hi == 0x20 || hi == 0x30 ||
           (hi >= 0x4E && hi <= 0x9F) || (hi >= 0xAC && hi <= 0xD7) || hi == 0xFF;
}

/* True when s[0..len) reads as UTF-16 text in the byte order whose high
 * byte comes `hi` (0 or 1) in each pair: 90% of the code units are text
 * characters of common blocks. */
static int utf16_plausible(const unsigned char *s, size_t len, int hi)
{
    size_t pairs = len / 2, good = 0;
    for (size_t i = 0; i < pairs; i++) {
        unsigned h = s[2 * i + hi], l = s[2 * i + 1 - hi];
        if (h == 0) good += l >= 0x20 || l == '\t' || l == '\n' || l == '\r';
        else good += common_high_byte(h) && !(h == 0xFF && l >= 0xF0);
    }
    return pairs >= 2 && good * 10 >= pairs * 9;
}

/* When the head is UTF-16 without a byte-order mark - it has NUL bytes or
 * is not UTF-8 (text in UTF-16 nearly always is one or the other), and one
 * byte order reads as text - returns 1 for little-endian, 2 for big-endian;
 * else 0. */
static int utf16_without_bom(const unsigned char *s, size_t len)
{
    size_t n = len & ~(size_t)1;
    int nul = memchr(s, 0, n) != NULL;
    if (!nul) {
        size_t bad = pa_utf8_validate((const char *)s, n);
        if (bad >= n || n - bad < 4) return 0; /* valid, or cut in the last sequence */
    }
    return utf16_plausible(s, n, 1) ? 1 : utf16_plausible(s, n, 0) ? 2 : 0;
}

/* Appends s[0..len) (UTF-16, high byte first when `be`) to `out` as UTF-8;
 * an unpaired surrogate becomes U+FFFD. */
static void utf16_to_utf8(const unsigned char *s, size_t len, int be, pa_buf *out)
{
    for (size_t i = 0; i + 1 < len; i += 2) {
        uint32_t c = be ? (uint32_t)s[i] << 8 | s[i + 1] : (uint32_t)s[i + 1] << 8 | s[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 3 < len) {
            uint32_t d = be ? (uint32_t)s[i + 2] << 8 | s[i + 3] : (uint32_t)s[i + 3] << 8 | s[i + 2];
            if (d >= 0xDC00 && d <= 0xDFFF) c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00), i += 2;
        }
        if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
        char u[4];
        size_t k;
        if (c < 0x80) u[0] = (char)c, k = 1;
        else if (c < 0x800) u[0] = (char)(0xC0 | c >> 6), u[1] = (char)(0x80 | (c & 0x3F)), k = 2;
        else if (c < 0x10000)
            u[0] = (char)(0xE0 | c >> 12), u[1] = (char)(0x80 | (c >> 6 & 0x3F)),
            u[2] = (char)(0x80 | (c & 0x3F)), k = 3;
        else
            u[0] = (char)(0xF0 | c >> 18), u[1] = (char)(0x80 | (c >> 12 & 0x3F)),
            u[2] = (char)(0x80 | (c >> 6 & 0x3F)), u[3] = (char)(0x80 | (c & 0x3F)), k = 4;
        pa_buf_append(out, u, k);
    }
}

/* ---- control characters ---- */

/* True when s[0..len) (text after any byte-order mark, UTF-8 or a legacy
 * encoding) holds NUL bytes (more than one in a thousand) or other control
 * characters (more than two in a hundred) that text does not. */
static int is_binary(const unsigned char *s, size_t len)
{
    size_t nul = 0, ctrl = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned c = s[i];
        if (c >= 0x20 && c != 0x7F) continue;
        if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1A) continue;
        ctrl++;
        nul += c == 0;
    }
    return nul * 1000 > len || ctrl * 100 > len * 2;
}

/* ---- markup ---- */

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

static int is_name_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == ':' || c == '.' || c >= 0x80;
}

static int is_name_start(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

/* True when s[0..n) equals `word` ignoring ASCII case. */
static int word_is(const unsigned char *s, size_t n, const char *word)
{
    return strlen(word) == n && strncasecmp((const char *)s, word, n) == 0;
}

/* The elements that typically open an HTML page or fragment. */
static int is_html_name(const unsigned char *s, size_t n)
{
    static const char *const names[] = {
        "html", "head", "body", "meta", "title", "link", "script", "style", "base", "noscript", "p", "div",
        "span", "table", "tr", "td", "th", "tbody", "thead", "ul", "ol", "li", "dl", "dt", "dd", "h1",
        "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "nav", "main", "aside",
        "br", "hr", "img", "a", "b", "i", "em", "strong", "form", "center", "font", "blockquote", "pre",
        "figure", "address", "iframe"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (word_is(s, n, names[i])) return 1;
    return 0;
}

/* If s[i..len) opens a tag ("<name" then white space, "/" or ">", and a
 * ">" before the next "<"), returns the offset past its ">" and stores
 * where its name is and whether it closes (</x> or <x/>); else returns 0. */
static size_t tag_at(const unsigned char *s, size_t len, size_t i, size_t *name, size_t *nlen, int *closes)
{
    if (i >= len || s[i] != '<') return 0;
    size_t k = i + 1;
    int end = k < len && s[k] == '/';
    k += end;
    if (k >= len || !is_name_start(s[k])) return 0;
    size_t a = k;
    while (k < len && is_name_char(s[k])) k++;
    if (k >= len || !(is_space(s[k]) || s[k] == '>' || s[k] == '/')) return 0;
    size_t z = k;
    while (k < len && s[k] != '>' && s[k] != '<' && k - i < 2048) k++;
    if (k >= len || s[k] != '>') return 0;
    *name = a, *nlen = z - a;
    *closes = end || s[k - 1] == '/';
    return k + 1;
}

/* The element name without a namespace prefix ("html:html" -> "html"). */
static void local_name(const unsigned char *s, size_t *a, size_t *n)
{
    for (size_t k = *n; k > 0; k--)
        if (s[*a + k - 1] == ':') {
            *a += k, *n -= k;
            return;
        }
}

/* Markup kinds of text s[0..len) (UTF-8, no byte-order mark). */
static pa_input_kind markup_kind(const unsigned char *s, size_t len, const char *ext)
{
    size_t i = 0;
    int decl = 0, doctype = 0;
    for (;;) {
        while (i < len && is_space(s[i])) i++;
        if (STARTS(s + i, len - i, "<!--")) {
            size_t e = FIND(s, len, i + 4, "-->");
            if (e >= len) return PA_INPUT_TEXT;
            i = e + 3;
        } else if (STARTS(s + i, len - i, "<?")) {
            decl |= STARTS(s + i, len - i, "<?xml") && i + 5 < len && is_space(s[i + 5]);
            size_t e = FIND(s, len, i + 2, "?>");
            if (e >= len) return PA_INPUT_TEXT;
            i = e + 2;
        } else if (len - i >= 9 && strncasecmp((const char *)s + i, "<!DOCTYPE", 9) == 0) {
            size_t k = i + 9;
            while (k < len && is_space(s[k])) k++;
            size_t a = k;
            while (k < len && is_name_char(s[k])) k++;
            size_t n = k - a;
            local_name(s, &a, &n);
            if (word_is(s + a, n, "html")) return PA_INPUT_HTML;
            if (word_is(s + a, n, "tmx")) return PA_INPUT_TMX;
            if (word_is(s + a, n, "xliff")) return PA_INPUT_XLIFF;
            doctype = 1;
            while (k < len && s[k] != '>' && s[k] != '[') k++;
            if (k < len && s[k] == '[') k = FIND(s, len, k, "]");
            k = FIND(s, len, k, ">");
            if (k >= len) return PA_INPUT_XML;
            i = k + 1;
        } else {
            break;
        }
    }
    size_t a, n, k = i;
    int closes;
    size_t next = tag_at(s, len, i, &a, &n, &closes);
    if (!next) return decl || doctype ? PA_INPUT_XML : PA_INPUT_TEXT;
    local_name(s, &a, &n);
    if (word_is(s + a, n, "html") || word_is(s + a, n, "head") || word_is(s + a, n, "body")) return PA_INPUT_HTML;
    if (word_is(s + a, n, "tmx")) return PA_INPUT_TMX;
    if (word_is(s + a, n, "xliff")) return PA_INPUT_XLIFF;
    if (decl || doctype) return PA_INPUT_XML;
    /* No declaration: markup only when dense in tags. */
    int html = is_html_name(s + a, n);
    size_t tags = 0, ends = 0;
    for (size_t lim = len < i + PA_SNIFF_TEXT_HEAD ? len : i + PA_SNIFF_TEXT_HEAD; k < lim;) {
        const unsigned char *p = memchr(s + k, '<', lim - k);
        if (!p) break;
        k = (size_t)(p - s);
        size_t ta, tn, e = tag_at(s, len, k, &ta, &tn, &closes);
        if (!e) {
            k++;
            continue;
        }
        tags++;
        ends += closes;
        k = e;
    }
    if (tags >= PA_SNIFF_MIN_TAGS && ends > 0) return html ? PA_INPUT_HTML : PA_INPUT_XML;
    if (html && ext_in(ext, "html htm xhtml shtml")) return PA_INPUT_HTML;
    return PA_INPUT_TEXT;
}

/* Sniffs UTF-16 text s[0..len) (after any mark; big-endian when `be`) as
 * its UTF-8 form: markup or text (or, with a mark, binary when the decoded
 * head is full of control characters). */
static pa_input_kind utf16_kind(const unsigned char *s, size_t len, int be, int marked, const char *ext)
{
    size_t n = len < PA_SNIFF_TEXT_HEAD ? len : PA_SNIFF_TEXT_HEAD;
    pa_buf u = PA_BUF_INIT;
    utf16_to_utf8(s, n, be, &u);
    const unsigned char *t = (const unsigned char *)(u.data ? u.data : "");
    pa_input_kind k = marked && is_binary(t, u.len) ? PA_INPUT_BINARY : markup_kind(t, u.len, ext);
    pa_buf_free(&u);
    return k;
}

/* The kind of text `k` is, given the name's extension: text named .tsv is
 * a table. */
static pa_input_kind text_kind(pa_input_kind k, const char *ext)
{
    return k == PA_INPUT_TEXT && ext_in(ext, "tsv") ? PA_INPUT_TSV : k;
}

pa_input_kind pa_sniff(const unsigned char *head, size_t len, const char *path)
{
    char ext[8];
    extension(path, ext);
    if (len >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        return text_kind(utf16_kind(head + 2, len - 2, head[0] == 0xFE, 1, ext), ext);
    if (len >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) {
        head += 3, len -= 3;
    } else {
        pa_input_kind k = magic_kind(head, len, ext);
        if (k != PA_INPUT_TEXT) return k;
    }
    size_t n = len < PA_SNIFF_TEXT_HEAD ? len : PA_SNIFF_TEXT_HEAD;
    int order = utf16_without_bom(head, n);
    if (order) return text_kind(utf16_kind(head, len, order == 2, 0, ext), ext);
    if (is_binary(head, n)) return PA_INPUT_BINARY;
    return text_kind(markup_kind(head, len, ext), ext);
}

static const char *const kind_names[] = {
    [PA_INPUT_TEXT] = "plain text",
    [PA_INPUT_HTML] = "an HTML page",
    [PA_INPUT_XML] = "an XML file",
    [PA_INPUT_TMX] = "a TMX translation memory",
    [PA_INPUT_TSV] = "a TSV table",
    [PA_INPUT_XLIFF] = "an XLIFF file",
    [PA_INPUT_DOCX] = "a Word document",
    [PA_INPUT_XLSX] = "an Excel workbook",
    [PA_INPUT_PPTX] = "a PowerPoint presentation",
    [PA_INPUT_ODT] = "an OpenDocument text",
    [PA_INPUT_ODS] = "an OpenDocument spreadsheet",
    [PA_INPUT_ODP] = "an OpenDocument presentation",
    [PA_INPUT_EPUB] = "an EPUB e-book",
    [PA_INPUT_ZIP] = "a ZIP archive",
    [PA_INPUT_PDF] = "a PDF file",
    [PA_INPUT_DOC] = "a Word 97-2003 document",
    [PA_INPUT_XLS] = "an Excel 97-2003 workbook",
    [PA_INPUT_PPT] = "a PowerPoint 97-2003 presentation",
    [PA_INPUT_OLE] = "a Microsoft Office 97-2003 file",
    [PA_INPUT_RTF] = "an RTF document",
    [PA_INPUT_IMAGE] = "an image",
    [PA_INPUT_ARCHIVE] = "a compressed archive",
    [PA_INPUT_BINARY] = "binary data",
};

const char *pa_input_kind_name(pa_input_kind k)
{
    if ((unsigned)k >= sizeof kind_names / sizeof *kind_names || !kind_names[k]) return "an unknown kind of file";
    return kind_names[k];
}

/* Appends `name` to `b` quoted for a POSIX shell when it needs it, so that
 * the command in a hint can be pasted as it is. */
static void put_shell_word(pa_buf *b, const char *name)
{
    size_t n = strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/+-,=:@%");
    if (name[0] && !name[n] && name[0] != '-') {
        pa_buf_puts(b, name);
        return;
    }
    pa_buf_putc(b, '\'');
    for (const char *p = name; *p; p++) {
        if (*p == '\'') pa_buf_puts(b, "'\\''");
        else pa_buf_putc(b, *p);
    }
    pa_buf_putc(b, '\'');
}

int pa_sniff_refuse(pa_input_kind k, const char *name, pa_error *err)
{
    if (k == PA_INPUT_TEXT) return 0;
    if (!name) name = "input";
    pa_buf q = PA_BUF_INIT, txt = PA_BUF_INIT;
    put_shell_word(&q, name);
    /* pdftotext and soffice write BASE.txt beside the input. */
    size_t len = strlen(name), base = len;
    for (size_t i = len; i > 0 && name[i - 1] != '/'; i--)
        if (name[i - 1] == '.') {
            base = i - 1;
            break;
        }
    pa_buf_append(&txt, name, base);
    pa_buf_puts(&txt, ".txt");
    const char *kn = pa_input_kind_name(k);
    const char *soffice = "soffice --headless --convert-to 'txt:Text (encoded):UTF8'";
    int rc;
    switch (k) {
    case PA_INPUT_PDF:
        rc = pa_error_set(err, PA_EINPUT, "%s is %s; not read yet: run `pdftotext -enc UTF-8 %s` and align %s", name,
                          kn, q.data, txt.data);
        break;
    case PA_INPUT_DOC:
    case PA_INPUT_RTF:
        /* LibreOffice writes BASE.docx beside the input, which polyalign reads. */
        txt.len = base;
        pa_buf_puts(&txt, ".docx");
        rc = pa_error_set(err, PA_EINPUT,
                          "%s is %s; not read: convert it with `soffice --headless --convert-to docx %s` and align %s",
                          name, kn, q.data, txt.data);
        break;
    case PA_INPUT_DOCX:
    case PA_INPUT_ODT:
        rc = pa_error_set(err, PA_EINPUT,
                          "%s is %s; not read yet: save it as plain text (UTF-8), e.g. `%s %s`, and align %s", name,
                          kn, soffice, q.data, txt.data);
        break;
    case PA_INPUT_HTML:
        rc = pa_error_set(err, PA_EINPUT, "%s is %s; not read yet: save the page as plain text (UTF-8) for now", name,
                          kn);
        break;
    case PA_INPUT_XLSX:
    case PA_INPUT_XLS:
    case PA_INPUT_ODS:
        rc = pa_error_set(err, PA_EINPUT,
                          "%s is %s; not read: save the column to align as plain text (UTF-8), one cell a line", name,
                          kn);
        break;
    case PA_INPUT_PPTX:
    case PA_INPUT_PPT:
    case PA_INPUT_ODP:
        rc = pa_error_set(err, PA_EINPUT, "%s is %s; not read yet: export its text as plain text (UTF-8)", name, kn);
        break;
    case PA_INPUT_TMX:
        rc = pa_error_set(err, PA_EINPUT,
                          "%s is %s, aligned already; align reads the two documents as plain text "
                          "(polyalign lexicon train reads TMX)",
                          name, kn);
        break;
    case PA_INPUT_XLIFF:
        rc = pa_error_set(err, PA_EINPUT,
                          "%s is %s (bilingual already); not read yet: export the source and the target as plain "
                          "text (UTF-8)",
                          name, kn);
        break;
    case PA_INPUT_EPUB:
        rc = pa_error_set(err, PA_EINPUT, "%s is %s; not read yet: convert it to plain text (UTF-8) first", name, kn);
        break;
    case PA_INPUT_ZIP:
    case PA_INPUT_ARCHIVE:
        rc = pa_error_set(err, PA_EINPUT, "%s is %s; unpack it and align the files inside", name, kn);
        break;
    case PA_INPUT_IMAGE:
        rc = pa_error_set(err, PA_EINPUT,
                          "%s is %s, not text: OCR it first (e.g. `tesseract %s out`) and align out.txt", name, kn,
                          q.data);
        break;
    case PA_INPUT_BINARY:
        rc = pa_error_set(err, PA_EINPUT,
                          "%s is %s, not text (for text in another encoding, name it with --encoding)", name, kn);
        break;
    default:
        rc = pa_error_set(err, PA_EINPUT, "%s is %s; not read: polyalign aligns plain text (UTF-8)", name, kn);
        break;
    }
    pa_buf_free(&q);
    pa_buf_free(&txt);
    return rc;
}
