package cn.govshare.federation.upper;

/** A lower department an application is for, and its grant holder code here ({@link Peer#holder}). */
record ForwardedDepartment(long applicationId, int seq, String code, String name, String holder) {
}
