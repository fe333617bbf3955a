package io.apitune.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An inline SVG line chart: linear y axis from zero, linear x axis or caller-supplied x ticks
 * (used for the log-scaled percentile axis), any number of series and horizontal reference lines.
 * The output needs no script and no network; every label is HTML-escaped.
 *
 * <p>Single-threaded builder: build one chart on one thread, then call {@link #render()}.
 */
final class SvgChart {
    static final int WIDTH = 760;
    static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 34;
    private static final int TOP = 14;
    private static final int BOTTOM = 46;

    /**
     * One line; {@code dashed} draws it dashed (service time next to latency, for example),
     * {@code dotted} dotted (failed requests next to OK ones).
     */
    record Series(String label, String color, boolean dashed, double[] xs, double[] ys, boolean dotted) {
        /** A solid or dashed line. */
        Series(String label, String color, boolean dashed, double[] xs, double[] ys) {
            this(label, color, dashed, xs, ys, false);
        }

        String dashArray() {
            return dashed ? "6 4" : dotted ? "1 5" : null;
        }

        String borderStyle() {
            return dashed ? "dashed" : dotted ? "dotted" : "solid";
        }
    }

    /** A labelled position on the x axis. */
    record Tick(double value, String label) {
    }

    /** A horizontal line across the plot, e.g. an SLO. */
    record RefLine(double y, String label, String color) {
    }

    private final String kind;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<RefLine> refLines = new ArrayList<>();
    private List<Tick> xTicks;
    private boolean markers;

    /**
     * @param kind a short identifier written to {@code data-chart}, e.g. {@code spectrum}
     */
    SvgChart(String kind, String xLabel, String yLabel) {
        this.kind = kind;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    SvgChart add(Series s) {
        if (s.xs().length != s.ys().length) {
            throw new IllegalArgumentException("series '" + s.label() + "': xs and ys differ in length");
        }
        series.add(s);
        return this;
    }

    SvgChart refLine(RefLine line) {
        refLines.add(line);
        return this;
    }

    /** Fixed x ticks; the x range becomes [first tick, last tick]. */
    SvgChart xTicks(List<Tick> ticks) {
        this.xTicks = List.copyOf(ticks);
        return this;
    }

    /** Draws a dot at every point (useful for few points, e.g. capacity steps). */
    SvgChart markers() {
        this.markers = true;
        return this;
    }

    String render() {
        double[] xr = xRange();
        double yMax = Ticks.niceCeiling(yMax());
        StringBuilder svg = new StringBuilder(8192);
        svg.append(Html.fmt("<svg class=\"chart\" data-chart=\"%s\" viewBox=\"0 0 %d %d\" "
                + "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"%s against %s\">",
                Html.esc(kind), WIDTH, HEIGHT, Html.esc(yLabel), Html.esc(xLabel)));
        grid(svg, xr, yMax);
        for (RefLine line : refLines) {
            refLine(svg, line, yMax);
        }
        int drawn = 0;
        for (Series s : series) {
            drawn += path(svg, s, xr, yMax);
        }
        if (drawn == 0) {
            svg.append(Html.fmt("<text class=\"empty\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">no data</text>",
                    (LEFT + WIDTH - RIGHT) / 2, HEIGHT / 2));
        }
        svg.append("</svg>");
        return legend() + svg;
    }

    private double[] xRange() {
        if (xTicks != null && xTicks.size() >= 2) {
            return new double[] {xTicks.get(0).value(), xTicks.get(xTicks.size() - 1).value()};
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double x : s.xs()) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return new double[] {0, 1};
        }
        min = Math.min(min, 0);
        return new double[] {min, max > min ? Ticks.niceCeiling(max) : min + 1};
    }

    private double yMax() {
        double max = 0;
        for (Series s : series) {
            for (double y : s.ys()) {
                max = Double.isFinite(y) ? Math.max(max, y) : max;
            }
        }
        for (RefLine line : refLines) {
            max = Math.max(max, line.y());
        }
        return max * 1.05;
    }

    private static double px(double x, double[] xr) {
        return LEFT + (x - xr[0]) / (xr[1] - xr[0]) * (WIDTH - LEFT - RIGHT);
    }

    private static double py(double y, double yMax) {
        return HEIGHT - BOTTOM - y / yMax * (HEIGHT - TOP - BOTTOM);
    }

    private void grid(StringBuilder svg, double[] xr, double yMax) {
        svg.append("<g class=\"axes\">");
        for (double y : Ticks.linear(0, yMax)) {
            double p = py(y, yMax);
            svg.append(Html.fmt("<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT, WIDTH - RIGHT, p, p, LEFT - 6, p + 4, Html.num(y)));
        }
        List<Tick> ticks = xTicks != null ? xTicks : Ticks.linear(xr[0], xr[1]).stream()
                .map(v -> new Tick(v, Html.num(v))).toList();
        for (Tick t : ticks) {
            double p = px(t.value(), xr);
            svg.append(Html.fmt("<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    p, p, TOP, HEIGHT - BOTTOM, p, HEIGHT - BOTTOM + 16, Html.esc(t.label())));
        }
        svg.append(Html.fmt("<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>",
                LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, HEIGHT - BOTTOM));
        svg.append(Html.fmt("<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 8, Html.esc(xLabel)));
        svg.append(Html.fmt("<text class=\"label\" transform=\"translate(14 %d) rotate(-90)\" "
                + "text-anchor=\"middle\">%s</text></g>", (TOP + HEIGHT - BOTTOM) / 2, Html.esc(yLabel)));
    }

    private void refLine(StringBuilder svg, RefLine line, double yMax) {
        double p = py(line.y(), yMax);
        svg.append(Html.fmt("<g class=\"ref\"><line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" "
                + "stroke=\"%s\" stroke-dasharray=\"2 4\" stroke-width=\"2\"/>"
                + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\">%s</text></g>",
                LEFT, WIDTH - RIGHT, p, p, Html.esc(line.color()), WIDTH - RIGHT - 4, p - 5,
                Html.esc(line.color()), Html.esc(line.label())));
    }

    private int path(StringBuilder svg, Series s, double[] xr, double yMax) {
        StringBuilder d = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < s.xs().length; i++) {
            if (!Double.isFinite(s.ys()[i]) || !Double.isFinite(s.xs()[i])) {
                continue;
            }
            double x = px(s.xs()[i], xr);
            double y = py(s.ys()[i], yMax);
            d.append(d.length() == 0 ? 'M' : 'L').append(Html.fmt("%.1f %.1f ", x, y));
            if (markers || s.xs().length == 1) {
                dots.append(Html.fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>",
                        x, y, Html.esc(s.color())));
            }
        }
        if (d.length() == 0) {
            return 0;
        }
        svg.append(Html.fmt("<path class=\"series\" d=\"%s\" stroke=\"%s\"%s><title>%s</title></path>",
                d.toString().trim(), Html.esc(s.color()),
                s.dashArray() == null ? "" : " stroke-dasharray=\"" + s.dashArray() + "\"",
                Html.esc(s.label())));
        svg.append(dots);
        return 1;
    }

    private String legend() {
        StringBuilder html = new StringBuilder("<div class=\"legend\">");
        for (Series s : series) {
            html.append(Html.fmt("<span><i style=\"border-color:%s;border-top-style:%s\"></i>%s</span>",
                    Html.esc(s.color()), s.borderStyle(), Html.esc(s.label())));
        }
        for (RefLine r : refLines) {
            html.append(Html.fmt("<span><i style=\"border-color:%s;border-top-style:dotted\"></i>%s</span>",
                    Html.esc(r.color()), Html.esc(r.label())));
        }
        return html.append("</div>").toString();
    }
}
