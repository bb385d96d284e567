package cn.govshare.sharing;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of POST /api/share-requests (R11: resource, purpose, reason, using system). Lengths are those
 * of gs_share_request's columns: a longer value is refused (400 naming the field), never cut.
 */
public record NewShareRequest(
    @Size(max = 64, message = "不能超过 {max} 个字符") String resourceCode,
    Purpose purpose,
    @Size(max = 2000, message = "不能超过 {max} 个字符") String reason,
    @Size(max = 255, message = "不能超过 {max} 个字符") String systemName,
    @Size(max = 200, message = "最多 {max} 项") List<@Size(max = 200, message = "不能超过 {max} 个字符") String>
        requestedFields) {

  /** gs_share_request.requested_fields holds the names joined by commas. */
  static final int MAX_REQUESTED_FIELDS = 2000;
}
