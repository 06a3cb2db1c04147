package org.openreturns.server.cohorts;

/** A pupil the LA expects in a school's return, as its list names them; names may be unknown (null). */
public record ExpectedPupil(String upn, String surname, String forename, String ncYear) {

    /** "Amy Smith (UPN A123…, Year 6)", or the UPN and year alone when the list gave no name. */
    public String describe() {
        String name = ((forename == null ? "" : forename) + " " + (surname == null ? "" : surname)).strip();
        String year = "R".equals(ncYear) ? "Reception" : "Year " + ncYear;
        return (name.isEmpty() ? "The pupil with " : name + " (") + "UPN " + upn + ", " + year
                + (name.isEmpty() ? "" : ")");
    }
}
