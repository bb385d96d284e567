package cn.govshare.supervision;

/** POST /api/rectification-orders: which violation, and what must be fixed. */
public record NewRectificationOrder(Long violationId, String requirement) {
}
