package cn.govshare.catalog;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.stereotype.Component;

/**
 * R7, nanchang 9: how many months ahead grant holders are told of a change or deletion, from the
 * active policy profile ({@code policy.limit("R7")}, unit MONTHS); a profile without R7 asks for none.
 * Read through the bean name of the contract so the catalogue works before the policy package exists;
 * without it the baseline applies (one month, nanchang 9).
 */
@Component
class NoticePeriod {

  static final int BASELINE_MONTHS = 1;
  static final String BASELINE_CITATION = "《南昌市政务信息资源共享开放管理办法》第九条（基线）";

  private final BeanFactory beans;
  private final ExpressionParser parser = new SpelExpressionParser();

  NoticePeriod(BeanFactory beans) {
    this.beans = beans;
  }

  int months() {
    if (!beans.containsBean("policy")) {
      return BASELINE_MONTHS;
    }
    Integer months = evaluate("@policy.has('R7') ? @policy.limit('R7').amount() : 0", Integer.class);
    return months == null ? BASELINE_MONTHS : months;
  }

  String citation() {
    if (!beans.containsBean("policy")) {
      return BASELINE_CITATION;
    }
    String citation = evaluate("@policy.has('R7') ? @policy.limit('R7').citationText() : null", String.class);
    return citation == null ? BASELINE_CITATION : citation;
  }

  private <T> T evaluate(String expression, Class<T> type) {
    StandardEvaluationContext context = new StandardEvaluationContext();
    context.setBeanResolver(new BeanFactoryResolver(beans));
    return parser.parseExpression(expression).getValue(context, type);
  }
}
