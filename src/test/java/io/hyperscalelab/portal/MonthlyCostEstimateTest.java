package io.hyperscalelab.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MonthlyCostEstimateTest {

    private static final ComputeConfiguration LAB = ComputeConfiguration.labDefault();

    @Test
    void theLabsConfigurationIsCloseToTheLabsScreenshot() {
        // Review + create in the lab's screenshot: 840.55 USD for this configuration.
        BigDecimal total = MonthlyCostEstimate.total(LAB);
        assertThat(total.doubleValue()).isCloseTo(840.55, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(MonthlyCostEstimate.format(total)).isEqualTo("840.24 USD");
    }

    @Test
    void moreWorkersCostOneWorkerMoreEach() {
        ComputeConfiguration three = withWorkers(3);
        ComputeConfiguration four = withWorkers(4);
        BigDecimal oneWorker = MonthlyCostEstimate.total(three).subtract(MonthlyCostEstimate.total(LAB));
        assertThat(oneWorker).isPositive();
        assertThat(MonthlyCostEstimate.total(four).subtract(MonthlyCostEstimate.total(three))).isEqualByComparingTo(oneWorker);
    }

    @Test
    void vCoresStorageAndHighAvailabilityEachRaiseTheCost() {
        BigDecimal base = MonthlyCostEstimate.total(LAB);
        assertThat(MonthlyCostEstimate.total(new ComputeConfiguration(ComputeTier.STANDARD, 2, 8, 512, 4, 512, false))).isGreaterThan(base);
        assertThat(MonthlyCostEstimate.total(new ComputeConfiguration(ComputeTier.STANDARD, 2, 4, 1024, 4, 512, false))).isGreaterThan(base);
        assertThat(MonthlyCostEstimate.total(new ComputeConfiguration(ComputeTier.STANDARD, 2, 4, 512, 8, 512, false))).isGreaterThan(base);
        assertThat(MonthlyCostEstimate.total(new ComputeConfiguration(ComputeTier.STANDARD, 2, 4, 512, 4, 512, true)))
                .isEqualByComparingTo(base.multiply(BigDecimal.valueOf(2)));
    }

    @Test
    void linesAddUpToTheTotal() {
        ComputeConfiguration big = new ComputeConfiguration(ComputeTier.STANDARD, 20, 64, 2048, 64, 2048, true);
        BigDecimal sum = MonthlyCostEstimate.lines(big).stream().map(MonthlyCostEstimate.Line::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(MonthlyCostEstimate.total(big));
        assertThat(MonthlyCostEstimate.format(MonthlyCostEstimate.total(big))).matches("\\d{1,3}(,\\d{3})+\\.\\d{2} USD");
    }

    @Test
    void basicTierMatchesItsAnnouncedHourlyStartingPrice() {
        ComputeConfiguration smallest = new ComputeConfiguration(ComputeTier.BASIC, 2, 2, 128, 2, 128, false);
        // "starting at $0.27 USD/hour", 730 hours a month.
        assertThat(MonthlyCostEstimate.total(smallest).doubleValue())
                .isCloseTo(0.27 * 730, org.assertj.core.data.Percentage.withPercentage(0.5));
    }

    private static ComputeConfiguration withWorkers(int workers) {
        return new ComputeConfiguration(LAB.tier(), workers, LAB.workerVCores(), LAB.workerStorageGiB(),
                LAB.coordinatorVCores(), LAB.coordinatorStorageGiB(), false);
    }
}
