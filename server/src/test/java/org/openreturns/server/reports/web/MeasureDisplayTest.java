package org.openreturns.server.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.server.PortalTest;
import org.openreturns.server.accounts.UserRepository;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.reports.calculations.Measures;
import org.openreturns.server.testing.Fixtures;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Report pages show each figure as the DfE publishes it (EYFSP percentages to 1 dp, not whole numbers) and say who
 * each measure counts, naming the choice made where the DfE leaves it open (issue 10 items 8 and 9).
 */
@PortalTest
class MeasureDisplayTest {

    @Autowired
    Fixtures f;

    @Autowired
    MockMvc mvc;

    @Autowired
    Measures measures;

    @Autowired
    UserRepository users;

    private String page(String path, PortalUser who) throws Exception {
        String html = mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ");
    }

    @Test
    void eyfspPercentagesShowToOneDecimalPlaceAndEachMeasureSaysWhoItCounts() throws Exception {
        long collection = f.collection(Collection.EYFSP);
        TestSchool school = f.upload(collection, f.school(collection, "Rowan Infant School"), 14, 57);
        List<MeasureValue> expected = Fixtures.engineCount(List.of(school), measures.suppressBelow());
        MeasureValue gld = expected.stream().filter(v -> v.school() != null && v.id().equals("eyfsp.gld"))
                .findFirst().orElseThrow();

        String report = page("/requests/" + school.requestId() + "/report", school.head());

        assertThat(report).contains(gld.label() + " "
                + BigDecimal.valueOf(gld.value()).setScale(1, RoundingMode.HALF_UP).toPlainString() + "% ");
        assertThat(report).contains("Who each measure counts")
                .contains("Children with all 17 at A (an exemption) are left out");
        PortalUser officer = users.findByEmail("officer@demo.openreturns.org").orElseThrow();
        assertThat(page("/la/collections/" + collection + "/report", officer))
                .contains("Who each measure counts").contains("Children with all 17 at A (an exemption) are left out");
    }
}
