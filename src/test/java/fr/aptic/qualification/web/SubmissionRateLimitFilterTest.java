package fr.aptic.qualification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The token bucket behind the submission rate limit: a burst, then one more per period. */
class SubmissionRateLimitFilterTest {

    static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void allowsTheBurstThenOneMorePerPeriodAndSaysHowLongToWait() {
        long start = System.nanoTime();
        var bucket = new SubmissionRateLimitFilter.Bucket(2, 60 * SECOND, start);
        assertThat(bucket.tryTake(start)).isZero();
        assertThat(bucket.tryTake(start)).isZero();
        assertThat(bucket.tryTake(start)).isBetween(59 * SECOND, 60 * SECOND + 1);
        assertThat(bucket.tryTake(start + 30 * SECOND)).isBetween(29 * SECOND, 30 * SECOND + 1);
        assertThat(bucket.tryTake(start + 61 * SECOND)).isZero();
        assertThat(bucket.tryTake(start + 61 * SECOND)).isPositive();
        assertThat(bucket.tryTake(start))
                .as("an earlier reading of the clock gives nothing back")
                .isPositive();
    }

    @Test
    void refillsNoFurtherThanTheBurst() {
        long start = System.nanoTime();
        var bucket = new SubmissionRateLimitFilter.Bucket(3, SECOND, start);
        assertThat(bucket.isFull(start + 3600 * SECOND)).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake(start + 3600 * SECOND)).isZero();
        }
        assertThat(bucket.tryTake(start + 3600 * SECOND)).isPositive();
    }
}
