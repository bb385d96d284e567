package cn.govshare.federation.api;

/** One data item (信息项) of an upper-level resource, with its own share type (R1). */
public record UpperCatalogItem(String name, String shareType, boolean basic) {
}
