package org.openreturns.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.synthetic.GeneratorSettings;
import org.openreturns.engine.synthetic.SchoolIdentity;
import org.openreturns.engine.synthetic.SyntheticLa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A load test of a running portal through its public API, as schools' MIS would use it on deadline day: first
 * {@code --concurrent} schools upload at the same moment and each waits for its findings (latency from the start of
 * the upload to the findings being visible), then every school of the LA uploads as fast as the client threads
 * allow (time to ingest the whole LA). School n is reached with the token {@code --token-pattern} formatted with n,
 * which is how demo mode names its tokens.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load-test a running portal: concurrent uploads, then a whole LA, through the API.")
final class LoadCommand implements Callable<Integer> {

    /** Submission states in which checking has not finished; anything else means the findings are visible. */
    private static final Set<String> PENDING = Set.of("RECEIVED", "CHECKING");

    /**
     * How often a waiting client asks again: about as often as a person's page refreshes or an MIS polls. Polling
     * much faster would only measure the load of the polls themselves; a time is late by at most this much.
     */
    private static final long POLL_MILLIS = 100;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The portal (default ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--token-pattern", defaultValue = "demo-token-%d",
            description = "API token of school n (default ${DEFAULT-VALUE}).")
    String tokenPattern;

    @Option(names = "--concurrent", defaultValue = "50", description = "Schools uploading at once (default ${DEFAULT-VALUE}).")
    int concurrent;

    @Option(names = "--la-schools", defaultValue = "320",
            description = "Schools in the whole-LA ingest; 0 skips it (default ${DEFAULT-VALUE}).")
    int laSchools;

    @Option(names = "--client-threads", defaultValue = "32",
            description = "Parallel uploads during the whole-LA ingest (default ${DEFAULT-VALUE}).")
    int clientThreads;

    @Option(names = "--pupils", defaultValue = "60", description = "Pupils per file (default ${DEFAULT-VALUE}).")
    int pupils;

    @Option(names = "--collection", defaultValue = "KS2_TA",
            description = "Collection whose open request each school uploads to (default ${DEFAULT-VALUE}).")
    Collection collection;

    @Option(names = "--error-rate", defaultValue = "0.05",
            description = "Share of pupils with an injected defect, so findings are written too (default ${DEFAULT-VALUE}).")
    double errorRate;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** What a school uploads: its token, its open request and the file's bytes. */
    private record Upload(int school, String token, long requestId, String fileName, byte[] bytes) {
    }

    /** One upload's outcome: milliseconds from the start of the upload until the findings were visible. */
    private record Timing(int school, long millis, String status) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int schools = Math.max(concurrent, laSchools);
        out.printf("Preparing %d schools' %s files of %d pupils from %s...%n", schools, collection, pupils, url);
        out.flush();
        List<Upload> uploads;
        try {
            uploads = prepare(schools);
        } catch (java.net.ConnectException e) {
            spec.commandLine().getErr().printf("openreturns: cannot reach the portal at %s: start it first "
                    + "(see the README's load test).%n", url);
            return 2;
        }

        out.printf("%nConcurrent uploads: %d schools at once%n", concurrent);
        List<Timing> burst = burst(uploads.subList(0, concurrent));
        report(out, burst);

