package cn.govshare.audit;

/**
 * An anchor checked against the database: whether its signature is GovShare's, whether the anchored record
 * is still there with the anchored hash and position, and the chain from there to today's head.
 */
public record AnchorCheck(boolean signatureValid, boolean matches, String detail, Anchor anchor, ChainCheck chain) {
}
