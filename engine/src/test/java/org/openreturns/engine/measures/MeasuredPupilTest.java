package org.openreturns.engine.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.measures.Fixtures.context;
import static org.openreturns.engine.measures.Fixtures.eyfsp;
import static org.openreturns.engine.measures.Fixtures.pupil;
import static org.openreturns.engine.measures.Fixtures.pupilIn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfPupil.Characteristics;
import org.openreturns.engine.ctf.CtfPupil.FsmPeriod;
import org.openreturns.engine.ctf.CtfPupil.SenRecord;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;

class MeasuredPupilTest {

    private static final List<List<FsmPeriod>> FSM = Arrays.asList(null, List.of(),
            List.of(new FsmPeriod("2023-09-01", null, "ENG")), List.of(new FsmPeriod("2012-01-01", "2013-01-01",
                    "ENG")), List.of(new FsmPeriod("not a date", null, "ENG")));
    private static final List<List<SenRecord>> SEN = Arrays.asList(null, List.of(), List.of(new SenRecord(
            "2022-01-01", "K"), new SenRecord("2024-01-01", "E")), List.of(new SenRecord(null, "A")),
            List.of(new SenRecord("2024-01-01", "X")), List.of(new SenRecord("2024-01-01", "N")));
    private static final List<String> LANGUAGE = Arrays.asList(null, "", "ENG", "ENB", "POL", "REF");
    private static final List<Boolean> IN_CARE = Arrays.asList(null, false, true);
    private static final List<String> SEXES = Arrays.asList(null, "F", "M", "U");

    /** Every combination of what a file may carry for the breakdowns, on pupils of the given results. */
    private static List<AssessedPupil> everyKind(AssessedPupil base) {
        List<AssessedPupil> pupils = new ArrayList<>();
        for (List<FsmPeriod> fsm : FSM) {
            for (List<SenRecord> sen : SEN) {
                for (String language : LANGUAGE) {
                    for (Boolean inCare : IN_CARE) {
                        Characteristics c = new Characteristics(fsm, sen, language, inCare);
                        String sex = SEXES.get(pupils.size() % SEXES.size());
                        pupils.add(with(base, sex, c.isEmpty() ? null : c));
                    }
                }
            }
        }
        return pupils;
    }

    private static AssessedPupil with(AssessedPupil p, String sex, Characteristics c) {
        CtfPupil raw = p.pupil();
        return new AssessedPupil(new CtfPupil(raw.upn(), raw.surname(), raw.forename(), raw.dob(), sex,
                raw.ncYearActual(), raw.assessments(), raw.line(), c), p.results());
    }

    private static AssessedPupil again(ValidationContext context, AssessedPupil pupil) {
        return MeasuredPupil.of(context, pupil).toAssessed();
    }

    @Test
    void aStoredPupilIsInTheSameGroupsAsTheFileSaid() {
        ValidationContext mtc = context(Collection.MTC);
        for (AssessedPupil p : everyKind(pupil(Collection.MTC, "MTC", "20"))) {
            assertThat(PupilGroup.of(again(mtc, p).pupil(), mtc.year()))
                    .isEqualTo(PupilGroup.of(p.pupil(), mtc.year()));
        }
    }

    @Test
    void keepsTheUpnButNoName() {
        AssessedPupil p = again(context(Collection.MTC), pupil(Collection.MTC, "MTC", "20"));
        assertThat(p.upn()).isEqualTo("A123456789012");
        assertThat(p.pupil().surname()).isNull();
        assertThat(p.pupil().forename()).isNull();
        assertThat(p.value("MTC")).isEqualTo("20");
    }

