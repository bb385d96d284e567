package cn.govshare.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC keys of the audit chain (R26): never in the database, so write access to the database alone
 * cannot re-hash an edited row. Each key has an id stored with every record it signed; the current key
 * signs new records, retired keys only verify old ones (rotation: docs/security.md).
 *
 * <p>Entries read {@code <id>:<base64 secret>}: {@code govshare.audit.key} (the current key), the lines of
 * {@code govshare.audit.key-file} (the last line is current unless {@code govshare.audit.key} is set) and
 * {@code govshare.audit.retired-keys}.
 */
final class AuditKeys {

  private static final Logger LOG = LoggerFactory.getLogger(AuditKeys.class);
  private static final String HMAC = "HmacSHA256";
  private static final int MIN_SECRET_BYTES = 32;

  private final Map<String, byte[]> keys;
  private final String currentId;
  /** Macs are not thread-safe; doFinal resets one for the next use. */
  private final ThreadLocal<Map<String, Mac>> macs = ThreadLocal.withInitial(HashMap::new);

  private AuditKeys(Map<String, byte[]> keys, String currentId) {
    this.keys = keys;
    this.currentId = currentId;
  }

  /**
   * Reads the configured keys; without any, {@code generate} decides: true (demo, embedded) writes a new
   * key file and logs where, false ({@code prod}) stops the start-up.
   */
  static AuditKeys load(String key, Path keyFile, List<String> retired, boolean generate, Clock clock) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    String current = null;
    for (String entry : retired) {
      if (!entry.isBlank()) {
        put(keys, entry.trim(), "govshare.audit.retired-keys");
      }
    }
    if (keyFile != null && Files.isRegularFile(keyFile)) {
      for (String line : readLines(keyFile)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          current = put(keys, line.trim(), keyFile.toString());
        }
      }
    }
    if (key != null && !key.isBlank()) {
      current = put(keys, key.trim(), "govshare.audit.key");
    }
    if (current == null) {
      if (!generate || keyFile == null) {
        throw new IllegalStateException("审计链密钥未配置：生产环境须设置 govshare.audit.key（环境变量 GOVSHARE_AUDIT_KEY）"
            + "或 govshare.audit.key-file，密钥不得存放在数据库中（R26，docs/security.md）");
      }
      String line = generated(clock);
      write(keyFile, "# GovShare audit chain HMAC key (R26). Keep a copy off this machine; never put it in the database.\n"
          + line + "\n");
      LOG.warn("No audit key configured: generated {} (demo/embedded only; production needs govshare.audit.key "
          + "or govshare.audit.key-file)", keyFile.toAbsolutePath());
      current = put(keys, line, keyFile.toString());
    }
    return new AuditKeys(Map.copyOf(keys), current);
  }

  /** Test and tool use: one key. */
  static AuditKeys of(String id, byte[] secret) {
    return new AuditKeys(Map.of(id, secret.clone()), id);
  }

  String currentId() {
    return currentId;
  }

  Set<String> ids() {
    return keys.keySet();
  }

  boolean has(String id) {
    return keys.containsKey(id);
  }

  /** Hex HMAC-SHA256 of {@code text} under key {@code id}. */
  String mac(String id, String text) {
    byte[] secret = keys.get(id);
    if (secret == null) {
      throw new IllegalStateException("audit key " + id + " is not configured");
    }
    // one initialised Mac per thread and key: the provider lookup and key set-up cost more than a record's HMAC
    Mac mac = macs.get().computeIfAbsent(id, key -> initialised(secret));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static Mac initialised(byte[] secret) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String put(Map<String, byte[]> keys, String entry, String source) {
    int colon = entry.indexOf(':');
    if (colon <= 0 || colon > 32) {
      throw new IllegalStateException("审计密钥格式应为 <id>:<base64>（" + source + "）");
    }
    String id = entry.substring(0, colon);
    byte[] secret;
    try {
      secret = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("审计密钥 " + id + " 不是有效的 Base64（" + source + "）");
    }
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalStateException("审计密钥 " + id + " 过短：至少 " + MIN_SECRET_BYTES + " 字节（" + source + "）");
    }
    byte[] known = keys.putIfAbsent(id, secret);
    if (known != null && !Arrays.equals(known, secret)) {
      throw new IllegalStateException("审计密钥 id " + id + " 配置了两个不同的值（" + source + "）");
    }
    return id;
  }

  private static String generated(Clock clock) {
    byte[] secret = new byte[MIN_SECRET_BYTES];
    new SecureRandom().nextBytes(secret);
    String id = "k" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(clock.getZone()).format(clock.instant());
    return id + ":" + Base64.getEncoder().encodeToString(secret);
  }

  static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Writes a secret file readable by its owner only (where the file system knows owners). */
  static void write(Path file, String content) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, ".key", ".tmp");
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        LOG.debug("no POSIX permissions on {}", parent);
      }
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
