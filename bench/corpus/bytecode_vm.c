/*
 * A small stack-based bytecode virtual machine with one large switch dispatch loop, running
 * four programs assembled at start-up: trial-division prime counting, Collatz chain lengths,
 * recursive Fibonacci (call/ret) and an insertion sort over the VM's own array memory.
 *
 *   bytecode_vm [n=20000]     n scales every program's work
 *
 * Prints each program's result and a checksum over the VM's final state.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum op {
    OP_HALT, OP_PUSH, OP_POP, OP_DUP, OP_SWAP, OP_OVER, OP_ROT,
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_NEG,
    OP_AND, OP_OR, OP_XOR, OP_NOT, OP_SHL, OP_SHR,
    OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
    OP_JMP, OP_JZ, OP_JNZ,
    OP_LOAD, OP_STORE, OP_INC, OP_DEC, OP_ADDL,
    OP_GLOAD, OP_GSTORE, OP_ALOAD, OP_ASTORE,
    OP_CALL, OP_RET, OP_ENTER,
    OP_MIN, OP_MAX, OP_ABS, OP_HASH, OP_EMIT,
    OP_COUNT
};

#define STACK_MAX 4096
#define FRAMES_MAX 1024
#define LOCALS 8
#define GLOBALS 16
#define ARRAY_MAX 65536

typedef struct {
    int64_t stack[STACK_MAX];
    int64_t locals[FRAMES_MAX][LOCALS];
    int returns[FRAMES_MAX];
    int64_t globals[GLOBALS];
    int64_t array[ARRAY_MAX];
    uint32_t emitted;
    uint64_t steps;
} vm_t;

static int32_t code[4096];
static int code_len;

static int emit(int32_t word) {
    if (code_len >= (int) (sizeof code / sizeof code[0])) {
        fprintf(stderr, "code overflow\n");
        exit(2);
    }
    code[code_len] = word;
    return code_len++;
}

static void op0(enum op o) { emit(o); }
static void op1(enum op o, int32_t a) { emit(o); emit(a); }
static int here(void) { return code_len; }
static int jump(enum op o) { emit(o); return emit(0); }
static void patch(int at, int target) { code[at] = target; }

static int64_t run(vm_t *vm, int pc) {
    int64_t *sp = vm->stack;
    int fp = 0;
    int64_t *l = vm->locals[0];
    uint64_t steps = 0;
    for (;;) {
        steps++;
        int32_t o = code[pc++];
        switch (o) {
        case OP_HALT: vm->steps += steps; return sp > vm->stack ? sp[-1] : 0;
        case OP_PUSH: *sp++ = code[pc++]; break;
        case OP_POP: sp--; break;
        case OP_DUP: sp[0] = sp[-1]; sp++; break;
        case OP_SWAP: { int64_t t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = t; break; }
        case OP_OVER: sp[0] = sp[-2]; sp++; break;
        case OP_ROT: { int64_t t = sp[-3]; sp[-3] = sp[-2]; sp[-2] = sp[-1]; sp[-1] = t; break; }
        case OP_ADD: sp--; sp[-1] += sp[0]; break;
        case OP_SUB: sp--; sp[-1] -= sp[0]; break;
        case OP_MUL: sp--; sp[-1] *= sp[0]; break;
        case OP_DIV: sp--; sp[-1] = sp[0] ? sp[-1] / sp[0] : 0; break;
        case OP_MOD: sp--; sp[-1] = sp[0] ? sp[-1] % sp[0] : 0; break;
        case OP_NEG: sp[-1] = -sp[-1]; break;
        case OP_AND: sp--; sp[-1] &= sp[0]; break;
        case OP_OR: sp--; sp[-1] |= sp[0]; break;
        case OP_XOR: sp--; sp[-1] ^= sp[0]; break;
        case OP_NOT: sp[-1] = !sp[-1]; break;
        case OP_SHL: sp--; sp[-1] = (int64_t) ((uint64_t) sp[-1] << (sp[0] & 63)); break;
        case OP_SHR: sp--; sp[-1] = (int64_t) ((uint64_t) sp[-1] >> (sp[0] & 63)); break;
        case OP_EQ: sp--; sp[-1] = sp[-1] == sp[0]; break;
        case OP_NE: sp--; sp[-1] = sp[-1] != sp[0]; break;
        case OP_LT: sp--; sp[-1] = sp[-1] < sp[0]; break;
        case OP_LE: sp--; sp[-1] = sp[-1] <= sp[0]; break;
        case OP_GT: sp--; sp[-1] = sp[-1] > sp[0]; break;
        case OP_GE: sp--; sp[-1] = sp[-1] >= sp[0]; break;
        case OP_JMP: pc = code[pc]; break;
        case OP_JZ: sp--; pc = sp[0] ? pc + 1 : code[pc]; break;
        case OP_JNZ: sp--; pc = sp[0] ? code[pc] : pc + 1; break;
        case OP_LOAD: *sp++ = l[code[pc++]]; break;
        case OP_STORE: l[code[pc++]] = *--sp; break;
        case OP_INC: l[code[pc++]]++; break;
        case OP_DEC: l[code[pc++]]--; break;
        case OP_ADDL: sp--; l[code[pc++]] += sp[0]; break;
        case OP_GLOAD: *sp++ = vm->globals[code[pc++]]; break;
        case OP_GSTORE: vm->globals[code[pc++]] = *--sp; break;
        case OP_ALOAD: sp[-1] = vm->array[(uint64_t) sp[-1] % ARRAY_MAX]; break;
        case OP_ASTORE: sp -= 2; vm->array[(uint64_t) sp[0] % ARRAY_MAX] = sp[1]; break;
        case OP_CALL: {
            int argc = code[pc + 1];
            if (fp + 1 >= FRAMES_MAX) {
                fprintf(stderr, "frame overflow\n");
                exit(3);
            }
            vm->returns[fp] = pc + 2;
            fp++;
            l = vm->locals[fp];
            for (int i = argc - 1; i >= 0; i--) {
                l[i] = *--sp;
            }
            pc = code[pc];
            break;
        }
        case OP_RET:
            fp--;
            l = vm->locals[fp];
            pc = vm->returns[fp];
            break;
        case OP_ENTER: for (int i = code[pc++]; i < LOCALS; i++) l[i] = 0; break;
        case OP_MIN: sp--; if (sp[0] < sp[-1]) sp[-1] = sp[0]; break;
        case OP_MAX: sp--; if (sp[0] > sp[-1]) sp[-1] = sp[0]; break;
        case OP_ABS: if (sp[-1] < 0) sp[-1] = -sp[-1]; break;
        case OP_HASH: sp[-1] = (int64_t) (((uint64_t) sp[-1] ^ ((uint64_t) sp[-1] >> 29)) * 0x9E3779B97F4A7C15ull); break;
        case OP_EMIT: sp--; vm->emitted = (vm->emitted ^ (uint32_t) sp[0]) * 16777619u; break;
        default:
            fprintf(stderr, "bad opcode %d at %d\n", o, pc - 1);
            exit(4);
        }
    }
}

/* count primes below local0 = n by trial division; result on the stack */
static int asm_primes(void) {
    int start = here();
    op1(OP_ENTER, 1);
    op1(OP_PUSH, 0); op1(OP_STORE, 1);          /* count = 0 */
    op1(OP_PUSH, 2); op1(OP_STORE, 2);          /* i = 2 */
    int outer = here();
    op1(OP_LOAD, 2); op1(OP_LOAD, 0); op0(OP_LT);
    int done = jump(OP_JZ);
    op1(OP_PUSH, 2); op1(OP_STORE, 3);          /* d = 2 */
    int inner = here();
    op1(OP_LOAD, 3); op1(OP_LOAD, 3); op0(OP_MUL); op1(OP_LOAD, 2); op0(OP_LE);
    int prime = jump(OP_JZ);
    op1(OP_LOAD, 2); op1(OP_LOAD, 3); op0(OP_MOD);
    int composite = jump(OP_JZ);
    op1(OP_INC, 3);
    op1(OP_JMP, inner);
    patch(prime, here());
    op1(OP_INC, 1);
    op1(OP_LOAD, 2); op0(OP_EMIT);
    patch(composite, here());
    op1(OP_INC, 2);
    op1(OP_JMP, outer);
    patch(done, here());
    op1(OP_LOAD, 1);
    op0(OP_RET);
    return start;
}

