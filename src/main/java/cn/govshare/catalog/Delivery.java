package cn.govshare.catalog;

/** R9, county 13: system docking, front-end processor, online query or batch download. */
public enum Delivery {
  SYSTEM_DOCKING,
  FRONT_END_PROCESSOR,
  ONLINE_QUERY,
  BATCH_DOWNLOAD
}
