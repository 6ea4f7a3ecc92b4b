package kr.jsoft.privacyportal.policy;

import java.util.List;

/**
 * What one import of {@code policies/} did, per version label. {@code refusedFiles} names the
 * files of published versions that changed since publication: they were not imported.
 */
public record ImportReport(List<String> imported, List<String> unchanged, List<String> draftsUpdated,
                           List<String> refusedFiles, List<String> invalidFolders) {
}
