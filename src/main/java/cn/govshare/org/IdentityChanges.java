package cn.govshare.org;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * A counter of identity changes on this node (users, groups, memberships, passwords, locks), bumped by
 * {@link IdentityChangePlugin} when the change is made and again when it commits. Whatever caches what
 * it read from the identity tables keeps the generation it read at and drops the entry when it moved.
 */
@Component
public class IdentityChanges {

  private final AtomicLong generation = new AtomicLong();

  public long generation() {
    return generation.get();
  }

  void changed() {
    generation.incrementAndGet();
  }
}
