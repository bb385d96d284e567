package cn.govshare.audit;

import cn.govshare.org.Caller;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * R26, issue 18 class 4: the chain head is anchored outside the database at least daily: a signed JSON file
 * per anchor in {@code govshare.audit.anchor.directory}, which operations copy off the machine. An auditor
 * checks a database against any anchor (docs/security.md): an attacker who rewrites the database, key
 * or not, cannot make an older anchored head match again.
 */
@Service
public class AuditAnchors {

  private static final Logger LOG = LoggerFactory.getLogger(AuditAnchors.class);
  static final Pattern FILE_NAME = Pattern.compile("audit-anchor-\\d{8}T\\d{6}Z\\.json");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final AuditTrail audit;
  private final AuditSealer sealer;
  private final AnchorKeys keys;
  private final ObjectMapper json;
  private final Clock clock;
  private final Path directory;

  AuditAnchors(AuditTrail audit, AuditSealer sealer, AnchorKeys keys, ObjectMapper json, Clock clock,
      @Value("${govshare.audit.anchor.directory}") Path directory) {
    this.audit = audit;
    this.sealer = sealer;
    this.keys = keys;
    this.json = json;
    this.clock = clock;
    this.directory = directory;
    LOG.info("audit anchors: Ed25519 public key fingerprint {}, directory {}", keys.fingerprint(),
        directory.toAbsolutePath());
  }

  /** Daily by default ({@code govshare.audit.anchor.cron}, Asia/Shanghai). */
  @Scheduled(cron = "${govshare.audit.anchor.cron}", zone = "Asia/Shanghai")
  void scheduled() {
    Written written = write(null);
    LOG.info("audit head anchored: {} (record {}, {} records)", written.file(), written.anchor().lastId(),
        written.anchor().count());
  }

  /** A new anchor of the current head, written to the anchor directory; {@code by} null: the schedule. */
  public Written write(Caller by) {
    // the anchor covers every record committed before it was asked for
    sealer.sealNow();
    ChainCheck chain = audit.verify();
    AuditHead head = audit.head();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Anchor unsigned = new Anchor(Anchor.FORMAT, now, head.last(), head.count(), head.lastHash(), head.keyId(),
        chain.intact(), keys.fingerprint(), null);
    Anchor anchor = new Anchor(unsigned.format(), now, unsigned.lastId(), unsigned.count(), unsigned.headHash(),
        unsigned.keyId(), unsigned.chainIntact(), unsigned.publicKeyFingerprint(), keys.sign(unsigned.canonical()));
    Path file = directory.resolve("audit-anchor-" + STAMP.format(now) + ".json");
    try {
      Files.createDirectories(directory);
      json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), anchor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write audit anchor " + file, e);
    }
    Caller actor = by != null ? by : new Caller(AuditTrail.SYSTEM, "系统", null, Set.of());
    audit.append(List.of(AuditTrail.unchained(actor, "AUDIT_ANCHORED", "AUDIT_ANCHOR",
        file.getFileName().toString(), chain.intact() ? AuditTrail.OK : AuditTrail.REJECTED,
        "链头锚定：记录 " + anchor.lastId() + "，共 " + anchor.count() + " 条" + (chain.intact() ? "" : "；校验未通过：" + chain.detail()),
        Set.of(), null, clock.instant())));
    return new Written(file.getFileName().toString(), anchor);
  }

  /** An anchor file from the anchor directory, by its name. */
  Optional<Anchor> read(String fileName) {
    if (!FILE_NAME.matcher(fileName).matches()) {
      return Optional.empty();
    }
    Path file = directory.resolve(fileName);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(file.toFile(), Anchor.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read audit anchor " + file, e);
    }
  }

  /** Checks the database against an anchor: signature, anchored record, position, and the chain since. */
  public AnchorCheck check(Anchor anchor) {
    ChainCheck chain = audit.verify();
    boolean signed = keys.fingerprint().equals(anchor.publicKeyFingerprint()) && anchor.signature() != null
        && keys.verifies(anchor.canonical(), anchor.signature());
    if (!signed) {
      return new AnchorCheck(false, false, "锚点签名无效或不是本系统的公钥所签（公钥指纹 " + keys.fingerprint() + "）", anchor,
          chain);
    }
    if (anchor.count() == 0) {
      return new AnchorCheck(true, chain.intact(), chain.intact() ? "锚定时审计链为空；当前链完整" : chain.detail(), anchor, chain);
    }
    Optional<AuditRecord> record = audit.find(anchor.lastId());
    if (record.isEmpty()) {
      return new AnchorCheck(true, false, "锚定的记录 " + anchor.lastId() + " 已不在库中：记录被删除", anchor, chain);
    }
    if (!record.get().hash().equals(anchor.headHash())) {
      return new AnchorCheck(true, false, "锚定的记录 " + anchor.lastId() + " 的哈希与锚点不符：链被改写", anchor, chain);
    }
    long count = audit.countUpTo(anchor.lastId());
    if (count != anchor.count()) {
      return new AnchorCheck(true, false, "锚定时至记录 " + anchor.lastId() + " 共 " + anchor.count() + " 条，库中现有 " + count
          + " 条：其前的记录被删除或插入", anchor, chain);
    }
    if (!chain.intact()) {
      return new AnchorCheck(true, false, "锚定的记录仍在，但其后的链不完整：" + chain.detail(), anchor, chain);
    }
    return new AnchorCheck(true, true, "与锚点一致：记录 " + anchor.lastId() + " 及以前未被改动，其后的链完整至记录 "
        + chain.lastId(), anchor, chain);
  }

  String publicKey() {
    return keys.publicKeyBase64();
  }

  String fingerprint() {
    return keys.fingerprint();
  }

  /** An anchor and the name of the file it was written to. */
  public record Written(String file, Anchor anchor) {
  }
}
