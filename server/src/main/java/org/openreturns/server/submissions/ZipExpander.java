package org.openreturns.server.submissions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Opens a zip of CTF files within {@link UploadLimits}: counted entries, bytes counted as they are inflated (never
 * trusting the sizes the archive claims), no zip inside a zip, and only the last part of each entry's name, so that a
 * path in an archive can never point anywhere.
 */
final class ZipExpander {

    private ZipExpander() {
    }

    static boolean isZip(UploadedFile file) {
        byte[] c = file.content();
        return c.length >= 4 && c[0] == 'P' && c[1] == 'K' && c[2] == 3 && c[3] == 4;
    }

    static List<UploadedFile> expand(UploadedFile zip, UploadLimits limits) {
        String zipName = zip.name();
        long budget = Math.min(limits.maxUnzippedBytes(), (long) zip.content().length * limits.maxZipRatio());
        List<UploadedFile> entries = new ArrayList<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.content()))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory() || ignorable(entry.getName())) {
                    continue;
                }
                if (entries.size() >= limits.maxZipEntries()) {
                    throw new UploadRefused(zipName + " holds more than " + limits.maxZipEntries() + " files. Upload "
                            + "the CTF files for this request only, or fewer at a time.");
                }
                String name = baseName(entry.getName());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > budget) {
                        throw new UploadRefused(zipName + " unpacks to far more data than a set of CTF files could "
                                + "hold (more than " + (budget / (1024 * 1024)) + " MB), so it was not opened. Upload "
                                + "the .xml files themselves, or a zip made from them.");
                    }
                    if (out.size() + n > limits.maxFileBytes()) {
                        throw new UploadRefused(name + " in " + zipName + " is larger than the limit of "
                                + limits.maxFileMb() + " MB for one file. A CTF for one school is far smaller: "
                                + "check that this is the right file.");
                    }
                    out.write(buffer, 0, n);
                }
                byte[] content = out.toByteArray();
                UploadedFile inner = new UploadedFile(name, content);
                if (name.toLowerCase(Locale.ROOT).endsWith(".zip") || isZip(inner)) {
                    throw new UploadRefused(zipName + " contains another zip (" + name + "). Put the .xml files "
                            + "themselves in one zip, or upload them without zipping.");
                }
                entries.add(inner);
            }
        } catch (ZipException e) {
            throw new UploadRefused(zipName + " is not a zip file that can be opened (" + e.getMessage() + "). Make "
                    + "the zip again, or upload the .xml files themselves.");
        } catch (IOException e) {
            throw new UploadRefused(zipName + " could not be unpacked. Make the zip again, or upload the .xml files "
                    + "themselves.");
        }
        if (entries.isEmpty()) {
            throw new UploadRefused(zipName + " is an empty zip: it holds no files. Put your CTF .xml files in it, "
                    + "or upload them without zipping.");
        }
        return entries;
    }

    /** Folders and the clutter that archivers add (macOS resource forks, Windows thumbnails). */
    private static boolean ignorable(String entryName) {
        String base = baseName(entryName);
        return entryName.startsWith("__MACOSX/") || base.startsWith("._") || base.equalsIgnoreCase("Thumbs.db")
                || base.equals(".DS_Store") || base.isEmpty();
    }

    private static String baseName(String entryName) {
        String name = entryName.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
