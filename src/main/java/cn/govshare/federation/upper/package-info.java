/**
 * Federation, upper side (R24; nanchang 14, 16; hubei 12, 18): this platform as the upper platform of lower
 * ones. Serves Wire API v1 ({@link cn.govshare.federation.api}) to the lower platforms' service accounts
 * ({@link Peers}); a forwarded application becomes a share request here, run under this platform's profile by
 * its own operator and provider ({@link ForwardedApplications}); its grants go to the listed lower departments.
 */
package cn.govshare.federation.upper;
