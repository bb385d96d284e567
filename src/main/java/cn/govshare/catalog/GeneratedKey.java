package cn.govshare.catalog;

/** Receives an AUTO_INCREMENT id from MyBatis, since records cannot. */
final class GeneratedKey {

  private Long id;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
