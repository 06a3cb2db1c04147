package org.openreturns.server.cohorts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openreturns.server.collections.AssessmentCollection;
import org.openreturns.server.collections.CollectionService;
import org.openreturns.server.identity.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The LA's page of a collection's expected pupils: what the current list holds, school by school, and the upload
 * of a new list (census CTFs or a CSV), which replaces it. LA managers only (the security chain keeps others out of
 * {@code /la/**} changes; moderators and schools never see the lists).
 */
@Controller
class CohortPages {

    private final CollectionService collections;
    private final ExpectedCohorts cohorts;
    private final CohortLoader loader;

    CohortPages(CollectionService collections, ExpectedCohorts cohorts, CohortLoader loader) {
        this.collections = collections;
        this.cohorts = cohorts;
        this.loader = loader;
    }

    @GetMapping("/la/collections/{id}/cohort")
    String page(@PathVariable("id") long id, Model model) {
        return page(collection(id), Map.of(), model);
    }

    @PostMapping("/la/collections/{id}/cohort")
    String load(@PathVariable("id") long id, @RequestParam(name = "file", required = false) List<MultipartFile> files,
            Authentication auth, Model model, RedirectAttributes redirect) {
        AssessmentCollection c = collection(id);
        List<CohortLoader.Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty()) {
                continue;
            }
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "the file"
                    : file.getOriginalFilename();
            try {
                uploads.add(new CohortLoader.Upload(name, file.getBytes()));
            } catch (IOException e) {
                return page(c, Map.of("file", name + " could not be received (" + e.getMessage() + "). Try again."),
                        model);
            }
        }
        if (uploads.isEmpty()) {
            return page(c, Map.of("file", "Choose the census CTF files or the CSV file of the pupils you expect."),
                    model);
        }
        try {
            redirect.addFlashAttribute("outcome", loader.load(c, uploads, Actor.of(auth)));
        } catch (CohortLoader.Refused e) {
            return page(c, Map.of("file", String.join(" ", e.problems()) + " Nothing was loaded; the list of expected "
                    + "pupils is as it was."), model);
        }
        return "redirect:/la/collections/" + id + "/cohort";
    }

    private String page(AssessmentCollection c, Map<String, String> errors, Model model) {
        model.addAttribute("collection", c);
        model.addAttribute("current", cohorts.current(c.id()).orElse(null));
        model.addAttribute("yearGroups", CohortYearGroups.describe(c.kind()));
        model.addAttribute("errors", errors);
        return "cohorts/load";
    }

    private AssessmentCollection collection(long id) {
        return collections.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
