package dev.weft.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Numeric literals: which tokens are numbers, integer ranges, and float rounding and forms. */
class NumbersTest {
    @Test
    void tokensAreClassifiedAsTheReferenceLexerDoes() {
        assertEquals(Lexer.NAT, Numbers.classify("0x1_F"));
        assertEquals(Lexer.INT, Numbers.classify("-12"));
        assertEquals(Lexer.FLOAT, Numbers.classify("1.5e-3"));
        assertEquals(Lexer.FLOAT, Numbers.classify("-0x1.8p3"));
        assertEquals(Lexer.FLOAT, Numbers.classify("0x1."));
        assertEquals(Lexer.FLOAT, Numbers.classify("+inf"));
        assertEquals(Lexer.FLOAT, Numbers.classify("nan:0x7f_ffff"));
        assertEquals(0, Numbers.classify("1__0"));
        assertEquals(0, Numbers.classify("_1"));
        assertEquals(0, Numbers.classify("0x"));
        assertEquals(0, Numbers.classify("1.0e"));
        assertEquals(0, Numbers.classify(".5"));
        assertEquals(0, Numbers.classify("nan:canonical"));
    }

    @Test
    void integersAreSignedOrUnsignedWithinTheirWidth() {
        assertEquals(-1, (int) (long) Numbers.signedOrUnsigned("0xffffffff", 32));
        assertEquals(Integer.MIN_VALUE, (long) Numbers.signedOrUnsigned("-0x8000_0000", 32));
        assertNull(Numbers.signedOrUnsigned("4294967296", 32));
        assertNull(Numbers.signedOrUnsigned("-2147483649", 32));
        assertEquals(-1L, Numbers.signedOrUnsigned("18446744073709551615", 64));
        assertNull(Numbers.unsigned("256", 8));
        assertEquals(255L, Numbers.unsigned("0xff", 8));
    }

    @Test
    void floatsRoundToNearestAndOverflowIsOutOfRange() {
        assertEquals(0x3f800000, (int) Numbers.f32("1"));
        assertEquals(0x7f7fffff, (int) Numbers.f32("0x1.fffffep127"));
        assertNull(Numbers.f32("0x1p128"));
        assertNull(Numbers.f32("1e39"));
        // halfway between 1 and the next f32 rounds to even (down), just above rounds up
        assertEquals(0x3f800000, (int) Numbers.f32("0x1.000001p0"));
        assertEquals(0x3f800001, (int) Numbers.f32("0x1.0000010000000001p0"));
        assertEquals(0x3f800001, (int) Numbers.f32("0x1.000003p0") - 1);
        assertEquals(0x80000000, (int) Numbers.f32("-0.0"));
        assertEquals(0x00000001, (int) Numbers.f32("0x1p-149"));
        assertEquals(0x7fefffffffffffffL, (long) Numbers.f64("0x1.fffffffffffffp1023"));
        assertNull(Numbers.f64("1e309"));
        assertEquals(0x4024000000000000L, (long) Numbers.f64("1_0"));
    }

    @Test
    void nanPayloadsAndInfinities() {
        assertEquals(0x7fc00000, (int) Numbers.f32("nan"));
        assertEquals(0xffc00000, (int) Numbers.f32("-nan"));
        assertEquals(0x7f800001, (int) Numbers.f32("nan:0x1"));
        assertNull(Numbers.f32("nan:0x0"));
        assertNull(Numbers.f32("nan:0x80_0000"));
        assertEquals(0xff800000, (int) Numbers.f32("-inf"));
        assertEquals(0x7ff8000000000000L, (long) Numbers.f64("+nan"));
        assertEquals(0x7ff0000000000001L, (long) Numbers.f64("nan:0x1"));
        assertNull(Numbers.f64("nan:0x10_0000_0000_0000"));
    }
}
