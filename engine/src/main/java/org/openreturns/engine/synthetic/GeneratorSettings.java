package org.openreturns.engine.synthetic;

import org.openreturns.engine.collection.AcademicYear;

/**
 * What {@link SyntheticLa#generate} makes: a local authority's schools, each with a file per collection of
 * {@code pupilsPerSchool} pupils per year group, for one academic year. {@code errorRate} is the share of pupils that
 * get one injected defect each (0 gives clean files). The same settings always give the same files.
 */
public record GeneratorSettings(String la, int schools, int pupilsPerSchool, AcademicYear year, long seed,
        double errorRate) {

    public GeneratorSettings {
        if (la == null || !la.matches("\\d{3}")) {
            throw new IllegalArgumentException("LA must be a 3-digit LA number: " + la);
        }
        if (schools < 1 || schools > 1500) {
            throw new IllegalArgumentException("schools must be 1 to 1500: " + schools);
        }
        // UPN serials have three digits, so one school allocates at most 999 a year.
        if (pupilsPerSchool < 1 || pupilsPerSchool > 600) {
            throw new IllegalArgumentException("pupilsPerSchool must be 1 to 600: " + pupilsPerSchool);
        }
        if (year == null) {
            throw new IllegalArgumentException("year is required");
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("errorRate must be 0 to 1: " + errorRate);
        }
    }

    /** Birmingham-sized defaults: LA 330, 20 schools of 30 pupils a year group, summer 2026, seed 1, clean. */
    public static GeneratorSettings defaults() {
        return new GeneratorSettings("330", 20, 30, AcademicYear.ofSummer(2026), 1, 0);
    }

    public GeneratorSettings withLa(String l) {
        return new GeneratorSettings(l, schools, pupilsPerSchool, year, seed, errorRate);
    }

    public GeneratorSettings withSchools(int n) {
        return new GeneratorSettings(la, n, pupilsPerSchool, year, seed, errorRate);
    }

    public GeneratorSettings withPupilsPerSchool(int n) {
        return new GeneratorSettings(la, schools, n, year, seed, errorRate);
    }

    public GeneratorSettings withYear(AcademicYear y) {
        return new GeneratorSettings(la, schools, pupilsPerSchool, y, seed, errorRate);
    }

    public GeneratorSettings withSeed(long s) {
        return new GeneratorSettings(la, schools, pupilsPerSchool, year, s, errorRate);
    }

    public GeneratorSettings withErrorRate(double r) {
        return new GeneratorSettings(la, schools, pupilsPerSchool, year, seed, r);
    }
}
