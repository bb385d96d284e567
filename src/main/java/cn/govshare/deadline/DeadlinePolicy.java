package cn.govshare.deadline;

/** TEMPORARY bridge to the policy of CONTRACT.md ({@code ActivePolicy}); removed when branch policy lands. */
interface DeadlinePolicy {

  String profile();

  boolean has(String rule);

  Limit limit(String rule);

  enum Unit { WORKING_DAYS, MONTHS, NONE }

  record Limit(String rule, String step, int amount, Unit unit, boolean specified, String citation) {
  }
}
