package org.openreturns.engine.measures;

import java.util.List;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.ResultCodes;
import org.openreturns.engine.rules.ks1.Ks1Codes;
import org.openreturns.engine.rules.ks2.Ks2TaCodes;
import org.openreturns.engine.rules.mtc.MtcCodes;

/**
 * The distributions of one collection for one group of pupils. Each pupil is read as the collection's headline
 * measures read them (the same helpers, the same code lists), so a chart counts the pupils its measures count.
 */
abstract class CollectionDistributions {

    abstract void add(ValidationContext context, AssessedPupil pupil);

    /** The collection's distributions in a fixed order; empty before the first pupil where they depend on the year. */
    abstract List<Histogram> histograms();

    static CollectionDistributions create(Collection collection, MeasureSettings settings) {
        return switch (collection) {
            case EYFSP -> new Eyfsp(settings.includeAllAInEyfsp());
            case PHONICS -> new Phonics();
            case KS1 -> new Ks1();
            case KS2_TA -> new Ks2Ta();
            case MTC -> new Mtc();
        };
    }

    /** Number of ELGs at the expected level per child, 0-17, over the children the EYFSP measures count. */
    private static final class Eyfsp extends CollectionDistributions {
        private final boolean includeAllA;
        private final Histogram elgs = Histogram.scale("eyfsp.elgsExpected",
                "Early learning goals at the expected level per child",
                "Number of goals at the expected level (0 to 17)", EyfspMeasures.ELGS, List.of());

        Eyfsp(boolean includeAllA) {
            this.includeAllA = includeAllA;
        }

        @Override
        void add(ValidationContext context, AssessedPupil pupil) {
            boolean[] expected = EyfspMeasures.expectedGoals(pupil, includeAllA);
            if (expected != null) {
                elgs.countScale(EyfspMeasures.countExpected(expected));
            }
        }

        @Override
        List<Histogram> histograms() {
            return List.of(elgs);
        }
    }

    /**
     * Year 1 marks 0-40, and each reason for no mark (A, D, L, Q) as its own bar, L included: a chart of what the
     * school returned, while the percentage meeting the standard leaves L out.
     */
    private static final class Phonics extends CollectionDistributions {
        private final Histogram marks = Histogram.scale("phonics.y1Marks", "Year 1 phonics marks",
                "Mark (0 to " + PhonicsMeasures.CODES.maxMark() + "), or code for no mark",
                PhonicsMeasures.CODES.maxMark(), PhonicsMeasures.CODES.reasons());

        @Override
        void add(ValidationContext context, AssessedPupil pupil) {
            if (!PhonicsMeasures.Y1.equals(PhonicsMeasures.yearGroup(pupil, context.year()))) {
                return;
            }
            PhonicsMeasures.Result result = PhonicsMeasures.read(pupil);
            if (result == null) {
                return;
            }
            if (result.mark() >= 0) {
                marks.countScale(result.mark());
            } else {
                marks.countCode(result.reason());
            }
        }

        @Override
        List<Histogram> histograms() {
            return List.of(marks);
        }
    }

    /** Scores 0-25 and each code for not taking the check, by the year's code list (MtcRules). */
    private static final class Mtc extends CollectionDistributions {
        private Histogram scores;
        private MtcCodes codes;

        @Override
        void add(ValidationContext context, AssessedPupil pupil) {
            if (scores == null) {
                codes = MtcMeasures.codesFor(context.year());
                scores = Histogram.scale("mtc.scores", "Multiplication tables check scores",
                        "Score (0 to " + codes.maxScore() + "), or code for not taking the check", codes.maxScore(),
                        codes.codes());
            }
            String result = MtcMeasures.result(pupil, codes);
            if (result == null) {
                return;
            }
            Integer score = ResultCodes.wholeNumber(result);
            if (score == null) {
                scores.countCode(result);
            } else if (score >= 0 && score <= codes.maxScore()) {
                scores.countScale(score);
            }
        }

        @Override
        List<Histogram> histograms() {
            return scores == null ? List.of() : List.of(scores);
        }
    }

    /** Writing teacher assessment: every valid code, L, F and P included, in the order of {@link Ks2TaCodes}. */
    private static final class Ks2Ta extends CollectionDistributions {
        private static final Ks2TaCodes CODES = Ks2TaCodes.FROM_2022;
        private final Histogram writing = Histogram.codes("ks2.writingTa", "Writing teacher assessment",
                "Teacher assessment code", CODES.byItem().get("WRIT"));

        @Override
        void add(ValidationContext context, AssessedPupil pupil) {
            String code = OneResult.of(pupil, "WRIT");
            if (code != null) {
                writing.countCode(code);
            }
        }

        @Override
        List<Histogram> histograms() {
            return List.of(writing);
        }
    }

    /** Reading, writing and maths teacher assessment, each valid code of {@link Ks1Codes} a bar. */
    private static final class Ks1 extends CollectionDistributions {
        private static final Ks1Codes CODES = Ks1Codes.FROM_2022;
        private final Histogram reading = Histogram.codes("ks1.readingTa", "Reading teacher assessment",
                "Teacher assessment code", CODES.byItem().get("READ"));
        private final Histogram writing = Histogram.codes("ks1.writingTa", "Writing teacher assessment",
                "Teacher assessment code", CODES.byItem().get("WRIT"));
        private final Histogram maths = Histogram.codes("ks1.mathsTa", "Maths teacher assessment",
                "Teacher assessment code", CODES.byItem().get("MAT"));

        @Override
        void add(ValidationContext context, AssessedPupil pupil) {
            count(reading, OneResult.of(pupil, "READ"));
            count(writing, OneResult.of(pupil, "WRIT"));
            count(maths, OneResult.of(pupil, "MAT"));
        }

        private static void count(Histogram histogram, String code) {
            if (code != null) {
                histogram.countCode(code);
            }
        }

        @Override
        List<Histogram> histograms() {
            return List.of(reading, writing, maths);
        }
    }
}
