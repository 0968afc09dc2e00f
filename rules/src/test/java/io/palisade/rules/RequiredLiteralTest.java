package io.palisade.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequiredLiteralTest {

    @Test
    void theLongestPlainRunOutsideGroupsAndClasses() {
        assertThat(RequiredLiteral.of("\\b(rm|shred|unlink)\\b.*\\.[a-z]*_?history\\b")).contains("history");
        assertThat(RequiredLiteral.of("(^|[^<])> */var/log/")).contains("/var/log/");
        assertThat(RequiredLiteral.of("(python[0-9.]*|perl) .*socket.*(dup2|exec)")).contains("socket");
        assertThat(RequiredLiteral.of("\\bunset +HISTFILE\\b")).contains("HISTFILE");
    }

    @Test
    void escapedPunctuationIsPlainButEscapedLettersAreNot() {
        assertThat(RequiredLiteral.of("\\$\\( *echo")).contains("echo");
        assertThat(RequiredLiteral.of("a\\.b\\.c")).contains("a.b.c");
        assertThat(RequiredLiteral.of("ab\\dcd\\sef")).isEmpty();
    }

    @Test
    void aQuantifiedCharacterIsLeftOutWhenItMayBeAbsentAndEndsTheRunWhenItMayRepeat() {
        assertThat(RequiredLiteral.of("abcd?efg")).contains("abc");
        assertThat(RequiredLiteral.of("abcd*xy")).contains("abc");
        assertThat(RequiredLiteral.of("abcd{0,2}xy")).contains("abc");
        assertThat(RequiredLiteral.of("xabcd+efg")).contains("xabcd");
    }

    @Test
    void classesAreSkippedWhateverTheyHold() {
        assertThat(RequiredLiteral.of("[\\](|]+abc")).contains("abc");
        assertThat(RequiredLiteral.of("[^(]x*abc")).contains("abc");
    }

    @Test
    void noRunWhenTheExpressionCouldMatchWithoutAny() {
        assertThat(RequiredLiteral.of("history|HISTFILE")).isEmpty();
        assertThat(RequiredLiteral.of("(?i)history")).isEmpty();
        assertThat(RequiredLiteral.of("\\Qhistory\\E")).isEmpty();
        assertThat(RequiredLiteral.of("(nc|ncat) -[a-z]*e")).isEmpty();
        assertThat(RequiredLiteral.of("[history]+")).isEmpty();
    }
}
