package cn.govshare.catalog;

/** R9, nanchang 12: table 库表, file 文件 or service API 服务接口. */
public enum ShareModeType {
  TABLE,
  FILE,
  SERVICE_API
}
