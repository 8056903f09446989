package dev.weft.suites;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared test material that lives outside the repository (in {@code ../shared/} next to the
 * checkout), one entry per suite: the system property that points at it, where it is by default,
 * what it is and which tests need it. Tests without their suite skip, and {@link MissingSuitesBanner}
 * says so at the end of the run; {@code .ci/run} refuses to run on CI without them.
 */
public enum SharedSuite {
    /** The WebAssembly 2.0 core spec tests, as JSON scripts and {@code .wasm} files. */
    SPEC_TESTSUITE("spec-testsuite", "weft.spectest.dir",
            "the WebAssembly 2.0 spec test suite (WebAssembly/testsuite, converted with wabt 1.0.32's wast2json;"
                    + " its README.md says exactly how)",
            List.of("dev.weft.conformance.SpecConformanceTest", "dev.weft.fuzz.TruncationAndMutationTest")),
    /** Benchmark modules and WASI programs (C compiled with wasi-libc) with their expected output. */
    BENCH_WASM("bench-wasm", "weft.benchwasm.dir",
            "the benchmark and WASI program modules (CoreMark, C programs built with wasi-libc; see its README.md)",
            List.of("dev.weft.wasi.WasiProgramsTest", "dev.weft.wasi.ResumeProgramsTest", "dev.weft.cli.MainTest")),
    /** The current (WebAssembly 3.0) spec test suite, as raw .wast scripts. */
    SPEC_TESTSUITE_3("spec-testsuite-3", "weft.spectest3.dir",
            "the WebAssembly 3.0 spec test suite as .wast scripts (WebAssembly/testsuite; see its README.md)",
            List.of("dev.weft.conformance.Spec3ConformanceTest")),
    /** The official WASI preview-1 test suite, with its JSON specifications and fixtures. */
    WASI_TESTSUITE("wasi-testsuite", "weft.wasitest.dir",
            "the official WASI preview-1 test suite (WebAssembly/wasi-testsuite, 72 tests; see its README.md)",
            List.of("dev.weft.wasi.WasiTestsuiteTest"));

    private final String folder;
    private final String property;
    private final String description;
    private final List<String> testClasses;

    SharedSuite(String folder, String property, String description, List<String> testClasses) {
        this.folder = folder;
        this.property = property;
        this.description = description;
        this.testClasses = testClasses;
    }

    /** @return the suite's folder name under {@code shared/} */
    public String folder() {
        return folder;
    }

    /** @return the system property naming its directory (the pom passes it to the tests) */
    public String property() {
        return property;
    }

    /** @return what it is and where it comes from */
    public String description() {
        return description;
    }

    /** @return the test classes that skip without it */
    public List<String> testClasses() {
        return testClasses;
    }

    /** @return its directory: the property's value, else {@code ../shared/FOLDER} */
    public Path dir() {
        return Path.of(System.getProperty(property, "../shared/" + folder)).toAbsolutePath().normalize();
    }

    /** @return true if its directory exists */
    public boolean present() {
        return Files.isDirectory(dir());
    }

    /** @return the suites whose directory does not exist, in declaration order */
    public static List<SharedSuite> missing() {
        return java.util.Arrays.stream(values()).filter(s -> !s.present()).toList();
    }
}
