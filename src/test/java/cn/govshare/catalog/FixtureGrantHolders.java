package cn.govshare.catalog;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Test stand-in for sharing's grants: tests say which departments hold a grant on their own entries. */
@Component
class FixtureGrantHolders implements GrantHolders {

  private final Map<String, Set<String>> holders = new ConcurrentHashMap<>();

  void grant(String resourceCode, String... departments) {
    holders.put(resourceCode, Set.of(departments));
  }

  @Override
  public Set<String> activeHolders(String resourceCode) {
    return holders.getOrDefault(resourceCode, Set.of());
  }
}
