package cn.govshare.federation.api;

import java.time.Instant;
import java.util.List;

/**
 * GET /api/federation/v1/applications?changedSince=…: the caller's applications changed at or after the
 * cursor (oldest change first, at most {@link #LIMIT}); pass {@code asOf} back as the next cursor. When
 * {@code more} is true, ask again at once with the last element's {@code changedAt}.
 */
public record UpperApplications(Instant asOf, boolean more, List<UpperApplication> applications) {

  public static final int LIMIT = 200;

  public UpperApplications {
    applications = List.copyOf(applications);
  }
}
