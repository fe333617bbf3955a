package io.apitune.report;

/**
 * The page skeleton: head with the inline stylesheet, header, sections. No script, no external
 * resource, so the file works offline and in any viewer.
 *
 * <p>Single-threaded builder.
 */
final class HtmlPage {
    private static final String CSS = """
            :root{--fg:#0f172a;--muted:#64748b;--line:#e2e8f0;--bg:#f8fafc;--card:#fff;--accent:#2563eb}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
              color:var(--fg);background:var(--bg)}
            main{max-width:1040px;margin:0 auto;padding:24px 20px 48px}
            header{border-bottom:1px solid var(--line);padding-bottom:12px;margin-bottom:18px}
            h1{font-size:22px;margin:0 0 4px;overflow-wrap:anywhere}
            h2{font-size:16px;margin:0 0 10px}
            .meta{color:var(--muted);overflow-wrap:anywhere}
            .badge{display:inline-block;padding:1px 8px;border-radius:10px;background:#e0e7ff;color:#3730a3;
              font-size:12px;font-weight:600;margin-right:6px;vertical-align:middle}
            .badge.warn{background:#fee2e2;color:#991b1b}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(130px,1fr));gap:10px;margin:0 0 18px}
            .card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 12px}
            .card b{display:block;font-size:20px;font-variant-numeric:tabular-nums}
            .card span{color:var(--muted);font-size:12px}
            section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;
              margin:0 0 16px;overflow-x:auto}
            section p.note{color:var(--muted);margin:6px 0 0;font-size:12px}
            svg.chart{width:100%;height:auto;display:block}
            svg.chart text{font-size:11px;fill:#475569}
            svg.chart text.label{font-size:12px;fill:#334155}
            svg.chart text.empty{font-size:14px;fill:var(--muted)}
            svg.chart line.grid{stroke:#eef2f7}
            svg.chart line.axis{stroke:#94a3b8}
            svg.chart path.series{fill:none;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}
            .legend{display:flex;flex-wrap:wrap;gap:4px 16px;margin:0 0 6px;font-size:12px;color:#334155}
            .legend i{display:inline-block;width:22px;border-top:3px solid;margin-right:6px;vertical-align:middle}
            table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top;
              overflow-wrap:anywhere}
            thead th{color:var(--muted);font-weight:600}
            table.num td,table.rows td{font-variant-numeric:tabular-nums}
            table.num{width:auto;min-width:60%}
            table.num td{text-align:right;padding-left:28px}
            tbody th{font-weight:500;color:#334155;white-space:nowrap}
            .muted{color:var(--muted)} .pass{color:#15803d} .fail,.worse{color:#b91c1c} .better{color:#15803d}
            tr.failed td{background:#fef2f2}
            ul.findings{margin:12px 0 0;padding-left:20px} ul.findings li{margin:0 0 4px}
            footer{color:var(--muted);font-size:12px;margin-top:24px}
            """;

    private final StringBuilder body = new StringBuilder(64 * 1024);
    private final String title;

    HtmlPage(String title) {
        this.title = title;
    }

    HtmlPage header(String badge, String heading, String meta, boolean warn) {
        body.append("<header><h1>").append(badge == null ? "" : "<span class=\"badge\">" + Html.esc(badge)
                + "</span>").append(Html.esc(heading)).append("</h1><div class=\"meta\">")
                .append(warn ? "<span class=\"badge warn\">interrupted</span>" : "")
                .append(Html.esc(meta)).append("</div></header>");
        return this;
    }

    /** Summary cards: pairs of (value, caption), both escaped. */
    HtmlPage cards(String... valueCaptionPairs) {
        body.append("<div class=\"cards\">");
        for (int i = 0; i + 1 < valueCaptionPairs.length; i += 2) {
            body.append("<div class=\"card\"><b>").append(Html.esc(valueCaptionPairs[i])).append("</b><span>")
                    .append(Html.esc(valueCaptionPairs[i + 1])).append("</span></div>");
        }
        body.append("</div>");
        return this;
    }

    /** A section with an escaped heading and trusted inner HTML (built by this package). */
    HtmlPage section(String heading, String innerHtml, String note) {
        body.append("<section><h2>").append(Html.esc(heading)).append("</h2>").append(innerHtml);
        if (note != null) {
            body.append("<p class=\"note\">").append(Html.esc(note)).append("</p>");
        }
        body.append("</section>");
        return this;
    }

    String render(String footer) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src data:\">"
                + "<title>" + Html.esc(title) + "</title><style>" + CSS + "</style></head><body><main>"
                + body + "<footer>" + Html.esc(footer) + "</footer></main></body></html>\n";
    }
}
