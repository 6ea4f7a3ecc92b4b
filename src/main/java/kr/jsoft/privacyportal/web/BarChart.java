package kr.jsoft.privacyportal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bar chart drawn on the server as SVG by the {@code staff-parts :: chart} fragment: stacked
 * bars per group (a week, a state), an optional limit line (a deadline), and the same numbers as a
 * table beside it. This class only does the geometry, so the template holds no arithmetic and no
 * style: shapes carry classes ({@code s0}…{@code s5}) that {@code staff.css} colours. No script,
 * no inline style, nothing downloaded: the Content-Security-Policy stays {@code 'self'}.
 *
 * @param id          unique on the page (for the title and description ids)
 * @param title       what the chart shows, in words (SVG {@code <title>} and the figure's caption)
 * @param description its finding in a sentence (SVG {@code <desc>}), e.g. "3 of 12 past the deadline"
 * @param series      the names of the stacked parts, in words; at most six
 * @param groups      the bars, left to right
 * @param limit       a value drawn as a dashed line (a deadline), or null
 * @param limitLabel  the line's label, or null
 */
public record BarChart(String id, String title, String description, List<String> series, List<Group> groups,
                       Double limit, String limitLabel) {
    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    static final int LEFT = 44;
    static final int RIGHT = 12;
    static final int TOP = 14;
    static final int BOTTOM = 44;

    public BarChart {
        Objects.requireNonNull(id);
        series = List.copyOf(series);
        groups = List.copyOf(groups);
        if (series.size() > 6) {
            throw new IllegalArgumentException("at most six series: " + series.size());
        }
    }

    /** One bar: its label and one value per series (in the series' order). */
    public record Group(String label, List<Double> values) {
        public Group {
            values = List.copyOf(values);
        }

        public double total() {
            return values.stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** One bar per week: {@code values[week][series]}, labelled by the week's Monday. */
    public static List<Group> weekly(Weeks weeks, double[][] values) {
        List<Group> groups = new ArrayList<>();
        for (int w = 0; w < weeks.size(); w++) {
            List<Double> row = new ArrayList<>();
            for (double v : values[w]) {
                row.add(v);
            }
            groups.add(new Group(weeks.label(w), row));
        }
        return groups;
    }

    /** A drawn rectangle, with the text a screen reader or a tooltip gives for it. */
    public record Rect(double x, double y, double width, double height, String cssClass, String label) {
    }

    /** A label on an axis. */
    public record Tick(double x, double y, String text) {
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public double plotLeft() {
        return LEFT;
    }

    public double plotRight() {
        return WIDTH - RIGHT;
    }

    public double plotBottom() {
        return HEIGHT - BOTTOM;
    }

    public double plotTop() {
        return TOP;
    }

    /** The top of the value axis: the largest bar or the limit, rounded up to a step. */
    public double axisMax() {
        double max = groups.stream().mapToDouble(Group::total).max().orElse(0);
        if (limit != null) {
            max = Math.max(max, limit);
        }
        double step = step(max);
        return Math.max(step, Math.ceil(max / step) * step);
    }

    private static double step(double max) {
        if (max <= 5) {
            return 1;
        }
        double raw = max / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double[] nice = {1, 2, 2.5, 5, 10};
        for (double n : nice) {
            if (n * magnitude >= raw) {
                return n * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private double y(double value) {
        return plotBottom() - value / axisMax() * (plotBottom() - plotTop());
    }

    /** Every bar part, bottom to top within each group. */
    public List<Rect> rects() {
        List<Rect> rects = new ArrayList<>();
        if (groups.isEmpty()) {
            return rects;
        }
        double slot = (plotRight() - plotLeft()) / groups.size();
        double barWidth = Math.min(48, slot * 0.62);
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            double x = plotLeft() + slot * g + (slot - barWidth) / 2;
            double base = 0;
            for (int s = 0; s < group.values().size(); s++) {
                double value = group.values().get(s);
                if (value <= 0) {
                    continue;
                }
                double top = y(base + value);
                rects.add(new Rect(round(x), round(top), round(barWidth), round(y(base) - top), "s" + s,
                        group.label() + " · " + series.get(s) + ": " + format(value)));
                base += value;
            }
        }
        return rects;
    }

    /** Labels under the bars (every group; the template thins them by CSS if needed). */
    public List<Tick> groupTicks() {
        List<Tick> ticks = new ArrayList<>();
        double slot = groups.isEmpty() ? 0 : (plotRight() - plotLeft()) / groups.size();
        for (int g = 0; g < groups.size(); g++) {
            ticks.add(new Tick(round(plotLeft() + slot * g + slot / 2), plotBottom() + 16, groups.get(g).label()));
        }
        return ticks;
    }

    /** Value-axis labels and grid lines: 0 and five steps. */
    public List<Tick> valueTicks() {
        List<Tick> ticks = new ArrayList<>();
        double max = axisMax();
        double step = step(max);
        for (double v = 0; v <= max + 1e-9; v += step) {
            ticks.add(new Tick(plotLeft() - 6, round(y(v)), format(v)));
        }
        return ticks;
    }

    /** The limit line's height, or null without a limit. */
    public Double limitY() {
        return limit == null ? null : round(y(limit));
    }

    /** The numbers of the table beside the chart: per group, per series, and the total. */
    public String cell(Group group, int series) {
        return format(group.values().get(series));
    }

    public String total(Group group) {
        return format(group.total());
    }

    public boolean empty() {
        return groups.stream().allMatch(g -> g.total() == 0);
    }

    static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
