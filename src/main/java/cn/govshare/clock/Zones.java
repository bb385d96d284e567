package cn.govshare.clock;

import java.time.ZoneId;

/** Every date a person reads is in Asia/Shanghai; instants are stored in UTC (SPEC §7). */
public final class Zones {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private Zones() {
  }
}
