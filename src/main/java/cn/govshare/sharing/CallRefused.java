package cn.govshare.sharing;

/**
 * Published for a data call refused although the department holds an active grant for the resource: a use
 * outside the granted purpose or scope (R20). The violation register counts them against a threshold (R29).
 */
public record CallRefused(String department, String providerDept, String resourceCode, Purpose purpose, String field,
    String reason) {
}
