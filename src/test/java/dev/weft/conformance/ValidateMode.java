package dev.weft.conformance;

import dev.weft.InvalidModuleException;
import dev.weft.MalformedModuleException;
import dev.weft.ModuleException;
import dev.weft.WeftException;
import dev.weft.decode.ModuleDecoder;
import dev.weft.validate.ModuleValidator;

/**
 * Decodes and validates, nothing more: {@code module} must decode and validate,
 * {@code assert_malformed} must throw {@link MalformedModuleException} and {@code assert_invalid}
 * {@link InvalidModuleException}. Text-format modules ({@code .wat}) are compiled by Weft's text
 * format parser first (its errors are malformed). Every command that needs instantiation or
 * execution is skipped.
 */
public final class ValidateMode implements ConformanceMode {
    /** The mode's name in {@code summary.json}. */
    public static final String NAME = "validate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScriptRun begin(SpecScript script) {
        return ValidateMode::run;
    }

    private static CommandOutcome run(SpecCommand command) {
        return switch (command.kind()) {
            case "module" -> parseModule(command);
            case "assert_malformed" -> expectRejection(command, MalformedModuleException.class);
            case "assert_invalid" -> expectRejection(command, InvalidModuleException.class);
            default -> CommandOutcome.skipped(command.kind() + " needs instantiation or execution; the validate mode only decodes and validates");
        };
    }

    private static CommandOutcome parseModule(SpecCommand command) {
        try {
            decodeAndValidate(command);
            return CommandOutcome.passed();
        } catch (ModuleException e) {
            return CommandOutcome.failed("valid module rejected: " + describe(e), e);
        } catch (Throwable e) {
            return escaped(e);
        }
    }

    private static CommandOutcome expectRejection(SpecCommand command, Class<? extends ModuleException> expected) {
        String wanted = expected.getSimpleName() + " (\"" + command.expectedText() + "\")";
        try {
            decodeAndValidate(command);
            return CommandOutcome.failed("module accepted, expected " + wanted, null);
        } catch (ModuleException e) {
            if (expected.isInstance(e)) {
                return CommandOutcome.rejectedAsExpected(e);
            }
            return CommandOutcome.failed("expected " + wanted + " but got " + describe(e), e);
        } catch (Throwable e) {
            return escaped(e);
        }
    }

    /** Decoding and validation only: translation (and its "not yet supported" SIMD) is the execution modes' business. */
    private static void decodeAndValidate(SpecCommand command) {
        ModuleValidator.validate(ModuleDecoder.decode(command.module()));
    }

    private static CommandOutcome escaped(Throwable e) {
        String kind = e instanceof WeftException ? "unexpected Weft exception " : "non-Weft exception escaped: ";
        return CommandOutcome.failed(kind + e, e);
    }

    private static String describe(ModuleException e) {
        return e.getClass().getSimpleName() + " \"" + e.getMessage() + "\"";
    }
}
