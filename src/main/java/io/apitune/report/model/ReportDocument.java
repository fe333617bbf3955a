package io.apitune.report.model;

/** A report.json document: one run, or a combined file of several. */
public sealed interface ReportDocument permits RunReport, CombinedReport {
    /** Version of the report.json format this release writes (docs/report-schema.md). */
    int SCHEMA_VERSION = 2;
    /** The first release's version: throughput and latency counted every answer, OK or not. */
    int VERSION_1 = 1;

    int schemaVersion();

    String kind();

    String name();

    String runId();

    /** As stored; null when the document names no files. */
    FileNames files();

    /** Where its HTML page and interval log are: {@link #files()} or the defaults. */
    default FileNames fileNames() {
        return files() == null ? FileNames.RUN : files();
    }
}
