package cn.govshare.catalog;

/** R2: the basic information resources (人口, 法人单位, 自然资源和空间地理, 社会信用, 电子证照). */
public enum BasicKind {
  POPULATION,
  LEGAL_ENTITY,
  GEOSPATIAL,
  CREDIT,
  E_LICENCE
}
