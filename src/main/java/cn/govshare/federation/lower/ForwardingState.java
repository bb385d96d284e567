package cn.govshare.federation.lower;

/** Where an application to the upper platform stands on this platform (R24). */
enum ForwardingState {
  /** Nanchang 16: the bulk window is open; the operator may gather further requests into it. */
  GATHERING("汇总中（整体授权）"),
  /** In the outbox, due at next_attempt_at. */
  PENDING("待上级平台受理"),
  /** Claimed by a node that is sending it now. */
  SENDING("待上级平台受理"),
  /** The upper platform has it (its answer to the POST). */
  DELIVERED("上级平台已受理"),
  /** The upper platform's final answer arrived and was passed on to every request. */
  ANSWERED("上级平台已答复"),
  /** Gathered into another application by the operator; its requests travel with that one. */
  MERGED("已并入整体授权申请");

  private final String label;

  ForwardingState(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
