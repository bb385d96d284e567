package cn.govshare.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The end of a time limit: the last working day and the instant the period ends (24:00 of that day,
 * Asia/Shanghai, i.e. the next day's 00:00). {@code fallback}: some day counted lay in a year without
 * official data, so only weekends were skipped (SPEC §3).
 */
public record Due(LocalDate dueDate, Instant dueAt, boolean fallback) {
}
