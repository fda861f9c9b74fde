package io.hyperscalelab.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComputeConfigurationTest {

    @Test
    void describesTheLabsDefaultInThePortalsWords() {
        ComputeConfiguration lab = ComputeConfiguration.labDefault();
        assertThat(lab.headline()).isEqualTo("Standard tier, 2 worker nodes");
        assertThat(lab.sizeLine()).isEqualTo("4 vCores per node, 64 GiB total RAM");
        assertThat(lab.workerDetails()).isEqualTo("4 vCores (32 GiB RAM), 0.5 TiB General Purpose storage, up to 3 IOPS / GiB");
        assertThat(lab.coordinatorDetails()).isEqualTo("4 vCores (16 GiB RAM), 0.5 TiB General Purpose storage, up to 3 IOPS / GiB");
        assertThat(lab.coordinatorEssentials()).isEqualTo("4 vCores / 16 GiB RAM, 0.5 TiB storage");
        assertThat(lab.workerEssentials()).isEqualTo("2 nodes, 4 vCores / 32 GiB RAM, 0.5 TiB storage");
        assertThat(lab.problem()).isEmpty();
    }

    @Test
    void ramFollowsAzuresTable() {
        int[][] table = {{4, 32, 16}, {8, 64, 32}, {16, 128, 64}, {32, 256, 128}, {64, 432, 256}};
        for (int[] row : table) {
            ComputeConfiguration c = new ComputeConfiguration(ComputeTier.STANDARD, 2, row[0], 512, row[0], 512, false);
            assertThat(c.workerRamGiB()).as("worker RAM at %d vCores", row[0]).isEqualTo(row[1]);
            assertThat(c.coordinatorRamGiB()).as("coordinator RAM at %d vCores", row[0]).isEqualTo(row[2]);
        }
    }

    @Test
    void storageIsWrittenAsThePortalDoes() {
        assertThat(ComputeConfiguration.storage(128)).isEqualTo("128 GiB");
        assertThat(ComputeConfiguration.storage(512)).isEqualTo("0.5 TiB");
        assertThat(ComputeConfiguration.storage(1024)).isEqualTo("1 TiB");
        assertThat(ComputeConfiguration.storage(1536)).isEqualTo("1.5 TiB");
        assertThat(ComputeConfiguration.storage(2048)).isEqualTo("2 TiB");
    }

    @Test
    void workerCountOutsideTwoToTwentyIsAProblem() {
        assertThat(new ComputeConfiguration(ComputeTier.STANDARD, 1, 4, 512, 4, 512, false).problem()).isPresent();
        assertThat(new ComputeConfiguration(ComputeTier.STANDARD, 20, 4, 512, 4, 512, false).problem()).isEmpty();
        assertThat(new ComputeConfiguration(ComputeTier.STANDARD, 21, 4, 512, 4, 512, false).problem()).isPresent();
        assertThat(new ComputeConfiguration(ComputeTier.STANDARD, 2, 6, 512, 4, 512, false).problem()).isPresent();
    }

    @Test
    void changingTierMovesSizesToTheNearestOffered() {
        ComputeConfiguration basic = ComputeConfiguration.labDefault().inTier(ComputeTier.BASIC);
        assertThat(basic.workerVCores()).isEqualTo(4);
        assertThat(basic.workerStorageGiB()).isEqualTo(512);
        ComputeConfiguration back = new ComputeConfiguration(ComputeTier.BASIC, 2, 2, 128, 2, 128, false).inTier(ComputeTier.STANDARD);
        assertThat(back.workerVCores()).isEqualTo(4);
        assertThat(back.workerStorageGiB()).isEqualTo(512);
        assertThat(back.problem()).isEmpty();
    }
}
