package org.openreturns.engine.ctf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The characteristics blocks as an MIS lays out a full CTF: extra elements inside them are skipped. */
class CtfCharacteristicsTest {

    private static final String FULL = """
            <Pupil><UPN>A801200026001</UPN><Surname>Okafor</Surname><Forename>Amara</Forename><DOB>2019-01-15</DOB>
              <Sex>F</Sex>
              <BasicDetails><NCyearActual>1</NCyearActual><Ethnicity>BAFR</Ethnicity>
                <Languages>
                  <Type><LanguageType>H</LanguageType><Language>ENG</Language></Type>
                  <Type><LanguageType>f</LanguageType><Language>yor</Language></Type>
                </Languages>
                <MedicalFlag>false</MedicalFlag></BasicDetails>
              <LookedAfter><InCare>false</InCare><CareAuthority>801</CareAuthority></LookedAfter>
              <SENhistory>
                <SEN><StartDate>2024-09-04</StartDate><SENprovision>K</SENprovision>
                  <SENneeds><SENneed><SENtypeRank>1</SENtypeRank><SENtype>SLCN</SENtype></SENneed></SENneeds></SEN>
              </SENhistory>
              <FSMhistory><FSMreviewDate>2026-03-01</FSMreviewDate>
                <FSMinstance><FSMstartDate>2023-09-05</FSMstartDate><UKcountry>ENG</UKcountry></FSMinstance>
              </FSMhistory>
              <StageAssessments/></Pupil>""";

    @Test
    void readsTheBlocksAndSkipsWhatTheyDoNotNeed() throws Exception {
        CtfPupil p = TestCtf.read(TestCtf.file2026(FULL)).only();

        assertThat(p.ncYearActual()).isEqualTo("1");
        assertThat(p.characteristics()).isEqualTo(new CtfPupil.Characteristics(
                List.of(new CtfPupil.FsmPeriod("2023-09-05", null, "ENG")),
                List.of(new CtfPupil.SenRecord("2024-09-04", "K")), "YOR", false));
    }

    @Test
    void aPupilWithoutTheBlocksHasNoCharacteristics() throws Exception {
        CtfPupil p = TestCtf.read(TestCtf.file2026(TestCtf.pupil("A801200026001", "1"))).only();

        assertThat(p.characteristics()).isNull();
        assertThat(p.ncYearActual()).isEqualTo("1");
    }

    @Test
    void onlyTheBlocksPresentAreCarried() throws Exception {
        String pupil = FULL.replaceAll("(?s)<SENhistory>.*</SENhistory>", "")
                .replaceAll("(?s)<Languages>.*</Languages>", "<Languages/>")
                .replaceAll("(?s)<LookedAfter>.*</LookedAfter>", "<LookedAfter><InCare>maybe</InCare></LookedAfter>");
        CtfPupil p = TestCtf.read(TestCtf.file2026(pupil)).only();

        assertThat(p.characteristics().sen()).isNull();
        assertThat(p.characteristics().firstLanguage()).isEmpty();
        assertThat(p.characteristics().inCare()).isNull();
        assertThat(p.characteristics().fsm()).hasSize(1);
    }
}
