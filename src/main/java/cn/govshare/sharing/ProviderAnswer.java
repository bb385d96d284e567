package cn.govshare.sharing;

import java.time.Instant;

/** R28 evidence: one answer of a provider to a share request, with its grounds (the answer's comment). */
record ProviderAnswer(long requestId, String businessKey, String resourceCode, String providerDept,
    String applicantDept, String outcome, String grounds, Instant answeredAt) {
}
