package cn.govshare.deadline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 催办: someone urged an open step. {@code party} is the urging department (the applicant's) or
 * {@code supervisors}; {@code holders} the users or groups told.
 */
public record Urge(Long id, long deadlineId, String party, LocalDate workingDay, Instant urgedAt, String urgedBy,
    String urgedByName, String holders) {
}
