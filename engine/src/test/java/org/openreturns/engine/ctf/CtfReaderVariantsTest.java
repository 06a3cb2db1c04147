package org.openreturns.engine.ctf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What MIS exports differ in (ctf.md §0, §7), and the reader must take in its stride. */
class CtfReaderVariantsTest {

    private static final String MTC_2026 = TestCtf.mtc(2026, "21");

    @ParameterizedTest
    @ValueSource(strings = {"21.0", "22.0", "23.0", "24.0", "25.0", "26.0"})
    void readsEveryCtfVersionFrom21To26(String version) throws Exception {
        TestCtf.Read read = TestCtf.read(TestCtf.file(TestCtf.header(version, "2025"),
                TestCtf.pupil(TestCtf.UPN_1, "4", MTC_2026)));

        assertThat(read.header().ctfVersion()).isEqualTo(version);
        assertThat(read.header().majorVersion()).isEqualTo(Integer.parseInt(version.substring(0, 2)));
        assertThat(read.only().assessments()).extracting(StageAssessment::result).containsExactly("21");
    }

    @Test
    void readsAnUnexpectedOrMissingVersionWithoutComplaint() throws Exception {
        assertThat(TestCtf.read(TestCtf.file(TestCtf.header("19.0", "2025"))).header().majorVersion()).isEqualTo(19);
        assertThat(TestCtf.read(TestCtf.file(TestCtf.header(null, "2025"))).header().majorVersion()).isNull();
        assertThat(TestCtf.read(TestCtf.file(TestCtf.header("twenty", "2025"))).header().majorVersion()).isNull();
    }

    @ParameterizedTest
    @CsvSource(value = {"2025,2025", " 2024 ,2024", "1999,1999", "2099,2099", "1998,", "9999,", "0000,", "2025/26,",
        "25,", "'',"}, nullValues = "")
    void headerAcademicYearIsAStartYearOnlyWhenPlausible(String written, Integer start) throws Exception {
        CtfHeader h = TestCtf.read(TestCtf.file(TestCtf.header("25.0", written))).header();

        assertThat(h.academicYearStart()).isEqualTo(start);
    }

    @ParameterizedTest
    @CsvSource({"Sex,M", "Gender,F", "Sex,f"})
    void readsSexOrTheOlderGender(String element, String value) throws Exception {
        String pupil = "<Pupil><UPN>" + TestCtf.UPN_1 + "</UPN><" + element + ">" + value + "</" + element + ">"
                + "</Pupil>";

        assertThat(TestCtf.read(TestCtf.file2026(pupil)).only().sex()).isEqualTo(value.toUpperCase());
    }

    @Nested
    class Encodings {

        private final String names = "<Pupil><UPN>" + TestCtf.UPN_1 + "</UPN><Surname>O’Brien</Surname>"
                + "<Forename>Siân</Forename></Pupil>";

        private byte[] document(String declared, Charset charset, byte... bom) throws Exception {
            String xml = TestCtf.file2026(names).replace("encoding=\"UTF-8\"", "encoding=\"" + declared + "\"");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(bom);
            out.write(xml.getBytes(charset));
            return out.toByteArray();
        }

        private CtfPupil pupilOf(byte[] bytes) throws Exception {
            return TestCtf.read(new ByteArrayInputStream(bytes)).only();
        }

        @Test
        void utf8WithAndWithoutByteOrderMark() throws Exception {
            for (byte[] bom : new byte[][] {{}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}}) {
                CtfPupil p = pupilOf(document("UTF-8", StandardCharsets.UTF_8, bom));
                assertThat(p.surname()).isEqualTo("O’Brien");
                assertThat(p.forename()).isEqualTo("Siân");
            }
        }

