package cn.govshare.deadline;

import java.util.List;

/** One page of ledger rows; {@code page} counts from 0. */
record DeadlinePage(List<DeadlineJson> content, int page, int size, long totalElements, long totalPages) {
}
