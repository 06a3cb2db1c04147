package org.openreturns.server.collections;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.openreturns.server.platform.DateInput;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The LA's collection forms as submitted. Dates come as three boxes each, named {@code opensOn-day} and so on on
 * the page, so each part is a component bound by that name and read back as a {@link DateInput}. Components are
 * in page order: the error summary lists errors in that order (platform.FormErrors).
 */
final class CollectionForms {

    private CollectionForms() {
    }

    record NewCollection(
            @NotBlank(message = "{collection.kind.required}") String kind,
            @NotBlank(message = "{collection.summerYear.required}")
            @Pattern(regexp = "|20\\d\\d", message = "{collection.summerYear.format}") String summerYear,
            @BindParam("opensOn-day") String opensOnDay, @BindParam("opensOn-month") String opensOnMonth,
            @BindParam("opensOn-year") String opensOnYear,
            @BindParam("laDeadline-day") String laDeadlineDay, @BindParam("laDeadline-month") String laDeadlineMonth,
            @BindParam("laDeadline-year") String laDeadlineYear,
            @BindParam("dfeDeadline-day") String dfeDeadlineDay,
            @BindParam("dfeDeadline-month") String dfeDeadlineMonth,
            @BindParam("dfeDeadline-year") String dfeDeadlineYear) {

        NewCollection {
            kind = kind == null ? "" : kind.strip();
            summerYear = summerYear == null ? "" : summerYear.strip();
        }

        static NewCollection empty(int summerYear) {
            return new NewCollection("", Integer.toString(summerYear), "", "", "", "", "", "", "", "", "");
        }

        public DateInput opensOn() {
            return new DateInput(opensOnDay, opensOnMonth, opensOnYear);
        }

        public DateInput laDeadline() {
            return new DateInput(laDeadlineDay, laDeadlineMonth, laDeadlineYear);
        }

        public DateInput dfeDeadline() {
            return new DateInput(dfeDeadlineDay, dfeDeadlineMonth, dfeDeadlineYear);
        }
    }

    record ChangeDates(
            @BindParam("opensOn-day") String opensOnDay, @BindParam("opensOn-month") String opensOnMonth,
            @BindParam("opensOn-year") String opensOnYear,
            @BindParam("laDeadline-day") String laDeadlineDay, @BindParam("laDeadline-month") String laDeadlineMonth,
            @BindParam("laDeadline-year") String laDeadlineYear,
            @BindParam("dfeDeadline-day") String dfeDeadlineDay,
            @BindParam("dfeDeadline-month") String dfeDeadlineMonth,
            @BindParam("dfeDeadline-year") String dfeDeadlineYear) {

        static ChangeDates of(Dates dates) {
            DateInput o = DateInput.of(dates.opensOn());
            DateInput l = DateInput.of(dates.laDeadline());
            DateInput d = DateInput.of(dates.dfeDeadline());
            return new ChangeDates(o.day(), o.month(), o.year(), l.day(), l.month(), l.year(), d.day(), d.month(),
                    d.year());
        }

        public DateInput opensOn() {
            return new DateInput(opensOnDay, opensOnMonth, opensOnYear);
        }

        public DateInput laDeadline() {
            return new DateInput(laDeadlineDay, laDeadlineMonth, laDeadlineYear);
        }

        public DateInput dfeDeadline() {
            return new DateInput(dfeDeadlineDay, dfeDeadlineMonth, dfeDeadlineYear);
        }
    }

    /** Empty means "not known yet". */
    record Threshold(
            @Pattern(regexp = "|\\d|[0-3]\\d|40", message = "{collection.threshold.format}") String threshold) {

        Threshold {
            threshold = threshold == null ? "" : threshold.strip();
        }

        Integer mark() {
            return threshold.isEmpty() ? null : Integer.valueOf(threshold);
        }
    }

    /** A school's own deadline; empty means the LA deadline. */
    record SchoolDeadline(@BindParam("deadline-day") String deadlineDay,
            @BindParam("deadline-month") String deadlineMonth, @BindParam("deadline-year") String deadlineYear) {

        static SchoolDeadline of(DateInput date) {
            return new SchoolDeadline(date.day(), date.month(), date.year());
        }

        public DateInput deadline() {
            return new DateInput(deadlineDay, deadlineMonth, deadlineYear);
        }
    }
}
