package dev.stageport.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A line chart drawn with Java2D: p99 latency (y, linear) against rows in the
 * table (x, logarithmic), one line per query, plus the budget as a dashed line;
 * one panel per database, stacked, on the same x axis so that sizes line up.
 */
final class Chart {

    private static final int W = 900;
    private static final int PANEL_H = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 230;
    private static final int TITLE = 34;
    private static final int TOP = 30;
    private static final int BOTTOM = 50;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf), Color.BLACK, new Color(0x555599)};

    /** One database: its sizes and, per query, the p99 per size (same order as sizes). */
    record Panel(String name, List<Long> sizes, Map<String, double[]> series) {
    }

    private Chart() {
    }

    static void write(Path png, String title, List<Panel> panels, double budget) throws IOException {
        int height = TITLE + PANEL_H * panels.size();
        BufferedImage image = new BufferedImage(W, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 24);
        List<Long> all = panels.stream().flatMap(p -> p.sizes().stream()).sorted().toList();
        double minX = Math.log10(all.get(0));
        double maxX = Math.log10(all.get(all.size() - 1));
        for (int i = 0; i < panels.size(); i++) {
            panel(g, panels.get(i), TITLE + i * PANEL_H, minX, maxX, budget);
        }
        g.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(image, "png", png.toFile());
    }

    private static void panel(Graphics2D g, Panel panel, int top, double minX, double maxX, double budget) {
        double max = budget * 1.2;
        for (double[] values : panel.series().values()) {
            for (double v : values) {
                max = Math.max(max, v * 1.1);
            }
        }
        int plotTop = top + TOP;
        int plotW = W - LEFT - RIGHT;
        int plotH = PANEL_H - TOP - BOTTOM;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(panel.name(), LEFT + 80, plotTop - 10);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(LEFT, plotTop, plotW, plotH);
        for (int i = 0; i <= 5; i++) {
            double v = max * i / 5;
            int y = plotTop + plotH - (int) (plotH * i / 5.0);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT + 1, y, LEFT + plotW - 1, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.0f", v), LEFT - 40, y + 4);
        }
        g.drawString("p99 (ms)", 8, plotTop - 10);
        for (long size : panel.sizes()) {
            int x = x(size, minX, maxX, plotW);
            g.drawString(String.format(Locale.ROOT, "%,d rows", size), x - 30, plotTop + plotH + 20);
        }
        int budgetY = plotTop + y(budget, max, plotH);
        g.setColor(Color.RED);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 6}, 0));
        g.drawLine(LEFT, budgetY, LEFT + plotW, budgetY);
        g.drawString(String.format(Locale.ROOT, "budget %.0f ms", budget), LEFT + 5, budgetY - 4);
        int index = 0;
        for (Map.Entry<String, double[]> line : panel.series().entrySet()) {
            Color color = COLORS[index % COLORS.length];
            g.setColor(color);
            g.setStroke(new BasicStroke(2f));
            double[] values = line.getValue();
            for (int i = 0; i < values.length; i++) {
                int x = x(panel.sizes().get(i), minX, maxX, plotW);
                int y = plotTop + y(values[i], max, plotH);
                g.fillOval(x - 3, y - 3, 7, 7);
                if (i > 0) {
                    g.drawLine(x(panel.sizes().get(i - 1), minX, maxX, plotW),
                            plotTop + y(values[i - 1], max, plotH), x, y);
                }
            }
            int legendY = plotTop + 14 + index * 18;
            g.fillRect(W - RIGHT + 15, legendY - 9, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(line.getKey(), W - RIGHT + 33, legendY + 2);
            index++;
        }
    }

    private static int x(long size, double minX, double maxX, int plotW) {
        double f = maxX == minX ? 0.5 : (Math.log10(size) - minX) / (maxX - minX);
        return LEFT + 20 + (int) ((plotW - 40) * f);
    }

    /** From the plot's top edge. */
    private static int y(double value, double max, int plotH) {
        return plotH - (int) (plotH * Math.min(value, max) / max);
    }
}
