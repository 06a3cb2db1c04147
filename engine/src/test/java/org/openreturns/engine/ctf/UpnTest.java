package org.openreturns.engine.ctf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The worked examples of ctf.md §6. */
class UpnTest {

    @Test
    void theDfeGuidanceExampleHasCheckLetterH() {
        assertThat(Upn.hasValidFormat("H801200001001")).isTrue();
        assertThat(Upn.expectedCheckLetter("H801200001001")).isEqualTo('H');
        assertThat(Upn.hasValidCheckLetter("H801200001001")).isTrue();
        assertThat(Upn.isTemporary("H801200001001")).isFalse();
    }

    @Test
    void aWrongCheckLetterIsWellFormedButInvalid() {
        assertThat(Upn.hasValidFormat("Z801200001001")).isTrue();
        assertThat(Upn.hasValidCheckLetter("Z801200001001")).isFalse();
        assertThat(Upn.expectedCheckLetter("Z801200001001")).isEqualTo('H');
    }

    @Test
    void aTemporaryUpnCountsItsFinalLetterInTheCheck() {
        assertThat(Upn.hasValidFormat("G80120000101A")).isTrue();
        assertThat(Upn.isTemporary("G80120000101A")).isTrue();
        assertThat(Upn.hasValidCheckLetter("G80120000101A")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"B801200005001", "X801200024101", "L801200024102", "L80120002410C", "E801200018301",
        "U801200018302"})
    void theOtherExamplesAreValid(String upn) {
        assertThat(Upn.hasValidCheckLetter(upn)).isTrue();
        assertThat(Upn.laCode(upn)).isEqualTo("801");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "H80120000100", "H8012000010011", "h801200001001", "I801200001001",
        "H80120000100I", "H80120000100S", "H8012000A1001", "1801200001001"})
    void malformedUpnsAreRejected(String upn) {
        assertThat(Upn.hasValidFormat(upn)).isFalse();
        assertThat(Upn.hasValidCheckLetter(upn)).isFalse();
    }

    @Test
    void nullIsNotAUpn() {
        assertThat(Upn.hasValidFormat(null)).isFalse();
        assertThat(Upn.isTemporary(null)).isFalse();
    }

    @Test
    void withCheckLetterCompletesABody() {
        assertThat(Upn.withCheckLetter("801200001001")).isEqualTo("H801200001001");
        assertThat(Upn.withCheckLetter("80120000101A")).isEqualTo("G80120000101A");
        assertThatThrownBy(() -> Upn.withCheckLetter("80120000100")).isInstanceOf(IllegalArgumentException.class);
    }
}