/* longest Collatz chain for starts 1..local0; result: start * 1000 + length */
static int asm_collatz(void) {
    int start = here();
    op1(OP_ENTER, 1);
    op1(OP_PUSH, 1); op1(OP_STORE, 1);          /* s = 1 */
    op1(OP_PUSH, 0); op1(OP_STORE, 4);          /* best = 0 */
    int outer = here();
    op1(OP_LOAD, 1); op1(OP_LOAD, 0); op0(OP_LE);
    int done = jump(OP_JZ);
    op1(OP_LOAD, 1); op1(OP_STORE, 2);          /* x = s */
    op1(OP_PUSH, 0); op1(OP_STORE, 3);          /* len = 0 */
    int step = here();
    op1(OP_LOAD, 2); op1(OP_PUSH, 1); op0(OP_GT);
    int chain_end = jump(OP_JZ);
    op1(OP_LOAD, 2); op1(OP_PUSH, 1); op0(OP_AND);
    int even = jump(OP_JZ);
    op1(OP_LOAD, 2); op1(OP_PUSH, 3); op0(OP_MUL); op1(OP_PUSH, 1); op0(OP_ADD); op1(OP_STORE, 2);
    int joined = jump(OP_JMP);
    patch(even, here());
    op1(OP_LOAD, 2); op1(OP_PUSH, 1); op0(OP_SHR); op1(OP_STORE, 2);
    patch(joined, here());
    op1(OP_INC, 3);
    op1(OP_JMP, step);
    patch(chain_end, here());
    op1(OP_LOAD, 3); op1(OP_PUSH, 1000000); op0(OP_MUL); op1(OP_PUSH, 1000000); op1(OP_LOAD, 1); op0(OP_SUB); op0(OP_ADD);
    op1(OP_LOAD, 4); op0(OP_MAX); op1(OP_STORE, 4);
    op1(OP_LOAD, 3); op0(OP_EMIT);
    op1(OP_INC, 1);
    op1(OP_JMP, outer);
    patch(done, here());
    op1(OP_LOAD, 4);
    op0(OP_RET);
    return start;
}

