package io.hyperscalelab.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventClockTest {

    @Test
    void timesNeverGoBackAndFillTheFourHoursLikeTheLab() {
        int events = 200_000;
        EventClock clock = new EventClock(7, events);
        long[] perHour = new long[4];
        int previous = 0;
        for (int i = 0; i < events; i++) {
            int second = clock.second(i);
            assertThat(second).isBetween(previous, LabTime.WINDOW_SECONDS - 1);
            previous = second;
            perHour[second / 3600]++;
        }
        // The lab's commits per hour: 22160, 53562, 46540, 35002 (14%, 34%, 30%, 22%).
        assertThat(perHour[0] / (double) events).isBetween(0.12, 0.16);
        assertThat(perHour[1] / (double) events).isBetween(0.31, 0.37);
        assertThat(perHour[2] / (double) events).isBetween(0.27, 0.33);
        assertThat(perHour[3] / (double) events).isBetween(0.19, 0.25);
    }

    @Test
    void aFewEventsStillGetValidTimes() {
        EventClock clock = new EventClock(7, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(clock.second(i)).isBetween(0, LabTime.WINDOW_SECONDS - 1);
        }
    }
}
