/* srxcheck - compiles every rule set of SRX files (TAP), so that a file is
 * known to load whatever language it is used for: usage srxcheck FILE... */
#include "align/segment/rules.h"
#include "align/segment/srx.h"
#include "tests/tap.h"

#include <stdlib.h>

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        pa_error err;
        pa_error_clear(&err);
        pa_srx *x = pa_srx_read_file(argv[i], &err);
        size_t sets = 0, rules = 0;
        int good = x != NULL;
        const pa_srx_rule *r;
        size_t n;
        for (size_t k = 0; good && pa_srx_ruleset_at(x, k, &r, &n, NULL) == 0; k++) {
            const pa_srx_rule **list = malloc((n ? n : 1) * sizeof *list);
            for (size_t j = 0; j < n; j++) list[j] = &r[j];
            pa_ruleset *rs = pa_ruleset_compile(argv[i], list, n, &err);
            good = rs != NULL;
            pa_ruleset_free(rs);
            free(list);
            sets++;
            rules += n;
        }
        ok(good, "%s: %zu rule sets, %zu rules compile", argv[i], sets, rules);
        if (!good) diag("%s", err.msg);
        pa_srx_free(x);
    }
    return done_testing();
}
