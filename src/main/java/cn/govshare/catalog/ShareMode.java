package cn.govshare.catalog;

/**
 * R9: how the resource is shared; a service API carries its interface description and call method, and may
 * declare a health URL the platform probes for the availability statistics (R27).
 */
public record ShareMode(ShareModeType type, Delivery delivery, String interfaceDescription, String callMethod,
    String healthUrl) {

  public ShareMode(ShareModeType type, Delivery delivery, String interfaceDescription, String callMethod) {
    this(type, delivery, interfaceDescription, callMethod, null);
  }
}
