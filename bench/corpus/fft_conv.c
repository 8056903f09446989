/*
 * A floating-point kernel: iterative radix-2 complex FFT (bit reversal, butterflies over
 * twiddle tables derived with sqrt half-angle steps, so no libm sin/cos is involved and every
 * result is bit-identical on any IEEE-754 engine), used to convolve pairs of generated signals
 * (forward, pointwise product, inverse), checked against a direct convolution on a prefix,
 * then a 5-point Jacobi stencil over a grid.
 *
 *   fft_conv [log2n=14] [rounds=4]
 *
 * Prints the spectrum energy, the largest round-trip error, sample outputs and the stencil sum.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    double re, im;
} cplx;

static double *cos_table, *sin_table;   /* cos/sin(2*pi*k/n), k < n/2 */

/* cos and sin of 2*pi/2^j for j = 0..log2n by half-angle steps, then k*theta by exact-order products */
static void twiddles(int log2n) {
    size_t n = (size_t) 1 << log2n;
    cos_table = malloc(n / 2 * sizeof(double));
    sin_table = malloc(n / 2 * sizeof(double));
    double c[64], s[64];
    c[0] = 1.0;  /* angle 2*pi */
    s[0] = 0.0;
    c[1] = -1.0; /* angle pi */
    s[1] = 0.0;
    for (int j = 2; j <= log2n; j++) {
        c[j] = sqrt((1.0 + c[j - 1]) * 0.5);
        s[j] = sqrt((1.0 - c[j - 1]) * 0.5);
    }
    /* angle k * 2pi/n: multiply the unit roots of the set bits of k, highest bit first */
    for (size_t k = 0; k < n / 2; k++) {
        double cr = 1.0, ci = 0.0;
        for (int b = 0; b < log2n; b++) {
            if (k & ((size_t) 1 << b)) {
                int j = log2n - b;  /* bit b of k contributes angle 2pi * 2^b / n = 2pi / 2^(log2n-b) */
                double nr = cr * c[j] - ci * s[j];
                double ni = cr * s[j] + ci * c[j];
                cr = nr;
                ci = ni;
            }
        }
        cos_table[k] = cr;
        sin_table[k] = ci;
    }
}

static void fft(cplx *a, int log2n, int inverse) {
    size_t n = (size_t) 1 << log2n;
    for (size_t i = 1, j = 0; i < n; i++) {
        size_t bit = n >> 1;
        for (; j & bit; bit >>= 1) {
            j ^= bit;
        }
        j ^= bit;
        if (i < j) {
            cplx t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
    for (size_t len = 2; len <= n; len <<= 1) {
        size_t half = len / 2, step = n / len;
        for (size_t i = 0; i < n; i += len) {
            for (size_t k = 0; k < half; k++) {
                double wr = cos_table[k * step];
                double wi = inverse ? sin_table[k * step] : -sin_table[k * step];
                cplx *u = &a[i + k], *v = &a[i + k + half];
                double tr = v->re * wr - v->im * wi;
                double ti = v->re * wi + v->im * wr;
                v->re = u->re - tr;
                v->im = u->im - ti;
                u->re += tr;
                u->im += ti;
            }
        }
    }
    if (inverse) {
        double scale = 1.0 / (double) n;
        for (size_t i = 0; i < n; i++) {
            a[i].re *= scale;
            a[i].im *= scale;
        }
    }
}

static uint64_t rng = 88172645463325252ull;

static double uniform(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (double) (rng >> 11) * (1.0 / 9007199254740992.0) * 2.0 - 1.0;
}

static double stencil(int size, int sweeps) {
    double *g = calloc((size_t) size * size, sizeof(double));
    double *h = calloc((size_t) size * size, sizeof(double));
    for (int i = 0; i < size; i++) {
        g[i] = h[i] = 100.0;                           /* hot top edge */
        g[(size_t) i * size] = h[(size_t) i * size] = 25.0 * uniform() + 50.0;
    }
    for (int s = 0; s < sweeps; s++) {
        for (int y = 1; y < size - 1; y++) {
            for (int x = 1; x < size - 1; x++) {
                size_t at = (size_t) y * size + x;
                h[at] = 0.25 * (g[at - 1] + g[at + 1] + g[at - size] + g[at + size]);
            }
        }
        double *t = g;
        g = h;
        h = t;
    }
    double sum = 0;
    for (size_t i = 0; i < (size_t) size * size; i++) {
        sum += g[i];
    }
    free(g);
    free(h);
    return sum;
}

int main(int argc, char **argv) {
    int log2n = argc > 1 ? atoi(argv[1]) : 14;
    int rounds = argc > 2 ? atoi(argv[2]) : 4;
    if (log2n < 4 || log2n > 22 || rounds < 1 || rounds > 1000) {
        fprintf(stderr, "arguments out of range\n");
        return 1;
    }
    size_t n = (size_t) 1 << log2n;
    size_t m = n / 2;       /* signal lengths: the linear convolution fits in n */
    twiddles(log2n);
    cplx *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    double *x = malloc(m * sizeof *x), *y = malloc(m * sizeof *y);
    double energy = 0, max_err = 0, checksum = 0;
    for (int r = 0; r < rounds; r++) {
        for (size_t i = 0; i < m; i++) {
            x[i] = uniform();
            y[i] = uniform() * (i < 64 ? 1.0 : 0.001);
        }
        for (size_t i = 0; i < n; i++) {
            a[i].re = i < m ? x[i] : 0.0;
            a[i].im = 0;
            b[i].re = i < m ? y[i] : 0.0;
            b[i].im = 0;
        }
        fft(a, log2n, 0);
        fft(b, log2n, 0);
        for (size_t i = 0; i < n; i++) {
            energy += a[i].re * a[i].re + a[i].im * a[i].im;
            double re = a[i].re * b[i].re - a[i].im * b[i].im;
            double im = a[i].re * b[i].im + a[i].im * b[i].re;
            a[i].re = re;
            a[i].im = im;
        }
        fft(a, log2n, 1);
        /* check a prefix against the direct convolution */
        for (size_t k = 0; k < 256 && k < n; k++) {
            double direct = 0;
            for (size_t i = 0; i <= k && i < m; i++) {
                if (k - i < m) {
                    direct += x[i] * y[k - i];
                }
            }
            double err = fabs(direct - a[k].re);
            if (err > max_err) {
                max_err = err;
            }
        }
        for (size_t i = 0; i < n; i += 1 + n / 64) {
            checksum += a[i].re * (double) (i + 1);
        }
    }
    int grid = 32 + (log2n - 4) * 12;
    double heat = stencil(grid, 20 * rounds);
    printf("fft_conv n=%zu rounds=%d\n", n, rounds);
    printf("energy=%.10e checksum=%.10e\n", energy, checksum);
    printf("max_error=%.3e (%s)\n", max_err, max_err < 1e-9 ? "ok" : "TOO LARGE");
    printf("stencil %dx%d heat=%.10e\n", grid, grid, heat);
    return max_err < 1e-9 ? 0 : 1;
}
