package io.hyperscalelab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatasetSizeTest {

    @Test
    void scalingToTheLabsEventCountGivesTheLabsSize() {
        assertThat(DatasetSize.ofEvents(126_245)).isEqualTo(DatasetSize.LAB);
        assertThat(DatasetSize.LAB.users()).isEqualTo(264_308);
    }

    @Test
    void usersGrowWithEvents() {
        assertThat(DatasetSize.ofEvents(1_000_000)).isEqualTo(new DatasetSize(2_093_612, 1_000_000));
        assertThat(DatasetSize.ofEvents(100).users()).isEqualTo(DatasetSize.MIN_USERS);
    }

    @Test
    void refusesSizesTheGeneratorCannotFill() {
        assertThatThrownBy(() -> new DatasetSize(10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatasetSize(5_000, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
