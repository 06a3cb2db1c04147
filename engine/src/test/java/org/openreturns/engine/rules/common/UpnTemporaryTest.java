package org.openreturns.engine.rules.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.check;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.Upn;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.TestPupils;

class UpnTemporaryTest {

    private final UpnTemporary rule = new UpnTemporary();

    @Test
    void aTemporaryUpnIsAQuery() {
        // 2-digit serial then a letter at character 13 (reference/rules.md §2.1).
        String temporary = Upn.withCheckLetter("80120002601A");
        List<Finding> found = check(rule, Collection.PHONICS, TestPupils.pupil(Collection.PHONICS).upn(temporary)
                .build());

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("upn.temporary");
            assertThat(f.severity()).isEqualTo(Severity.QUERY);
            assertThat(f.upn()).isEqualTo(temporary);
            assertThat(f.message()).contains("temporary UPN").contains("permanent UPN");
        });
    }

    @Test
    void aPermanentOrMalformedUpnIsNotQueriedHere() {
        assertThat(check(rule, Collection.PHONICS, TestPupils.pupil(Collection.PHONICS).build())).isEmpty();
        assertThat(check(rule, Collection.PHONICS, TestPupils.pupil(Collection.PHONICS).upn("ABC").build()))
                .isEmpty();
    }
}
