package org.openreturns.server.schools;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.multipart.MultipartFile;

/** The LA's school forms as submitted, components in page order (the error summary's order). */
final class SchoolForms {

    private SchoolForms() {
    }

    /** Phase and status must be one of GIAS's words; the controller checks them against its lists. */
    record Edit(
            @NotBlank(message = "{school.name.required}") @Size(max = 200, message = "{school.name.tooLong}")
            String name,
            String phase,
            String status,
            @Size(max = 254, message = "{school.email.format}")
            @Pattern(regexp = "|[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{school.email.format}") String email,
            @Size(max = 200, message = "{school.headName.tooLong}") String headName) {

        Edit {
            name = clean(name);
            phase = clean(phase);
            status = clean(status);
            email = clean(email);
            headName = clean(headName);
        }

        static Edit of(SchoolRepository.Details school) {
            return new Edit(school.name(), school.phase(), school.status(), school.email(), school.headName());
        }
    }

    record GiasImport(
            @Pattern(regexp = "\\d{3}", message = "{school.laCode.format}") String laCode,
            MultipartFile file) {

        GiasImport {
            laCode = clean(laCode);
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
