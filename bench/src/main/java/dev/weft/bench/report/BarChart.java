package dev.weft.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart on a log-scale y axis, written as standalone SVG: one group per
 * category, one bar per series, the value printed above each bar, a reference line at 1.
 */
final class BarChart {
    /**
     * @param name legend text
     * @param color fill colour
     * @param values one per category; NaN where the series has no value
     */
    record Series(String name, String color, double[] values) {
    }

    private static final int WIDTH = 960;
    private static final int HEIGHT = 460;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 92;
    private static final int BOTTOM = 60;

    private final String title;
    private final String subtitle;
    private final String yLabel;
    private final List<String> categories;
    private final List<Series> series;

    BarChart(String title, String subtitle, String yLabel, List<String> categories, List<Series> series) {
        this.title = title;
        this.subtitle = subtitle;
        this.yLabel = yLabel;
        this.categories = categories;
        this.series = series;
    }

    String toSvg() {
        double min = 1;
        double max = 1;
        for (Series s : series) {
            for (double v : s.values()) {
                if (v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        // half a tick below the smallest value, so that a bar of exactly that value still shows
        double logMin = Math.log10(min) - Math.log10(2) - 0.01;
        double logMax = Math.ceil(Math.log10(max) + 0.05);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"Helvetica, Arial, sans-serif\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        text(b, LEFT, 24, 16, "start", "bold", title);
        text(b, LEFT, 42, 11, "start", "normal", subtitle);
        // legend
        int lx = LEFT;
        for (Series s : series) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"54\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", lx, s.color()));
            text(b, lx + 16, 64, 12, "start", "normal", s.name());
            lx += 24 + 7 * s.name().length();
        }
        // grid and y ticks: 1, 2, 5 per decade
        for (double e = Math.floor(logMin); e <= logMax + 1e-9; e++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, e);
                double lv = Math.log10(v);
                if (lv < logMin - 1e-9 || lv > logMax + 1e-9) {
                    continue;
                }
                double y = y(lv, logMin, logMax, plotH);
                boolean one = Math.abs(v - 1) < 1e-9;
                b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"/>%n",
                        LEFT, y, WIDTH - RIGHT, y, one ? "#444" : "#ddd", one ? "1.2" : "1"));
                text(b, LEFT - 6, y + 4, 11, "end", "normal", (v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : format(v)) + "\u00d7");
            }
        }
        // y label
        b.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 16 %d)\">%s</text>%n", TOP + plotH / 2, TOP + plotH / 2, escape(yLabel)));
        // bars
        double groupW = (double) plotW / categories.size();
        double barW = Math.min(28, (groupW - 14) / series.size());
        for (int c = 0; c < categories.size(); c++) {
            double gx = LEFT + c * groupW + (groupW - barW * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).values()[c];
                double x = gx + s * barW;
                if (!(v > 0) || !Double.isFinite(v)) {
                    text(b, x + barW / 2, TOP + plotH - 4, 9, "middle", "normal", "n/a");
                    continue;
                }
                double y = y(Math.log10(v), logMin, logMax, plotH);
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                                + "<title>%s %s: %s\u00d7</title></rect>%n", x + 1, y, barW - 2, TOP + plotH - y,
                        series.get(s).color(), escape(categories.get(c)), escape(series.get(s).name()), format(v)));
                text(b, x + barW / 2, y - 3, 9, "middle", "normal", format(v));
            }
            text(b, LEFT + c * groupW + groupW / 2, TOP + plotH + 18, 12, "middle", "normal", categories.get(c));
        }
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n",
                LEFT, TOP + plotH, WIDTH - RIGHT, TOP + plotH));
        b.append("</svg>\n");
        return b.toString();
    }

    private static double y(double logValue, double logMin, double logMax, int plotH) {
        return TOP + plotH - (logValue - logMin) / (logMax - logMin) * plotH;
    }

    static String format(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (v >= 0.1) {
            return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static void text(StringBuilder b, double x, double y, int size, String anchor, String weight, String s) {
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" font-weight=\"%s\">%s</text>%n",
                x, y, size, anchor, weight, escape(s)));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
