package cn.govshare.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 key pair that signs audit anchors (R26): the private key stays with the application (a key
 * file, never the database); the public key is published ({@code GET /api/audit/anchor-key},
 * docs/security.md) so an auditor checks an anchor without trusting the server. Key file lines:
 * {@code private:<base64 PKCS#8>} and {@code public:<base64 X.509>}.
 */
final class AnchorKeys {

  private static final Logger LOG = LoggerFactory.getLogger(AnchorKeys.class);
  static final String ALGORITHM = "Ed25519";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  AnchorKeys(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  static AnchorKeys load(Path keyFile, boolean generate) {
    if (keyFile != null && Files.isRegularFile(keyFile)) {
      String privatePart = null;
      String publicPart = null;
      for (String line : AuditKeys.readLines(keyFile)) {
        if (line.startsWith("private:")) {
          privatePart = line.substring("private:".length()).trim();
        } else if (line.startsWith("public:")) {
          publicPart = line.substring("public:".length()).trim();
        }
      }
      if (privatePart == null || publicPart == null) {
        throw new IllegalStateException("审计锚点密钥文件 " + keyFile + " 须含 private: 与 public: 两行");
      }
      try {
        KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
        return new AnchorKeys(factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privatePart))),
            publicKey(publicPart));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new IllegalStateException("审计锚点密钥文件 " + keyFile + " 无效：" + e.getMessage(), e);
      }
    }
    if (!generate || keyFile == null) {
      throw new IllegalStateException("审计锚点签名密钥未配置：生产环境须设置 govshare.audit.anchor.key-file"
          + "（Ed25519，见 docs/security.md）");
    }
    try {
      KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      AuditKeys.write(keyFile, "# GovShare audit anchor signing key (Ed25519, R26). Publish the public line.\n"
          + "private:" + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
          + "public:" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n");
      LOG.warn("No audit anchor key configured: generated {} (demo/embedded only)", keyFile.toAbsolutePath());
      return new AnchorKeys(pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
    }
  }

  static PublicKey publicKey(String base64) throws GeneralSecurityException {
    return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  /** SHA-256 of the encoded public key, hex: what docs and auditors compare. */
  String fingerprint() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String sign(String text) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(privateKey);
      signature.update(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean verifies(String text, String signatureBase64) {
    return verifies(publicKey, text, signatureBase64);
  }

  static boolean verifies(PublicKey key, String text, String signatureBase64) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initVerify(key);
      signature.update(text.getBytes(StandardCharsets.UTF_8));
      return signature.verify(Base64.getDecoder().decode(signatureBase64));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
