package cn.govshare.sharing;

/**
 * Published when a provider suspends or terminates a grant after finding misuse (R21): the user department's
 * misuse is a violation (R29, jinan 21(5) …). Inside the provider's transaction.
 */
public record GrantWithdrawn(long grantId, String department, String providerDept, String resourceCode,
    GrantStatus status, String reason, String actor) {
}
