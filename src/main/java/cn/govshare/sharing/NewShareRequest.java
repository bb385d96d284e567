package cn.govshare.sharing;

import java.util.List;

/** The body of POST /api/share-requests (R11: resource, purpose, reason, using system). */
public record NewShareRequest(String resourceCode, Purpose purpose, String reason, String systemName,
    List<String> requestedFields) {
}
