package cn.govshare.federation.api;

/** The paths, header and group of Wire API v1 (docs/federation.md). */
public final class FederationPaths {

  /** The version lives in the path: a v2 would sit beside v1, never change it. */
  public static final String BASE = "/api/federation/v1";
  public static final String CATALOG = BASE + "/catalog";
  public static final String APPLICATIONS = BASE + "/applications";
  /** One value per forwarding: a retry repeats it, a new forwarding takes a new one. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  /** The group a lower platform's service account belongs to at the upper platform. */
  public static final String PEERS_GROUP = "federation-peers";
  /** The springdoc group that documents only this API (/v3/api-docs/federation-v1). */
  public static final String OPENAPI_GROUP = "federation-v1";

  private FederationPaths() {
  }
}
