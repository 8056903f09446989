package dev.weft.suites;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Says loudly, once, at the end of a test run, which shared suites were missing and what that
 * left untested: without it a run without {@code ../shared} looks green, its spec, fuzz and WASI
 * program tests reported only as "Skipped: 1". Registered for every JUnit run through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}; it names only the
 * suites that the run's own test classes need.
 */
public final class MissingSuitesBanner implements TestExecutionListener {
    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Set<String> classes = classesIn(testPlan);
        List<SharedSuite> missing = SharedSuite.missing().stream()
                .filter(s -> s.testClasses().stream().anyMatch(classes::contains))
                .toList();
        if (!missing.isEmpty()) {
            print(missing, System.out);
        }
    }

    /** Prints the banner. */
    static void print(List<SharedSuite> missing, PrintStream out) {
        String rule = "!".repeat(100);
        StringBuilder b = new StringBuilder().append('\n').append(rule).append('\n');
        b.append("!! ").append(missing.size()).append(missing.size() == 1 ? " SHARED TEST SUITE IS" : " SHARED TEST SUITES ARE")
                .append(" MISSING: the tests that need ").append(missing.size() == 1 ? "it" : "them")
                .append(" were SKIPPED, not passed\n");
        for (SharedSuite s : missing) {
            b.append("!!\n");
            b.append("!! ").append(s.folder()).append(": ").append(s.description()).append('\n');
            b.append("!!   not found at ").append(s.dir()).append('\n');
            b.append("!!   skipped: ").append(String.join(", ", s.testClasses().stream()
                    .map(c -> c.substring(c.lastIndexOf('.') + 1)).toList())).append('\n');
            b.append("!!   to run them: put the project's shared/").append(s.folder())
                    .append(" folder next to this checkout (../shared/").append(s.folder()).append("), or pass -D")
                    .append(s.property()).append("=DIR to mvn\n");
        }
        b.append("!!\n!! On the project's machines the shared folder is /work/shared; CI copies it next to the clone,\n")
                .append("!! and .ci/run fails when CI is set and it is missing. See CONTRIBUTING.md, 'Test suites'.\n");
        b.append(rule).append('\n');
        out.print(b);
        out.flush();
    }

    private static Set<String> classesIn(TestPlan plan) {
        Set<String> classes = new HashSet<>();
        Deque<TestIdentifier> todo = new ArrayDeque<>(plan.getRoots());
        while (!todo.isEmpty()) {
            TestIdentifier id = todo.pop();
            id.getSource().ifPresent(source -> addClass(source, classes));
            todo.addAll(plan.getChildren(id));
        }
        return classes;
    }

    private static void addClass(TestSource source, Set<String> classes) {
        if (source instanceof ClassSource c) {
            classes.add(c.getClassName());
        } else if (source instanceof MethodSource m) {
            classes.add(m.getClassName());
        }
    }
}
