/* driver ROUNDS prog args... -- runs each mode (icu,new,none) interleaved,
 * ROUNDS times, measuring each child's CPU time (utime+stime) and minor faults
 * via wait4; prints median, mean, 10%-trimmed mean per mode. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/resource.h>
#include <time.h>
static int cmp(const void *a, const void *b) { double x = *(double *)a, y = *(double *)b; return x < y ? -1 : x > y; }
int main(int argc, char **argv)
{
    int rounds = atoi(argv[1]);
    const char *modes[] = {"icu", "new", "none"};
    double *t[3], *w[3], *pf[3];
    for (int m = 0; m < 3; m++) t[m] = malloc(rounds * sizeof(double)), w[m] = malloc(rounds * sizeof(double)), pf[m] = malloc(rounds * sizeof(double));
    for (int r = 0; r < rounds; r++)
        for (int k = 0; k < 3; k++) {
            int m = (r + k) % 3; /* rotate order */
            struct timespec a, b;
            clock_gettime(CLOCK_MONOTONIC, &a);
            pid_t p = fork();
            if (p == 0) {
                char *av[] = {argv[2], (char *)modes[m], argv[3], NULL};
                execv(argv[2], av);
                _exit(127);
            }
            int status;
            struct rusage ru;
            wait4(p, &status, 0, &ru);
            clock_gettime(CLOCK_MONOTONIC, &b);
            if (!WIFEXITED(status) || WEXITSTATUS(status)) { fprintf(stderr, "child failed\n"); return 1; }
            t[m][r] = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
            w[m][r] = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
            pf[m][r] = ru.ru_minflt + ru.ru_majflt;
        }
    for (int m = 0; m < 3; m++) {
        double *arrs[3] = {t[m], w[m], pf[m]};
        const char *nm[3] = {"cpu ms", "wall ms", "faults"};
        printf("%-5s", modes[m]);
        for (int q = 0; q < 3; q++) {
            double *x = arrs[q];
            qsort(x, rounds, sizeof *x, cmp);
            double s = 0, ts = 0; int tn = 0;
            for (int i = 0; i < rounds; i++) s += x[i];
            for (int i = rounds / 10; i < rounds - rounds / 10; i++) ts += x[i], tn++;
            printf("  %s: median %.3f mean %.3f trim %.3f |", nm[q], x[rounds / 2], s / rounds, ts / tn);
        }
        printf("\n");
    }
    return 0;
}
