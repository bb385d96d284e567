package cn.govshare.catalog;

/** R27: a published resource whose service API declares a health URL, probed for the availability statistics. */
public record HealthCheck(String resourceCode, String providerDept, String url) {
}
