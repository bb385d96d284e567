package cn.govshare.catalog;

/** R5: basic 基础, thematic 主题 or department 部门 information resource. */
public enum Classification {
  BASIC,
  THEMATIC,
  DEPARTMENT
}
