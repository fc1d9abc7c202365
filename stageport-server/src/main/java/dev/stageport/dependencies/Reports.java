package dev.stageport.dependencies;

import dev.stageport.dependencies.api.ApplicationIssue;
import dev.stageport.dependencies.api.ElementIssue;
import dev.stageport.dependencies.api.PublicApplicationReport;
import java.util.List;
import java.util.stream.Stream;

/** The global status of a report follows its worst finding. */
final class Reports {

    private Reports() {
    }

    static String status(List<PublicApplicationReport> impacted) {
        List<String> severities = impacted.stream().flatMap(r -> Stream.concat(
                r.elementLevelIssues() == null ? Stream.empty()
                        : r.elementLevelIssues().stream().map(ElementIssue::conflictSeverity),
                r.applicationLevelIssues() == null ? Stream.empty()
                        : r.applicationLevelIssues().stream().map(ApplicationIssue::conflictSeverity))).toList();
        return of(severities);
    }

    static String of(List<String> severities) {
        if (severities.contains("Error")) {
            return "ErrorsFound";
        }
        return severities.isEmpty() ? "NoIssuesFound" : "WarningsFound";
    }
}
