package cn.govshare.statistics;

import java.time.LocalDate;

/** One counter row of {@code gs_data_call_count}. */
record DailyCalls(LocalDate day, String resourceCode, String userDept, String providerDept, DataCallOutcome outcome,
    long calls) {
}
