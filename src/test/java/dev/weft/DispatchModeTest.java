package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.BuildInfo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the dispatch mode is chosen: build default, system property, engine setting. */
class DispatchModeTest {
    private final String saved = System.getProperty(DispatchMode.PROPERTY);

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(DispatchMode.PROPERTY);
        } else {
            System.setProperty(DispatchMode.PROPERTY, saved);
        }
    }

    @Test
    void theBuildBakesItsDefaultIntoTheArtifact() {
        String baked = BuildInfo.DISPATCH;
        assertTrue(baked.equals("switch") || baked.equals("handles"), "filtered by the build: " + baked);
        System.clearProperty(DispatchMode.PROPERTY);
        assertEquals(DispatchMode.parse(baked), DispatchMode.defaultMode());
    }

    @Test
    void theSystemPropertyOverridesTheDefault() {
        System.setProperty(DispatchMode.PROPERTY, "handles");
        assertEquals(DispatchMode.HANDLES, DispatchMode.defaultMode());
        assertEquals(DispatchMode.HANDLES, Engine.create().dispatchMode());
        System.setProperty(DispatchMode.PROPERTY, "SWITCH");
        assertEquals(DispatchMode.SWITCH, Engine.create().dispatchMode());
    }

    @Test
    void theEngineSettingOverridesTheProperty() {
        System.setProperty(DispatchMode.PROPERTY, "handles");
        assertEquals(DispatchMode.SWITCH, Engine.builder().dispatch(DispatchMode.SWITCH).build().dispatchMode());
    }

    @Test
    void anUnknownModeNamesTheValidOnes() {
        System.setProperty(DispatchMode.PROPERTY, "threaded");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, DispatchMode::defaultMode);
        assertEquals("unknown dispatch mode 'threaded'; valid modes: switch, handles", e.getMessage());
    }
}
