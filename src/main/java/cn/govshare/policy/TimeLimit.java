package cn.govshare.policy;

/**
 * One time limit of a policy profile: the rule it implements, the step's Chinese name, the number
 * and unit, whether the regulation itself sets the number ({@code specified=false}: 未规定, 采用基线)
 * and the citation a task, a deadline and a breach show.
 */
public record TimeLimit(String rule, String step, int amount, LimitUnit unit, boolean specified, String citation) {

  public static final String UNSPECIFIED = "未规定, 采用基线";

  /** Whether a deadline is kept for this step (a limit with no number raises no breach). */
  public boolean timed() {
    return unit != LimitUnit.NONE;
  }

  /** The citation as shown to people, e.g. 《湖北省…》（鄂政办发〔2018〕59号）第二十条. */
  public String citationText() {
    return citation;
  }

  /** e.g. "10个工作日" or "未规定时限". */
  public String amountText() {
    return timed() ? amount + unit.chinese() : "未规定时限";
  }
}