/* fib(local0), doubly recursive */
static int asm_fib(void) {
    int start = here();
    op1(OP_ENTER, 1);
    op1(OP_LOAD, 0); op1(OP_PUSH, 2); op0(OP_LT);
    int recurse = jump(OP_JZ);
    op1(OP_LOAD, 0);
    op0(OP_RET);
    patch(recurse, here());
    op1(OP_LOAD, 0); op1(OP_PUSH, 1); op0(OP_SUB);
    op1(OP_CALL, start); emit(1);
    op1(OP_LOAD, 0); op1(OP_PUSH, 2); op0(OP_SUB);
    op1(OP_CALL, start); emit(1);
    op0(OP_ADD);
    op0(OP_RET);
    return start;
}

/* fill array[0..local0) with hashes, insertion-sort it, return a position-weighted sum */
static int asm_sort(void) {
    int start = here();
    op1(OP_ENTER, 1);
    op1(OP_PUSH, 0); op1(OP_STORE, 1);
    int fill = here();
    op1(OP_LOAD, 1); op1(OP_LOAD, 0); op0(OP_LT);
    int filled = jump(OP_JZ);
    op1(OP_LOAD, 1); op1(OP_GLOAD, 0); op0(OP_ADD); op0(OP_HASH); op1(OP_PUSH, 1000000); op0(OP_MOD); op0(OP_ABS);
    op1(OP_LOAD, 1); op0(OP_SWAP); op0(OP_ASTORE);
    op1(OP_INC, 1);
    op1(OP_JMP, fill);
    patch(filled, here());
    op1(OP_PUSH, 1); op1(OP_STORE, 1);          /* i = 1 */
    int outer = here();
    op1(OP_LOAD, 1); op1(OP_LOAD, 0); op0(OP_LT);
    int sorted = jump(OP_JZ);
    op1(OP_LOAD, 1); op0(OP_ALOAD); op1(OP_STORE, 2);   /* key = a[i] */
    op1(OP_LOAD, 1); op1(OP_STORE, 3);                  /* j = i */
    int inner = here();
    op1(OP_LOAD, 3); op1(OP_PUSH, 0); op0(OP_GT);
    int place = jump(OP_JZ);
    op1(OP_LOAD, 3); op1(OP_PUSH, 1); op0(OP_SUB); op0(OP_ALOAD); op1(OP_LOAD, 2); op0(OP_GT);
    int place2 = jump(OP_JZ);
    op1(OP_LOAD, 3);
    op1(OP_LOAD, 3); op1(OP_PUSH, 1); op0(OP_SUB); op0(OP_ALOAD);
    op0(OP_ASTORE);
    op1(OP_DEC, 3);
    op1(OP_JMP, inner);
    patch(place, here());
    patch(place2, here());
    op1(OP_LOAD, 3); op1(OP_LOAD, 2); op0(OP_ASTORE);
    op1(OP_INC, 1);
    op1(OP_JMP, outer);
    patch(sorted, here());
    op1(OP_PUSH, 0); op1(OP_STORE, 4);
    op1(OP_PUSH, 0); op1(OP_STORE, 1);
    int sum = here();
    op1(OP_LOAD, 1); op1(OP_LOAD, 0); op0(OP_LT);
    int summed = jump(OP_JZ);
    op1(OP_LOAD, 1); op0(OP_ALOAD); op1(OP_LOAD, 1); op1(OP_PUSH, 1); op0(OP_ADD); op0(OP_MUL); op1(OP_ADDL, 4);
    op1(OP_LOAD, 1); op1(OP_PUSH, 0); op0(OP_GT);
    int first = jump(OP_JZ);
    op1(OP_LOAD, 1); op1(OP_PUSH, 1); op0(OP_SUB); op0(OP_ALOAD); op1(OP_LOAD, 1); op0(OP_ALOAD); op0(OP_GT);
    int ordered = jump(OP_JZ);
    op1(OP_PUSH, -1); op0(OP_RET);               /* not sorted */
    patch(first, here());
    patch(ordered, here());
    op1(OP_INC, 1);
    op1(OP_JMP, sum);
    patch(summed, here());
    op1(OP_LOAD, 4);
    op0(OP_RET);
    return start;
}

