package org.openreturns.server.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfReadException;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.ctf.CtfStream;
import org.openreturns.engine.ctf.CtfWriter;
import org.openreturns.engine.synthetic.GeneratorSettings;
import org.openreturns.engine.synthetic.SchoolIdentity;
import org.openreturns.engine.synthetic.SyntheticLa;
import org.openreturns.server.testing.Fixtures.TestSchool;

/**
 * Real CTF files for tests, made by the engine's synthetic LA generator: re-headed for a test's own school, with the
 * pupils edited to carry a known error or query, or generated whole from a seed for reports' known answers.
 */
public final class Ctf {

    private Ctf() {
    }

    /** A clean return of the collection and year for the school, its pupils edited by {@code edit}. */
    public static byte[] of(TestSchool school, Collection collection, int summerYear, int pupils,
            UnaryOperator<List<CtfPupil>> edit) {
        return of(school.la(), school.estab(), school.name(), collection, summerYear, pupils, edit);
    }

    public static byte[] of(String la, String estab, String schoolName, Collection collection, int summerYear,
            int pupils, UnaryOperator<List<CtfPupil>> edit) {
        try {
            Path dir = Files.createTempDirectory("openreturns-fixture");
            SyntheticLa.generate(new GeneratorSettings("330", 1, pupils, AcademicYear.ofSummer(summerYear), 7, 0),
                    dir);
            String type = switch (collection) {
                case EYFSP -> "_FSP_";
                case PHONICS -> "_PHO_";
                case KS1 -> "_KS1_";
                case KS2_TA -> "_KS2_";
                case MTC -> "_CTF_";
            };
            Path file;
            try (var files = Files.list(dir)) {
                file = files.filter(p -> p.getFileName().toString().contains(type)).findFirst().orElseThrow();
            }
            List<CtfPupil> list = new ArrayList<>();
            CtfHeader original;
            try (CtfStream in = new CtfReader().open(new ByteArrayInputStream(Files.readAllBytes(file)))) {
                original = in.header();
                CtfPupil p;
                while ((p = in.next()) != null) {
                    list.add(p);
                }
            }
            CtfHeader header = new CtfHeader(CtfWriter.versionFor(summerYear - 1), original.dateTime(),
                    original.documentQualifier(), original.supplierId(), la, estab, null, schoolName,
                    Integer.toString(summerYear - 1), la, "LLLL");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (CtfWriter writer = CtfWriter.open(out, header)) {
                edit.apply(list).forEach(writer::write);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CtfReadException e) {
            throw new AssertionError(e);
        }
    }

    /** The generator's own return for one school, as a whole LA's export would hold it; the seed fixes the pupils. */
    public static byte[] generated(SchoolIdentity school, Collection collection, int summerYear, int pupils,
            long seed) {
        try {
            Path dir = Files.createTempDirectory("openreturns-generated");
            GeneratorSettings settings = GeneratorSettings.defaults().withYear(AcademicYear.ofSummer(summerYear))
                    .withPupilsPerSchool(pupils).withSeed(seed);
            SyntheticLa.generate(settings, List.of(school), dir);
            return Files.readAllBytes(dir.resolve(fileName(school, collection)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fileName(SchoolIdentity school, Collection collection) {
        return SyntheticLa.fileName(school, collection);
    }

    /** The pupil with no surname: an error every collection's rules report. */
    public static List<CtfPupil> withError(List<CtfPupil> pupils) {
        List<CtfPupil> copy = new ArrayList<>(pupils);
        CtfPupil p = copy.get(0);
        copy.set(0, new CtfPupil(p.upn(), null, p.forename(), p.dob(), p.sex(), p.ncYearActual(), p.assessments(),
                p.line()));
        return copy;
    }

    /** A pupil born three years early for the year group: a query to explain, not an error. */
    public static List<CtfPupil> withQuery(List<CtfPupil> pupils) {
        List<CtfPupil> copy = new ArrayList<>(pupils);
        CtfPupil p = copy.get(1);
        copy.set(1, new CtfPupil(p.upn(), p.surname(), p.forename(), LocalDate.parse(p.dob()).minusYears(3)
                .toString(), p.sex(), p.ncYearActual(), p.assessments(), p.line()));
        return copy;
    }

    public static String upnOfQueryPupil(byte[] ctf) {
        String text = new String(ctf, StandardCharsets.UTF_8);
        int second = text.indexOf("<UPN>", text.indexOf("<UPN>") + 1);
        return text.substring(second + 5, text.indexOf("</UPN>", second));
    }
}
