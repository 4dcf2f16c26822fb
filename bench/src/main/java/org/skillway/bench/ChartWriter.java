package org.skillway.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Draws the benchmark chart for {@code BENCHMARKS.md} from JMH's JSON results: one group of bars
 * per query direction (mean time per query, log scale, with the p99 as a whisker), one bar per
 * approach. Run: {@code java -Djava.awt.headless=true -cp "$(cat
 * bench/target/classpath.txt):bench/target/classes" org.skillway.bench.ChartWriter
 * docs/benchmarks.png "A profile against 100,000 vacancies=profile.json" "A vacancy against
 * 1,000,000 profiles=vacancy.json"}.
 */
public final class ChartWriter {
  private static final int WIDTH = 900;
  private static final int LEFT = 250;
  private static final int RIGHT = 40;
  private static final int BAR = 26;
  private static final Color[] COLOURS = {
    new Color(0x1b, 0x6e, 0x3c), new Color(0x8a, 0x8a, 0x8a), new Color(0x2b, 0x5c, 0x9e)
  };

  private record Result(String approach, double meanMs, double p99Ms) {}

  private record Group(String title, List<Result> results) {}

  private ChartWriter() {}

  public static void main(String[] args) throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    List<Group> groups = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String[] titleAndFile = args[i].split("=", 2);
      List<Result> results = new ArrayList<>();
      for (JsonNode run : json.readTree(new File(titleAndFile[1]))) {
        String name = run.get("benchmark").asString();
        JsonNode metric = run.get("primaryMetric");
        double unit = metric.get("scoreUnit").asString().startsWith("us") ? 1000 : 1;
        results.add(
            new Result(
                name.substring(name.lastIndexOf('.') + 1),
                metric.get("score").asDouble() / unit,
                metric.get("scorePercentiles").get("99.0").asDouble() / unit));
      }
      results.sort(java.util.Comparator.comparingDouble(Result::meanMs));
      groups.add(new Group(titleAndFile[0], results));
    }
    draw(groups, new File(args[0]));
  }

  private static void draw(List<Group> groups, File out) throws IOException {
    int rows = groups.stream().mapToInt(g -> g.results().size()).sum();
    int height = 70 + groups.size() * 40 + rows * (BAR + 10) + 50;
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    g.drawString("Top 10 per query: mean time (bar) and p99 (whisker), log scale", 20, 32);

    double min = 0.1;
    double max =
        groups.stream()
            .flatMap(gr -> gr.results().stream())
            .mapToDouble(Result::p99Ms)
            .max()
            .orElse(1000);
    double logMin = Math.log10(min);
    double logMax = Math.ceil(Math.log10(max));
    int plotWidth = WIDTH - LEFT - RIGHT;
    java.util.function.DoubleUnaryOperator x =
        ms -> LEFT + plotWidth * (Math.log10(Math.max(min, ms)) - logMin) / (logMax - logMin);

    int y = 60;
    int bottom = height - 50;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (double tick = min; tick <= Math.pow(10, logMax) * 1.001; tick *= 10) {
      int tx = (int) x.applyAsDouble(tick);
      g.setColor(new Color(0xdd, 0xdd, 0xdd));
      g.drawLine(tx, y, tx, bottom);
      g.setColor(Color.GRAY);
      g.drawString(format(tick) + " ms", tx - 14, bottom + 18);
    }
    for (Group group : groups) {
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
      g.setColor(Color.BLACK);
      g.drawString(group.title(), 20, y + 24);
      y += 40;
      for (int i = 0; i < group.results().size(); i++) {
        Result r = group.results().get(i);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.setColor(Color.BLACK);
        g.drawString(label(r.approach()), 40, y + BAR - 8);
        g.setColor(COLOURS[colour(r.approach())]);
        int end = (int) x.applyAsDouble(r.meanMs());
        g.fillRect(LEFT, y, end - LEFT, BAR);
        int whisker = (int) x.applyAsDouble(r.p99Ms());
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(2));
        g.drawLine(end, y + BAR / 2, whisker, y + BAR / 2);
        g.drawLine(whisker, y + 5, whisker, y + BAR - 5);
        String text =
            String.format(Locale.UK, "%s ms (p99 %s)", format(r.meanMs()), format(r.p99Ms()));
        int textX = Math.min(whisker + 8, WIDTH - 4 - g.getFontMetrics().stringWidth(text));
        g.setColor(Color.WHITE);
        g.fillRect(textX - 2, y + 3, g.getFontMetrics().stringWidth(text) + 4, BAR - 6);
        g.setColor(Color.BLACK);
        g.drawString(text, textX, y + BAR - 8);
        y += BAR + 10;
      }
    }
    g.dispose();
    ImageIO.write(image, "png", out);
  }

  private static String label(String approach) {
    return switch (approach) {
      case "index" -> "(a) Skillway index";
      case "bruteForce" -> "(b) brute force";
      case "lucene" -> "(c) Lucene 9.11.1";
      default -> approach;
    };
  }

  private static int colour(String approach) {
    return switch (approach) {
      case "index" -> 0;
      case "bruteForce" -> 1;
      default -> 2;
    };
  }

  private static String format(double ms) {
    return ms >= 100
        ? String.format(Locale.UK, "%,.0f", ms)
        : ms >= 1 ? String.format(Locale.UK, "%.1f", ms) : String.format(Locale.UK, "%.2f", ms);
  }
}