static int64_t call(vm_t *vm, int entry, int64_t arg) {
    int boot = here();
    op1(OP_PUSH, (int32_t) arg);
    op1(OP_CALL, entry); emit(1);
    op0(OP_HALT);
    return run(vm, boot);
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 20000;
    if (n < 1 || n > 10000000) {
        fprintf(stderr, "n out of range\n");
        return 1;
    }
    static vm_t vm;
    memset(&vm, 0, sizeof vm);
    vm.emitted = 2166136261u;
    vm.globals[0] = 12345;
    int primes = asm_primes();
    int collatz = asm_collatz();
    int fib = asm_fib();
    int sort = asm_sort();
    long sort_n = n / 10 < ARRAY_MAX ? n / 10 : ARRAY_MAX;
    int fib_n = 12;
    while ((1L << (fib_n - 8)) < n / 40 && fib_n < 30) {
        fib_n++;
    }
    int64_t p = call(&vm, primes, n * 4);
    int64_t c = call(&vm, collatz, n);
    int64_t f = call(&vm, fib, fib_n);
    int64_t s = call(&vm, sort, sort_n);
    printf("bytecode_vm n=%ld code=%d words\n", n, code_len);
    printf("primes below %ld: %lld\n", n * 4, (long long) p);
    printf("collatz 1..%ld: start %lld length %lld\n", n, (long long) (1000000 - c % 1000000),
           (long long) (c / 1000000));
    printf("fib(%d) = %lld\n", fib_n, (long long) f);
    printf("sort %ld: %lld\n", sort_n, (long long) s);
    uint64_t h = vm.emitted;
    for (int i = 0; i < ARRAY_MAX; i += 97) {
        h = (h ^ (uint64_t) vm.array[i]) * 1099511628211ull;
    }
    printf("steps=%llu checksum=%016llx\n", (unsigned long long) vm.steps, (unsigned long long) h);
    return 0;
}
