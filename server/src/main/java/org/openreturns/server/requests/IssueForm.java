package org.openreturns.server.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.openreturns.server.platform.DateInput;
import org.springframework.web.bind.annotation.BindParam;

/** The LA's "issue file requests" form; the deadline comes as three boxes named deadline-day and so on. */
record IssueForm(
        @NotBlank(message = "{issue.title.required}") @Size(max = 200, message = "{issue.title.tooLong}") String title,
        @Size(max = 2000, message = "{issue.description.tooLong}") String description,
        @BindParam("deadline-day") String deadlineDay, @BindParam("deadline-month") String deadlineMonth,
        @BindParam("deadline-year") String deadlineYear) {

    IssueForm {
        title = title == null ? "" : title.strip();
        description = description == null ? "" : description.strip();
    }

    static IssueForm of(String title, String description, DateInput deadline) {
        return new IssueForm(title, description, deadline.day(), deadline.month(), deadline.year());
    }

    public DateInput deadline() {
        return new DateInput(deadlineDay, deadlineMonth, deadlineYear);
    }
}
