package org.openreturns.engine.synthetic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.measures.PupilGroup;

/**
 * A made-up pupil's free school meals, SEN, first language and care history, near the shares of English primary
 * schools: about 24% eligible for FSM in the last six years, 12% on SEN support, 3% with an EHC plan, 20% with a
 * first language other than English, a few looked after. Disadvantage and SEN go modestly with lower ability, as in
 * the published gaps. Drawn from the child's own seed through a generator of its own, so that adding it changed no
 * other value a file holds.
 */
final class Background {

    /** Quantiles of the standard normal giving the shares above: 24%, 15% (12% + 3%) and 3%. */
    private static final double FSM_ABOVE = 0.7063;
    private static final double SEN_ABOVE = 1.0364;
    private static final double EHC_ABOVE = 1.8808;
    private static final String[] OTHER_LANGUAGES = {"URD", "PAN", "POL", "BEN", "ARA", "SOM", "ROM", "GUJ", "TUR",
        "POR"};

    private Background() {
    }

    static CtfPupil.Characteristics of(SyntheticChild c, AcademicYear year) {
        Random r = new Random(c.seed() * 13 + 7);
        LocalDate assessed = PupilGroup.assessmentDate(year);
        LocalDate windowStart = assessed.minusYears(PupilGroup.DISADVANTAGE_YEARS);
        LocalDate reception = year.firstDay().minusYears(c.ncYear().value());

        List<CtfPupil.FsmPeriod> fsm = new ArrayList<>(1);
        double fsmLatent = -0.4 * c.ability() + Math.sqrt(1 - 0.16) * r.nextGaussian();
        if (fsmLatent > FSM_ABOVE) {
            LocalDate from = reception.isAfter(windowStart) ? reception : windowStart;
            LocalDate start = between(r, from, assessed.minusDays(30));
            LocalDate end = r.nextDouble() < 0.45 ? between(r, start.plusDays(60), assessed) : null;
            fsm.add(new CtfPupil.FsmPeriod(start.toString(), end == null || end.isAfter(assessed) ? null
                    : end.toString(), "ENG"));
        } else if (reception.isBefore(windowStart) && r.nextDouble() < 0.05) {
            // Eligible only in the months before the six-year window: not disadvantaged now.
            LocalDate start = between(r, reception, windowStart.minusDays(60));
            fsm.add(new CtfPupil.FsmPeriod(start.toString(), between(r, start.plusDays(20), windowStart.minusDays(1))
                    .toString(), "ENG"));
        }

        List<CtfPupil.SenRecord> sen = new ArrayList<>(2);
        double senLatent = -0.6 * c.ability() + 0.8 * r.nextGaussian();
        LocalDate senStart = between(r, reception, assessed.minusDays(30));
        if (senLatent > EHC_ABOVE) {
            sen.add(new CtfPupil.SenRecord(senStart.toString(), "E"));
        } else if (senLatent > SEN_ABOVE) {
            sen.add(new CtfPupil.SenRecord(senStart.toString(), "K"));
        } else if (r.nextDouble() < 0.03 && senStart.plusDays(90).isBefore(assessed)) {
            // Support that ended: the latest record, N, is what counts.
            sen.add(new CtfPupil.SenRecord(senStart.toString(), "K"));
            sen.add(new CtfPupil.SenRecord(between(r, senStart.plusDays(60), assessed.minusDays(1)).toString(), "N"));
        }

        double l = r.nextDouble();
        String language = l < 0.20 ? OTHER_LANGUAGES[r.nextInt(OTHER_LANGUAGES.length)] : l < 0.99 ? "ENG" : "NOT";
        boolean inCare = r.nextDouble() < 0.005;
        return new CtfPupil.Characteristics(List.copyOf(fsm), List.copyOf(sen), language, inCare);
    }

    private static LocalDate between(Random r, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(r.nextInt((int) days + 1));
    }
}
