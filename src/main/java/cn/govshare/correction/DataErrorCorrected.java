package cn.govshare.correction;

/**
 * Published when a correction's verification found an error and the provider corrected it (R22): the data the
 * provider shared did not match (R29, jinan 21(3) …). Inside the transaction of the provider's completion.
 */
public record DataErrorCorrected(long correctionId, String businessKey, String providerDept, String resourceCode,
    String note) {
}
