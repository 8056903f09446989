package dev.weft.exec;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.Tier;
import dev.weft.WasmFunction;
import dev.weft.WasmModule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * C1 must not compile the switch loop at any tier, and C2 must: otherwise a JVM that compiles it
 * at tier 2 first (C1 without the profile, chosen while C2's queue is long) runs it as C1 code
 * for its life, 3 to 6 times slower (docs/performance.md, findings 27 and 30). The loop carries a
 * never-taken branch into a tree of calls that C1 inlines until it gives up on the method
 * (InterpreterEmitter's {@code C1_BARRIER}); this test checks that it does so at tiers 1, 2 and
 * 3, quickly ("Method and/or inlining is too large", while building its IR, rather than out of
 * registers seconds later), and that C2 then compiles the loop.
 *
 * <p>Which tier the JVM picks depends on its queues, so a second JVM asks for each tier through
 * HotSpot's WhiteBox API (a diagnostic interface of the JVM, enabled by {@code
 * -XX:+WhiteBoxAPI}, whose natives bind to a class {@code jdk.test.whitebox.WhiteBox} on the boot
 * class path: the test writes one declaring the four methods it calls). The handles loop, which C1
 * can compile, is the control: asked for the same tier in the same JVM, it is compiled.
 */
class SwitchLoopC1Test {
    private static final String WHITE_BOX = "jdk.test.whitebox.WhiteBox";
    private static final String SWITCH_LOOP = "dev.weft.exec.SwitchInterpreter::dispatch";

    @ParameterizedTest(name = "tier {0}")
    @ValueSource(ints = {1, 2, 3})
    void c1GivesUpOnTheSwitchLoopAtEveryTierAndC2CompilesIt(int tier, @TempDir Path bootDir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(System.getProperty("java.vm.name", "").contains("HotSpot")
                || System.getProperty("java.vm.name", "").contains("OpenJDK"), "not a HotSpot JVM: C1 and C2 are HotSpot's");
        Path shim = bootDir.resolve("jdk/test/whitebox/WhiteBox.class");
        Files.createDirectories(shim.getParent());
        Files.write(shim, whiteBoxClass());
        Path childReport = bootDir.resolve("report.txt");
        Path childOut = bootDir.resolve("out.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-XX:+UnlockDiagnosticVMOptions", "-XX:+WhiteBoxAPI", "-Xbootclasspath/a:" + bootDir,
                "-XX:+PrintCompilation", "-cp", System.getProperty("java.class.path"), Child.class.getName(), Integer.toString(tier),
                childReport.toString())
                .redirectErrorStream(true).redirectOutput(childOut.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the second JVM did not finish in 120 s");
        }
        String out = new String(Files.readAllBytes(childOut), StandardCharsets.UTF_8);
        // the compilation log (stdout, where the JVM also warns of every WhiteBox native the shim does not declare)
        List<String> log = out.lines().filter(l -> !l.startsWith("Warning: 'NoSuchMethodError' on register of " + WHITE_BOX)
                && (l.contains("Interpreter::dispatch") || !l.matches("\\s*\\d+\\s+\\d+ .*"))).toList();
        List<String> child = Files.exists(childReport) ? Files.readAllLines(childReport) : List.of();
        String report = String.join("\n", log) + "\n" + String.join("\n", child);
        System.out.println(report);
        assertEquals(0, p.exitValue(), report);
        assertTrue(child.contains("handles loop at tier " + tier + ": compiled at " + tier),
                "the control: C1 should compile the handles loop at tier " + tier + "\n" + report);
        assertTrue(child.contains("switch loop at tier " + tier + ": compiled at 0, compilable at " + tier + ": false"),
                "C1 compiled the switch loop at tier " + tier + "\n" + report);
        assertTrue(log.stream().anyMatch(l -> l.contains(SWITCH_LOOP + " ") && l.contains("COMPILE SKIPPED: Method and/or inlining is too large")),
                "C1 did not give up on the switch loop while building its IR\n" + report);
        assertTrue(child.contains("switch loop at tier 4: compiled at 4"), "C2 did not compile the switch loop\n" + report);
        assertTrue(child.contains("results checked"), report);
    }

