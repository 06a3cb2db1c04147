package org.openreturns.server.submissions;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload larger than the servlet container accepts is refused before any controller runs; this turns that into
 * the same clear message as any other refused upload, a page for people and a problem document for the API.
 */
@ControllerAdvice
class UploadTooLargeAdvice {

    private final UploadLimits limits;

    UploadTooLargeAdvice(UploadLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        String message = "The upload is larger than the limit of " + limits.maxFileMb() + " MB for one file. A CTF "
                + "for one school is far smaller: check that these are the right files.";
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, message);
            problem.setTitle("Upload refused");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView page = new ModelAndView("submissions/too-large");
        page.addObject("message", message);
        page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        return page;
    }
}
