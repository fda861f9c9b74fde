package io.hyperscalelab.classroom;

import java.time.Duration;
import java.time.Instant;

/**
 * A class as it is stored.
 *
 * @param code    what learners type to join it (see {@link ClassCode})
 * @param endsAt  when its lab time is up: created at plus the lab duration, plus any extensions
 * @param endedAt when the instructor ended it (its learners' groups were deleted); null while it runs
 */
public record Classroom(long id, long instructorId, String name, int seats, Duration labDuration, String code,
                        Instant createdAt, Instant endsAt, Instant endedAt) {

    public boolean ended() {
        return endedAt != null;
    }
}