    /**
     * {@code jdk.test.whitebox.WhiteBox} with a constructor, the static initialiser that binds its
     * natives ({@code registerNatives}) and the four natives {@link Child} calls, written with the
     * JDK's class-file API.
     */
    static byte[] whiteBoxClass() {
        ClassDesc self = ClassDesc.of(WHITE_BOX);
        ClassDesc executable = ClassDesc.of(Executable.class.getName());
        MethodTypeDesc voidType = MethodTypeDesc.of(ConstantDescs.CD_void);
        return ClassFile.of().build(self, c -> {
            c.withFlags(ClassFile.ACC_PUBLIC);
            c.withMethodBody(ConstantDescs.INIT_NAME, voidType, ClassFile.ACC_PUBLIC,
                    b -> b.aload(0).invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, voidType).return_());
            c.withMethod("registerNatives", voidType, ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC | ClassFile.ACC_NATIVE, m -> {
            });
            c.withMethodBody(ConstantDescs.CLASS_INIT_NAME, voidType, ClassFile.ACC_STATIC,
                    b -> b.invokestatic(self, "registerNatives", voidType).return_());
            int publicNative = ClassFile.ACC_PUBLIC | ClassFile.ACC_NATIVE;
            c.withMethod("enqueueMethodForCompilation0", MethodTypeDesc.of(ConstantDescs.CD_boolean, executable,
                    ConstantDescs.CD_int, ConstantDescs.CD_int), publicNative, m -> {
            });
            c.withMethod("getMethodCompilationLevel0", MethodTypeDesc.of(ConstantDescs.CD_int, executable, ConstantDescs.CD_boolean),
                    publicNative, m -> {
                    });
            c.withMethod("isMethodCompilable0", MethodTypeDesc.of(ConstantDescs.CD_boolean, executable, ConstantDescs.CD_int,
                    ConstantDescs.CD_boolean), publicNative, m -> {
            });
            c.withMethod("isMethodQueuedForCompilation0", MethodTypeDesc.of(ConstantDescs.CD_boolean, executable), publicNative, m -> {
            });
        });
    }

    /**
     * The second JVM: runs a loop in both modes (so that the loops' call sites are resolved, as C1
     * finds them in a JVM that has run code), then asks for the switch and handles loops at one
     * C1 tier, then the switch loop at tier 4, and runs the loop again.
     */
    static final class Child {
        private final List<String> report = new ArrayList<>();
        private final MethodHandle enqueue;
        private final MethodHandle level;
        private final MethodHandle compilable;
        private final MethodHandle queued;

        private Child() throws ReflectiveOperationException {
            Class<?> wb = Class.forName(WHITE_BOX);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Object whiteBox = wb.getConstructor().newInstance();
            enqueue = lookup.findVirtual(wb, "enqueueMethodForCompilation0",
                    MethodType.methodType(boolean.class, Executable.class, int.class, int.class)).bindTo(whiteBox);
            level = lookup.findVirtual(wb, "getMethodCompilationLevel0", MethodType.methodType(int.class, Executable.class, boolean.class))
                    .bindTo(whiteBox);
            compilable = lookup.findVirtual(wb, "isMethodCompilable0",
                    MethodType.methodType(boolean.class, Executable.class, int.class, boolean.class)).bindTo(whiteBox);
            queued = lookup.findVirtual(wb, "isMethodQueuedForCompilation0", MethodType.methodType(boolean.class, Executable.class))
                    .bindTo(whiteBox);
        }

        public static void main(String[] args) throws Throwable {
            int tier = Integer.parseInt(args[0]);
            Child child = new Child();
            WasmModule module = WasmModule.parseText("""
                    (module
                      (memory 1)
                      (func (export "sum") (param $n i32) (result i32) (local $acc i32)
                        (loop $l
                          (i32.store (i32.const 16) (i32.add (i32.load (i32.const 16)) (local.get $n)))
                          (local.set $acc (i32.add (local.get $acc) (local.get $n)))
                          (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
                        (local.get $acc)))
                    """);
            WasmFunction switchSum = sum(module, DispatchMode.SWITCH);
            WasmFunction handlesSum = sum(module, DispatchMode.HANDLES);
            check(switchSum, 3);
            check(handlesSum, 3);
            Method switchLoop = dispatch(SwitchInterpreter.class);
            Method handlesLoop = dispatch(HandleInterpreter.class);
            child.report.add("handles loop at tier " + tier + ": compiled at " + child.compile(handlesLoop, tier));
            int switchLevel = child.compile(switchLoop, tier);
            child.report.add("switch loop at tier " + tier + ": compiled at " + switchLevel + ", compilable at " + tier + ": "
                    + (boolean) child.compilable.invokeExact((Executable) switchLoop, tier, false));
            child.report.add("switch loop at tier 4: compiled at " + child.compile(switchLoop, 4));
            check(switchSum, 1_000);
            check(handlesSum, 1_000);
            child.report.add("results checked");
            Files.write(Path.of(args[1]), child.report); // not to stdout, where the compilation log interleaves
        }

        private int compile(Method loop, int tier) throws Throwable {
            if (!(boolean) enqueue.invokeExact((Executable) loop, tier, -1)) {
                report.add("the JVM did not queue " + loop.getDeclaringClass().getSimpleName() + ".dispatch for tier " + tier);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((boolean) queued.invokeExact((Executable) loop) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return (int) level.invokeExact((Executable) loop, false);
        }

        private static WasmFunction sum(WasmModule module, DispatchMode mode) {
            return Engine.builder().tier(Tier.INTERPRETER).dispatch(mode).build().instantiate(module).function("sum");
        }

        private static void check(WasmFunction sum, int calls) {
            for (int i = 0; i < calls; i++) {
                int n = 1 + i % 100;
                Object result = sum.call(n)[0];
                if (!result.equals(n * (n + 1) / 2)) {
                    throw new AssertionError("sum(" + n + ") = " + result);
                }
            }
        }

        private static Method dispatch(Class<?> loop) {
            return Arrays.stream(loop.getDeclaredMethods()).filter(m -> m.getName().equals("dispatch")).findFirst()
                    .orElseThrow(() -> new AssertionError(loop + " has no dispatch method"));
        }
    }
}
