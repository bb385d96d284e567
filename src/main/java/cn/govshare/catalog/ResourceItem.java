package cn.govshare.catalog;

/** One field (信息项) of an entry; {@code basic} marks a basic item of a basic resource (R2). */
public record ResourceItem(String name, ShareType shareType, boolean basic) {

  public ResourceItem(String name, ShareType shareType) {
    this(name, shareType, false);
  }
}
