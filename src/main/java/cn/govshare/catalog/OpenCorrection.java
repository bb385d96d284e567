package cn.govshare.catalog;

import java.time.Instant;

public record OpenCorrection(String id, String description, String reporterDepartment, Instant reportedAt) {
}
