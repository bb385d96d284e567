package cn.govshare.clock;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Every date a person reads is in Asia/Shanghai; instants are stored in UTC (SPEC §7). */
public final class Zones {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** An instant as people read it in a message: {@code 2025-10-17 24:00} style, Asia/Shanghai. */
  public static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI);

  private Zones() {
  }
}