        if (laSchools > 0) {
            out.printf("%nWhole LA: %d schools, %d client threads%n", laSchools, clientThreads);
            out.flush();
            long start = System.nanoTime();
            List<Timing> all = ingest(uploads.subList(0, laSchools));
            double seconds = (System.nanoTime() - start) / 1e9;
            report(out, all);
            out.printf(Locale.ROOT, "whole LA ingested: %d schools, %d pupils in %.1f s (%.1f schools/s)%n",
                    all.size(), (long) all.size() * pupils, seconds, all.size() / seconds);
        }
        out.flush();
        return 0;
    }

    private List<Upload> prepare(int schools) throws IOException, InterruptedException {
        List<SchoolIdentity> identities = new ArrayList<>();
        List<Long> requests = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        Integer year = null;
        for (int n = 1; n <= schools; n++) {
            String token = String.format(Locale.ROOT, tokenPattern, n);
            JsonNode school = get("/api/v1/school", token);
            identities.add(new SchoolIdentity(school.path("la").asText(), school.path("estab").asText(),
                    school.path("urn").asText(), school.path("name").asText()));
            JsonNode request = openRequest(get("/api/v1/file-requests", token), n);
            requests.add(request.path("id").asLong());
            year = request.path("year").asInt();
            tokens.add(token);
        }
        Path dir = Files.createTempDirectory("openreturns-load-");
        GeneratorSettings settings = GeneratorSettings.defaults().withPupilsPerSchool(pupils)
                .withYear(AcademicYear.ofSummer(year)).withErrorRate(errorRate);
        SyntheticLa.generate(settings, identities, dir);
        List<Upload> uploads = new ArrayList<>();
        for (int i = 0; i < schools; i++) {
            String name = SyntheticLa.fileName(identities.get(i), collection);
            uploads.add(new Upload(i + 1, tokens.get(i), requests.get(i), name,
                    Files.readAllBytes(dir.resolve(name))));
        }
        return uploads;
    }

    private JsonNode openRequest(JsonNode requests, int school) {
        JsonNode found = null;
        for (JsonNode r : requests) {
            if (collection.name().equals(r.path("collection").asText())
                    && (found == null || r.path("year").asInt() > found.path("year").asInt())) {
                found = r;
            }
        }
        if (found == null) {
            throw new IllegalStateException("School " + school + " has no " + collection + " file request. Start the "
                    + "portal in demo mode with at least that many schools (see the README's load test).");
        }
        return found;
    }

    /** Every upload starts at the same moment; each thread then waits for its own findings. */
    private List<Timing> burst(List<Upload> uploads) throws Exception {
        return run(uploads, uploads.size(), new CountDownLatch(1));
    }

    /** As fast as the client threads allow: each takes the next school as soon as its last one is checked. */
    private List<Timing> ingest(List<Upload> uploads) throws Exception {
        return run(uploads, clientThreads, new CountDownLatch(0));
    }

    private List<Timing> run(List<Upload> uploads, int threads, CountDownLatch go) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Timing>> futures = new ArrayList<>();
            for (Upload upload : uploads) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return uploadAndWait(upload);
                }));
            }
            go.countDown();
            List<Timing> timings = new ArrayList<>();
            for (Future<Timing> f : futures) {
                timings.add(f.get());
            }
            return timings;
        } finally {
            pool.shutdownNow();
        }
    }

    private Timing uploadAndWait(Upload upload) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String boundary = "----openreturns" + UUID.randomUUID();
        HttpRequest post = HttpRequest.newBuilder(URI.create(url + "/api/v1/file-requests/" + upload.requestId()
                        + "/submissions"))
                .header("Authorization", "Bearer " + upload.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, upload)))
                .build();
        HttpResponse<String> posted = http.send(post, HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() != 202) {
            throw new IllegalStateException("School " + upload.school() + ": upload answered " + posted.statusCode()
                    + ": " + posted.body());
        }
        long id = json.readTree(posted.body()).path("submissionId").asLong();
        while (true) {
            JsonNode submission = get("/api/v1/submissions/" + id, upload.token());
            String status = submission.path("status").asText();
            if (!PENDING.contains(status)) {
                return new Timing(upload.school(), (System.nanoTime() - start) / 1_000_000, status);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static byte[] multipart(String boundary, Upload upload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(upload.bytes().length + 512);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + upload.fileName() + "\"\r\nContent-Type: application/xml\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(upload.bytes());
        String comment = "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\n"
                + "Load test upload\r\n--" + boundary + "--\r\n";
        body.writeBytes(comment.getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private JsonNode get(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " with " + token + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private static void report(PrintWriter out, List<Timing> timings) {
        long[] ms = timings.stream().mapToLong(Timing::millis).sorted().toArray();
        long failed = timings.stream().filter(t -> !t.status().equals("CHECKED")).count();
        out.printf(Locale.ROOT, "upload to findings visible, ms: p50 %d, p95 %d, p99 %d, max %d (%d uploads)%n",
                percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), ms[ms.length - 1], ms.length);
        out.printf("final statuses: %s%n", Arrays.toString(timings.stream().map(Timing::status).distinct().sorted()
                .toArray()));
        if (failed > 0) {
            out.printf("%d uploads could not be checked (status FAILED): see the service's log%n", failed);
        }
        out.flush();
    }

    /** The nearest-rank percentile. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
