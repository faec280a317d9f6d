package fr.aptic.qualification.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The token bucket behind the submission rate limit: a burst, then one more per period, refilled continuously. */
class SubmissionRateLimitFilterTest {

    static final long SECOND = Duration.ofSeconds(1).toNanos();

    /** A clock the test moves by hand. */
    static final class Clock implements TimeMeter {
        long now = 1_000 * SECOND;

        @Override
        public long currentTimeNanos() {
            return now;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    /** 0 when a token was taken, else how long until one is (nanoseconds). */
    static long take(Bucket bucket) {
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    @Test
    void allowsTheBurstThenOneMorePerPeriodAndSaysHowLongToWait() {
        Clock clock = new Clock();
        Bucket bucket = SubmissionRateLimitFilter.bucket(2, Duration.ofSeconds(60), clock);
        assertThat(take(bucket)).isZero();
        assertThat(take(bucket)).isZero();
        assertThat(take(bucket)).isBetween(59 * SECOND, 60 * SECOND + 1);
        clock.now += 30 * SECOND;
        assertThat(take(bucket)).isBetween(29 * SECOND, 30 * SECOND + 1);
        clock.now += 31 * SECOND;
        assertThat(take(bucket)).isZero();
        assertThat(take(bucket)).isPositive();
    }

    @Test
    void refillsNoFurtherThanTheBurst() {
        Clock clock = new Clock();
        Bucket bucket = SubmissionRateLimitFilter.bucket(3, Duration.ofSeconds(1), clock);
        take(bucket);
        clock.now += 3600 * SECOND;
        assertThat(bucket.getAvailableTokens()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(take(bucket)).isZero();
        }
        assertThat(take(bucket)).isPositive();
    }
}
