package cn.govshare.supervision;

import java.util.List;

/** POST /api/violations: a kind that needs judgement, the department, what happened and the evidence. */
public record NewViolation(ViolationKind kind, String department, String description, String caseLink,
    List<Long> auditRecordIds) {
}
