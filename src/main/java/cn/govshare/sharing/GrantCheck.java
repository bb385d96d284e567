package cn.govshare.sharing;

/** The answer to a data call: may this department use this field of this resource for this purpose (R20)? */
public record GrantCheck(boolean allowed, Long grantId, String reason) {
}