        @Test
        void utf16LittleAndBigEndianWithByteOrderMark() throws Exception {
            CtfPupil le = pupilOf(document("UTF-16", StandardCharsets.UTF_16LE, (byte) 0xFF, (byte) 0xFE));
            CtfPupil be = pupilOf(document("UTF-16", StandardCharsets.UTF_16BE, (byte) 0xFE, (byte) 0xFF));

            assertThat(le.surname()).isEqualTo("O’Brien");
            assertThat(le.forename()).isEqualTo("Siân");
            assertThat(be.surname()).isEqualTo("O’Brien");
            assertThat(be.forename()).isEqualTo("Siân");
        }

        @Test
        void isoLatin1() throws Exception {
            byte[] bytes = document("ISO-8859-1", StandardCharsets.ISO_8859_1);
            // Latin-1 has no curly apostrophe: the encoder writes '?', so only the accent is checked here.
            assertThat(pupilOf(bytes).forename()).isEqualTo("Siân");
            assertThat(bytes).contains((byte) 0xE2);
        }

        @Test
        void windows1252WithItsCurlyApostropheByte0x92() throws Exception {
            byte[] bytes = document("windows-1252", Charset.forName("windows-1252"));
            assertThat(bytes).contains((byte) 0x92, (byte) 0xE2);

            CtfPupil p = pupilOf(bytes);

            assertThat(p.surname()).isEqualTo("O’Brien");
            assertThat(p.forename()).isEqualTo("Siân");
        }

