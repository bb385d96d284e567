package cn.govshare.catalog;

import java.util.Set;

/**
 * Extension point, implemented by sharing: the departments holding an active grant on a resource.
 * They must be told of a change or retirement at least the notice period ahead (R7, nanchang 9).
 */
public interface GrantHolders {

  Set<String> activeHolders(String resourceCode);
}
