package cn.govshare;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The beans of a kind, asked once: an engine plugin exists before the beans it consults, so it asks for them the
 * first time it needs them, inside an engine command, after every bean exists.
 */
final class KnownBeans<T> {

  private final ObjectProvider<T> provider;
  private volatile List<T> all;

  KnownBeans(ObjectProvider<T> provider) {
    this.provider = provider;
  }

  List<T> all() {
    List<T> known = all;
    if (known == null) {
      known = provider.orderedStream().toList();
      all = known;
    }
    return known;
  }
}
