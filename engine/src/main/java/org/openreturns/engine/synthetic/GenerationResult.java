package org.openreturns.engine.synthetic;

import java.nio.file.Path;
import java.util.List;

/** The files written, in the order written, the defects injected into them, how many pupils and bytes in all. */
public record GenerationResult(List<Path> files, List<InjectedDefect> defects, long pupils, long bytes) {

    public GenerationResult {
        files = List.copyOf(files);
        defects = List.copyOf(defects);
    }
}
