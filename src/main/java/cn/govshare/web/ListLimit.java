package cn.govshare.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one allowed range of a list's {@code limit} parameter: 1 to {@value #MAX} (issue 18: 0, negative or
 * huge limits are a 400 naming the parameter, never a 500 or an unbounded read).
 */
@Min(1)
@Max(ListLimit.MAX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ListLimit {

  int MAX = 1000;

  String message() default "须在 1 到 " + MAX + " 之间";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
