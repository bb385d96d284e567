package cn.govshare.deadline;

import java.util.List;

/**
 * Published once per breach batch (issue 25), inside the breach timer's command, instead of one
 * {@link DeadlineBreached} per deadline: the listeners write the batch's reports, register entries, audit records
 * and notices with one statement per kind. Every breach of the batch is in it exactly once.
 */
public record DeadlinesBreached(List<DeadlineBreached> breaches) {

  public DeadlinesBreached {
    breaches = List.copyOf(breaches);
  }
}
