package cn.govshare.org;

import cn.govshare.GenerationCache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns an authenticated user id into a {@link Caller}: real name, groups and department.
 *
 * <p>Every API call and every task decision needs the caller; resolving it is three identity queries.
 * Resolved callers, and the fact that a password was right, are kept for
 * {@code govshare.security.caller-cache-ttl} (default 10 s; 0 turns the cache off). Any identity write on
 * this node ({@link IdentityChanges}: membership, password, lock, user or group deleted) drops them at once;
 * on other nodes of a cluster the change shows within the TTL. A caller asked for all the time is checked again by
 * one request in the last fifth of the TTL while the others keep the entry ({@link GenerationCache}). Wrong passwords are never cached: each one
 * goes to Camunda, which counts the attempt and locks the account.
 */
@Component
public class CallerResolver {

  private final IdentityService identity;
  private final DepartmentService departments;
  private final GenerationCache<String, Entry> cache;
  /** Passwords are kept only as a keyed digest that dies with the process. */
  private final byte[] pepper = new SecureRandom().generateSeed(32);

  /** {@code passwordDigest}: null when the caller was resolved without a password (an engine actor). */
  private record Entry(Caller caller, byte[] passwordDigest) {
  }

  CallerResolver(IdentityService identity, DepartmentService departments, IdentityChanges changes,
      @Value("${govshare.security.caller-cache-ttl:PT10S}") Duration ttl) {
    this.identity = identity;
    this.departments = departments;
    this.cache = new GenerationCache<>(ttl, changes::generation);
  }

  /** HTTP Basic: the caller if the password is right (and the account not locked), else empty. */
  public Optional<Caller> authenticate(String userId, String password) {
    byte[] digest = digest(userId, password);
    Entry entry = cache.get(userId);
    if (entry != null && entry.passwordDigest() != null && MessageDigest.isEqual(entry.passwordDigest(), digest)) {
      return Optional.of(entry.caller());
    }
    long readAt = cache.generation();
    if (!identity.checkPassword(userId, password)) {
      return Optional.empty();
    }
    Caller caller = load(userId);
    cache.put(userId, new Entry(caller, digest), readAt);
    return Optional.of(caller);
  }

  /** The user the engine runs the current command for (Tasklist, /engine-rest), or null for the system. */
  public Caller engineActor() {
    var authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? null : resolve(authentication.getUserId());
  }

  public Caller resolve(String userId) {
    Entry entry = cache.get(userId);
    if (entry != null) {
      return entry.caller();
    }
    long readAt = cache.generation();
    Caller caller = load(userId);
    cache.put(userId, new Entry(caller, null), readAt);
    return caller;
  }

  private Caller load(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    String name = user == null ? userId
        : String.join("", nullToEmpty(user.getLastName()), nullToEmpty(user.getFirstName()));
    Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    String department = groups.stream().filter(g -> departments.find(g).isPresent()).sorted().findFirst().orElse(null);
    return new Caller(userId, name.isBlank() ? userId : name, department, groups);
  }

  private byte[] digest(String userId, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(pepper);
      sha.update(userId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return sha.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
