package cn.govshare.sharing;

import cn.govshare.deadline.DeadlineView;
import cn.govshare.notification.Notification;
import java.util.List;

/**
 * One share request as its parties read it (GET /api/share-requests/{id}): the request, its status in
 * Chinese, the grant it produced (fields, purpose, validity), every step with its deadline, every deadline
 * and what the applicant was told; for an upper platform's resource (R24) its progress there ({@code upper}).
 */
record ShareRequestDetail(ShareRequest request, Long id, String businessKey, RequestStatus status, String statusLabel,
    String resourceCode, String resourceName, Purpose purpose, String purposeLabel, String processInstanceId,
    Long grantId, Grant grant, String outcomeReason, String disputeRef, List<ShareRequestStepView> steps,
    List<DeadlineView> deadlines, List<Notification> notifications, Object upper) {
}
