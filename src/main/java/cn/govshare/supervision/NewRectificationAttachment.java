package cn.govshare.supervision;

/** POST /api/rectification-orders/{id}/attachments: one file of the answer, Base64 in JSON. */
public record NewRectificationAttachment(String fileName, String contentType, String base64) {
}
