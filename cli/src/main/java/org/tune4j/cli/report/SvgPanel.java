package org.tune4j.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One small scatter plot as inline SVG: points with optional vertical error bars, on a linear or
 * log10 x axis or on named categories, with axis ticks and titles. Not thread-safe (a builder: add
 * points, then {@link #svg()}).
 *
 * <pre>{@code
 * SvgPanel p = SvgPanel.numeric("learn_rate", "accuracy", true);
 * p.point(0.001, 0.8, 0.02);
 * String svg = p.svg();
 * }</pre>
 */
final class SvgPanel {
  static final int DEFAULT_WIDTH = 300;
  static final int HEIGHT = 220;
  private static final int LEFT = 52;
  private static final int RIGHT = 12;
  private static final int TOP = 12;
  private static final int BOTTOM = 40;

  private record Point(double x, double y, double err, boolean highlight) {}

  private final String xTitle;
  private final String yTitle;
  private final boolean logX;
  private final List<String> categories;
  private final List<Point> points = new ArrayList<>();
  private int width = DEFAULT_WIDTH;

  private SvgPanel(String xTitle, String yTitle, boolean logX, List<String> categories) {
    this.xTitle = xTitle;
    this.yTitle = yTitle;
    this.logX = logX;
    this.categories = categories;
  }

  /** A panel with a numeric x axis (log10 when {@code logX}). */
  static SvgPanel numeric(String xTitle, String yTitle, boolean logX) {
    return new SvgPanel(xTitle, yTitle, logX, null);
  }

  /** A panel whose x axis holds the given categories, in order. */
  static SvgPanel categorical(String xTitle, String yTitle, List<String> categories) {
    return new SvgPanel(xTitle, yTitle, false, List.copyOf(categories));
  }

  /** Adds a point; {@code err} is the half-length of its error bar (0 or NaN for none). */
  SvgPanel point(double x, double y, double err) {
    return point(x, y, err, false);
  }

  /** Adds a point, drawn larger and darker when {@code highlight}. */
  SvgPanel point(double x, double y, double err, boolean highlight) {
    if (Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0)) {
      points.add(new Point(logX ? Math.log10(x) : x, y, Double.isFinite(err) ? err : 0, highlight));
    }
    return this;
  }

  /** The panel as a wide {@code <svg>} element: about 60 pixels per category, at least the default width. */
  String wide() {
    width = Math.max(DEFAULT_WIDTH, 80 + 60 * (categories == null ? 10 : categories.size()));
    return svg();
  }

  /** The panel as an {@code <svg>} element. */
  String svg() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" role=\"img\">", width, HEIGHT, width, HEIGHT));
    sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"plot\"/>",
        LEFT, TOP, width - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
    double[] xr = xRange();
    double[] yr = yRange();
    for (double t : ticks(yr[0], yr[1])) {
      double py = py(t, yr);
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
          + "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>", LEFT, width - RIGHT, py, py,
          LEFT - 4, py + 3, label(t)));
    }
    if (categories != null) {
      for (int i = 0; i < categories.size(); i++) {
        sb.append(xTick(px(i, xr), Html.escape(categories.get(i))));
      }
    } else {
      for (double t : logX ? logTicks(xr[0], xr[1]) : ticks(xr[0], xr[1])) {
        sb.append(xTick(px(t, xr), logX ? label(Math.pow(10, t)) : label(t)));
      }
    }
    for (Point p : points) {
      double x = px(p.x, xr);
      if (p.err > 0) {
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"err\"/>",
            x, x, py(p.y - p.err, yr), py(p.y + p.err, yr)));
      }
      sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" class=\"%s\"/>", x, py(p.y, yr),
          p.highlight ? "4.5" : "3", p.highlight ? "pt best" : "pt"));
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"title\" text-anchor=\"middle\">%s%s</text>",
        LEFT + (width - LEFT - RIGHT) / 2, HEIGHT - 6, Html.escape(xTitle), logX ? " (log10 scale)" : ""));
    sb.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" class=\"title\" text-anchor=\"middle\""
        + " transform=\"rotate(-90 12 %d)\">%s</text>", TOP + (HEIGHT - TOP - BOTTOM) / 2,
        TOP + (HEIGHT - TOP - BOTTOM) / 2, Html.escape(yTitle)));
    return sb.append("</svg>").toString();
  }

  private String xTick(double px, String text) {
    return String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" class=\"axis\"/>"
        + "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>", px, px, HEIGHT - BOTTOM,
        HEIGHT - BOTTOM + 4, px, HEIGHT - BOTTOM + 15, text);
  }

  private double[] xRange() {
    if (categories != null) {
      return new double[] {-0.5, categories.size() - 0.5};
    }
    return pad(points.stream().mapToDouble(Point::x).min().orElse(0), points.stream().mapToDouble(Point::x).max()
        .orElse(1));
  }

  private double[] yRange() {
    return pad(points.stream().mapToDouble(p -> p.y - p.err).min().orElse(0),
        points.stream().mapToDouble(p -> p.y + p.err).max().orElse(1));
  }

  private static double[] pad(double lo, double hi) {
    double span = hi - lo;
    if (span <= 0) {
      double d = lo == 0 ? 1 : Math.abs(lo) * 0.1;
      return new double[] {lo - d, hi + d};
    }
    return new double[] {lo - span * 0.08, hi + span * 0.08};
  }

  private double px(double x, double[] r) {
    return LEFT + (x - r[0]) / (r[1] - r[0]) * (width - LEFT - RIGHT);
  }

  private double py(double y, double[] r) {
    return HEIGHT - BOTTOM - (y - r[0]) / (r[1] - r[0]) * (HEIGHT - TOP - BOTTOM);
  }

  /** Whole powers of ten in [lo, hi] when there are two or more, else round values. */
  static List<Double> logTicks(double lo, double hi) {
    List<Double> out = new ArrayList<>();
    for (double t = Math.ceil(lo); t <= hi; t++) {
      out.add(t);
    }
    return out.size() >= 2 ? out : ticks(lo, hi);
  }

  /** About five round tick values covering [lo, hi]. */
  static List<Double> ticks(double lo, double hi) {
    double raw = (hi - lo) / 5;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
    List<Double> out = new ArrayList<>();
    for (double t = Math.ceil(lo / step) * step; t <= hi + 1e-12 && out.size() < 12; t += step) {
      out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
    }
    return out;
  }

  private static String label(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e4 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.0e", v);
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
  }
}
