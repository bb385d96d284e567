package cn.govshare.catalog;

/** R9: how the resource is shared; a service API carries its interface description and call method. */
public record ShareMode(ShareModeType type, Delivery delivery, String interfaceDescription, String callMethod) {
}
