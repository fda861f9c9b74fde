package io.hyperscalelab.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The monthly cost the portal shows for a server group: the one calculation behind the Configure
 * pane, the Basics summary and Review + create's "Estimated cost per month".
 *
 * <p>Nothing is billed; the figures only make the form behave like Azure's. Where they come from:
 * <ul>
 *   <li>A month is 730 hours, the convention of Azure's pricing calculator.</li>
 *   <li>Standard tier: the lab's own Review + create screenshot shows 840.55 USD a month for a
 *       coordinator and 2 workers of 4 vCores and 0.5 TiB each, without high availability. With
 *       storage at 0.125 USD per GiB-month (Azure's general purpose SSD price of that time), the
 *       rest is compute. Workers have twice the memory per vCore of the coordinator (8 vs 4 GiB),
 *       so their vCore is priced higher: 0.078 vs 0.066 USD per vCore-hour. That gives 840.24 USD
 *       for the lab's configuration, within 0.1 % of the screenshot.</li>
 *   <li>Basic tier: Microsoft announced it "starting at $0.27 USD/hour" for the smallest node
 *       (2 vCores, 128 GiB), which with the same storage price is 0.124 USD per vCore-hour.</li>
 *   <li>High availability doubles every node, so it doubles the cost, as the pane says.</li>
 *   <li>Prices are the same in every location (Azure's differ by a few percent).</li>
 * </ul>
 */
public final class MonthlyCostEstimate {

    private static final BigDecimal HOURS_PER_MONTH = new BigDecimal("730");
    private static final BigDecimal STANDARD_WORKER_VCORE_HOUR = new BigDecimal("0.078");
    private static final BigDecimal STANDARD_COORDINATOR_VCORE_HOUR = new BigDecimal("0.066");
    private static final BigDecimal BASIC_VCORE_HOUR = new BigDecimal("0.124");
    private static final BigDecimal STORAGE_GIB_MONTH = new BigDecimal("0.125");

    /** One line of the cost summary. */
    public record Line(String label, BigDecimal usd) {
    }

    private MonthlyCostEstimate() {
    }

    /** The cost summary, line by line; {@link #total} is their sum. */
    public static List<Line> lines(ComputeConfiguration c) {
        List<Line> lines = new ArrayList<>();
        if (c.tier() == ComputeTier.BASIC) {
            lines.add(new Line("Node: " + c.workerVCores() + " vCores", compute(1, c.workerVCores(), BASIC_VCORE_HOUR)));
            lines.add(new Line("Storage: " + ComputeConfiguration.storage(c.workerStorageGiB()), storage(1, c.workerStorageGiB())));
        } else {
            lines.add(new Line("Coordinator node: " + c.coordinatorVCores() + " vCores",
                    compute(1, c.coordinatorVCores(), STANDARD_COORDINATOR_VCORE_HOUR)));
            lines.add(new Line("Worker nodes: " + c.workerCount() + " × " + c.workerVCores() + " vCores",
                    compute(c.workerCount(), c.workerVCores(), STANDARD_WORKER_VCORE_HOUR)));
            lines.add(new Line("Storage: coordinator " + ComputeConfiguration.storage(c.coordinatorStorageGiB()) + ", workers "
                    + c.workerCount() + " × " + ComputeConfiguration.storage(c.workerStorageGiB()),
                    storage(1, c.coordinatorStorageGiB()).add(storage(c.workerCount(), c.workerStorageGiB()))));
        }
        if (c.highAvailability()) {
            BigDecimal primaries = sum(lines);
            lines.add(new Line("High availability: a standby for every node", primaries));
        }
        return lines;
    }

    public static BigDecimal total(ComputeConfiguration c) {
        return sum(lines(c));
    }

    /** "1,440.05 USD", as the portal writes amounts. */
    public static String format(BigDecimal usd) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return format.format(usd) + " USD";
    }

    private static BigDecimal compute(int nodes, int vCores, BigDecimal pricePerVCoreHour) {
        return pricePerVCoreHour.multiply(HOURS_PER_MONTH).multiply(BigDecimal.valueOf((long) nodes * vCores))
                .setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal storage(int nodes, int gib) {
        return STORAGE_GIB_MONTH.multiply(BigDecimal.valueOf((long) nodes * gib)).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(List<Line> lines) {
        return lines.stream().map(Line::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