    /** Feeds the pupils, as read and as stored, to each kind of book, and expects the same figures from both. */
    private static void sameFigures(ValidationContext context, List<AssessedPupil> pupils) {
        ValidationContext storedContext = MeasuredPupil.context(context.collection(), context.year(),
                context.phonicsThreshold());
        Books read = new Books();
        Books kept = new Books();
        for (int i = 0; i < pupils.size(); i++) {
            String school = i % 3 == 0 ? "a" : "b";
            read.add(school, context, pupils.get(i));
            kept.add(school, storedContext, again(context, pupils.get(i)));
        }
        assertThat(kept.measures.results()).isEqualTo(read.measures.results()).isNotEmpty();
        assertThat(kept.distributions.results()).isEqualTo(read.distributions.results());
        for (PupilGroup g : PupilGroup.values()) {
            assertThat(kept.grouped.results(g)).as(g.name()).isEqualTo(read.grouped.results(g));
        }
        for (String school : Arrays.asList("a", "b", null)) {
            assertThat(kept.grouped.pupils(school)).isEqualTo(read.grouped.pupils(school));
            for (PupilGroup.Breakdown b : PupilGroup.Breakdown.values()) {
                assertThat(kept.grouped.pupilsWithout(school, b)).isEqualTo(read.grouped.pupilsWithout(school, b));
            }
        }
    }

    private static final class Books {
        final MeasureBook measures = new MeasureBook(new Suppression(2));
        final GroupedMeasureBook grouped = new GroupedMeasureBook(new Suppression(2));
        final DistributionBook distributions = new DistributionBook(new Suppression(2));

        void add(String school, ValidationContext context, AssessedPupil pupil) {
            List<BiConsumer<ValidationContext, AssessedPupil>> listeners = List.of(
                    measures.school(school)::onPupil, grouped.school(school)::onPupil,
                    distributions.school(school)::onPupil);
            listeners.forEach(l -> l.accept(context, pupil));
        }
    }

    @Test
    void phonicsCountsTheSameFromStoredPupils() {
        List<AssessedPupil> pupils = new ArrayList<>();
        String[][] results = {{"CHK", "35"}, {"CHK", "20"}, {"CHK", "32", "CHK", "32"}, {"CHK", "32", "CHK", "33"},
            {"CHK", "WA"}, {"CHK", "A"}, {"CHK", "L"}, {"CHK", "36", "CHK", "Wt"}, {"CHK", "x"}, {}};
        String[][] years = {{"1", null}, {"2", null}, {null, "2019-10-01"}, {null, "2018-10-01"}, {null, null}};
        for (int i = 0; i < 40; i++) {
            String[] y = years[i % years.length];
            pupils.addAll(everyKind(pupilIn(Collection.PHONICS, y[0], y[1], results[i % results.length]))
                    .subList(i, i + 3));
        }
        sameFigures(context(Collection.PHONICS, 32), pupils);
        sameFigures(context(Collection.PHONICS, null), pupils);
    }

    @Test
    void otherCollectionsCountTheSameFromStoredPupils() {
        List<AssessedPupil> mtc = new ArrayList<>();
        String[] scores = {"25", "20", "0", "A", "B", "J", "24"};
        for (int i = 0; i < 60; i++) {
            mtc.add(everyKind(pupil(Collection.MTC, "MTC", scores[i % scores.length])).get(i * 7));
        }
        sameFigures(context(Collection.MTC), mtc);
        List<AssessedPupil> eyfsp = new ArrayList<>();
        String[] elgs = {"22222222222222222", "21222222222222222", "2222222222222222-", "A1111111111111111"};
        for (int i = 0; i < 30; i++) {
            eyfsp.add(everyKind(eyfsp(elgs[i % elgs.length])).get(i * 11));
        }
        sameFigures(context(Collection.EYFSP), eyfsp);
        List<AssessedPupil> ks1 = new ArrayList<>();
        String[] codes = {"EXS", "GDS", "WTS", "A", "PK2", "bad"};
        for (int i = 0; i < 30; i++) {
            ks1.add(everyKind(pupil(Collection.KS1, "READ", codes[i % 6], "WRIT", codes[(i + 1) % 6], "MAT",
                    codes[(i + 2) % 6], "SCI", i % 2 == 0 ? "EXS" : "HNM")).get(i * 13));
        }
        sameFigures(context(Collection.KS1), ks1);
    }
}
