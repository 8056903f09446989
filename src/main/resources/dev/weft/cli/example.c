/*
 * Weft's bundled example: `java -jar weft.jar` (no arguments) runs this C program, compiled to
 * wasm32-wasi, under Weft's WASI. It reports what the host granted it: arguments, environment,
 * clocks, randomness, and a preopened directory it writes, reads back and lists. Everything it
 * prints is the same on every run except the milliseconds in the timing line.
 *
 * The CLI runs it as `example.wasm 30` with WEFT_DISPATCH=<mode> and a fresh temporary directory
 * preopened as /sandbox. By hand: weft run --dir DIR::/sandbox --env WEFT_DISPATCH=switch example.wasm 30
 *
 * Build (Debian 12: apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32), in this directory:
 *   clang --target=wasm32-wasi -O2 -Wall -Wextra -Wl,--strip-debug example.c -o example.wasm
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static uint32_t fib(uint32_t n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static long long millis_between(struct timespec a, struct timespec b) {
    return (long long) (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
}

/* Writes a small report to the sandbox, reads it back, makes a directory and lists the sandbox. */
static int files(uint32_t n, uint32_t result) {
    FILE *f = fopen("/sandbox/report.txt", "w");
    if (f == NULL) {
        printf("files: cannot create /sandbox/report.txt (%s); run with --dir DIR::/sandbox\n", strerror(errno));
        return 1;
    }
    fprintf(f, "fib(%u) = %u\n", n, result);
    fprintf(f, "computed by a WebAssembly guest\n");
    fprintf(f, "written through WASI fd_write\n");
    fclose(f);

    f = fopen("/sandbox/report.txt", "r");
    if (f == NULL) {
        printf("files: cannot read /sandbox/report.txt back (%s)\n", strerror(errno));
        return 1;
    }
    char line[128];
    int lines = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        lines++;
    }
    fclose(f);
    struct stat st;
    if (stat("/sandbox/report.txt", &st) != 0) {
        printf("files: stat failed (%s)\n", strerror(errno));
        return 1;
    }
    printf("files: wrote /sandbox/report.txt, read back %d lines, stat says %lld bytes\n", lines,
           (long long) st.st_size);

    if (mkdir("/sandbox/notes", 0755) != 0) {
        printf("files: mkdir failed (%s)\n", strerror(errno));
        return 1;
    }
    DIR *d = opendir("/sandbox");
    if (d == NULL) {
        printf("files: opendir failed (%s)\n", strerror(errno));
        return 1;
    }
    printf("files: /sandbox lists");
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            printf(" %s%s", e->d_name, e->d_type == DT_DIR ? "/" : "");
        }
    }
    printf("\n");
    closedir(d);

    /* the sandbox: ".." cannot climb out of a preopened directory */
    f = fopen("/sandbox/../../etc/passwd", "r");
    if (f != NULL) {
        printf("sandbox: /sandbox/../../etc/passwd could be opened: the sandbox is broken\n");
        fclose(f);
        return 1;
    }
    printf("sandbox: opening /sandbox/../../etc/passwd was refused: %s\n", strerror(errno));
    return 0;
}

int main(int argc, char **argv) {
    printf("Hello from C compiled to WebAssembly (wasm32-wasi), running on Weft.\n");
    printf("arguments (%d):", argc);
    for (int i = 0; i < argc; i++) {
        printf(" %s", argv[i]);
    }
    printf("\n");

    int variables = 0;
    for (char **e = environ; *e != NULL; e++) {
        variables++;
    }
    const char *mode = getenv("WEFT_DISPATCH");
    printf("environment: %d variable%s, WEFT_DISPATCH=%s\n", variables, variables == 1 ? "" : "s",
           mode != NULL ? mode : "(not set)");

    uint32_t n = argc > 1 ? (uint32_t) strtoul(argv[1], NULL, 10) : 25;
    if (n > 40) {
        fprintf(stderr, "example: %u is too large for the recursive fib (at most 40)\n", n);
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    uint32_t result = fib(n);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("fib(%u) = %u (recursive), computed in %lld ms of monotonic clock time\n", n, result,
           millis_between(t0, t1));

    time_t now = time(NULL);
    printf("clocks: realtime says %s, monotonic %s\n", now > 1700000000 ? "after 2023" : "before 2024 (wrong?)",
           millis_between(t0, t1) >= 0 ? "did not go backwards" : "WENT BACKWARDS");

    unsigned char random[16];
    unsigned char all_zero = 1;
    if (getentropy(random, sizeof random) != 0) {
        printf("random: getentropy failed (%s)\n", strerror(errno));
        return 1;
    }
    for (size_t i = 0; i < sizeof random; i++) {
        all_zero &= random[i] == 0;
    }
    printf("random: %zu bytes from random_get%s\n", sizeof random, all_zero ? ", all zero (suspicious)" : "");

    return files(n, result);
}
