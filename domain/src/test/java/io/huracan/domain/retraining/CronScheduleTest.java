package io.huracan.domain.retraining;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CronScheduleTest {

    @Test
    void everySixHoursOnTheHour() {
        var cron = CronSchedule.parse("0 */6 * * *");

        assertThat(cron.nextAfter(Instant.parse("2026-03-02T05:59:59Z"))).isEqualTo(Instant.parse("2026-03-02T06:00:00Z"));
        assertThat(cron.nextAfter(Instant.parse("2026-03-02T06:00:00Z"))).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
        assertThat(cron.nextAfter(Instant.parse("2026-03-02T18:30:00Z"))).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    }

    @Test
    void listsRangesAndWeekdays() {
        // 2026-03-02 is a Monday
        var weekdayMornings = CronSchedule.parse("15,45 9-10 * * 1-5");
        assertThat(weekdayMornings.nextAfter(Instant.parse("2026-03-06T10:45:00Z"))).isEqualTo(Instant.parse("2026-03-09T09:15:00Z"));
        var sunday = CronSchedule.parse("30 2 * * 7");
        assertThat(sunday.nextAfter(Instant.parse("2026-03-02T00:00:00Z"))).isEqualTo(Instant.parse("2026-03-08T02:30:00Z"));
    }

    @Test
    void restrictedDayOfMonthOrDayOfWeekMatchesEither() {
        // the 15th, or any Monday
        var cron = CronSchedule.parse("0 0 15 * 1");
        assertThat(cron.nextAfter(Instant.parse("2026-03-10T00:00:00Z"))).isEqualTo(Instant.parse("2026-03-15T00:00:00Z"));
        assertThat(cron.nextAfter(Instant.parse("2026-03-15T00:00:00Z"))).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
    }

    @Test
    void leapDayWaitsForALeapYear() {
        assertThat(CronSchedule.parse("0 0 29 2 *").nextAfter(Instant.parse("2026-03-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
    }

    @Test
    void badFieldsAreNamed() {
        assertThatThrownBy(() -> CronSchedule.parse("0 */6 * *"))
                .hasMessage("cron '0 */6 * *' is invalid; allowed: five fields (minute hour day-of-month month day-of-week), e.g. '0 */6 * * *'");
        assertThatThrownBy(() -> CronSchedule.parse("0 24 * * *"))
                .hasMessage("cron '0 24 * * *': hour '24' is invalid; allowed: *, a number 0-23, a range a-b, a step */n or a-b/n, or a list");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 31 2 *").nextAfter(Instant.parse("2026-01-01T00:00:00Z")))
                .hasMessage("cron '0 0 31 2 *' never fires (e.g. 31 February)");
    }
}
