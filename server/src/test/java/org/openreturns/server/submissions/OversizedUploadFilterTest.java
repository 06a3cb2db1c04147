package org.openreturns.server.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** An upload over the container's ceiling is answered before the security filters, never with a bare 403. */
class OversizedUploadFilterTest {

    private final OversizedUploadFilter filter = new OversizedUploadFilter(1000, 50);

    private MockHttpServletRequest upload(String path, int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType("multipart/form-data; boundary=x");
        request.setContent(new byte[bytes]);
        return request;
    }

    @Test
    void aPageUploadOverTheCeilingGoesBackToItsRequestWithAMessage() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(upload("/requests/42/submissions", 1001), response, chain);

        assertThat(response.getRedirectedUrl()).isEqualTo("/requests/42?too-large");
        assertThat(chain.getRequest()).as("the rest of the chain never sees it").isNull();
    }

    @Test
    void anApiUploadOverTheCeilingGets413WithTheReason() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(upload("/api/v1/file-requests/42/submissions", 5000), response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("50 MB for one file");
    }

    @Test
    void uploadsWithinTheCeilingPassThrough() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(upload("/requests/42/submissions", 1000), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }
}
