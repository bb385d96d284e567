package cn.govshare.evaluation;

import java.math.BigDecimal;

/**
 * One number of one department's yearly evaluation (R28) and where it came from.
 *
 * @param departmentId the evaluated department
 * @param key          stable English key of the figure, e.g. {@code requests.onTimeRate}
 * @param label        what a reader sees, in Chinese, e.g. 按时答复率
 * @param value        the figure
 * @param evidence     an {@code /api/...} path listing the records the figure was computed from
 */
public record EvaluationFigure(String departmentId, String key, String label, BigDecimal value, String evidence) {
}