        @Test
        void windows1252UnderItsOtherNameCp1252() throws Exception {
            assertThat(pupilOf(document("Cp1252", Charset.forName("windows-1252"))).surname()).isEqualTo("O’Brien");
        }
    }

    @Test
    void ignoresAStrayDefaultNamespace() throws Exception {
        String xml = TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "4", MTC_2026))
                .replace("<CTfile>", "<CTfile xmlns=\"http://www.dcsf.gov.uk/schemas/cbds\">");

        TestCtf.Read read = TestCtf.read(xml);

        assertThat(read.header().sourceLa()).isEqualTo("801");
        assertThat(read.only().upn()).isEqualTo(TestCtf.UPN_1);
        assertThat(read.only().assessments()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<UPN/>", "<UPN />", "<UPN></UPN>", "<UPN>   </UPN>", "<UPN>\n\t \r\n</UPN>"})
    void treatsAnEmptyOrBlankElementAsAbsent(String upn) throws Exception {
        String pupil = "<Pupil>" + upn + "<Surname></Surname><Forename/><DOB> </DOB><Sex/>"
                + "<StageAssessments><KeyStage><Stage>KS2</Stage><StageAssessment><Year>2026</Year>"
                + "<Subject>MAT</Subject><Method>TT</Method><Component>MTC</Component><ResultQualifier/>"
                + "<Result>  </Result></StageAssessment></KeyStage></StageAssessments></Pupil>";

        CtfPupil p = TestCtf.read(TestCtf.file2026(pupil)).only();

        assertThat(p.upn()).isNull();
        assertThat(p.surname()).isNull();
        assertThat(p.forename()).isNull();
        assertThat(p.dob()).isNull();
        assertThat(p.sex()).isNull();
        assertThat(p.assessments().get(0).resultQualifier()).isNull();
        assertThat(p.assessments().get(0).result()).isNull();
        assertThat(p.assessments().get(0).locale()).isNull();
    }

    @Test
    void trimsSurroundingWhitespaceAndUpperCasesCodesButKeepsResultsAsWritten() throws Exception {
        String pupil = "<Pupil><UPN>  " + TestCtf.UPN_1 + "\n</UPN><Surname>\n  Nowak-Smith  </Surname>"
                + "<Forename>\tZofia Anne </Forename><DOB> 2019-11-03 </DOB><Sex> f </Sex>"
                + "<StageAssessments><KeyStage><Stage> ks1 </Stage><StageAssessment><Locale> eng </Locale>"
                + "<Year> 2026 </Year><Subject> pho </Subject><Method> tt </Method><Component> chk </Component>"
                + "<ResultStatus> r </ResultStatus><ResultQualifier> ny </ResultQualifier><Result> Wa </Result>"
                + "</StageAssessment></KeyStage></StageAssessments></Pupil>";

        CtfPupil p = TestCtf.read(TestCtf.file2026(pupil)).only();

        assertThat(p.upn()).isEqualTo(TestCtf.UPN_1);
        assertThat(p.surname()).isEqualTo("Nowak-Smith");
        assertThat(p.forename()).isEqualTo("Zofia Anne");
        assertThat(p.dob()).isEqualTo("2019-11-03");
        assertThat(p.sex()).isEqualTo("F");
        assertThat(p.assessments()).extracting(StageAssessment::stage, StageAssessment::locale, StageAssessment::year,
                StageAssessment::subject, StageAssessment::method, StageAssessment::component,
                StageAssessment::resultStatus, StageAssessment::resultQualifier, StageAssessment::result)
                .containsExactly(tuple("KS1", "ENG", "2026", "PHO", "TT", "CHK", "R", "NY", "Wa"));
    }

    @Test
    void readsCharacterReferencesPredefinedEntitiesCdataAndCommentsInsideValues() throws Exception {
        String pupil = "<Pupil><UPN>" + TestCtf.UPN_1 + "</UPN><Surname>O&apos;Brien &amp; Co</Surname>"
                + "<Forename>Si&#226;n</Forename><DOB><![CDATA[2019-11-03]]></DOB><Sex>F<!-- was Gender --></Sex>"
                + "</Pupil>";

        CtfPupil p = TestCtf.read(TestCtf.file2026(pupil)).only();

        assertThat(p.surname()).isEqualTo("O'Brien & Co");
        assertThat(p.forename()).isEqualTo("Siân");
        assertThat(p.dob()).isEqualTo("2019-11-03");
        assertThat(p.sex()).isEqualTo("F");
    }

    @Test
    void appliesAStageWrittenAfterItsStageAssessments() throws Exception {
        String pupil = "<Pupil><UPN>" + TestCtf.UPN_1 + "</UPN><StageAssessments><KeyStage>"
                + TestCtf.result(2026, "ENG", "TA", "WRIT", null, "EXS") + TestCtf.result(2026, "SCI", "TA", "SCI", null,
                        "HNM") + "<Stage>KS2</Stage></KeyStage></StageAssessments></Pupil>";

        CtfPupil p = TestCtf.read(TestCtf.file2026(pupil)).only();

        assertThat(p.assessments()).extracting(StageAssessment::stage, StageAssessment::component)
                .containsExactly(tuple("KS2", "WRIT"), tuple("KS2", "SCI"));
    }

    @Test
    void keepsTheStageOfEachKeyStageApart() throws Exception {
        String pupil = TestCtf.pupil(TestCtf.UPN_1, "2", TestCtf.eyfsp(2024, "2"), TestCtf.phonics(2025, "35"),
                TestCtf.ks1(2026));

        CtfPupil p = TestCtf.read(TestCtf.file2026(pupil)).only();

        assertThat(p.assessments()).hasSize(17 + 1 + 4);
        assertThat(p.assessments()).filteredOn(a -> a.year().equals("2024")).extracting(StageAssessment::stage)
                .containsOnly("FSP");
        assertThat(p.assessments()).filteredOn(a -> !a.year().equals("2024")).extracting(StageAssessment::stage)
                .containsOnly("KS1");
    }

    @Test
    void skipsUnknownElementsWhereverTheyAppear() throws Exception {
        String xml = "<?xml version=\"1.0\"?><CTfile><Extra><Deep><Deeper>x</Deeper></Deep></Extra>"
                + "<Header><DocumentName>Common Transfer File</DocumentName><CTFversion>25.0</CTFversion>"
                + "<DataQualifier>X</DataQualifier><SuppInfo><SuppID>1</SuppID><Block><UPN>not a pupil</UPN></Block>"
                + "</SuppInfo><SourceSchool><LEA>801</LEA><Phone>01234</Phone><Estab>2000</Estab>"
                + "<AcademicYear>2025</AcademicYear></SourceSchool></Header>"
                + "<CTFpupilData><Notes><Pupil><UPN>hidden</UPN></Pupil></Notes>"
                + "<Pupil><UPN>" + TestCtf.UPN_1 + "</UPN><UniqueLearnerNumber>1234567890</UniqueLearnerNumber>"
                + "<Address><Line>1 High St</Line><Postcode>AB1 2CD</Postcode></Address><Surname>Okafor</Surname>"
                + "<StageAssessments><Summary>x</Summary><KeyStage><Stage>KS2</Stage><Note>n</Note>"
                + "<StageAssessment><Year>2026</Year><Subject>MAT</Subject><Method>TT</Method>"
                + "<Component>MTC</Component><ResultDate>2026-06-10</ResultDate><Audit><By>x</By></Audit>"
                + "<Result>20</Result></StageAssessment></KeyStage></StageAssessments></Pupil>"
                + "<Trailer/></CTFpupilData><After>x</After></CTfile>";

        TestCtf.Read read = TestCtf.read(xml);

        assertThat(read.header().sourceLa()).isEqualTo("801");
        assertThat(read.header().sourceEstab()).isEqualTo("2000");
        assertThat(read.header().academicYear()).isEqualTo("2025");
        assertThat(read.only().upn()).isEqualTo(TestCtf.UPN_1);
        assertThat(read.only().surname()).isEqualTo("Okafor");
        assertThat(read.only().assessments()).extracting(StageAssessment::component, StageAssessment::result)
                .containsExactly(tuple("MTC", "20"));
    }

    @Test
    void findsNcYearInsideABasicDetailsBlockWithNestedBlocks() throws Exception {
        String pupil = "<Pupil><UPN>" + TestCtf.UPN_1 + "</UPN><BasicDetails><FormerUPN/><MiddleNames>Jo</MiddleNames>"
                + "<Languages><Type><TypeID>FLL</TypeID><Language>ENG</Language></Type></Languages>"
                + "<Disabilities><Disability>NONE</Disability></Disabilities>"
                + "<NCyearActual> 4 </NCyearActual><EnrolStatus>C</EnrolStatus></BasicDetails>"
                + "<Surname>Okafor</Surname>" + "<StageAssessments>" + MTC_2026 + "</StageAssessments></Pupil>";

        CtfPupil p = TestCtf.read(TestCtf.file2026(pupil)).only();

        assertThat(p.ncYearActual()).isEqualTo("4");
        assertThat(p.surname()).isEqualTo("Okafor");
        assertThat(p.assessments()).hasSize(1);
    }

    @Test
    void readsCrlfLineEndingsAndCountsLinesAsTheFileShowsThem() throws Exception {
        String xml = TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "4", MTC_2026),
                TestCtf.pupil(TestCtf.UPN_2, "4", MTC_2026)).replace("\n", "\r\n");
        assertThat(xml).contains("\r\n");

        TestCtf.Read read = TestCtf.read(xml);

        // Line 1 declaration, 2 CTfile, 3 header, 4 CTFpupilData, then one pupil a line.
        assertThat(read.pupils()).extracting(CtfPupil::upn, CtfPupil::line)
                .containsExactly(tuple(TestCtf.UPN_1, 5), tuple(TestCtf.UPN_2, 6));
        assertThat(read.header().schoolName()).isEqualTo("Example Primary School");
    }

    @Test
    void readsAFileWithoutXmlDeclarationOrPupilData() throws Exception {
        TestCtf.Read read = TestCtf.read("<CTfile>" + TestCtf.header("25.0", "2025") + "</CTfile>");

        assertThat(read.header().schoolName()).isEqualTo("Example Primary School");
        assertThat(read.pupils()).isEmpty();
    }
}
