package cn.govshare.federation.api;

import java.util.List;

/**
 * POST /api/federation/v1/applications, sent with an {@code Idempotency-Key} header: an application that
 * passed the lower platform's normative check, going up (nanchang 16). One department for an ordinary
 * application; several with {@code bulk} for a bulk application (整体授权, R24). The departments are the
 * lower platform's own; at the upper platform they only say for whom the grants are made, never who acts.
 *
 * @param purpose ADMINISTRATIVE_BASIS, WORK_REFERENCE, DATA_VERIFICATION or BUSINESS_COLLABORATION (R17)
 * @param requestedFields item names; empty asks for every item
 * @param lowerReference the lower platform's own reference (its share request's business key), echoed back
 */
public record ForwardedApplication(String resourceCode, String purpose, String reason, String systemName,
    List<String> requestedFields, String lowerReference, boolean bulk, List<LowerDepartment> departments) {
}
