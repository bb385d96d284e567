package cn.govshare;

/**
 * How long process history and GovShare's records must be kept at least (national art. 29: records of
 * use ≥ 3 years; nanchang 24: logs ≥ 6 months): the larger of the profile's and the national retention.
 * Provided by the policy package, enforced at deployment by the audit package.
 */
public interface RecordRetention {

  /** Minimum history time to live in days. */
  int minimumDays();

  /** The rules and articles the minimum comes from, for the refusal message. */
  String citation();
}
