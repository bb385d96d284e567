package cn.govshare.federation.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A time limit of the application as the upper platform counts it under its own profile and calendar (R24:
 * shown to the lower applicant as reported, never recomputed below).
 *
 * @param step the step id at the upper platform, e.g. normativeCheck, providerAuthorization
 * @param rule the rule of the upper platform's profile, e.g. R13
 * @param article the article the rule cites, e.g. 湖北省办法第二十条
 * @param dueAt the last instant of the limit
 * @param dueDate the last working day (Beijing time)
 * @param dueText the limit in words, e.g. 5个工作日内（2025年10月14日前）
 * @param state OPEN, MET, BREACHED, … (the deadline ledger's states); stateLabel in Chinese
 */
public record UpperDeadline(String step, String stepName, String rule, String article, Instant dueAt,
    LocalDate dueDate, String dueText, String state, String stateLabel) {
}
