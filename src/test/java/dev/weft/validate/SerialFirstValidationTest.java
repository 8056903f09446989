package dev.weft.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * A JVM validates its first large modules on the calling thread alone, and uses helpers once it
 * has validated the threshold's worth of bodies (BodyValidation's class comment says why).
 */
class SerialFirstValidationTest {
    @Test
    void helpersJoinOnlyOnceTheThresholdIsReached() {
        AtomicLong validated = new AtomicLong();
        long module = 4 << 20;
        assertFalse(BodyValidation.warm(validated, 10 << 20, module), "first module: alone");
        assertFalse(BodyValidation.warm(validated, 10 << 20, module), "8 MiB so far: alone");
        assertFalse(BodyValidation.warm(validated, 10 << 20, module), "still under 10 MiB before it");
        assertEquals(12 << 20, validated.get());
        assertTrue(BodyValidation.warm(validated, 10 << 20, module), "past 10 MiB: helpers join");
        assertTrue(BodyValidation.warm(validated, 10 << 20, module));
        assertEquals(12 << 20, validated.get(), "not counted once warm");
    }

    @Test
    void zeroUsesHelpersFromTheFirstModule() {
        AtomicLong validated = new AtomicLong();
        assertTrue(BodyValidation.warm(validated, 0, 4 << 20));
        assertEquals(0, validated.get());
    }

    @Test
    void theTestsRunWithHelpersFromTheFirstModule() {
        // the pom sets -Dweft.validate.serialBytes=0, so ParallelValidationTest takes the parallel path
        assertEquals(0, BodyValidation.SERIAL_FIRST_BYTES);
    }
}
